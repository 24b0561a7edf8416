import functools
import time

# Decorator without arguments
def timer(func):
    @functools.wraps(func)  # preserves __name__, __doc__, __annotations__
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        elapsed = time.perf_counter() - start
        print(f'{func.__name__} took {elapsed:.4f}s')
        return result
    return wrapper

@timer
def slow_function(n):
    """Computes something slowly."""
    return sum(range(n))

slow_function(10_000_000)
# slow_function took 0.3271s

print(slow_function.__name__)  # 'slow_function' — preserved by @wraps
print(slow_function.__doc__)   # 'Computes something slowly.' — preserved
