"""Q16: a thread pool for waiting, a process pool for computing."""
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import requests

BASE = os.environ.get('GUIDECHECK_HTTP_BASE', 'http://127.0.0.1:9')
URLS = [BASE + '/delay/1'] * 10


def fetch_url(url):
    return requests.get(url).status_code


def thread_pool():
    with ThreadPoolExecutor(max_workers=10) as executor:
        return list(executor.map(fetch_url, URLS))


# The guide's heavy_compute with 1,000,000 instead of 5,000,000: eight tasks,
# one after another or in ProcessPoolExecutor(max_workers=4).
def heavy_compute(n):
    return sum(i ** 2 for i in range(n))


N = 1_000_000


def sequential():
    return [heavy_compute(N) for _ in range(8)]


def process_pool():
    with ProcessPoolExecutor(max_workers=4) as executor:
        return list(executor.map(heavy_compute, [N] * 8))
