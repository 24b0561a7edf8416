from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
import requests

# I/O bound — threading or asyncio
def fetch_url(url):
    return requests.get(url).status_code

urls = ['https://httpbin.org/delay/1'] * 10
with ThreadPoolExecutor(max_workers=10) as executor:
    results = list(executor.map(fetch_url, urls))
# Wall time ~1s despite 10 requests — they wait concurrently

# CPU bound — multiprocessing
def heavy_compute(n):
    return sum(i ** 2 for i in range(n))

with ProcessPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(heavy_compute, [5_000_000] * 8))
# 8 tasks across 4 cores in parallel
