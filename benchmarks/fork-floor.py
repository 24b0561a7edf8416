#!/usr/bin/python3.11
"""What an isolated run by fork costs at the least, on this machine.

guidecheck runs each snippet twice, each time in a process forked from a warm
interpreter. This script measures the floor of that design, with nothing of
guidecheck's: a plain python3.11 process, with the modules a run needs already
imported, forks N children, and each child
  - `empty`: ends at once (os._exit);
  - `snippet`: runs a small snippet (two functions, three calls) and ends;
  - `snippet+report`: runs it, writes a JSON line to a pipe the parent reads, ends.
It prints, per fork, the parent's CPU, the children's CPU (user + system: the
kernel's fork and copy-on-write work is most of it) and the wall time, and the
children's page faults.

Usage: benchmarks/fork-floor.py [N]    (from anywhere; N = 300 by default)
"""

import ast  # noqa: F401  (imported as a worker has them: the fork copies their pages)
import faulthandler  # noqa: F401
import json
import os
import resource
import shutil  # noqa: F401
import sys
import tempfile  # noqa: F401
import threading  # noqa: F401
import time
import tokenize  # noqa: F401
import warnings  # noqa: F401

SNIPPET = compile("""
def area(w, h):
    return w * h


def label(name):
    return name.upper() + '-1'


area(3, 4)
label('x')
len([area(1, j) for j in range(5)])
""", 'snippet.py', 'exec')


def child(kind, pipe):
    if kind != 'empty':
        exec(SNIPPET, {'__name__': '__main__'})
    if kind == 'snippet+report':
        os.write(pipe, (json.dumps({'event': 'done', 'status': 0}) + '\n').encode())
    os._exit(0)


def measure(kind, n):
    self0, children0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for _ in range(n):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            child(kind, write)
        os.close(write)
        os.read(read, 4096)
        os.close(read)
        os.waitpid(pid, 0)
    wall = time.perf_counter() - started
    self1, children1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)

    def cpu(before, after):
        return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / n * 1e3

    return cpu(self0, self1), cpu(children0, children1), wall / n * 1e3, (children1.ru_minflt - children0.ru_minflt) / n


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print(f'{sys.executable} {sys.version.split()[0]}, {n} forks each')
    print(f'{"child":<16} {"parent CPU ms":>14} {"child CPU ms":>13} {"total CPU ms":>13} {"wall ms":>8} {"child faults":>13}')
    for kind in ('empty', 'snippet', 'snippet+report'):
        parent, children, wall, faults = measure(kind, n)
        print(f'{kind:<16} {parent:>14.2f} {children:>13.2f} {parent + children:>13.2f} {wall:>8.2f} {faults:>13.0f}')
    print('per fork; guidecheck forks twice per snippet (as a module, and statement by statement)')


if __name__ == '__main__':
    main()
