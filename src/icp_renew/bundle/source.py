"""Opening a scan for reading without ever leaving the dossier.

The scan never follows a link (every link is an ``unsafe-file``, so a bundle
holds exactly what the folder holds), but a folder can change between the
check and the copy. So each file is opened again, component by component from
the dossier's root, with ``O_NOFOLLOW``: a component that has become a link
since the check is refused, not followed. The opened descriptor must be a
regular file (not a FIFO, which would block, nor a device). The dossier is
only ever opened read-only.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from icp_renew.errors import UserError, os_error

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_LINK_ERRNOS = {errno.ELOOP, getattr(errno, "EMLINK", errno.ELOOP), errno.ENOTDIR}


class SourceError(UserError):
    """A scan could not be read safely: exit 2, nothing written."""


def _walk_open(root: Path, parts: tuple[str, ...]) -> int:
    """Open ``root/parts…`` without following a link in any component."""
    dir_fd = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        for part in parts[:-1]:
            next_fd = os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=dir_fd)
            os.close(dir_fd)
            dir_fd = next_fd
        return os.open(parts[-1], os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY, dir_fd=dir_fd)
    finally:
        os.close(dir_fd)


def _lstat_walk(root: Path, parts: tuple[str, ...], shown: str) -> Path:
    """Where ``O_NOFOLLOW``/``dir_fd`` are missing (Windows): refuse links by ``lstat``."""
    path = root
    for part in parts:
        path = path / part
        if path.is_symlink():
            raise SourceError(LINK, source=shown)
    return path


LINK = "pack.source-link"


def open_source(root: Path, abspath: Path, shown: str) -> BinaryIO:
    """Open one scan read-only; :class:`SourceError` if it is a link or not a regular file.

    ``shown`` is how the file is named in messages (its dossier-relative path).
    """
    try:
        parts = abspath.relative_to(root).parts
    except ValueError:
        raise SourceError("pack.source-outside", source=shown) from None
    if not parts or ".." in parts:
        raise SourceError("pack.source-not-inside", source=shown)
    try:
        if _NOFOLLOW and _DIRECTORY and os.open in os.supports_dir_fd:
            fd = _walk_open(root, parts)
        else:  # pragma: no cover - platforms without dir_fd / O_NOFOLLOW (Windows)
            fd = os.open(_lstat_walk(root, parts, shown), os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        raise SourceError("pack.source-disappeared", source=shown) from None
    except OSError as exc:
        if exc.errno in _LINK_ERRNOS:
            raise SourceError(LINK, source=shown) from None
        raise SourceError(os_error(exc, "errors.cannot-read"), source=shown) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SourceError("pack.source-not-regular", source=shown)
        if _NONBLOCK and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise
