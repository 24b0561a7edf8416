"""Q9 and Q27: the guide's timed example, sum(range(10_000_000))."""


def sum_range():
    return sum(range(10_000_000))
