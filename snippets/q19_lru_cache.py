from functools import lru_cache

@lru_cache(maxsize=None)  # None = unbounded cache
def fibonacci(n):
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)

fibonacci(100)  # O(n) — each subproblem computed once
print(fibonacci.cache_info())
# CacheInfo(hits=98, misses=101, maxsize=None, currsize=101)
fibonacci.cache_clear()  # clear cache when inputs change or for testing
