"""A small reader for KiCad's S-expression files (.kicad_sch, .kicad_sym).

Lists become Python lists; atoms stay strings (quoted atoms keep their text without quotes).
"""


class Quoted(str):
    """An atom that was written in quotes (a name or text, never a keyword)."""


def parse(text):
    """Parses one S-expression document and returns its root list."""
    stack = [[]]
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in ' \t\r\n':
            i += 1
        elif c == '(':
            stack.append([])
            i += 1
        elif c == ')':
            if len(stack) == 1:
                raise ValueError(f"unbalanced ')' at offset {i}")
            done = stack.pop()
            stack[-1].append(done)
            i += 1
        elif c == '"':
            j, out = i + 1, []
            while j < n and text[j] != '"':
                if text[j] == '\\' and j + 1 < n:
                    j += 1
                    out.append({'n': '\n', 't': '\t'}.get(text[j], text[j]))
                else:
                    out.append(text[j])
                j += 1
            if j >= n:
                raise ValueError(f"unterminated string at offset {i}")
            stack[-1].append(Quoted(''.join(out)))
            i = j + 1
        else:
            j = i
            while j < n and text[j] not in ' \t\r\n()"':
                j += 1
            stack[-1].append(text[i:j])
            i = j
    if len(stack) != 1 or len(stack[0]) != 1:
        raise ValueError("expected exactly one top-level expression")
    return stack[0][0]


def head(node):
    return node[0] if isinstance(node, list) and node else None


def children(node, name):
    """The direct child lists of node whose head is name."""
    return [c for c in node[1:] if isinstance(c, list) and c and c[0] == name]


def child(node, name):
    found = children(node, name)
    return found[0] if found else None


def prop(node, key):
    """The value of a (property "key" "value" ...) child, or None."""
    for p in children(node, 'property'):
        if len(p) > 2 and p[1] == key:
            return str(p[2])
    return None
