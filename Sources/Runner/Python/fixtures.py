"""Named fixtures: what a snippet uses but the guide never defines.

A snippet declares the fixtures it needs in the manifest; guidecheck installs them
into the snippet's `__main__` namespace before the snippet runs, and never edits the
guide's code. Each fixture says, in its docstring, what it stands in for.
"""

import importlib.machinery
import importlib.util
import io
import json as _json
import sys
import urllib.parse

REGISTRY = {}

#: Hosts the guide's examples call; their traffic goes to guidecheck's loopback server.
GUIDE_HOSTS = {'example.com', 'www.example.com', 'httpbin.org', 'www.httpbin.org'}


def fixture(function):
    REGISTRY[function.__name__.removeprefix('fixture_').replace('_dash_', '-')] = function
    return function


def describe():
    """{name: one-line description} for every fixture, as JSON."""
    return _json.dumps({name: (function.__doc__ or '').strip().split('\n')[0]
                        for name, function in sorted(REGISTRY.items())})


def install(names, namespace, config):
    """Installs each named fixture; returns the names installed, in order."""
    for name in names:
        if name not in REGISTRY:
            raise KeyError(f'unknown fixture {name!r}; known: {", ".join(sorted(REGISTRY))}')
        value = REGISTRY[name](config)
        if value is not None:
            namespace[name] = value
    return list(names)


@fixture
def fixture_network(config):
    """Routes `requests` traffic for example.com and httpbin.org to guidecheck's loopback HTTP server."""
    base = urllib.parse.urlsplit(config['http_base']).netloc

    def patch(adapters):
        original = adapters.HTTPAdapter.send
        if getattr(original, '__guidecheck__', False):
            return

        def send(self, request, **kwargs):
            parts = urllib.parse.urlsplit(request.url)
            if parts.hostname in GUIDE_HOSTS:
                request.headers['Host'] = parts.netloc
                request.url = urllib.parse.urlunsplit(('http', base, parts.path or '/', parts.query, ''))
            return original(self, request, **kwargs)

        send.__guidecheck__ = True
        adapters.HTTPAdapter.send = send

    # Patched when the snippet imports requests, so its import time stays the snippet's.
    _after_import('requests.adapters', patch)
    return None


def _after_import(name, action):
    """Runs `action(module)` once `name` is imported (at once if it already is)."""
    if name in sys.modules:
        action(sys.modules[name])
        return

    class Finder:
        @staticmethod
        def find_spec(fullname, path, target=None):
            if fullname != name:
                return None
            sys.meta_path.remove(Finder)
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            if spec is None or spec.loader is None:
                return spec
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                action(module)
            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder)


def _lazy_module(name):
    """`name`, imported on first use (importlib's LazyLoader)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


@fixture
def fixture_functools(config):
    """The `functools` module, imported by an earlier example of the same question."""
    return _lazy_module('functools')


@fixture
def fixture_asyncio(config):
    """The `asyncio` module, imported by an earlier example of the same question."""
    return _lazy_module('asyncio')


@fixture
def fixture_lru_cache(config):
    """`functools.lru_cache`, imported by an earlier example of the same question."""
    from functools import lru_cache
    return lru_cache


@fixture
def fixture_json(config):
    """The `json` module, which the example uses without importing."""
    return _json


@fixture
def fixture_your_expensive_function(config):
    """A function that does about 20 ms of CPU work, for the profiler to find."""
    def your_expensive_function():
        return sum(i * i for i in range(200_000))
    return your_expensive_function


class _Connection:
    def __init__(self, host, port):
        self.address = (host, port)
        self.calls = []

    def execute(self, statement):
        self.calls.append(('execute', statement))
        return [(1,)]

    def rollback(self):
        self.calls.append(('rollback',))

    def close(self):
        self.calls.append(('close',))


@fixture
def fixture_create_connection(config):
    """`create_connection(host, port)`: an in-memory database connection with execute, rollback and close."""
    return _Connection


@fixture
def fixture_f(config):
    """`f`: an open text file of three lines."""
    return io.StringIO('first line\nsecond line\nthird line\n')


@fixture
def fixture_process(config):
    """`process(item)`: a function that consumes what it is given and returns nothing."""
    def process(item):
        process.seen.append(item)
    process.seen = []
    return process


@fixture
def fixture_data(config):
    """`data`: the list [1, 2, 3, 4]."""
    return [1, 2, 3, 4]


@fixture
def fixture_expensive_transform(config):
    """`expensive_transform(x)`: x * 10 for even x, None for odd x."""
    def expensive_transform(x):
        return x * 10 if x % 2 == 0 else None
    return expensive_transform


@fixture
def fixture_text(config):
    """`text`: the string 'order 66 shipped'."""
    return 'order 66 shipped'


@fixture
def fixture_fetch(config):
    """`async fetch(path)`: a coroutine that waits 10 ms and returns '<path>: ok'."""
    async def fetch(path):
        import asyncio
        await asyncio.sleep(0.01)
        return f'{path}: ok'
    return fetch


class _Database:
    def query(self, user_id):
        return {'id': user_id, 'name': f'user {user_id}'}


@fixture
def fixture_db(config):
    """`db`: a database object whose query(user_id) returns a dict."""
    return _Database()


def _exception(name, doc, **attributes):
    return type(name, (Exception,), {'__doc__': doc, '__module__': '__main__', **attributes})


@fixture
def fixture_ConfigError(config):
    """`ConfigError`: an application exception class."""
    return _exception('ConfigError', 'Configuration could not be loaded.')


@fixture
def fixture_UserNotFoundError(config):
    """`UserNotFoundError`: an application exception class."""
    return _exception('UserNotFoundError', 'No such user.')


@fixture
def fixture_HTTPError(config):
    """`HTTPError`: an exception class with a status_code attribute."""
    def __init__(self, status_code, message=''):
        Exception.__init__(self, message or f'HTTP {status_code}')
        self.status_code = status_code
    return _exception('HTTPError', 'An HTTP error response.', __init__=__init__)


def _handler(name):
    def handler(*arguments):
        handler.calls.append(arguments)
    handler.__name__ = handler.__qualname__ = name
    handler.calls = []
    return handler


@fixture
def fixture_handle_click(config):
    """`handle_click(x, y)`: an event handler that records its calls."""
    return _handler('handle_click')


@fixture
def fixture_handle_key(config):
    """`handle_key(key)`: an event handler that records its calls."""
    return _handler('handle_key')


@fixture
def fixture_handle_number(config):
    """`handle_number(n)`: an event handler that records its calls."""
    return _handler('handle_number')


@fixture
def fixture_handle_text(config):
    """`handle_text(text)`: an event handler that records its calls."""
    return _handler('handle_text')
