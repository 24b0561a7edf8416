"""Q2: the cyclic GC's cost on an allocation-heavy workload, and its thresholds."""
import gc


def allocate():
    # Container objects by the hundred thousand, as a request handler builds
    # rows: every allocation counts towards a gen-0 collection.
    for _ in range(20):
        rows = [{'id': i, 'tags': [i, str(i)], 'pair': (i, i + 1)} for i in range(2_000)]
        del rows


def gc_enabled():
    gc.enable()
    allocate()


def gc_disabled():
    gc.disable()
    try:
        allocate()
    finally:
        gc.enable()


def thresholds():
    return gc.get_threshold()
