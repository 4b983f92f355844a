"""Text wrapped to a terminal's width, Chinese included.

``textwrap`` counts characters and breaks only at spaces; Chinese has no spaces and each
character takes two columns. :func:`wrap` measures with rich's cell widths, breaks between
Chinese characters and between words, and follows the basic Chinese line-breaking rule: no
line starts with closing punctuation (，。）) nor ends with opening punctuation (（“). A bracketed
note (``[默认：text]``) and a quoted value (``'京B2-20210001'``) are never broken.
"""

from __future__ import annotations

import re

__all__ = ["NO_LINE_END", "NO_LINE_START", "width_of", "wrap"]

#: never at the start of a line (Chinese line breaking): closing punctuation
NO_LINE_START = set("，。、；：？！）」』】》〉”’％,.;:?!)]}")
#: never at the end of a line: opening punctuation
NO_LINE_END = set("（「『【《〈“‘([{")
#: what is never broken: a bracketed note, a quoted value, an ASCII word; else one character
_UNIT = re.compile(
    r"\[[^\]]*\][^\s\u3000-\u303f\uff00-\uffef]* *|'[^' ]*'[!-~]* *|[!-~]+ *|\s+|. *"
)


def _units(text: str) -> list[str]:
    """Breakable pieces: an ASCII word with its spaces, or one other character; punctuation
    is glued to its neighbour so that no line starts with ``）`` or ends with ``（``."""
    units: list[str] = []
    glue_next = False
    for piece in _UNIT.findall(text):
        if units and (glue_next or piece[0] in NO_LINE_START):
            units[-1] += piece
        else:
            units.append(piece)
        glue_next = piece.rstrip()[-1:] in NO_LINE_END if piece.strip() else False
    return units


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells (a Chinese character is two),
    broken between words or between Chinese characters, never before closing punctuation."""
    from rich.cells import cell_len

    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for unit in _units(paragraph):
            if cell_len((line + unit).rstrip()) <= width:
                line += unit
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = unit.lstrip()
            while cell_len(line.rstrip()) > width:  # a word wider than the column: cut it
                cut = _fit(line, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def _fit(text: str, width: int) -> int:
    from rich.cells import cell_len

    cut = len(text)
    while cut > 1 and cell_len(text[:cut]) > width:
        cut -= 1
    return cut


def width_of(text: str) -> int:
    """The number of terminal columns ``text`` takes (a Chinese character: two)."""
    from rich.cells import cell_len

    return cell_len(text)
