"""Q2: the cyclic GC's cost on two workloads, and its thresholds."""
import gc


def rows():
    # Container objects by the hundred thousand, as a request handler builds
    # rows: every allocation counts towards a gen-0 collection.
    for _ in range(20):
        built = [{'id': i, 'tags': [i, str(i)], 'pair': (i, i + 1)} for i in range(2_000)]
        del built


def text():
    # Formatting and parsing strings: few containers the GC tracks.
    out = []
    for i in range(8_000):
        fields = f"{i},user{i % 97},{i * 3.5:.2f}".split(',')
        out.append('|'.join(fields).upper())
    return len(out)


WORKLOADS = {'rows': rows, 'text': text}


def gc_enabled(workload='rows'):
    gc.enable()
    WORKLOADS[workload]()


def gc_disabled(workload='rows'):
    gc.disable()
    try:
        WORKLOADS[workload]()
    finally:
        gc.enable()


def thresholds():
    return gc.get_threshold()
