"""Q19: what lru_cache does to recursion, to memory, and to instances."""
import functools
import gc
import sys
from functools import lru_cache

sys.setrecursionlimit(20_000)


@lru_cache(maxsize=None)
def fibonacci(n):
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)


def subproblems_computed(n):
    # "Each subproblem computed once": the calls that missed the cache. (Timing
    # fibonacci(n) would measure big-integer additions too: fibonacci(6400) has
    # about 1,300 digits, so its time grows faster than n.)
    fibonacci.cache_clear()
    fibonacci(n)
    return fibonacci.cache_info().misses


def cache_entries_after(n):
    @lru_cache(maxsize=None)
    def square(x):
        return x * x
    for i in range(n):
        square(i)
    return square.cache_info().currsize


class DataProcessor:
    def __init__(self, data):
        self.data = data

    @functools.lru_cache(maxsize=128)  # the guide's: the cache lives on the class
    def process(self, multiplier):
        return [x * multiplier for x in self.data]


def live_instances_after_1000():
    for _ in range(1000):
        dp = DataProcessor(list(range(100)))
        dp.process(2)
    del dp
    gc.collect()
    return sum(1 for obj in gc.get_objects() if type(obj) is DataProcessor)
