# Small integers are interned — CPython implementation detail
a = 256
b = 256
print(a is b)   # True — same cached object
print(a == b)   # True

a = 257
b = 257
print(a is b)   # False in most contexts (not interned)
print(a == b)   # True — the correct comparison

# String interning
s1 = 'hello'
s2 = 'hello'
print(s1 is s2)  # True — interned (looks like an identifier)

s1 = 'hello world'
s2 = 'hello world'
print(s1 is s2)  # False in some contexts (contains a space)
print(s1 == s2)  # True — always correct

# The golden rule:
# Use `is` only for: None, True, False, and explicit singleton checks
# Use == for everything else
x = None
if x is None:   # correct
    pass
if x == None:   # works but triggers linter warnings — avoid
    pass
