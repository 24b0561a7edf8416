"""Q19: what a repeated call to an lru_cache'd function costs, as the work it
caches grows with n.

The cached function does O(n) work on its argument. The setup makes the first
call (a miss); each timed call repeats it 10 times with the same argument object
(hits). The argument is an int n, or a tuple of n numbers (the guide's
Pitfall 1 passes tuple(data)): lru_cache hashes its arguments on every call, and
a tuple's hash is computed anew each time.
"""
from functools import lru_cache


def setup_cached_call(n, argument='int'):
    @lru_cache(maxsize=128)
    def work(data):
        return sum(x * x for x in (range(data) if isinstance(data, int) else data))

    data = n if argument == 'int' else tuple(range(n))
    work(data)
    return work, data


# 10 repeated calls (cache hits) of a function whose uncached work is O(n).
def cached_call(state):
    work, data = state
    for _ in range(10):
        work(data)
