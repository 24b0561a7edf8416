"""Q20: building a string with += versus ''.join."""


def setup_concatenate(n):
    return ['x'] * n


def concatenate(chunks):
    result = ''
    for chunk in chunks:
        result += chunk
    return result


def setup_join(n):
    return ['x'] * n


def join(chunks):
    return ''.join(chunks)
