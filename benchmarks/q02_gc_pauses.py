"""Q2: how long the cyclic GC's automatic pauses are, under the default thresholds,
under the guide's gc.set_threshold(100, 5, 5), and after gc.disable().

A pause is the time from gc.callbacks' 'start' phase of an automatic collection
to its 'stop' phase. The workload is a service's, with no reference cycles: a
live heap of 100 000 records (200 000 containers, which a full collection must
traverse), then 1 000 requests that each build a 1 000-row response of dicts and
lists and drop it. Responses alive while a young collection runs are promoted,
so the old generation keeps receiving objects that later die, and full
collections come due (CPython runs one when the objects promoted since the last
exceed 25 % of the old generation).
"""
import gc
import time

LIVE_RECORDS = 100_000
REQUESTS = 1_000
ROWS = 1_000


def _serve():
    for r in range(REQUESTS):
        response = [{'id': i, 'tags': [r, i]} for i in range(ROWS)]
        del response


def _pauses(thresholds, disable=False):
    """Every automatic collection during the requests, as (seconds, generation)."""
    saved, enabled = gc.get_threshold(), gc.isenabled()
    pauses, started = [], [0.0]

    def watch(phase, info):
        if phase == 'start':
            started[0] = time.perf_counter()
        else:
            pauses.append((time.perf_counter() - started[0], info['generation']))

    gc.set_threshold(*thresholds)
    gc.disable() if disable else gc.enable()
    gc.callbacks.append(watch)
    try:
        _serve()
    finally:
        gc.callbacks.remove(watch)
        gc.set_threshold(*saved)
        gc.enable() if enabled else gc.disable()
    return pauses


def summary(pauses):
    """Max, 99th-percentile and total pause (ms); collections, full collections."""
    times = sorted(p for p, _ in pauses) or [0.0]
    return {'max_ms': times[-1] * 1e3, 'p99_ms': times[int((len(times) - 1) * 0.99)] * 1e3,
            'total_ms': sum(times) * 1e3, 'collections': len(pauses),
            'full': sum(generation == 2 for _, generation in pauses)}


def setup_max_pause_default(live=LIVE_RECORDS):
    heap = [{'id': i, 'tags': [i, i + 1]} for i in range(live)]
    gc.collect()  # the heap in the oldest generation, every count at zero
    return heap


# The longest automatic GC pause (ms) under the default thresholds (700, 10, 10).
def max_pause_default(heap):
    return summary(_pauses((700, 10, 10)))['max_ms']


setup_max_pause_tuned = setup_max_pause_default


# The longest automatic GC pause (ms) under gc.set_threshold(100, 5, 5).
def max_pause_tuned(heap):
    return summary(_pauses((100, 5, 5)))['max_ms']


setup_collections_default = setup_max_pause_default


# Automatic collections (pauses) during the requests: GC on, default thresholds.
def collections_default(heap):
    return summary(_pauses((700, 10, 10)))['collections']


setup_collections_disabled = setup_max_pause_default


# Automatic collections (pauses) during the same requests after gc.disable().
def collections_disabled(heap):
    return summary(_pauses((700, 10, 10), disable=True))['collections']
