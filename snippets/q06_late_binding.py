# The late-binding trap
functions = []
for i in range(3):
    functions.append(lambda: i)  # captures the variable i, not its current value

print([f() for f in functions])  # [2, 2, 2] — all see the final value of i

# Fix 1: default argument (evaluated at function creation time, not call time)
functions = []
for i in range(3):
    functions.append(lambda i=i: i)  # i is now a local default

print([f() for f in functions])  # [0, 1, 2]

# Fix 2: factory function (creates a new scope per iteration)
def make_fn(i):
    return lambda: i

functions = [make_fn(i) for i in range(3)]
print([f() for f in functions])  # [0, 1, 2]
