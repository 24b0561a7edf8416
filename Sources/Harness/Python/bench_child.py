"""Takes the values of one benchmark process, as guidecheck's harness asks.

A benchmark module (benchmarks/*.py) defines plain functions, one per variant; an
optional `setup_<variant>(n)` builds the state a call works on, outside the timing.
This module loads it as `__main__` (so multiprocessing can pickle its functions),
and for each task: calibrates a loop count, or times calls (wall and CPU seconds
per call, child processes included once reaped), or takes a tracemalloc peak, or
records a returned value. The GC is left exactly as the benchmark sets it:
unlike timeit, nothing here disables it, or a gc.disable() claim could not be seen.
"""

import gc
import json
import os
import platform
import sys
import time
import tracemalloc
import types

try:
    import _guidecheck_native
except ImportError:  # in a plain python3.11 (serve()): no embedding, no native helpers
    _guidecheck_native = None


def deep_size(obj, seen=None):
    """sys.getsizeof of an object and of everything it refers to, once each."""
    seen = set() if seen is None else seen
    total = 0
    stack = [obj]
    while stack:
        current = stack.pop()
        if id(current) in seen or isinstance(current, (type, types.ModuleType, types.FunctionType)):
            continue
        seen.add(id(current))
        total += sys.getsizeof(current)
        stack.extend(gc.get_referents(current))
    return total


def fresh_main(path):
    """A new, empty __main__ module for the benchmark file."""
    if _guidecheck_native is not None:
        return _guidecheck_native.fresh_main(path)
    module = types.ModuleType('__main__')
    module.__file__ = path
    module.__builtins__ = __builtins__
    sys.modules['__main__'] = module
    return module


def load(path):
    module = fresh_main(path)
    with open(path, encoding='utf-8') as source:
        code = compile(source.read(), path, 'exec')
    exec(code, module.__dict__)
    return module


def _empty(_argument=None):
    """What a call costs when it does nothing: one positional parameter, as a
    variant over sizes takes (never *args, which costs a tuple per call and
    would make the empty call dearer than the real one)."""


def _empty_keywords(_argument=None, **kwargs):
    """The same, taking a condition's keyword arguments as the variant does."""


class Task:
    """One variant, at one size, under one condition (keyword arguments passed
    to the variant, or to its setup when it has one); or, with `empty`, an empty
    function called the way the variant is."""

    def __init__(self, module, spec):
        self.spec = spec
        self.function = getattr(module, spec['variant'])
        self.setup = getattr(module, 'setup_' + spec['variant'], None)
        self.size = spec.get('n')
        self.kwargs = spec.get('args') or {}
        if spec.get('empty'):
            # The variant takes its state (or n) positionally; its setup takes the
            # keyword arguments: the empty call gets what the variant gets.
            self.kwargs = {} if self.setup is not None else self.kwargs
            self.function = _empty_keywords if self.kwargs else _empty
            self.setup = None

    def arguments(self):
        if self.setup is not None:
            positional = () if self.size is None else (self.size,)
            return (self.setup(*positional, **self.kwargs),), {}
        return (() if self.size is None else (self.size,)), self.kwargs

    def time(self, loops):
        arguments, kwargs = self.arguments()
        function = self.function
        before = os.times()
        start_cpu = time.process_time()
        start = time.perf_counter()
        for _ in range(loops):
            function(*arguments, **kwargs)
        wall = time.perf_counter() - start
        cpu = time.process_time() - start_cpu
        after = os.times()
        children = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        return {'wall': wall / loops, 'cpu': (cpu + children) / loops}

    def peak(self):
        arguments, kwargs = self.arguments()
        tracemalloc.start()
        tracemalloc.reset_peak()
        self.function(*arguments, **kwargs)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {'value': float(peak)}

    def value(self):
        arguments, kwargs = self.arguments()
        result = self.function(*arguments, **kwargs)
        if isinstance(result, (int, float)) and not isinstance(result, bool):
            return {'value': float(result)}
        return {'text': repr(result)}


def calibrate(task, minimum, maximum_seconds):
    """The loop count that makes one value last at least `minimum` seconds:
    doubled from 1, or jumped to the count the last value implies."""
    loops = 1
    spent = 0.0
    while True:
        value = task.time(loops)
        total = value['wall'] * loops
        spent += total
        if total >= minimum or spent >= maximum_seconds:
            return loops, value['wall']
        if total <= 0:
            loops *= 10
            continue
        loops = max(loops * 2, int(loops * minimum / total * 1.1) + 1)


def run(job_json, fd):
    """Runs a job, {file, env, tasks, rounds, warmups, minimum, calibrate}, writing
    one JSON line per value (or calibration) to `fd`."""
    def emit(result):
        # A body of guidecheck's worker protocol (Workers/WorkerMessage.swift).
        line = (json.dumps({'kind': 'body', 'body': result}) + '\n').encode()
        while line:
            line = line[os.write(fd, line):]

    job = json.loads(job_json)
    os.environ.update(job.get('env', {}))
    module = load(job['file'])
    tasks = [Task(module, spec) for spec in job['tasks']]
    if job.get('calibrate'):
        for index, task in enumerate(tasks):
            loops, seconds = calibrate(task, job['minimum'], job.get('calibration_budget', 10.0))
            emit({'task': index, 'loops': loops, 'seconds': seconds})
        return
    # Rounds interleave the variants, so a drift in the machine's speed
    # affects them all alike; the first `warmups` rounds are dropped.
    for round_index in range(job['warmups'] + job['rounds']):
        for index, task in enumerate(tasks):
            kind = task.spec['measure']
            if kind == 'time':
                result = task.time(task.spec.get('loops', 1))
            elif kind == 'memory':
                result = task.peak()
            else:
                result = task.value()
            result.update(task=index, round=round_index, warmup=round_index < job['warmups'])
            emit(result)


def serve():
    """The worker protocol of `guidecheck __bench-worker`, in a plain interpreter
    (`python3.11 -I -c <this file> `): ready, one job from stdin, its values,
    done. guidecheck runs a machine-dependent timing here too, to show what
    the distribution's own build takes beside the embedded library."""
    fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # a stray print cannot corrupt the protocol

    def send(message):
        line = (json.dumps(message) + '\n').encode()
        while line:
            line = line[os.write(fd, line):]

    send({'kind': 'ready', 'python': platform.python_version()})
    job = sys.stdin.readline()
    try:
        run(job, fd)
    except BaseException as error:
        send({'kind': 'failed', 'message': f'{type(error).__name__}: {error}'})
        return
    send({'kind': 'body', 'body': {'done': True}})
