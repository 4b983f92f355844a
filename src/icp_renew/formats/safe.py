"""Text from the outside world (file names, messages) made safe for each output.

A file name may hold anything a file system allows: control characters, a
terminal escape sequence, a bidi override, or bytes that are not UTF-8 (Python
keeps those as lone surrogates). No report may pass them through: a terminal
would obey them, XML forbids them and UTF-8 cannot encode them.
"""

from __future__ import annotations

import os
import posixpath
import unicodedata

#: categories shown as escapes: controls, format (bidi overrides, zero-width), surrogates,
#: line and paragraph separators. Spaces (Zs, e.g. the ideographic space) stay as they are.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """Every invisible or dangerous character as a visible escape (``\\x1b``, ``\\u202e``)."""
    if text.isprintable():
        return text
    return "".join(
        _escape(ch) if ch != " " and unicodedata.category(ch) in _HIDDEN else ch for ch in text
    )


def encodable(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes) escaped, so UTF-8 can encode it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(_escape(ch) if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text


def _xml_ok(ch: str) -> bool:
    code = ord(ch)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (they become visible escapes)."""
    text = encodable(text)
    if all(_xml_ok(ch) for ch in text):
        return text
    return "".join(ch if _xml_ok(ch) else _escape(ch) for ch in text)


def dossier_file(dossier: str, path: str | None) -> str:
    """The path of a finding's file as the user would type it: dossier path + "/" + path.

    ``/``-separated and normalised (``./a`` → ``a``); without ``path``, the dossier itself.
    """
    base = dossier.replace(os.sep, "/") if os.sep != "/" else dossier
    joined = posixpath.join(base, path) if path else base
    return posixpath.normpath(joined) if joined else "."
