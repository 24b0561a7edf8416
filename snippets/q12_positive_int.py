class PositiveInt(int):
    def __new__(cls, value):
        if value <= 0:
            raise ValueError(f'PositiveInt requires a positive value, got {value}')
        return super().__new__(cls, value)

x = PositiveInt(5)   # 5
y = PositiveInt(-1)  # ValueError
