import weakref

class Node:
    def __init__(self, parent=None):
        self.parent = weakref.ref(parent) if parent else None  # weak ref — doesn't prevent GC

    def get_parent(self):
        return self.parent() if self.parent else None  # call to dereference
