def unused():
    print(1)  # 1

import sys
print('start')  # start
sys.exit(0)
print('unreachable')  # unreachable
