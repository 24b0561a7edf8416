"""Q22: the memory 100 000 numbers take in a list and in an array.array.

Everything the container keeps is counted, not the container alone: a list's
numbers are Python objects (an int or a float each) that the list points to, and
those are the "Python objects" the guide says an array avoids. The bytes are the
allocations tracemalloc traces that are still alive after the build, each rounded
up as CPython's small-object allocator rounds it (to a multiple of 16 bytes, up
to 512): a float asks for 24 bytes and occupies 32. Small ints (-5 to 256) are
shared objects that nobody allocates. Both containers are built from the same
generator, as computed data is (so each carries its growth slack).
"""
import array
import tracemalloc

N = 100_000


def _numbers(typecode, n=N):
    """n numbers that fit the typecode: floats 0.0, 1.0, …; ints centred on 0."""
    if typecode in 'fd':
        return (float(i) for i in range(n))
    span = min(2 ** (8 * array.array(typecode).itemsize), n)
    return (i % span - span // 2 for i in range(n))


def _footprint(build):
    """Bytes still allocated by build() once it returns (measure: value, not memory)."""
    assert not tracemalloc.is_tracing(), 'measured as a value: this traces on its own'
    tracemalloc.start()
    try:
        kept = build()
        traces = tracemalloc.take_snapshot().traces
    finally:
        tracemalloc.stop()
    del kept
    return sum(-(-t.size // 16) * 16 if t.size <= 512 else t.size for t in traces)


# Bytes a list of the numbers occupies: the list and the number objects it holds.
def list_bytes(typecode='i'):
    return _footprint(lambda: list(_numbers(typecode)))


# Bytes an array.array of the same numbers occupies.
def array_bytes(typecode='i'):
    return _footprint(lambda: array.array(typecode, _numbers(typecode)))
