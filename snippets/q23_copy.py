a = [1, [2, 3], 4]
b = a           # alias — same object
b.append(5)
print(a)        # [1, [2, 3], 4, 5] — a is affected!

import copy

# Shallow copy: new outer container, but nested objects are still shared
c = copy.copy(a)   # or: a[:] or list(a)
c.append(99)       # c gets 99; a is unchanged for top-level items
c[1].append(99)    # c[1] and a[1] are the SAME nested list — both affected!
print(a[1])        # [2, 3, 99] — shallow copy does not protect nested objects

# Deep copy: recursively copies everything — fully independent
a = [1, [2, 3], 4]
d = copy.deepcopy(a)
d[1].append(99)
print(a[1])        # [2, 3] — unaffected
print(d[1])        # [2, 3, 99]
