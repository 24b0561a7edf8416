"""Q22: indexing the middle of a deque and of a list, deque.appendleft, inserting
into and deleting from a list at the front or the middle, and building a list by
appends, at sizes n.

A call repeats its operation 100 times (a list insertion 10 times: at n = 10⁶
each one moves 8 MB), so the operation, not the call, makes the time; an
insertion is undone at once, so the size stays n throughout. The items are one
shared object ([0] * n): the containers, not their items, are what is measured.
"""
from collections import deque


def setup_deque_index_middle(n):
    return deque([0] * n), n // 2


# 100 reads of the middle item of a deque of n items.
def deque_index_middle(state):
    items, middle = state
    for _ in range(100):
        items[middle]


def setup_list_index_middle(n):
    return [0] * n, n // 2


# 100 reads of the middle item of a list of n items.
def list_index_middle(state):
    items, middle = state
    for _ in range(100):
        items[middle]


def setup_deque_appendleft(n):
    return deque([0] * n)


# 100 × deque.appendleft(x), each undone by pop() from the right.
def deque_appendleft(items):
    for _ in range(100):
        items.appendleft(1)
        items.pop()


def setup_list_insert_delete(n, where='front'):
    return [0] * n, 0 if where == 'front' else n // 2


# 10 × list.insert(i, x) then del items[i], at the front (i = 0) or the middle.
def list_insert_delete(state):
    items, i = state
    for _ in range(10):
        items.insert(i, 1)
        del items[i]


# Builds a list of n items by n appends (amortized O(1) each: O(n) in all).
def list_append(n):
    items = []
    for _ in range(n):
        items.append(None)  # one shared object: the appends, not new ints, are timed
    return len(items)
