from typing import Protocol, runtime_checkable

@runtime_checkable
class Drawable(Protocol):
    def draw(self) -> None: ...
    def resize(self, factor: float) -> None: ...

class Circle:
    def draw(self) -> None: print('Drawing circle')
    def resize(self, factor: float) -> None: self.radius *= factor

class Square:
    def draw(self) -> None: print('Drawing square')
    def resize(self, factor: float) -> None: self.side *= factor

def render(shape: Drawable) -> None:
    shape.draw()

render(Circle())  # works — satisfies Drawable structurally
render(Square())  # works — no inheritance required

print(isinstance(Circle(), Drawable))  # True with @runtime_checkable
