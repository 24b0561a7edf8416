import sys

class PointDict:  # default — has __dict__
    def __init__(self, x, y):
        self.x = x
        self.y = y

class PointSlots:  # uses __slots__
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y

p1 = PointDict(1, 2)
p2 = PointSlots(1, 2)

print(sys.getsizeof(p1))           # ~48 bytes (object header)
print(sys.getsizeof(p1.__dict__))  # ~232 bytes (dict overhead)
print(sys.getsizeof(p2))           # ~56 bytes — no dict, just slots
