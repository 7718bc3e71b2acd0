"""Which code a production chain runs, read from its modules' source: what its cached output is keyed by.

Keyed by the bytes of production.py and production_bus.py (up to the thirty-ninth pass), every split
that added its two steps to production_bus moved the key of every chain, and every produced clip
of every other split (15 GB, 6543 files by taula's) was made again by the next refit or read. A
chain's key holds the source of what its steps read instead, followed through the modules'
top-level definitions: its steps' functions, the helpers and constants they name, and theirs. A
step added or retuned moves the key of the chains that run it and of no other.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable

# Per top-level name, each definition of it (a function, a class or an assignment; one per module
# that defines the name): its source text and the names it reads.
Definitions = dict[str, list[tuple[str, frozenset[str]]]]


def definitions(*sources: str) -> Definitions:
    """The top-level functions, classes and assignments of the modules' `sources`, by name."""
    found: Definitions = {}
    for source in sources:
        lines = source.splitlines(keepends=True)  # ast.get_source_segment splits them again per node
        for node in ast.parse(source).body:
            names = defined_names(node)
            if names:
                entry = ("".join(lines[node.lineno - 1 : node.end_lineno]), read_names(node))
                for name in names:
                    found.setdefault(name, []).append(entry)
    return found


def defined_names(node: ast.stmt) -> list[str]:
    """The names a top-level statement defines: a function's or a class's, an assignment's targets."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [target.id for target in node.targets if isinstance(target, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def read_names(node: ast.AST) -> frozenset[str]:
    """Every name the node reads, bare or as an attribute (`production_bus.hall` reads "hall"). A
    local or an attribute spelled like a top-level name pulls that definition in too: the key can
    only hold more code than the chain runs, never less."""
    return frozenset(
        part.id if isinstance(part, ast.Name) else part.attr
        for part in ast.walk(node)
        if isinstance(part, ast.Name | ast.Attribute)
    )


def table_reads(source: str, table: str) -> dict[str, frozenset[str]]:
    """Per key of the dict literal assigned to `table` at the top of `source`: the names its value
    reads (a function's name, or what a lambda calls)."""
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or table not in defined_names(node):
            continue
        if isinstance(node.value, ast.Dict):
            return {
                key.value: read_names(value)
                for key, value in zip(node.value.keys, node.value.values, strict=True)
                if isinstance(key, ast.Constant) and isinstance(key.value, str)
            }
    raise ValueError(f"no dict literal {table} at the top of the source")


def code_digest(roots: Iterable[str], defined: Definitions, skip: frozenset[str] = frozenset()) -> str:
    """A digest of the definitions of `roots` and of every definition they read, transitively;
    names in `skip` (the step tables, which name every step) are not followed."""
    seen: set[str] = set()
    pending = list(roots)
    texts: list[str] = []
    while pending:
        name = pending.pop()
        if name in seen or name in skip or name not in defined:
            continue
        seen.add(name)
        for text, reads in defined[name]:
            texts.append(text)
            pending.extend(reads)
    return hashlib.sha256("\n\n".join(sorted(texts)).encode()).hexdigest()[:16]
