"""What a snippet is made of, read by CPython's own ast and tokenize.

guidecheck's claim rules live in Swift; this module only reports facts about the
source: its statements and where they sit, its comments, the names it uses without
defining, the modules it imports, and the shape of a piece of comment text when
read as a Python expression.
"""

import ast
import builtins
import io
import json
import symtable
import tokenize

PRINT_NAMES = {'print'}


def _statement(node, top, depth, source):
    compound = any(isinstance(getattr(node, field, None), list) and getattr(node, field)
                   and isinstance(getattr(node, field)[0], ast.stmt)
                   for field in ('body', 'orelse', 'finalbody', 'handlers'))
    if isinstance(node, ast.Match):
        compound = True
    value = getattr(node, 'value', None)
    call = isinstance(node, ast.Expr) and isinstance(value, ast.Call)
    is_print = call and isinstance(value.func, ast.Name) and value.func.id in PRINT_NAMES
    targets = []
    if isinstance(node, ast.Assign):
        targets = [ast.get_source_segment(source, target) or '' for target in node.targets]
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value is not None:
        targets = [ast.get_source_segment(source, node.target) or '']
    header_end = node.lineno
    if compound:
        first_body = node.cases[0].pattern if isinstance(node, ast.Match) else node.body[0]
        header_end = max(node.lineno, first_body.lineno - 1)
    # A decorated definition starts at its first decorator, as a reader sees it.
    first_line = min([node.lineno] + [decorator.lineno for decorator in getattr(node, 'decorator_list', [])])
    return {
        'line': first_line,
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


def _walk(body, top, depth, source, out, in_function):
    for position, node in enumerate(body):
        entry = _statement(node, position if depth == 0 else top, depth, source)
        entry['in_function'] = in_function
        out.append(entry)
        child_in_function = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for field in ('body', 'orelse', 'finalbody'):
            block = getattr(node, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                _walk(block, entry['top'], depth + 1, source, out, child_in_function)
        for handler in getattr(node, 'handlers', []) or []:
            _walk(handler.body, entry['top'], depth + 1, source, out, child_in_function)
        if isinstance(node, ast.Match):
            for case in node.cases:
                _walk(case.body, entry['top'], depth + 1, source, out, child_in_function)


def _comments(source):
    comments = []
    lines = source.split('\n')
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                line, column = token.start
                before = lines[line - 1][:column]
                comments.append({
                    'line': line,
                    'column': column,
                    'text': token.string,
                    'own_line': before.strip() == '',
                    'code': before.rstrip(),
                })
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return comments


def _free_names(source, filename):
    """Global names read anywhere that nothing in the module binds and builtins lack."""
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
    return sorted(name for name in wanted if name not in bound and not hasattr(builtins, name)
                  and name not in ('__file__', '__name__', '__doc__', '__builtins__', '__spec__'))


def _imports(tree):
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return sorted(names)


def analyse(source, filename):
    """The facts guidecheck's claim rules need, as JSON."""
    result = {'statements': [], 'comments': _comments(source), 'free_names': [], 'imports': [],
              'syntax_error': None, 'line_count': source.count('\n') + (0 if source.endswith('\n') else 1)}
    try:
        tree = ast.parse(source, filename)
    except SyntaxError as error:
        result['syntax_error'] = {'line': error.lineno or 0, 'column': error.offset or 0,
                                  'message': error.msg}
        return json.dumps(result)
    _walk(tree.body, 0, 0, source, result['statements'], False)
    result['free_names'] = _free_names(source, filename)
    result['imports'] = _imports(tree)
    return json.dumps(result)


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
    """shape(text) as one line, `kind|name|literal` (or ''), cheaper to read than JSON."""
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
