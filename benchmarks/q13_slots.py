"""Q13: what an instance costs with a __dict__ and with __slots__."""
import sys


class PointDict:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class PointSlots:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


def dict_instance_size():
    return sys.getsizeof(PointDict(1, 2))


def instance_dict_size():
    return sys.getsizeof(PointDict(1, 2).__dict__)


def slots_instance_size():
    return sys.getsizeof(PointSlots(1, 2))


# A million points, measured by tracemalloc: everything allocated, __dict__s
# included (sys.getsizeof of an instance leaves its __dict__ out).
def million_dict_points():
    points = [PointDict(i, i) for i in range(1_000_000)]
    return len(points)


def million_slots_points():
    points = [PointSlots(i, i) for i in range(1_000_000)]
    return len(points)
