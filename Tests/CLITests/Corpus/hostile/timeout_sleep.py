import time
print('about to sleep')
time.sleep(1000)
