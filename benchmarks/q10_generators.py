"""Q10: a generator expression keeps one item at a time; a list comprehension all n."""


def generator_sum(n):
    return sum(x * x for x in range(n))


def list_sum(n):
    return sum([x * x for x in range(n)])
