from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...

    @abstractmethod
    def perimeter(self) -> float: ...

class Triangle(Shape):
    def __init__(self, base, height, sides):
        self.base, self.height, self.sides = base, height, sides

    def area(self) -> float:
        return 0.5 * self.base * self.height

    def perimeter(self) -> float:
        return sum(self.sides)

# Shape()  → TypeError: Can't instantiate abstract class Shape
