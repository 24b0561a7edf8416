from dataclasses import dataclass

@dataclass
class Point:
    x: float
    y: float

def classify_point(point):
    match point:
        case Point(x=0, y=0):
            return 'origin'
        case Point(x=0, y=y):      # x is 0, bind y
            return f'on y-axis at {y}'
        case Point(x=x, y=0):      # y is 0, bind x
            return f'on x-axis at {x}'
        case Point(x=x, y=y) if x == y:  # guard clause
            return f'on diagonal at {x}'
        case Point(x=x, y=y):
            return f'general point ({x}, {y})'

print(classify_point(Point(0, 5)))  # on y-axis at 5
print(classify_point(Point(3, 3)))  # on diagonal at 3
