"""Q21: membership in a list and in a dict, and what a dict costs."""
import sys


def setup_list_membership(n):
    return list(range(n))


def list_membership(items):
    return (len(items) - 1) in items  # the last item: a full scan


def setup_dict_membership(n):
    return dict.fromkeys(range(n), True)


def dict_membership(table):
    return (len(table) - 1) in table


# The containers alone (the items are the same objects in both), n items each.
def list_bytes(n):
    return sys.getsizeof(list(range(n)))


def dict_bytes(n):
    return sys.getsizeof({i: True for i in range(n)})
