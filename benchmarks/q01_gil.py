"""Q1: what the GIL does to threads, and what it does not do to processes and NumPy."""
import os
import threading
from multiprocessing import Pool

import numpy as np
import requests

# The guide's ten fetches, served by guidecheck's loopback server with a fixed
# 100 ms server-side delay (the guide's https://example.com is not reachable here).
BASE = os.environ.get('GUIDECHECK_HTTP_BASE', 'http://127.0.0.1:9')
URLS = [BASE + '/delay/0.1'] * 10


def fetch(url):
    return requests.get(url).status_code


def sequential_fetches():
    for url in URLS:
        fetch(url)


def threaded_fetches():
    threads = [threading.Thread(target=fetch, args=(url,)) for url in URLS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def cpu_work(n=300_000):
    return sum(i * i for i in range(n))


def cpu_sequential():
    cpu_work()
    cpu_work()


def cpu_threaded():
    threads = [threading.Thread(target=cpu_work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# The guide's cpu_heavy, with 2,000,000 instead of 10,000,000 so a value lasts
# about a second; four of them, one after another or in Pool(processes=4).
def cpu_heavy(n):
    return sum(i * i for i in range(n))


POOL_N = 2_000_000


def pool_sequential():
    return [cpu_heavy(POOL_N) for _ in range(4)]


def pool_parallel():
    with Pool(processes=4) as pool:
        return pool.map(cpu_heavy, [POOL_N] * 4)


# NumPy releases the GIL in BLAS; BLAS itself is pinned to one thread (the
# catalog sets OPENBLAS_NUM_THREADS=1), so any speed-up comes from the two threads.
MATRIX = np.random.default_rng(0).random((500, 500))


def numpy_product():
    return MATRIX @ MATRIX


def numpy_sequential():
    numpy_product()
    numpy_product()


def numpy_threaded():
    threads = [threading.Thread(target=numpy_product) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
