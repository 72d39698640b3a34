"""The search language, parsed into a small tree and compiled to SQL over the library.

Examples: ``nina`` (words match as prefixes anywhere), ``"feeling good"`` (a phrase),
``artist:nina``, ``artist:="Nina Simone"`` (exact), ``year:>1970``, ``year:1970..1979``,
``rating:>=4``, ``duration:<5:00``, ``added:<7`` (days ago), ``has:cover``, ``-live``
(exclude), ``jazz OR blues``, parentheses, and ``sort:-year`` / ``sort:artist``.

A query that cannot be understood raises :class:`QueryError` saying where and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, QueryError
from rvibe_player.library.query_fields import (
    FIELDS,
    HAS_FLAGS,
    SORT_KEYS,
    Field,
    ValueWordsError,
    parse_value,
)


@dataclass(frozen=True)
class Text:
    """Text to match: in one FTS column or all of them; a prefix, a phrase or exact."""

    column: str | None
    value: str
    phrase: bool = False
    exact: bool = False


@dataclass(frozen=True)
class Compare:
    """A numeric or plain-column comparison."""

    field: Field
    op: str
    value: float | str


@dataclass(frozen=True)
class Has:
    """``has:cover`` and friends."""

    flag: str


@dataclass(frozen=True)
class Not:
    """Exclude what the inner node matches."""

    node: Node


@dataclass(frozen=True)
class And:
    """Every part must match."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """Any part may match."""

    parts: tuple[Node, ...]


Node = Text | Compare | Has | Not | And | Or


@dataclass
class ParsedQuery:
    """A parsed query: its condition (None matches everything) and sort keys."""

    node: Node | None
    sort: list[tuple[str, bool]] = field(default_factory=list)
    """(sort key, descending) pairs, in order."""


_OPS = (">=", "<=", "!=", ">", "<", "=")
_TOKEN_END = re.compile(r'[\s()"]')


@dataclass(frozen=True)
class _Token:
    kind: str  # WORD, PHRASE, FIELD, LPAREN, RPAREN, OR, NOT
    text: str
    pos: int
    name: str = ""
    op: str = ""
    quoted: bool = False


class _Lexer:
    def __init__(self, query: str) -> None:
        self.query = query
        self.pos = 0

    def error(self, message: str, pos: int, *args: str) -> QueryError:
        return QueryError(message, pos, self.query, args)

    def tokens(self) -> list[_Token]:
        out: list[_Token] = []
        q = self.query
        while True:
            while self.pos < len(q) and q[self.pos].isspace():
                self.pos += 1
            if self.pos >= len(q):
                return out
            start = self.pos
            char = q[start]
            if char in "()":
                self.pos += 1
                out.append(_Token("LPAREN" if char == "(" else "RPAREN", char, start))
            elif char == "-" and start + 1 < len(q) and not q[start + 1].isspace():
                self.pos += 1
                out.append(_Token("NOT", "-", start))
            elif char == "-":
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "'-' must be followed by a term to exclude"),
                    start,
                )
            elif char == '"':
                out.append(_Token("PHRASE", self._quoted(), start))
            else:
                out.append(self._word())

    def _quoted(self) -> str:
        start = self.pos
        end = self.query.find('"', start + 1)
        if end < 0:
            raise self.error(QT_TRANSLATE_NOOP("QueryError", "this quote is never closed"), start)
        self.pos = end + 1
        return self.query[start + 1 : end]

    def _bare(self) -> str:
        match = _TOKEN_END.search(self.query, self.pos)
        end = match.start() if match else len(self.query)
        text = self.query[self.pos : end]
        self.pos = end
        return text

    def _word(self) -> _Token:
        start = self.pos
        text = self._bare()
        if text in ("OR", "AND", "NOT"):
            return _Token(text if text != "AND" else "AND", text, start)
        name, colon, rest = text.partition(":")
        if not colon or not name:
            return _Token("WORD", text, start)
        op = next((o for o in _OPS if rest.startswith(o)), "")
        value = rest[len(op) :]
        quoted = False
        if not value and self.pos < len(self.query) and self.query[self.pos] == '"':
            value, quoted = self._quoted(), True
        elif not value:
            raise self.error(
                QT_TRANSLATE_NOOP("QueryError", "'%1:' needs a value after it"),
                start + len(text),
                name,
            )
        return _Token("FIELD", value, start, name=name.lower(), op=op, quoted=quoted)


class _Parser:
    def __init__(self, query: str) -> None:
        self.lexer = _Lexer(query)
        self.tokens = self.lexer.tokens()
        self.index = 0
        self.sort: list[tuple[str, bool]] = []

    def error(self, message: str, pos: int, *args: str) -> QueryError:
        return self.lexer.error(message, pos, *args)

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def parse(self) -> ParsedQuery:
        node = self._or() if self.tokens else None
        token = self.peek()
        if token is not None:
            raise self.error(QT_TRANSLATE_NOOP("QueryError", "')' has no matching '('"), token.pos)
        return ParsedQuery(node, self.sort)

    def _or(self) -> Node | None:
        parts = [self._and()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.index += 1
            nxt = self.peek()
            if parts[-1] is None or nxt is None or nxt.kind in ("OR", "RPAREN"):
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "OR needs a search term on both sides"),
                    token.pos,
                )
            parts.append(self._and())
        kept = [p for p in parts if p is not None]
        if len(kept) != len(parts) and len(parts) > 1:
            raise self.error(
                QT_TRANSLATE_NOOP("QueryError", "OR cannot combine a sort: term"),
                self.tokens[0].pos,
            )
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(kept))

    def _and(self) -> Node | None:
        parts: list[Node] = []
        while (token := self.peek()) is not None and token.kind not in ("OR", "RPAREN"):
            if token.kind == "AND":
                self.index += 1
                continue
            node = self._unary()
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def _unary(self) -> Node | None:
        token = self.tokens[self.index]
        if token.kind == "NOT":
            self.index += 1
            if self.peek() is None or self.peek().kind in ("OR", "RPAREN"):  # type: ignore[union-attr]
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "nothing to exclude after this"), token.pos
                )
            inner = self._unary()
            if inner is None:
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "a sort: term cannot be excluded"), token.pos
                )
            return Not(inner)
        return self._atom()

    def _atom(self) -> Node | None:
        token = self.tokens[self.index]
        self.index += 1
        if token.kind == "LPAREN":
            if self.peek() is None:
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "this '(' is never closed"), token.pos
                )
            inner = self._or()
            closing = self.peek()
            if closing is None or closing.kind != "RPAREN":
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "this '(' is never closed"), token.pos
                )
            self.index += 1
            if inner is None:
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "the parentheses hold nothing to search for"),
                    token.pos,
                )
            return inner
        if token.kind == "RPAREN":
            raise self.error(QT_TRANSLATE_NOOP("QueryError", "')' has no matching '('"), token.pos)
        if token.kind == "PHRASE":
            return self._text(None, token.text, token.pos, phrase=True)
        if token.kind == "FIELD":
            return self._field(token)
        return self._text(None, token.text, token.pos, phrase=False)

    def _text(self, column: str | None, value: str, pos: int, phrase: bool) -> Text:
        if not any(ch.isalnum() for ch in value):
            raise self.error(
                QT_TRANSLATE_NOOP("QueryError", "'%1' has no letters or digits to search for"),
                pos,
                value,
            )
        return Text(column, value, phrase=phrase)

    def _field(self, token: _Token) -> Node | None:
        if token.name == "sort":
            descending = token.text.startswith("-")
            key = token.text.lstrip("-").lower()
            if key not in SORT_KEYS:
                known = ", ".join(sorted(SORT_KEYS))
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "cannot sort by '%1'; sort keys: %2"),
                    token.pos,
                    key,
                    known,
                )
            self.sort.append((key, descending))
            return None
        if token.name == "has":
            flag = token.text.lower()
            if flag not in HAS_FLAGS:
                known = ", ".join(sorted(HAS_FLAGS))
                raise self.error(
                    QT_TRANSLATE_NOOP("QueryError", "unknown has:%1; try one of: %2"),
                    token.pos,
                    flag,
                    known,
                )
            return Has(flag)
        spec = FIELDS.get(token.name)
        if spec is None:
            known = ", ".join(sorted(FIELDS))
            raise self.error(
                QT_TRANSLATE_NOOP("QueryError", "unknown field '%1'; fields: %2"),
                token.pos,
                token.name,
                known,
            )
        value_pos = token.pos + len(token.name) + 1 + len(token.op)
        if spec.kind == "fts":
            if token.op in ("", "="):
                text = self._text(spec.column, token.text, value_pos, phrase=token.quoted)
                return Text(spec.column, text.value, phrase=text.phrase, exact=token.op == "=")
            raise self.error(
                QT_TRANSLATE_NOOP("QueryError", "%1 is text: use %1: or %1:="), token.pos, spec.name
            )
        if spec.kind == "text" and token.op not in ("", "=", "!="):
            raise self.error(
                QT_TRANSLATE_NOOP("QueryError", "%1 is text: use %1: or %1:="), token.pos, spec.name
            )
        if ".." in token.text and spec.kind == "number":
            low_text, _, high_text = token.text.partition("..")
            low = self._value(spec, low_text, value_pos)
            high = self._value(spec, high_text, value_pos + len(low_text) + 2)
            return And((Compare(spec, ">=", low), Compare(spec, "<=", high)))
        op = token.op or ("=" if spec.kind == "number" else ":")
        return Compare(spec, op, self._value(spec, token.text, value_pos))

    def _value(self, spec: Field, text: str, pos: int) -> float | str:
        try:
            return parse_value(spec, text)
        except ValueWordsError as exc:
            raise self.error(exc.template, pos, *exc.words) from exc


def parse(query: str) -> ParsedQuery:
    """Parse a search query.

    Raises:
        QueryError: with the position and the reason when the query is malformed.
    """
    if len(query) > 2000:
        raise QueryError(
            QT_TRANSLATE_NOOP("QueryError", "the query is too long (2000 characters at most)"),
            2000,
            query[:2000],
        )
    return _Parser(query).parse()
