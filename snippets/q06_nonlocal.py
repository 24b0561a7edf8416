def make_counter():
    count = 0

    def increment():
        nonlocal count  # required: count += 1 is a rebinding (count = count + 1)
        count += 1
        return count

    return increment

counter = make_counter()
print(counter())  # 1
print(counter())  # 2

# No nonlocal needed for mutation — the list object is not rebound
def make_appender():
    items = []

    def append(x):
        items.append(x)  # mutating items in-place — no nonlocal needed
        return items

    return append

appender = make_appender()
print(appender(1))  # [1]
print(appender(2))  # [1, 2]
