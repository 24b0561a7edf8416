"""Runs one snippet inside a forked child, as `python3 snippet.py` or as an
interactive session would, and reports what each part of it did.

Every top-level statement is wrapped, in the AST, in `with __guidecheck__.statement(i):`.
Its context manager marks the statement's start and end in the output stream (so
Swift can attribute every byte of output, whoever wrote it), records an exception
against the statement and lets the run go on with the next one. Claims about a
nested line get a `probe` of their own; value claims get the value recorded; a
claim written as commented-out code (`# next(gen) → StopIteration`) is evaluated
where the comment stands. The module is compiled once in "exec" mode, so
constants are shared as `python3` shares them; in "single" mode each top-level
statement is compiled on its own, as the REPL compiles it.

Results go to a private descriptor as JSON lines; output markers go to a private
copy of the capture pipe, so a snippet that closes fds 1 and 2 loses nothing.

The modules imported here are imported once, in the worker, before it forks:
a run then pays nothing for them (tempfile alone costs ~5 ms to import).
"""

import ast
import atexit
import builtins
import faulthandler
import gc
import json
import math
import os
import shutil
import signal
import _signal
import sys
import tempfile
import threading
import time
import types
import warnings

import _guidecheck_native
import _guidecheck_program as program

PROBE_NAME = '__guidecheck__'
TEXT_LIMIT = 10000
# webbrowser tries $BROWSER first: a command that opens nothing and succeeds,
# so `import antigravity` or webbrowser.open() in a run never starts a browser.
# Set once, here in the worker, for every run it forks: a PATH search and a
# putenv in each run cost it stat calls and page faults.
os.environ['BROWSER'] = shutil.which('true') or '/bin/true'


def _clip(text):
    return text if len(text) <= TEXT_LIMIT else text[:TEXT_LIMIT] + f'… ({len(text) - TEXT_LIMIT} more characters)'


def _describe_value(value):
    """repr, str and type of a value, whatever its repr and str do."""
    try:
        text_repr = repr(value)
    except BaseException as error:
        text_repr = f'<repr() raised {type(error).__name__}: {error}>'
    try:
        text_str = str(value)
    except BaseException as error:
        text_str = f'<str() raised {type(error).__name__}: {error}>'
    kind = type(value)
    facts = {'repr': _clip(text_repr), 'str': _clip(text_str), 'none': value is None,
             'type': kind.__qualname__ if kind.__module__ == 'builtins' else f'{kind.__module__}.{kind.__qualname__}'}
    names = _class_names(value)
    if names is not None:
        facts['class_names'] = names
    return facts


def _class_names(value):
    """A class, or a tuple or list of classes, as IPython and notebooks display
    it: by qualified name (`int`, `collections.OrderedDict`, `__main__.C`) and by
    plain name (`C`); None for any other value."""
    def name(cls, qualified):
        if qualified and cls.__module__ != 'builtins':
            return f'{cls.__module__}.{cls.__qualname__}'
        return cls.__qualname__

    try:
        if isinstance(value, type):
            return [name(value, True), name(value, False)]
        if type(value) in (tuple, list) and value and all(isinstance(item, type) for item in value):
            shown = []
            for qualified in (True, False):
                inner = ', '.join(name(item, qualified) for item in value)
                shown.append(f'[{inner}]' if type(value) is list else f'({inner}{"," if len(value) == 1 else ""})')
            return shown
    except BaseException:
        pass
    return None


def _alike(a, b, depth=0):
    """Whether two values that are == are also the same value as a reader tells
    values apart: the same types throughout (an int and a float aside, never a
    bool for a number), the same sign of every float zero (`0.0` and `-0.0` are
    ==), and, inside containers, elements alike one by one (the keys of a dict
    and the members of a set in any order)."""
    if depth > 100:
        return a == b
    kinds = (type(a), type(b))
    if bool in kinds:
        return kinds[0] is kinds[1] and a == b
    if kinds[0] in (int, float) and kinds[1] in (int, float):
        if a != b:
            return False
        return not (float in kinds and a == 0) or math.copysign(1, a) == math.copysign(1, b)
    if kinds[0] is not kinds[1]:
        return False
    if isinstance(a, complex):
        return all(_alike(x, y, depth + 1) for x, y in ((a.real, b.real), (a.imag, b.imag)))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_alike(x, y, depth + 1) for x, y in zip(a, b))
    if isinstance(a, dict):
        keys = list(b)
        return len(a) == len(b) and all(any(_alike(key, other, depth + 1) and _alike(value, b[other], depth + 1)
                                            for other in keys) for key, value in a.items())
    if isinstance(a, (set, frozenset)):
        return len(a) == len(b) and all(any(_alike(x, y, depth + 1) for y in b) for x in a)
    return a == b


class Recorder:
    """The object the instrumented code calls, bound to `__guidecheck__`."""

    def __init__(self, prepared, marker, output_fd, result_fd):
        self.path = prepared.path
        self.marker = marker.encode()
        self.output_fd = output_fd
        self.result_fd = result_fd
        self.pid = os.getpid()
        # What `prepare` made of the program (see _Prepared).
        self.comparisons = prepared.comparisons
        self.syntax_errors = prepared.syntax_errors
        self.compiler_warnings = prepared.compiler_warnings
        self.stdin_offsets = prepared.stdin_offsets

    # -- channels ---------------------------------------------------------------

    def _flush(self):
        stdout, stderr = sys.stdout, sys.stderr
        for stream in (stdout, stderr, sys.__stdout__, sys.__stderr__):
            if stream is None or (stream is sys.__stdout__ and stdout is stream) or (stream is sys.__stderr__ and stderr is stream):
                continue  # each stream once
            try:
                stream.flush()
            except Exception:
                pass
        for stream in (stdout, stderr):
            try:
                if stream is not None:
                    stream.flush()
            except Exception:
                pass
        _guidecheck_native.flush_c_stdio()

    def mark(self, event):
        # Only the snippet's own process marks; fork-started children inherit the
        # descriptors but must not write markers.
        if os.getpid() != self.pid:
            return
        self._flush()
        payload = b'\x01GC' + self.marker + b'|' + event.encode() + b'\x01'
        try:
            os.write(self.output_fd, payload)
        except OSError:
            pass

    def emit(self, **event):
        if os.getpid() != self.pid:
            return
        line = (json.dumps(event) + '\n').encode()
        try:
            while line:
                written = os.write(self.result_fd, line)
                line = line[written:]
        except OSError:
            pass

    # -- what instrumented code calls -------------------------------------------

    def statement(self, index):
        return _Block(self, 'S', index, suppress=True, preamble=self.compiler_warnings.get(index))

    def probe(self, claim):
        return _Block(self, 'P', claim, suppress=False)

    def value(self, probes, value):
        """An expression statement's value, recorded under each of `probes`."""
        for probe in probes:
            self.record_value(probe, value, sys._getframe(1).f_globals)
        return value

    def record_value(self, probe, value, namespace=None):
        self.emit(event='value', claim=probe, **_describe_value(value))
        # The documented texts to compare with this value, each evaluated in a
        # copy of the namespace (so nothing it binds leaks) and compared with ==.
        comparisons = self.comparisons.get(probe)
        if comparisons:
            scope = dict(namespace if namespace is not None else sys._getframe(1).f_globals)
            for other, expression in comparisons:
                self.compare(other, expression, value, scope)

    def compare(self, probe, expression, value, namespace):
        """`expression`: the documented value's code (or why it does not compile)."""
        try:
            if isinstance(expression, BaseException):
                raise expression
            documented = eval(expression, namespace)
        except BaseException as error:
            self.emit(event='value', claim=probe, error=f'{type(error).__name__}: {_clip(str(error))}')
            return
        try:
            equal = bool(documented == value)
        except BaseException:
            equal = False
        try:
            alike = equal and _alike(documented, value)
        except BaseException:
            alike = False
        self.emit(event='value', claim=probe, equal=equal, alike=alike, **_describe_value(documented))

    def compile_error(self, index):
        """The statement that stands for a block that does not compile: raise its SyntaxError."""
        raise self.syntax_errors[index]

    def evaluate(self, claim, expression, namespace):
        """A claim written as commented-out code: evaluate it here."""
        try:
            value = eval(compile(expression, f'<claim on {os.path.basename(self.path)}>', 'eval'), namespace)
        except BaseException as error:
            self.record_exception('claim', claim, error)
            if not isinstance(error, Exception):
                raise
            return
        self.record_value(claim, value, namespace)

    def record_exception(self, scope, identifier, error):
        # Described by guidecheck's one rule (PythonException in Swift).
        facts = _guidecheck_native.describe_exception(error)
        line = self.innermost_line(error)
        if facts['syntax'] is not None and facts['syntax'][0] == self.path:
            line = facts['syntax'][1]
        # What a traceback's last line shows: a SyntaxError's msg, without the
        # ` (file, line N)` its str() adds.
        shown = error.msg if isinstance(error, SyntaxError) and isinstance(error.msg, str) else None
        self.emit(event='exception', scope=scope, id=identifier,
                  type=facts['name'], qualified=facts['qualified'], bases=facts['bases'],
                  message=_clip(facts['message']), shown=None if shown is None else _clip(shown), line=line,
                  code=facts['exit_code'], traceback=_clip(facts['traceback']))


    def innermost_line(self, error):
        """The line of the virtual file the exception last passed through: a
        frame of the program's file, or of a `>>>` example (`<stdin>`, line 1
        being the example's first line)."""
        line = None
        trace = error.__traceback__
        while trace is not None:
            code = trace.tb_frame.f_code
            if code.co_filename == self.path:
                line = trace.tb_lineno
            elif id(code) in self.stdin_offsets:
                line = trace.tb_lineno + self.stdin_offsets[id(code)]
            trace = trace.tb_next
        return line


class _Block:
    def __init__(self, recorder, kind, identifier, suppress, preamble=None):
        self.recorder = recorder
        self.kind = kind
        self.identifier = identifier
        self.suppress = suppress
        self.preamble = preamble

    def __enter__(self):
        self.recorder.mark(f'{self.kind}{self.identifier}')
        if self.preamble:
            # The compiler's warnings, bracketed: a diagnostic, not output.
            self.recorder.mark('W')
            sys.stderr.write(self.preamble)
            self.recorder.mark('w')
        return self

    def __exit__(self, kind, error, tb):
        self.recorder.mark(f'{self.kind.lower()}{self.identifier}')
        if error is None:
            return False
        if self.kind == 'S':
            self.recorder.record_exception('statement', self.identifier, error)
        elif self.kind == 'P':
            self.recorder.record_exception('probe', self.identifier, error)
        # Ordinary exceptions end the statement, not the run; SystemExit,
        # KeyboardInterrupt and friends end the run, as they end `python3`.
        return self.suppress and isinstance(error, Exception)


# -- instrumentation --------------------------------------------------------------

def _name(identifier):
    return ast.Name(id=identifier, ctx=ast.Load())


def _call(method, *arguments):
    return ast.Call(func=ast.Attribute(value=_name(PROBE_NAME), attr=method, ctx=ast.Load()),
                    args=list(arguments), keywords=[])


def _with(call, body, location):
    return _locate(ast.With(items=[ast.withitem(context_expr=call)], body=body), location)


_POSITION = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')


def _locate(node, location):
    """`node`, and the nodes under it that have no position yet (those made
    here), get `location`'s. The program's own nodes, which the parser placed,
    are not walked: ast.fix_missing_locations walked every node of every
    statement, half the time of preparing a program."""
    position = [getattr(location, name, None) for name in _POSITION]
    pending = [node]
    while pending:
        current = pending.pop()
        if 'lineno' in current._attributes:
            if current is not node and hasattr(current, 'lineno'):
                continue  # placed already: the program's own
            for name, value in zip(_POSITION, position):
                setattr(current, name, value)
        pending.extend(ast.iter_child_nodes(current))
    return node


class _Instrument:
    """Wraps the statements that carry claims; leaves everything else as written."""

    def __init__(self, plan):
        self.nested = {probe['line']: probe for probe in plan if probe['kind'] == 'nested'}
        self.values = {}
        for probe in plan:
            if probe['kind'] in ('value-expr', 'value-target'):
                self.values.setdefault(probe['line'], []).append(probe)

    def statements(self, nodes):
        wrapped = []
        for node in nodes:
            self.children(node)
            body = self.with_value(node)
            probe = self.nested.get(node.lineno)
            if probe is not None:
                body = [_with(_call('probe', ast.Constant(probe['claim'])), body, node)]
            wrapped.extend(body)
        return wrapped

    def children(self, node):
        for owner, field in program.nested_blocks(node):
            setattr(owner, field, self.statements(getattr(owner, field)))

    def with_value(self, node):
        """The statement, recording the values probes ask for: an expression's
        own value, or a target's value right after an assignment."""
        probes = self.values.get(node.lineno, [])
        if not probes:
            return [node]
        wrapped = [node]
        own = [probe['claim'] for probe in probes if probe['kind'] == 'value-expr']
        if own and isinstance(node, ast.Expr):
            ids = ast.Tuple(elts=[ast.Constant(identifier) for identifier in own], ctx=ast.Load())
            node.value = _locate(_call('value', ids, node.value), node.value)
        for probe in probes:
            if probe['kind'] == 'value-target':
                target = ast.parse(probe['expression'], mode='eval').body
                wrapped.append(_locate(ast.Expr(value=_call('record_value', ast.Constant(probe['claim']), target)), node))
        return wrapped


def instrument(tree, plan, first_top=0, whole=False):
    """The chunk's top-level statements, each wrapped for attribution; they are
    numbered from `first_top`, as the program's statements are across chunks.

    Returns the wrapped statements and how they are grouped into interactive
    inputs: the whole chunk (a `>>>` example) or, for code, the statements that
    start on one line, as the REPL reads them."""
    transformer = _Instrument([probe for probe in plan if probe['kind'] in ('nested', 'value-expr', 'value-target')])
    evaluations = {}
    for probe in plan:
        if probe['kind'] == 'eval':
            evaluations.setdefault(probe['after_top'], []).append(probe)
    body, groups = [], []
    previous_line = None
    for index, node in enumerate(tree.body, start=first_top):
        if isinstance(node, ast.ImportFrom) and node.module == '__future__':
            # Must stay the first statement of its module: left unwrapped, it
            # has no marks, and nothing can be claimed of it.
            body.append(node)
            groups.append([node])
            continue
        transformer.children(node)
        inner = transformer.with_value(node)
        wrapped = _with(_call('statement', ast.Constant(index)), inner, node)
        body.append(wrapped)
        if groups and (whole or previous_line == program.first_line(node)):
            groups[-1].append(wrapped)  # one input: a whole example, or `a = 1; b = 2`
        else:
            groups.append([wrapped])
        previous_line = node.end_lineno
        for probe in evaluations.get(index, []):
            location = ast.Pass(lineno=probe['line'], col_offset=0, end_lineno=probe['line'], end_col_offset=0)
            evaluate = ast.Expr(value=_call('evaluate', ast.Constant(probe['claim']),
                                            ast.Constant(probe['expression']),
                                            ast.Call(func=_name('globals'), args=[], keywords=[])))
            probe_node = _with(_call('probe', ast.Constant(probe['claim'])),
                               [_locate(evaluate, location)], location)
            body.append(probe_node)
            groups.append([probe_node])
            previous_line = None
    return body, groups


# -- a fresh namespace ----------------------------------------------------------

class _Baseline:
    """The interpreter-wide settings a check may change, as they were when the
    run began; put back before each chunk that starts a fresh namespace, so one
    check's settings (a switch interval of 100 s, the GC disabled) do not leak
    into the next check of its file."""

    def __init__(self):
        self.switch = sys.getswitchinterval()
        self.recursion = sys.getrecursionlimit()
        self.gc_enabled = gc.isenabled()
        self.thresholds = gc.get_threshold()
        self.filters = list(warnings.filters)
        self.streams = (sys.stdout, sys.stderr, sys.stdin)
        self.cwd = os.getcwd()
        self.path = list(sys.path)

    def restore(self):
        sys.setswitchinterval(self.switch)
        sys.setrecursionlimit(self.recursion)
        (gc.enable if self.gc_enabled else gc.disable)()
        gc.set_threshold(*self.thresholds)
        warnings.filters[:] = self.filters
        sys.stdout, sys.stderr, sys.stdin = self.streams
        os.chdir(self.cwd)
        sys.path[:] = self.path


def _fresh_namespace(path, baseline):
    baseline.restore()
    return _guidecheck_native.fresh_main(path).__dict__


# -- another run, to see what varies -------------------------------------------------

#: How far the clock of a varied run is moved: 400 days, 1 h 2 min 3.5 s, so that
#: the year, day, hour, minute and second all change.
CLOCK_SHIFT = 400 * 86400 + 3723.5


def _vary():
    """Another random state and a clock moved forward (the hash seed differs
    already: a varied run is forked from a worker started with another one).

    The clock is what `time.time()` and its friends say, and what
    `datetime.now()`, `utcnow()` and `today()` say (the classes are replaced by
    subclasses whose constructors of "now" read the moved clock; the objects they
    return are ordinary datetimes). Monotonic clocks are left alone."""
    import datetime as _datetime
    import random
    random.seed(os.urandom(32))
    real = {name: getattr(time, name) for name in ('time', 'time_ns', 'localtime', 'gmtime', 'ctime', 'asctime', 'strftime')}
    time.time = lambda: real['time']() + CLOCK_SHIFT
    time.time_ns = lambda: real['time_ns']() + int(CLOCK_SHIFT * 1_000_000_000)
    time.localtime = lambda seconds=None: real['localtime'](time.time() if seconds is None else seconds)
    time.gmtime = lambda seconds=None: real['gmtime'](time.time() if seconds is None else seconds)
    time.ctime = lambda seconds=None: real['ctime'](time.time() if seconds is None else seconds)
    time.asctime = lambda moment=None: real['asctime'](time.localtime() if moment is None else moment)
    time.strftime = lambda form, moment=None: real['strftime'](form, time.localtime() if moment is None else moment)
    base_datetime, base_date = _datetime.datetime, _datetime.date

    class Replaced(type):
        """isinstance and issubclass of a replacement see the real class: it
        changes only where "now" comes from. A program's own subclass of it is
        checked as any class is."""
        def __instancecheck__(cls, instance):
            if cls.__dict__.get('real') is None:
                return type.__instancecheck__(cls, instance)
            return isinstance(instance, cls.real)

        def __subclasscheck__(cls, subclass):
            if cls.__dict__.get('real') is None:
                return type.__subclasscheck__(cls, subclass)
            return issubclass(subclass, cls.real)

    def build(cls, *args, **kwargs):
        """Built by the program, a datetime is a real one: its repr is
        datetime.datetime(…), not the replacement's datetime(…). A program's own
        subclass of a replacement builds its own instances."""
        real = next(klass.__dict__['real'] for klass in cls.__mro__ if 'real' in klass.__dict__)
        return real(*args, **kwargs) if 'real' in cls.__dict__ else real.__new__(cls, *args, **kwargs)

    class datetime(base_datetime, metaclass=Replaced):
        real = base_datetime
        __new__ = build

        # A program's own subclass gets its own instances (`MyDate.today()`).
        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(time.time(), tz)

        @classmethod
        def utcnow(cls):
            return cls.utcfromtimestamp(time.time())

        @classmethod
        def today(cls):
            return cls.fromtimestamp(time.time())

    class date(base_date, metaclass=Replaced):
        real = base_date
        __new__ = build

        @classmethod
        def today(cls):
            return cls.fromtimestamp(time.time())

    for replacement in (datetime, date):
        replacement.__module__ = 'datetime'
        setattr(_datetime, replacement.__name__, replacement)


# -- compiling, once per program -------------------------------------------------

#: Compiled programs, prepared in the worker before it forks (see `prepare`).
_PREPARED = {}


def _compile(path, chunks, plan, isolate):
    """Each chunk compiled as one module ("exec"), and as the inputs an
    interactive session would read ("single"); every top-level statement's first
    line; when `isolate` is set, the SyntaxError of each chunk that does not
    compile, which then stands as one statement that raises it; the compiler's
    warnings by statement; and, for the code objects of `>>>` examples (compiled
    as `<stdin>` from line 1), how far their lines are from the virtual file's."""
    modules, inputs, lines, errors, compiler_warnings, stdin_offsets = [], [], [], {}, {}, {}
    flags = 0  # __future__ flags in force for the examples of a session
    for chunk in chunks:
        filename = chunk.get('path') or path
        top = len(lines)
        example = chunk.get('kind') == 'example'
        chunk_flags = flags if example else 0
        try:
            tree = program.parse_chunk(chunk, path, isolate, chunk_flags)
        except SyntaxError as error:
            # A check that does not compile is a broken check, never the program's end.
            if not (isolate or chunk.get('kind') == 'check'):
                raise
            errors[top] = error
            lines.append(chunk['first_line'])
            location = ast.Pass(lineno=chunk['first_line'], col_offset=0, end_lineno=chunk['first_line'], end_col_offset=0)
            raising = _locate(ast.Expr(value=_call('compile_error', ast.Constant(top))), location)
            wrapped = _with(_call('statement', ast.Constant(top)), [raising], location)
            fresh = bool(chunk.get('fresh_namespace'))
            modules.append((compile(ast.Module(body=[wrapped], type_ignores=[]), filename, 'exec'), fresh))
            inputs.append((compile(ast.Interactive(body=[wrapped]), filename, 'single'), fresh))
            continue
        lines += [program.first_line(node) for node in tree.body]
        if example:
            flags |= program.future_flags(tree)
            chunk_flags = flags
        body, groups = instrument(tree, plan, first_top=top, whole=example)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            # A chunk with a namespace of its own (a check that uses no snippet)
            # starts a fresh __main__ before its first input.
            fresh = bool(chunk.get('fresh_namespace'))
            if example:
                # A `>>>` example is an input to the REPL in every run: compiled
                # as `<stdin>` from line 1 in "single" mode, so every expression
                # statement's value is echoed (`1; 2` shows both) and sets `_`,
                # and warnings and tracebacks read as the reader's REPL prints
                # them. Its code objects remember where its lines are.
                offset = chunk['first_line'] - 1
                for node in body:
                    ast.increment_lineno(node, -offset)
                codes = [(compile(ast.Interactive(body=group), program.STDIN, 'single', chunk_flags, dont_inherit=True), fresh and index == 0)
                         for index, group in enumerate(groups)]
                for code, _ in codes:
                    for inner in _code_objects(code):
                        stdin_offsets[id(inner)] = offset
                modules += codes
                inputs += codes
            else:
                modules.append((compile(ast.Module(body=body, type_ignores=[]), filename, 'exec', chunk_flags, dont_inherit=True), fresh))
                inputs += [(compile(ast.Interactive(body=group), filename, 'single', chunk_flags, dont_inherit=True), fresh and index == 0)
                           for index, group in enumerate(groups)]
        # What the compiler warned about (`"is" with a literal`), written by the
        # chunk's first statement as python3 or the REPL writes it before running.
        texts = []
        for warning in caught:
            text = warnings.formatwarning(warning.message, warning.category, warning.filename, warning.lineno)
            if text not in texts:
                texts.append(text)
        if texts and tree.body:
            compiler_warnings[top] = ''.join(texts)
    return modules, inputs, lines, errors, compiler_warnings, stdin_offsets


def _code_objects(code):
    """A code object and every one nested in it (functions, classes, lambdas)."""
    yield code
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _code_objects(constant)


class _Prepared:
    """A program ready to run in every mode: what `prepare` did once, in the
    worker, so that each forked run only runs it (a child's work is dear: every
    page it writes is a copy-on-write fault)."""

    def __init__(self, path, compiled, probes, settings):
        self.path = path
        # syntax_errors: statement index → the SyntaxError of a block that does
        # not compile; compiler_warnings: statement index → what the compiler
        # warned about its chunk; stdin_offsets: id of a `>>>` example's code
        # object → how far its lines (from 1, as `<stdin>`) are from the file's.
        (self.module_codes, self.statement_codes, self.lines, self.syntax_errors,
         self.compiler_warnings, self.stdin_offsets) = compiled
        #: probe id → [(probe id, its documented expression compiled, or why it does not compile)].
        self.comparisons = {}
        for probe in probes:
            if probe['kind'] == 'compare':
                try:
                    # guidecheck's compile, not the program's: a SyntaxWarning
                    # (`x is 1` documented) is no one's output.
                    with warnings.catch_warnings():
                        warnings.simplefilter('ignore')
                        documented = compile(probe['expression'], '<documented value>', 'eval')
                except BaseException as error:
                    documented = error
                self.comparisons.setdefault(probe['of'], []).append((probe['claim'], documented))
        self.fixtures = settings.get('fixtures') or []
        self.fixture_config = settings.get('fixture_config') or {}
        self.files = settings.get('files') or {}


def prepare(key, path, chunks_json, probes_json, isolate, settings):
    """Parses, instruments and compiles a program once, in the worker, before the
    runs fork: every mode then starts with its code objects ready. `settings`
    holds what every run of it installs: `fixtures`, `fixture_config`, `files`.
    Returns JSON: {"lines": [first line of each top-level statement]} or
    {"error": text}.

    The compiler's warnings (`"is" with a literal`) are kept, for each run to
    write when it starts the statement they concern."""
    probes = json.loads(probes_json)
    try:
        compiled = _compile(path, json.loads(chunks_json), probes, isolate)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        # RecursionError, MemoryError: too deeply nested for the compiler.
        return json.dumps({'error': f'{type(error).__name__}: {error}'})
    _PREPARED[key] = _Prepared(path, compiled, probes, settings)
    return json.dumps({'lines': compiled[2]})


def discard(key):
    _PREPARED.pop(key, None)


def run(key, marker, output_fd, result_fd, scratch, mode, vary):
    """Runs the program `prepare` kept under `key`, as a module (`mode` "module")
    or statement by statement (`interactive`); `vary` moves the clock and the
    random state. Output markers carry `marker`; results go to `result_fd`.

    Swift calls this in the forked child after pointing fds 1 and 2 at the capture
    pipe. It returns the exit status the child should end with.
    """
    prepared = _PREPARED[key]
    path = prepared.path
    recorder = Recorder(prepared, marker, output_fd, result_fd)
    os.chdir(scratch)
    for name in ('HOME', 'TMPDIR'):
        os.environ[name] = scratch
    tempfile.tempdir = None
    if vary:
        _vary()
    # Files the guide shows as files, beside the code and importable from it.
    for name, text in prepared.files.items():
        with open(os.path.join(scratch, name), 'w', encoding='utf-8') as file:
            file.write(text)
    if prepared.files:
        sys.path.insert(1, scratch)
    _guidecheck_native.line_buffer_c_stdout()
    # As python3 starts: Ctrl-C raises KeyboardInterrupt. (_signal's, not
    # signal's: its wrapper turns the old handler into an enum member, a fifth
    # of a millisecond in a fresh fork.)
    _signal.signal(signal.SIGINT, signal.default_int_handler)
    faulthandler.enable(file=result_fd, all_threads=True)
    faulthandler.register(signal.SIGUSR1, file=result_fd, all_threads=True)

    module = _guidecheck_native.fresh_main(path)
    namespace = module.__dict__
    try:
        import _guidecheck_fixtures
        provided = _guidecheck_fixtures.install(prepared.fixtures, namespace, prepared.fixture_config)
        recorder.emit(event='fixtures', installed=provided)
    except BaseException as error:
        recorder.record_exception('fixture', 0, error)
        recorder.mark('E')
        return 70
    # In builtins, not in the program's namespace: globals() shows only the
    # program's own names, and the instrumented code still finds it.
    setattr(builtins, PROBE_NAME, recorder)

    status = 0
    baseline = _Baseline()
    started = time.perf_counter()
    # CPU of the code and of the processes it started and waited for (a
    # multiprocessing pool's workers): what it asks of the machine's cores.
    # (Its own from process_time, exact; its children's from os.times, in ticks.)
    cpu_started = time.process_time(), os.times()
    # The REPL echoes each expression statement's value of an interactive input
    # (and binds it to `_`). The echo is bracketed with markers so it is told
    # apart from what the code printed. As a module, only `>>>` examples are
    # interactive inputs.
    def displayhook(value):
        if value is None:
            return
        recorder.mark('D')
        sys.__displayhook__(value)
        recorder.mark('d')
    sys.displayhook = displayhook
    try:
        if mode == 'module':
            for code, fresh in prepared.module_codes:
                if fresh:
                    namespace = _fresh_namespace(path, baseline)
                exec(code, namespace)
        else:
            for code, fresh in prepared.statement_codes:
                if fresh:
                    namespace = _fresh_namespace(path, baseline)
                exec(code, namespace)
    except SystemExit as error:
        status = _guidecheck_native.describe_exception(error)['exit_code']
        recorder.emit(event='ended', reason='SystemExit', code=status)
    except KeyboardInterrupt:
        status = 130
        recorder.emit(event='ended', reason='KeyboardInterrupt', code=status)
    except BaseException as error:
        recorder.record_exception('run', 0, error)
        status = 1
    finally:
        if hasattr(builtins, PROBE_NAME):
            delattr(builtins, PROBE_NAME)
        own, times = time.process_time(), os.times()
        children = times.children_user + times.children_system
        recorder.emit(event='timing', seconds=time.perf_counter() - started,
                      cpu=own - cpu_started[0] + children - cpu_started[1].children_user - cpu_started[1].children_system)
    # As python3 does at exit: wait for non-daemon threads, then run the
    # atexit handlers (multiprocessing's finalizers among them).
    try:
        threading._shutdown()
    except BaseException:
        pass
    try:
        atexit._run_exitfuncs()
    except BaseException as error:
        recorder.record_exception('run', 0, error)
    recorder.mark('E')
    recorder.emit(event='done', status=status)
    return status
