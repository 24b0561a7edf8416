# One claim of each verdict.
print(1 + 1)  # 2
print('text')  # 'text'
a = 1000
b = 1000
print(a is b)  # False
print(2 + 2)  # 5
print(sum(range(10)))  # 45
