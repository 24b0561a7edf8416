@lru_cache
def process(data):
    return sum(data)

process([1, 2, 3])           # TypeError: unhashable type: 'list'
process(tuple([1, 2, 3]))    # OK
