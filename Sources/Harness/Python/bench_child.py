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
import sys
import time
import tracemalloc
import types

import _guidecheck_native


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


def load(path):
    module = _guidecheck_native.fresh_main(path)
    with open(path, encoding='utf-8') as source:
        code = compile(source.read(), path, 'exec')
    exec(code, module.__dict__)
    return module


class Task:
    def __init__(self, module, spec):
        self.spec = spec
        self.function = getattr(module, spec['variant'])
        self.setup = getattr(module, 'setup_' + spec['variant'], None)
        self.size = spec.get('n')

    def arguments(self):
        if self.setup is not None:
            return (self.setup(self.size),) if self.size is not None else (self.setup(),)
        return (self.size,) if self.size is not None else ()

    def time(self, loops):
        arguments = self.arguments()
        function = self.function
        before = os.times()
        start_cpu = time.process_time()
        start = time.perf_counter()
        for _ in range(loops):
            function(*arguments)
        wall = time.perf_counter() - start
        cpu = time.process_time() - start_cpu
        after = os.times()
        children = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        return {'wall': wall / loops, 'cpu': (cpu + children) / loops}

    def peak(self):
        arguments = self.arguments()
        tracemalloc.start()
        tracemalloc.reset_peak()
        self.function(*arguments)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {'value': float(peak)}

    def value(self):
        result = self.function(*self.arguments())
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
