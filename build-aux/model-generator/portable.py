"""Rewrites an XMILE file's apply-to-all equations so that PySD reads them:
every reference to an arrayed variable is written NAME[Country] (PySD takes a
bare arrayed name inside MIN, MAX, EXP and the like for a scalar). Both
readings mean the same in XMILE. Usage: portable.py FILE (in place)."""
import re
import sys

path = sys.argv[1]
text = open(path, encoding="utf-8").read()
blocks = re.findall(r'<(aux|stock|flow) name="([^"]+)">(.*?)</\1>', text, re.S)
arrayed = {name.replace(" ", "_").lower() for kind, name, body in blocks if "<dimensions>" in body}
token = re.compile(r'"[^"]+"|[A-Za-z_][A-Za-z0-9_]*')


def rewrite(eqn):
    out, pos = [], 0
    for m in token.finditer(eqn):
        name = m.group(0)
        key = name.strip('"').replace(" ", "_").lower()
        following = eqn[m.end():m.end() + 1]
        out.append(eqn[pos:m.end()])
        if key in arrayed and following != "[" and following != "(":
            out.append("[Country]")
        pos = m.end()
    out.append(eqn[pos:])
    return "".join(out)


def fix_block(m):
    block = m.group(0)
    if "<dimensions>" not in block or "<element " in block:
        return block
    return re.sub(r"<eqn>(.*?)</eqn>", lambda e: "<eqn>" + rewrite(e.group(1)) + "</eqn>", block, count=1, flags=re.S)


text = re.sub(r'<(aux|stock|flow) name="[^"]+">.*?</\1>', fix_block, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
