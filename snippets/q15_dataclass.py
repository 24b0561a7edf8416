from dataclasses import dataclass, field
from typing import ClassVar

@dataclass(order=True, frozen=False)
class Product:
    name: str
    price: float
    tags: list[str] = field(default_factory=list)  # mutable default — must use field()
    _tax_rate: ClassVar[float] = 0.2  # class variable, not a dataclass field

    def total_price(self) -> float:
        return self.price * (1 + self._tax_rate)

    def __post_init__(self):
        if self.price < 0:
            raise ValueError('Price cannot be negative')

p1 = Product('Widget', 9.99)
p2 = Product('Widget', 9.99)
print(p1 == p2)   # True — __eq__ generated
print(repr(p1))   # Product(name='Widget', price=9.99, tags=[])
p1.tags.append('sale')
print(p1)         # Product(name='Widget', price=9.99, tags=['sale'])
