def count_up(start, end):
    """Generator version of CountUp — far simpler."""
    for i in range(start, end):
        yield i

gen = count_up(0, 3)
print(next(gen))  # 0
print(next(gen))  # 1
print(next(gen))  # 2
# next(gen) → StopIteration

# Generators are memory-efficient for large sequences
def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

from itertools import islice
print(list(islice(fibonacci(), 10)))
# [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# The infinite sequence never fully materializes in memory
