from datetime import date

class Person:
    species = 'Homo sapiens'

    def __init__(self, name, birth_year):
        self.name = name
        self.birth_year = birth_year

    def age(self):
        """Instance method — needs self."""
        return date.today().year - self.birth_year

    @classmethod
    def from_birth_date(cls, name, birth_date: date):
        """Alternative constructor — the classmethod pattern."""
        return cls(name, birth_date.year)

    @classmethod
    def get_species(cls):
        return cls.species

    @staticmethod
    def is_valid_name(name: str) -> bool:
        """Pure utility — no self or cls needed."""
        return isinstance(name, str) and len(name.strip()) > 0

alice = Person.from_birth_date('Alice', date(1990, 5, 15))
print(alice.age())                  # current year minus 1990
print(Person.get_species())         # 'Homo sapiens'
print(Person.is_valid_name('Bob'))  # True
