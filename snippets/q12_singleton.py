# The call sequence for MyClass(args):
# 1. instance = MyClass.__new__(MyClass, args)
# 2. if isinstance(instance, MyClass): MyClass.__init__(instance, args)

class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

a = Singleton()
b = Singleton()
print(a is b)  # True
