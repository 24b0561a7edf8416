import ctypes
print('before the crash')
ctypes.string_at(0)
