# Bug: the list is created once and shared across all calls
def append_to(item, lst=[]):
    lst.append(item)
    return lst

print(append_to(1))  # [1]
print(append_to(2))  # [1, 2] — not [2]!
print(append_to(3))  # [1, 2, 3] — the same list accumulates

# Fix: use None as sentinel, create a fresh object inside the function
def append_to(item, lst=None):
    if lst is None:
        lst = []
    lst.append(item)
    return lst

print(append_to(1))  # [1]
print(append_to(2))  # [2]
