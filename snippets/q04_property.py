class Circle:
    def __init__(self, radius):
        self._radius = radius

    @property
    def radius(self):  # equivalent to: radius = property(fget=this_function)
        return self._radius

    @radius.setter
    def radius(self, value):
        if value < 0:
            raise ValueError('Radius cannot be negative')
        self._radius = value

    @property
    def area(self):
        import math
        return math.pi * self._radius ** 2
