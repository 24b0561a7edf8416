numbers = [3, 1, 2]
print(sorted(numbers))  # [1, 2, 3]
