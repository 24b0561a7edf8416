x = 'global'

def outer():
    x = 'enclosing'

    def inner():
        print(x)  # found in 'enclosing' scope, not global

    inner()  # prints 'enclosing'

outer()
