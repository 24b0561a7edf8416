def greet(name, /, greeting='Hello'):
    return f'{greeting}, {name}!'

greet('Alice')                 # OK
greet('Alice', 'Hi')           # OK
greet(name='Alice')            # TypeError — name is positional-only
greet('Alice', greeting='Hi')  # OK — greeting is not positional-only
