numbers = range(1_000_000)

# List comprehension: creates 1M items in memory immediately
squares_list = [x * x for x in numbers]

# Generator expression: creates one item at a time — memory stays O(1)
squares_gen = (x * x for x in numbers)
total = sum(squares_gen)  # only one item exists at a time during iteration
