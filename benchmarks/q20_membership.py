"""Q20: membership testing in a set of n items (the list's O(n) and the dict's
O(1) are q21_dict.py's)."""


def setup_set_membership(n):
    return set(range(n)), n - 1


# 100 × `x in s` for a set of n ints (x the last one added).
def set_membership(state):
    items, x = state
    for _ in range(100):
        x in items
