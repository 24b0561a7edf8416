"""Q20: building a string with += versus ''.join."""


def setup_concatenate(n, keep_reference=False):
    return ['x'] * n, keep_reference


def concatenate(state):
    chunks, keep_reference = state
    result = ''
    alias = None
    for chunk in chunks:
        result += chunk
        if keep_reference:
            alias = result  # a second reference: += can no longer resize in place
    del alias
    return result


def setup_join(n):
    return ['x'] * n


def join(chunks):
    return ''.join(chunks)
