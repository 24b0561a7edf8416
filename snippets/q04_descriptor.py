class ValidatedAge:
    """A data descriptor that validates age on assignment."""

    def __set_name__(self, owner, name):
        self.name = f'_{name}'  # private storage attribute name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self  # accessed on the class itself
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int) or not (0 <= value <= 150):
            raise ValueError(f'Age must be int between 0 and 150, got {value!r}')
        setattr(obj, self.name, value)

class Person:
    age = ValidatedAge()

    def __init__(self, name, age):
        self.name = name
        self.age = age  # calls ValidatedAge.__set__

p = Person('Alice', 30)
print(p.age)  # calls ValidatedAge.__get__ → 30
p.age = -1    # raises ValueError
