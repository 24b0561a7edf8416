def outer():
    x = 10

    def inner():
        return x  # x is a free variable — stored in a cell

    return inner

f = outer()
print(f())  # 10 — outer's stack frame is gone, but x lives in the cell

# Inspect closure cells:
print(f.__closure__)                     # (<cell at 0x...>,)
print(f.__closure__[0].cell_contents)    # 10

# What 'nonlocal' does:
def counter():
    count = 0

    def increment():
        nonlocal count  # tells Python: count is in a cell, don't make a new local
        count += 1
        return count

    return increment
