print('before')  # before
int('not a number')  # raises ValueError
print('after')  # after
values = {}
values['missing']  # KeyError
len(values)  # 0
