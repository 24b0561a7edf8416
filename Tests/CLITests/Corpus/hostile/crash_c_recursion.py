import sys
sys.setrecursionlimit(10 ** 7)
nested = []
for _ in range(200_000):
    nested = [nested]
repr(nested)
