"""Q21: a dict lookup when every key has the same hash; insertion and deletion in
a dict of n keys, and in a defaultdict or Counter of n keys.

Colliding keys: the ints k·(2**61 − 1) all hash to 0 (an int's hash is its value
modulo 2**61 − 1, and hash randomization leaves ints alone), so they follow one
probe sequence and the k-th inserted key is found after k comparisons. Building
such a dict costs O(n²), done in the setup.
"""
from collections import Counter, defaultdict

MODULUS = 2**61 - 1  # sys.hash_info.modulus on 64-bit builds


def setup_colliding_lookup(n):
    table = dict.fromkeys(k * MODULUS for k in range(1, n + 1))
    return table, int(str(n * MODULUS))  # an equal key, not the same object


# Looks up the last-inserted of n keys that all share one hash value.
def colliding_lookup(state):
    table, key = state
    return key in table


def setup_insert_delete(n):
    return dict.fromkeys(range(n)), range(n, n + 100)


# Inserts 100 new keys into a dict of n keys, then deletes them: the size stays n.
def insert_delete(state):
    table, extra = state
    for key in extra:
        table[key] = None
    for key in extra:
        del table[key]


def setup_subclass_insert_delete(n, kind='defaultdict'):
    table = defaultdict(int) if kind == 'defaultdict' else Counter()
    table.update(dict.fromkeys(range(n), 1))
    return table, range(n, n + 100)


# 100 × `table[new_key] += 1` (a missing key: defaultdict's factory, Counter's 0),
# then the 100 keys deleted: the size stays n.
def subclass_insert_delete(state):
    table, extra = state
    for key in extra:
        table[key] += 1
    for key in extra:
        del table[key]
