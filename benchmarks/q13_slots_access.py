"""Q13: attribute access on the guide's PointDict (a __dict__) and PointSlots (__slots__).

A call runs 1 000 iterations of 10 attribute reads (or writes), so the accesses,
not the call or the loop, make most of the time. Each class has its own loops:
3.11 specialises every attribute access for the one class it sees, and a loop
shared by both classes would keep missing. 3.11 keeps a PointDict's attributes
inline until its __dict__ is asked for (vars(p), p.__dict__, copy, pickle, the
guide's own sys.getsizeof(p1.__dict__)); from then on a real dict holds them.
"""


class PointDict:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class PointSlots:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


def _read_dict(p):
    for _ in range(1_000):
        p.x; p.y; p.x; p.y; p.x; p.y; p.x; p.y; p.x; p.y


def _write_dict(p):
    for i in range(1_000):
        p.x = i; p.y = i; p.x = i; p.y = i; p.x = i; p.y = i; p.x = i; p.y = i; p.x = i; p.y = i


def _read_slots(p):
    for _ in range(1_000):
        p.x; p.y; p.x; p.y; p.x; p.y; p.x; p.y; p.x; p.y


def _write_slots(p):
    for i in range(1_000):
        p.x = i; p.y = i; p.x = i; p.y = i; p.x = i; p.y = i; p.x = i; p.y = i; p.x = i; p.y = i


def setup_access_dict(op='read', dict_asked=False):
    p = PointDict(1, 2)
    if dict_asked:
        p.__dict__  # from now on a real dict holds x and y
    return (_read_dict if op == 'read' else _write_dict), p


# 10 000 reads (or writes) of x and y on a PointDict.
def access_dict(state):
    loop, p = state
    loop(p)


def setup_access_slots(op='read', dict_asked=False):
    return (_read_slots if op == 'read' else _write_slots), PointSlots(1, 2)  # no __dict__ to ask for


# 10 000 reads (or writes) of x and y on a PointSlots.
def access_slots(state):
    loop, p = state
    loop(p)
