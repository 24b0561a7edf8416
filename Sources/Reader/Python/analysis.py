"""What a snippet is made of, read by CPython's own ast and tokenize.

guidecheck's claim rules live in Swift; this module only reports facts about the
source: its statements and where they sit, its comments, the names it uses without
defining, the modules it imports, and the shape of a piece of comment text when
read as a Python expression.
"""

import ast
import builtins
import json
import keyword
import re
import symtable
import tokenize

import _guidecheck_program as program

PRINT_NAMES = {'print'}


#: A line with its end, as the parser splits source (\r\n, \r or \n; not the
#: form feed and the other breaks str.splitlines knows), as ast's own helper does.
_LINE = re.compile(r'[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+')


def _tokens(lines):
    """tokenize over lines split as the parser splits them: io.StringIO's
    readline splits at \n only, so with lone \r line ends (old Mac files) every
    comment was on line 1 for tokenize and on its own line for ast."""
    return tokenize.generate_tokens(iter(lines).__next__)


class _Source:
    """ast.get_source_segment for every node of one source, the source split
    into lines once: get_source_segment splits the whole source again for each
    node, character by character, which made reading quadratic (a thousand
    assignments took seconds)."""

    def __init__(self, code, first_line=1):
        self.lines = _LINE.findall(code)
        self.offset = first_line  # the virtual file's line of lines[0]

    def segment(self, node):
        """The node's source text, as ast.get_source_segment(source, node) gives it."""
        lineno, end_lineno = getattr(node, 'lineno', None), getattr(node, 'end_lineno', None)
        col_offset, end_col_offset = getattr(node, 'col_offset', None), getattr(node, 'end_col_offset', None)
        if None in (lineno, end_lineno, col_offset, end_col_offset):
            return None
        lineno, end_lineno = lineno - self.offset, end_lineno - self.offset
        first, last = self.lines[lineno].encode(), self.lines[end_lineno].encode()
        if end_lineno == lineno:
            return first[col_offset:end_col_offset].decode()
        return ''.join([first[col_offset:].decode(), *self.lines[lineno + 1:end_lineno], last[:end_col_offset].decode()])


def _statement(node, top, depth, source):
    compound = program.is_compound(node)
    value = getattr(node, 'value', None)
    call = isinstance(node, ast.Expr) and isinstance(value, ast.Call)
    is_print = call and isinstance(value.func, ast.Name) and value.func.id in PRINT_NAMES
    targets = []
    if isinstance(node, ast.Assign):
        targets = [source.segment(target) or '' for target in node.targets]
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value is not None:
        targets = [source.segment(node.target) or '']
    header_end = node.lineno
    if compound:
        first_body = node.cases[0].pattern if isinstance(node, ast.Match) else node.body[0]
        header_end = max(node.lineno, first_body.lineno - 1)
    return {
        'line': program.first_line(node),
        'end_line': node.end_lineno,
        'column': node.col_offset,
        'header_end_line': header_end,
        'kind': type(node).__name__,
        'top': top,
        'depth': depth,
        'compound': compound,
        'call': call,
        'print': is_print,
        'targets': targets,
        'simple_targets': all(isinstance(t, ast.Name) for t in getattr(node, 'targets', [getattr(node, 'target', None)]) if t is not None),
    }


def _statements(tree, first_top, source, out, check=False):
    """Every statement of one chunk, nested ones included, in program.walk's order.
    `check`: the chunk is guidecheck's own code (a check), whose lines are those of
    another file: no comment of the program is on its statements."""
    functions = []  # the enclosing statements' "in a function" flags, by depth
    state = {'top': first_top - 1}

    def visit(node, depth):
        if depth == 0:
            state['top'] += 1
        del functions[depth:]
        in_function = any(functions)
        entry = _statement(node, state['top'], depth, source)
        entry['in_function'] = in_function
        entry['check'] = check
        out.append(entry)
        functions.append(in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    program.walk(tree.body, visit)
    return state['top'] + 1


def _comments(code, first_line):
    """The comments of a chunk at `first_line` of the virtual file. Its code is
    tokenized alone and its lines offset: padded with the blank lines before it,
    as the compiler is given it, every chunk of a long Markdown guide would be
    tokenized from the guide's first line (2000 blocks took 19 s)."""
    comments = []
    if '#' not in code:
        return comments  # no comment without its character; tokenize is dear
    lines = _LINE.findall(code)
    try:
        for token in _tokens(lines):
            if token.type == tokenize.COMMENT:
                line, column = token.start
                before = lines[line - 1][:column]
                comments.append({
                    'line': line + first_line - 1,
                    'column': column,
                    'text': token.string,
                    'own_line': before.strip() == '',
                    'code': before.rstrip(),
                })
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return comments


def _would_define(code):
    """The names a chunk that does not compile would bind at its top level, read
    from its tokens as far as they go: `def NAME`, `class NAME`, `NAME = …` and
    `import NAME` at the start of an unindented line."""
    names = []
    tokens = []
    try:
        for token in _tokens(_LINE.findall(code)):
            tokens.append(token)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    for index, token in enumerate(tokens):
        if token.start[1] != 0 or token.type != tokenize.NAME:
            continue
        following = [t for t in tokens[index + 1:index + 4]]
        if token.string in ('async',) and following and following[0].string == 'def':
            token, following = following[0], following[1:]
        if token.string in ('def', 'class') and following and following[0].type == tokenize.NAME:
            names.append(following[0].string)
        elif token.string == 'import':
            names += [t.string.split('.')[0] for t in following[:1] if t.type == tokenize.NAME]
        elif not keyword.iskeyword(token.string) and following and following[0].type == tokenize.OP \
                and following[0].string in ('=', ':'):
            names.append(token.string)
    return sorted(set(names))


def _names(source, filename):
    """(names bound at module level, global names read) of one chunk."""
    table = symtable.symtable(source, filename, 'exec')
    bound = {symbol.get_name() for symbol in table.get_symbols() if symbol.is_assigned() or symbol.is_imported()}
    wanted = set()

    def visit(scope):
        for symbol in scope.get_symbols():
            if symbol.is_referenced() and (symbol.is_global() or scope is table) and not symbol.is_assigned() \
                    and not symbol.is_imported() and not symbol.is_parameter():
                wanted.add(symbol.get_name())
        for child in scope.get_children():
            visit(child)

    visit(table)
    return bound, wanted


def _free_names(bound, wanted):
    """Global names read anywhere that nothing in the program binds and builtins lack."""
    return sorted(name for name in wanted if name not in bound and not hasattr(builtins, name)
                  and name not in ('__file__', '__name__', '__doc__', '__builtins__', '__spec__'))


def _imports(tree):
    """The absolute imports anywhere in the chunk. Imports are statements: the
    statement walk finds them all without visiting every expression node
    (ast.walk did, and cost a quarter of the reading)."""
    names = set()

    def visit(node, depth):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)

    program.walk(tree.body, visit)
    return names


def _builds_sets(code, tree):
    """Whether the chunk makes a set (a display, a comprehension, set() or
    frozenset()): iterating one of strings gives an order that changes with the
    hash seed. Only chunks with `{` or `set(` in them are walked."""
    if '{' not in code and 'set(' not in code:
        return False
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.SetComp)):
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ('set', 'frozenset'):
            return True
    return False


def analyse(chunks_json, filename, isolate=False):
    """The facts guidecheck's claim rules need, as JSON, for a program given as
    chunks ([{"first_line": n, "code": text, "kind": …, "path": …}, …]):
    statements numbered across chunks as the runner numbers them, comments (of
    the guide's own chunks, not of checks), free names and imports, and for each
    chunk its run of top-level statements.

    With `isolate`, a chunk that does not compile is one statement (kind
    "SyntaxError") that raises its error, as the runner runs it; without it, the
    first syntax error stops the program."""
    chunks = json.loads(chunks_json)
    result = {'statements': [], 'comments': [], 'free_names': [], 'bound_names': [], 'imports': [], 'syntax_error': None,
              'line_count': 0, 'chunks': [], 'builds_sets': False}
    bound, wanted, imports = set(), set(), set()
    top = 0
    flags = 0  # __future__ flags in force for the examples of a session
    for chunk in chunks:
        chunk_flags = flags if chunk.get('kind') == 'example' else 0
        path = chunk.get('path') or filename
        if chunk.get('kind') != 'check':
            result['comments'] += _comments(chunk['code'], chunk['first_line'])
            # The virtual file's lines up to this chunk's end (its blank lines before it
            # counted, not built: a long guide's chunks would each copy them).
            code, first_line = chunk['code'], chunk['first_line']
            ends_with_newline = code.endswith('\n') if code else first_line > 1
            lines = first_line - 1 + code.count('\n') + (0 if ends_with_newline else 1)
            result['line_count'] = max(result['line_count'], lines)
        first = top
        try:
            tree = program.parse_chunk(chunk, path, isolate, chunk_flags)
        except SyntaxError as error:
            # A check that does not compile is a broken check, never the program's end.
            if not (isolate or chunk.get('kind') == 'check'):
                if result['syntax_error'] is None:
                    result['syntax_error'] = {'line': error.lineno or 0, 'column': error.offset or 0, 'message': error.msg}
                continue
            last = chunk['first_line'] + max(0, chunk['code'].rstrip('\n').count('\n'))
            result['statements'].append({
                'line': chunk['first_line'], 'end_line': last, 'column': 0, 'header_end_line': chunk['first_line'],
                'kind': 'SyntaxError', 'top': top, 'depth': 0, 'compound': False, 'call': False, 'print': False,
                'targets': [], 'simple_targets': True, 'in_function': False,
                'check': chunk.get('kind') == 'check'})
            result['chunks'].append({'first_top': first, 'count': 1, 'ends_with_expression': False,
                                     'syntax_error': f'{error.msg} (line {error.lineno})',
                                     'would_define': _would_define(chunk['code'])})
            top += 1
            continue
        if chunk.get('kind') == 'example':
            flags |= program.future_flags(tree)
        top = _statements(tree, top, _Source(chunk['code'], chunk['first_line']), result['statements'], check=chunk.get('kind') == 'check')
        ends_with_expression = bool(tree.body) and isinstance(tree.body[-1], ast.Expr)
        facts = {'first_top': first, 'count': top - first, 'ends_with_expression': ends_with_expression,
                 'syntax_error': None}
        result['chunks'].append(facts)
        try:
            chunk_bound, chunk_wanted = _names(chunk['code'], path)  # names only: no line is read
        except SyntaxError:
            chunk_bound, chunk_wanted = set(), set()
        facts['uses'] = sorted(chunk_wanted)
        if chunk.get('kind') == 'check':
            # A check is guidecheck's own code: a name it leaves undefined is a
            # broken check when it runs (NameError), never a name the guide owes;
            # and what it defines runs after the guide's code, defining none of it.
            chunk_bound, chunk_wanted = set(), set()
        if chunk.get('kind') == 'example':
            # The REPL binds `_` (builtins._) to the last value it echoed.
            chunk_bound = chunk_bound | {'_'}
        bound |= chunk_bound
        wanted |= chunk_wanted
        imports |= _imports(tree)
        if chunk.get('kind') != 'check' and not result['builds_sets']:
            result['builds_sets'] = _builds_sets(chunk['code'], tree)
    if result['syntax_error'] is None:
        result['free_names'] = _free_names(bound, wanted)
        result['bound_names'] = sorted(name for name in bound if isinstance(name, str))
        result['imports'] = sorted(imports)
    return json.dumps(result)


def parses(text):
    """'1' when `text` is Python a module could hold, else '0'."""
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return '0'
    return '1'


SHAPES = {
    ast.Constant: 'constant', ast.List: 'list', ast.Tuple: 'tuple', ast.Dict: 'dict', ast.Set: 'set',
    ast.Call: 'call', ast.Name: 'name', ast.Attribute: 'attribute', ast.UnaryOp: 'unary',
    ast.BinOp: 'binary', ast.Compare: 'compare', ast.Subscript: 'subscript', ast.BoolOp: 'boolean',
}


def shape(text):
    """How `text` reads as one Python expression, or None when it is not one.

    'call' carries the callee's dotted name; 'name' the name; 'unary' whether the
    operand is a number (-5). Everything Swift needs to tell a value from prose.
    """
    try:
        tree = ast.parse(text.strip(), mode='eval')
    except (SyntaxError, ValueError):
        return None
    node = tree.body
    kind = SHAPES.get(type(node), 'other')
    facts = {'kind': kind}
    if isinstance(node, ast.Call):
        facts['name'] = ast.unparse(node.func)
        facts['literal_arguments'] = all(_is_literal(arg) for arg in node.args) and \
            all(_is_literal(keyword.value) for keyword in node.keywords)
    elif isinstance(node, ast.Name):
        facts['name'] = node.id
    elif isinstance(node, ast.Attribute):
        facts['name'] = ast.unparse(node)
    elif isinstance(node, ast.UnaryOp):
        facts['numeric'] = isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, (int, float, complex))
    facts['literal'] = _is_literal(node)
    return json.dumps(facts)


def shape_line(text):
    """shape(text) as one line, `kind|name|literal` (or '' when it is not an
    expression): what Swift reads, with no JSON to decode for every comment."""
    facts = shape(text)
    if facts is None:
        return ''
    facts = json.loads(facts)
    return f"{facts['kind']}|{facts.get('name', '')}|{1 if facts['literal'] else 0}"


def _is_literal(node):
    """A value as a repr would print it: constants and displays of them, calls of
    names with such arguments (Vector(4, 6), Counter({'a': 2}))."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return node.id in ('True', 'False', 'None', 'Ellipsis', 'NotImplemented', 'inf', 'nan')
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return _is_literal(node.operand)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_is_literal(element) for element in node.elts)
    if isinstance(node, ast.Dict):
        return all(key is not None and _is_literal(key) for key in node.keys) and all(_is_literal(v) for v in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
        return all(_is_literal(arg) for arg in node.args) and all(_is_literal(k.value) for k in node.keywords)
    return False
