class A:
    def __init__(self):
        print('A.__init__')
        super().__init__()

class B(A):
    def __init__(self):
        print('B.__init__')
        super().__init__()  # calls C.__init__, not A — follows MRO

class C(A):
    def __init__(self):
        print('C.__init__')
        super().__init__()

class D(B, C):
    def __init__(self):
        print('D.__init__')
        super().__init__()

D()
# D.__init__
# B.__init__
# C.__init__
# A.__init__
# Each __init__ called exactly once — cooperative multiple inheritance
