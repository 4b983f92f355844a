"""Styled, indented, wrapped lines for the terminal, without rich's per-line cost.

rich renders a few hundred lines a second when each is a separate object; a
report over hundreds of dossiers has tens of thousands. A line here is a list
of ``(text, style)`` segments; it is wrapped only when wider than the page
(by display cells, so Chinese counts double), keeping its indent, and painted
with plain SGR codes only when colour is on. The text must already be safe
(:func:`icp_renew.formats.safe.visible`): nothing here interprets it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, get_character_cell_size

Segment = tuple[str, str]  # (text, style words such as "bold red"; "" for none)

_SGR = {
    "bold": "1",
    "dim": "2",
    "underline": "4",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "magenta": "35",
    "cyan": "36",
}
RESET = "\x1b[0m"


def sgr(style: str) -> str:
    """``"bold red"`` → ``"\\x1b[1;31m"`` (unknown words are ignored)."""
    codes = [_SGR[w] for w in style.split() if w in _SGR]
    return f"\x1b[{';'.join(codes)}m" if codes else ""


def _merge(chars: Sequence[tuple[str, str]]) -> list[Segment]:
    out: list[Segment] = []
    for ch, style in chars:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + ch, style)
        else:
            out.append((ch, style))
    return out


#: never at the start of a row (a closing bracket or punctuation stays with its word)
_NO_BREAK_BEFORE = frozenset(")]}>,.;:!?）】」』》，。、；：！？")


def _breaks_before(ch: str, before: str) -> bool:
    """May a row end between ``before`` and ``ch``?"""
    if ch == " " or before == " ":
        return True
    if ch in _NO_BREAK_BEFORE:
        return False
    return 2 in (get_character_cell_size(ch), get_character_cell_size(before))


def _last_break(row: Sequence[tuple[str, str]]) -> int:
    """Where ``row`` may be cut: after its last space or before/after a wide character."""
    for i in range(len(row) - 1, 0, -1):
        if _breaks_before(row[i][0], row[i - 1][0]):
            return i
    return -1


def wrap(segments: Sequence[Segment], width: int) -> list[list[Segment]]:
    """``segments`` cut into rows of at most ``width`` cells, at spaces where possible."""
    width = max(width, 10)
    if sum(cell_len(text) for text, _ in segments) <= width:
        return [list(segments)]
    rows: list[list[tuple[str, str]]] = []
    row: list[tuple[str, str]] = []
    used = 0
    for text, style in segments:
        for ch in text:
            size = get_character_cell_size(ch)
            if used + size > width and row:
                cut = len(row) if _breaks_before(ch, row[-1][0]) else _last_break(row)
                if cut <= 0:
                    cut = len(row)
                head, row = row[:cut], row[cut:]
                while head and head[-1][0] == " ":
                    head.pop()
                rows.append(head)
                while row and row[0][0] == " ":
                    row.pop(0)
                used = sum(get_character_cell_size(c) for c, _ in row)
            if not row and ch == " ":
                continue
            row.append((ch, style))
            used += size
    if row:
        rows.append(row)
    return [_merge(r) for r in rows]


class Page:
    """Collects lines; ``str(page)`` is the text, painted when ``color``."""

    def __init__(self, width: int, color: bool) -> None:
        self.width = width
        self.color = color
        self.lines: list[str] = []

    def add(self, segments: Sequence[Segment] | str, indent: int = 0) -> None:
        segs: Sequence[Segment] = [(segments, "")] if isinstance(segments, str) else segments
        for row in wrap(segs, self.width - indent):
            self.lines.append(" " * indent + self.paint(row).rstrip())

    def blank(self) -> None:
        self.lines.append("")

    def paint(self, segments: Sequence[Segment]) -> str:
        if not self.color:
            return "".join(text for text, _ in segments)
        return "".join(
            f"{sgr(style)}{text}{RESET}" if style and sgr(style) else text
            for text, style in segments
        )

    def __str__(self) -> str:
        return "".join(line + "\n" for line in self.lines)
