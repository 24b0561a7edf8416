# Runs after each hostile snippet: the interpreter must be pristine.
import builtins, gc, os, sys, threading
print(gc.isenabled())  # True
print(gc.get_threshold())  # (700, 10, 10)
print(sys.getrecursionlimit())  # 1000
print(threading.active_count())  # 1
print(type(builtins.print).__name__)  # builtin_function_or_method
print('GUIDECHECK_HOSTILE' in os.environ)  # False
print(os.getcwd() == os.environ['HOME'] == os.environ['TMPDIR'] != '/')  # True
print(os.listdir('.'))  # []


def sleepers():
    found = 0
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/cmdline', 'rb') as cmdline:
                found += b'guidecheck-hostile-' + b'sleeper' in cmdline.read()
        except OSError:
            pass
    return found


print(sleepers())  # 0
