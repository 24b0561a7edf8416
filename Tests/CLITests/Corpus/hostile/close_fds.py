import os
print('before closing')
os.close(1)
os.close(2)
print('after closing')
