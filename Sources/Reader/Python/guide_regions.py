"""Finds the code-looking regions of a plain-text guide whose examples are not fenced.

A line is code-looking when CPython's own compiler accepts it as a statement (or as
the start of one: an unclosed bracket, a header awaiting its block), when it is a
comment, when it is indented under code, or when it is a shell command. Prose
fails to compile; the few prose lines that do compile (a lone word such as
"Article") are single names and are excluded.
"""

import ast
import re

DECORATOR = re.compile(r'^@[A-Za-z_][\w.]*(\(.*\))?\s*(#.*)?$')
CLOSING = re.compile(r'^[\]\)\}]')
SHELL = re.compile(r'^(python3?|py-spy|pip3?|kernprof|mypy|pytest)\s+\S')
BULLET = re.compile(r'^\s*(•|\d+\.\s)')
INCOMPLETE = ('was never closed', 'expected an indented block', 'unexpected EOF',
              'expected \':\'', 'invalid syntax. Perhaps you forgot a comma?')


def _compiles(line):
    """'code', 'start' (incomplete but plausible), or None."""
    try:
        tree = ast.parse(line)
    except SyntaxError as error:
        message = str(error.msg)
        if any(marker in message for marker in INCOMPLETE[:3]):
            return 'start'
        return None
    if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
        value = tree.body[0].value
        if isinstance(value, (ast.Name, ast.Constant)):
            return None
    return 'code'


def classify(line, previous_is_code):
    if not line.strip():
        return 'blank'
    if BULLET.match(line):
        return 'prose'
    stripped = line.strip()
    if stripped.startswith('#'):
        return 'code'
    if SHELL.match(stripped):
        return 'shell'
    if line[0] in ' \t' and previous_is_code:
        return 'code'
    if DECORATOR.match(stripped) or (CLOSING.match(stripped) and previous_is_code):
        return 'code'
    if _compiles(stripped) or _compiles(line.rstrip()):
        return 'code'
    return 'prose'


def regions(text):
    """[(first_line, last_line, kind)], 1-based and inclusive; kind is 'python' or 'shell'."""
    lines = text.split('\n')
    kinds = []
    previous_is_code = False
    for line in lines:
        kind = classify(line, previous_is_code)
        kinds.append(kind)
        if kind != 'blank':
            previous_is_code = kind in ('code', 'shell')
    found = []
    index = 0
    while index < len(lines):
        if kinds[index] not in ('code', 'shell'):
            index += 1
            continue
        start = end = index
        region_kind = 'shell' if kinds[index] == 'shell' else 'python'
        probe = index + 1
        while probe < len(lines):
            if kinds[probe] == 'blank':
                probe += 1
                continue
            if kinds[probe] == kinds[index] or (kinds[probe] == 'code' and region_kind == 'python'):
                end = probe
                probe += 1
                continue
            break
        found.append((start + 1, end + 1, region_kind))
        index = end + 1
    return found


def regions_json(text):
    """regions(text) as JSON: [[first, last, kind], ...]."""
    import json
    return json.dumps(regions(text))
