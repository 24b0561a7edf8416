def chain(*iterables):
    """Simplified implementation of itertools.chain using yield from."""
    for it in iterables:
        yield from it  # equivalent to: for item in it: yield item
                       # but also passes send() and throw() through correctly

list(chain([1, 2], [3, 4], [5]))  # [1, 2, 3, 4, 5]

# yield from with a return value — captures the sub-generator's return
def accumulate(values):
    total = 0
    for v in values:
        total += v
        yield total
    return total  # only accessible via StopIteration.value or yield from

def pipeline(data):
    final_total = yield from accumulate(data)  # captures the return value
    print(f'Final total was: {final_total}')
