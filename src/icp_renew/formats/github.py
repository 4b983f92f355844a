"""GitHub Actions workflow commands, escaped as the runner expects.

See actions/toolkit ``command.ts``: data escapes ``%``, CR and LF; property
values also ``:`` and ``,``.
"""

from __future__ import annotations


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    """``::error file=a.pdf,line=3,title=x::message``; ``None`` properties are left out."""
    parts = [f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None]
    head = f"::{level}" + (" " + ",".join(parts) if parts else "")
    return f"{head}::{escape_data(message)}"


def workspace_relative(path: str) -> str:
    """``path`` relative to ``GITHUB_WORKSPACE`` (the checkout, against which the runner and
    code scanning resolve a file) when that is set and the path lies inside it: a dossier
    given as an absolute path, or checked from a sub-folder of the checkout. Else as given,
    normalised."""
    import os
    import posixpath

    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        absolute = os.path.abspath(path)  # noqa: PTH100 - lexical, links not resolved
        base = os.path.abspath(workspace)  # noqa: PTH100
        try:
            inside = os.path.commonpath([absolute, base]) == base
        except ValueError:  # another drive (Windows): not inside
            inside = False
        if inside:
            return os.path.relpath(absolute, base).replace(os.sep, "/")
    return posixpath.normpath(path)
