import sys
for _ in range(100_000):
    sys.stdout.write('x' * 100 + '\n')
