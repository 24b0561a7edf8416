"""How guidecheck cuts a program into statements, written once.

The reader walks these statements to read claims off them (`analysis.py`); the
runner wraps the same statements to observe them (`runner.py`). Both must agree
on which statements are top-level, in what order they are numbered and which
blocks a compound statement holds, or claims and probes would miss each other;
so both call these functions.

A program is one or more chunks of code, each at its own place in one virtual
file: a snippet is one chunk at line 1; the code blocks of a Markdown document
are chunks at their document lines.
"""

import __future__
import ast
import warnings


def _unparsable(error, code, path, first_line):
    """A chunk the compiler cannot even read, as the SyntaxError every reader of
    a chunk handles: a NUL byte (ValueError, at the NUL's line), or nesting too
    deep for the parser (RecursionError, MemoryError, at the chunk's first line)."""
    if isinstance(error, ValueError):
        line = first_line + code[:code.find('\0')].count('\n') if '\0' in code else first_line
        return SyntaxError('source code cannot contain null bytes', (path, line, 1, None))
    detail = f'{type(error).__name__}: {error}' if str(error) else type(error).__name__
    return SyntaxError(f'too deeply nested to parse ({detail})', (path, first_line, 1, None))


def _compile(source, path, mode, flags, code, first_line):
    try:
        return compile(source, path, mode, flags, dont_inherit=True)
    except (ValueError, RecursionError, MemoryError) as error:
        raise _unparsable(error, code, path, first_line) from None


def parse(code, path, first_line=1, flags=0):
    """The module tree of one chunk, its line numbers those of the virtual file.
    `flags` are `__future__` compiler flags in force (see `future_flags`)."""
    return _compile('\n' * (first_line - 1) + code, path, 'exec', ast.PyCF_ONLY_AST | flags, code, first_line)


def parse_and_check(code, path, first_line=1, flags=0):
    """parse(), and the errors only the compiler finds (`yield` outside a
    function, `'return' outside function`, `nonlocal` at module level) raised as
    the SyntaxError they are, so a chunk either compiles or is one error."""
    tree = parse(code, path, first_line, flags)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            compile(tree, path, 'exec', flags, dont_inherit=True)
        except (RecursionError, MemoryError) as error:
            raise _unparsable(error, code, path, first_line) from None
    return tree


#: The file name the interactive interpreter compiles its input as.
STDIN = '<stdin>'


def parse_example(code, first_line=1, flags=0):
    """A `>>>` example as the REPL compiles it: as `<stdin>`, its lines counted
    from 1, in "single" mode (one statement, or simple statements on one line),
    so its syntax errors are the ones a reader sees (`(detected at line 1)`,
    `'if' statement on line 1`, "multiple statements found …"). An input of
    nothing but comments is no statement, as the REPL reads it. The tree's lines
    are the virtual file's, like every chunk's."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            _compile(code, STDIN, 'single', flags, code, 1)
    except SyntaxError as error:
        try:
            tree = _compile(code, STDIN, 'exec', ast.PyCF_ONLY_AST | flags, code, 1)
        except SyntaxError:
            raise error from None
        if tree.body:
            raise
        return tree
    tree = _compile(code, STDIN, 'exec', ast.PyCF_ONLY_AST | flags, code, 1)
    return ast.increment_lineno(tree, first_line - 1)


def parse_chunk(chunk, path, isolate, flags=0):
    """The tree of one chunk of a program, by the chunk's kind: an example as the
    REPL compiles it; a check, or any chunk of a program that isolates syntax
    errors, compiled to the end (see `parse_and_check`); other code parsed."""
    kind = chunk.get('kind')
    if kind == 'example':
        return parse_example(chunk['code'], chunk['first_line'], flags)
    filename = chunk.get('path') or path
    if isolate or kind == 'check':
        return parse_and_check(chunk['code'], filename, chunk['first_line'], flags)
    return parse(chunk['code'], filename, chunk['first_line'])


def future_flags(tree):
    """The compiler flags of the `from __future__ import …` statements of a
    tree. An interactive session keeps them for every later input, so the
    examples of a session after one are compiled with them."""
    flags = 0
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == '__future__':
            for alias in node.names:
                feature = getattr(__future__, alias.name, None)
                if feature is not None:
                    flags |= feature.compiler_flag
    return flags


def nested_blocks(node):
    """The statement lists `node` holds, as (owner, field) pairs a caller can read
    or replace: body, orelse and finalbody; each except handler's body; each
    match case's body. In that order."""
    blocks = []
    for field in ('body', 'orelse', 'finalbody'):
        block = getattr(node, field, None)
        if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
            blocks.append((node, field))
    for handler in getattr(node, 'handlers', None) or []:
        blocks.append((handler, 'body'))
    if isinstance(node, ast.Match):
        for case in node.cases:
            blocks.append((case, 'body'))
    return blocks


def first_line(node):
    """Where a statement starts as a reader sees it: a decorated definition at
    its first decorator."""
    return min([node.lineno] + [decorator.lineno for decorator in getattr(node, 'decorator_list', [])])


def is_compound(node):
    """A statement that holds other statements (`if`, `def`, `try`, `match` …)."""
    return isinstance(node, ast.Match) or bool(nested_blocks(node))


def walk(body, visit, depth=0):
    """Calls visit(node, depth) for every statement of `body` and, after each, for
    the statements nested in it, in source order of blocks."""
    for node in body:
        visit(node, depth)
        for owner, field in nested_blocks(node):
            walk(getattr(owner, field), visit, depth + 1)
