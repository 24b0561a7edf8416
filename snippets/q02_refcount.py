import sys

x = [1, 2, 3]
print(sys.getrefcount(x))  # 2 (one for x, one for the getrefcount argument)

y = x  # count becomes 3
del y  # count back to 2
del x  # count reaches 0 → immediately freed
