"""Compiles a parsed search query to an SQL condition and ORDER BY over ``tracks``.

Text terms become FTS5 prefix or phrase matches (merged into one MATCH where they combine
with AND or OR); numbers and plain columns become ordinary comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rvibe_player.library.browse import DEFAULT_ORDER
from rvibe_player.library.query import And, Compare, Has, Node, Not, Or, ParsedQuery, Text
from rvibe_player.library.query_fields import HAS_FLAGS, SORT_KEYS

_FTS_IN = "id IN (SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH :{name})"


@dataclass
class CompiledQuery:
    """An SQL condition over ``tracks`` with its named parameters, and the ORDER BY."""

    where: str
    params: dict[str, Any] = field(default_factory=dict)
    order_by: str = DEFAULT_ORDER
    fts_only: str | None = None
    """The whole condition as one FTS5 expression, when it is pure text (no SQL needed)."""
    sorted_by_default: bool = True
    """Whether the order is the default one (no sort: keys in the query)."""


def _fts_quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _fts_term(node: Text) -> str:
    term = _fts_quote(node.value) + ("" if node.phrase else "*")
    return f"{node.column} : {term}" if node.column else term


def _fts_expr(node: Node) -> str | None:
    """The node as one FTS5 expression, or None when it needs SQL."""
    if isinstance(node, Text) and not node.exact:
        return _fts_term(node)
    if isinstance(node, And | Or):
        parts = [_fts_expr(p) for p in node.parts]
        if any(p is None for p in parts):
            return None
        joiner = " AND " if isinstance(node, And) else " OR "
        return "(" + joiner.join(p for p in parts if p is not None) + ")"
    return None


class _Compiler:
    def __init__(self, now: float) -> None:
        self.params: dict[str, Any] = {"now": now}

    def bind(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return name

    def node(self, node: Node) -> str:
        if isinstance(node, And):
            return self._and(node)
        if isinstance(node, Or):
            fts = _fts_expr(node)
            if fts is not None:
                return _FTS_IN.format(name=self.bind(fts))
            return "(" + " OR ".join(self.node(p) for p in node.parts) + ")"
        if isinstance(node, Not):
            fts = _fts_expr(node.node)
            if fts is not None:
                return "NOT " + _FTS_IN.format(name=self.bind(fts))
            return f"NOT IFNULL(({self.node(node.node)}), 0)"
        if isinstance(node, Text):
            if node.exact:
                return f"{node.column} = :{self.bind(node.value)} COLLATE NOCASE"
            return _FTS_IN.format(name=self.bind(_fts_term(node)))
        if isinstance(node, Has):
            return HAS_FLAGS[node.flag]
        return self._compare(node)

    def _and(self, node: And) -> str:
        fts_parts: list[str] = []
        sql_parts: list[str] = []
        for part in node.parts:
            fts = _fts_expr(part)
            if fts is not None:
                fts_parts.append(fts)
            else:
                sql_parts.append(self.node(part))
        if fts_parts:
            sql_parts.insert(0, _FTS_IN.format(name=self.bind(" AND ".join(fts_parts))))
        return "(" + " AND ".join(sql_parts) + ")"

    def _compare(self, node: Compare) -> str:
        column = node.field.column
        name = self.bind(node.value)
        if node.field.kind == "text":
            if node.op == ":":
                return f"instr(lower({column}), lower(:{name})) > 0"
            return f"{column} {node.op} :{name} COLLATE NOCASE"
        if node.op == "=" and node.field.unit == "duration":
            return f"abs({column} - :{name}) < 0.5"
        return f"{column} {node.op} :{name}"


def compile_query(parsed: ParsedQuery, now: float) -> CompiledQuery:
    """SQL for a parsed query; ``now`` anchors relative ages such as ``added:<7``."""
    compiler = _Compiler(now)
    where = compiler.node(parsed.node) if parsed.node is not None else "1"
    order = DEFAULT_ORDER
    if parsed.sort:
        keys = [f"{SORT_KEYS[k]}{' DESC' if desc else ''}" for k, desc in parsed.sort]
        order = ", ".join([*keys, "id"])
    fts_only = _fts_expr(parsed.node) if parsed.node is not None else None
    return CompiledQuery(where, compiler.params, order, fts_only, not parsed.sort)
