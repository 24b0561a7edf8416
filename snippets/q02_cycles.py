# Classic cycle: list containing itself
a = []
a.append(a)  # a.__refcount__ never reaches 0

# Object cycle
class Node:
    def __init__(self):
        self.child = None

parent = Node()
child = Node()
parent.child = child
child.parent = parent  # cycle — reference counting cannot free these
del parent, child
# Still in memory until the cyclic GC runs
