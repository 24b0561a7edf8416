import time

class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self  # value bound to the `as` variable

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.elapsed = time.perf_counter() - self.start
        print(f'Elapsed: {self.elapsed:.4f}s')
        return False  # don't suppress exceptions

with Timer() as t:
    total = sum(range(10_000_000))

print(f'Captured: {t.elapsed:.4f}s')  # also accessible after the block
