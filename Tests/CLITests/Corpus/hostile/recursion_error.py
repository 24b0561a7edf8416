def forever():
    return forever()

forever()  # raises RecursionError
print('still running')  # still running
