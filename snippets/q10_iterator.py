class CountUp:
    """Manual iterator — counts from start to end."""
    def __init__(self, start, end):
        self.current = start
        self.end = end

    def __iter__(self):
        return self  # the iterator is also an iterable

    def __next__(self):
        if self.current >= self.end:
            raise StopIteration
        value = self.current
        self.current += 1
        return value

for n in CountUp(0, 3):
    print(n)  # 0, 1, 2
