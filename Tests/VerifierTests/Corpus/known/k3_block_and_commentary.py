def greet():
    print('hello')
    print('world')
    return 42  # the answer, not printed

greet()
# hello
# world
# The call returns 42 — printed only by the REPL.
total = 3  # the number of things
