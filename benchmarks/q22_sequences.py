"""Q22: popping from the left of a deque and of a list; an array versus a list."""
import array
import sys
from collections import deque


def setup_deque_popleft(n):
    return deque(range(n))


def deque_popleft(items):
    items.append(items.popleft())  # the size stays n


def setup_list_pop_front(n):
    return list(range(n))


def list_pop_front(items):
    items.append(items.pop(0))  # the size stays n


def list_bytes():
    return sys.getsizeof(list(range(100_000)))


def array_bytes():
    return sys.getsizeof(array.array('i', range(100_000)))
