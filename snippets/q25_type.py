print(type(int))   # <class 'type'>
print(type(list))  # <class 'type'>

class Foo: pass
print(type(Foo))   # <class 'type'> — Foo's metaclass is type
