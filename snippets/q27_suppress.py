from contextlib import suppress
import os

with suppress(FileNotFoundError):
    os.remove('temp_file.txt')  # silently ignored if file does not exist
