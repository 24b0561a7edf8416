def process(data, *, validate=True, encoding='utf-8'):
    # validate and encoding must always be keyword arguments
    pass

process([1, 2, 3])                   # OK — defaults used
process([1, 2, 3], validate=False)   # OK
process([1, 2, 3], False)            # TypeError — cannot pass keyword-only positionally
