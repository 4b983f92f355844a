"""Opening a scan for reading without ever leaving the dossier.

The scan already skipped links that point out of the dossier, but a folder
can change between the check and the copy. So each file is opened again,
component by component from the dossier's root, with ``O_NOFOLLOW``: a
component that has become a link is not followed blindly. A link that stays
inside the dossier is resolved and accepted; one that leads out is refused.
The opened descriptor must be a regular file (not a FIFO, which would block,
nor a device). The dossier is only ever opened read-only.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from icp_renew.errors import UserError

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


def _inside(root: Path, abspath: Path, shown: str) -> tuple[str, ...]:
    """The parts of the link-free path of ``abspath``, which must stay inside ``root``."""
    real = Path(os.path.realpath(abspath))
    real_root = Path(os.path.realpath(root))
    try:
        rel = real.relative_to(real_root)
    except ValueError:
        raise SourceError(
            "is a link that leads out of the dossier; not packed", source=shown
        ) from None
    if not rel.parts:
        raise SourceError("is not a regular file", source=shown)
    return rel.parts


def open_source(root: Path, abspath: Path, shown: str) -> BinaryIO:
    """Open one scan read-only; :class:`SourceError` if it is a link out or not a regular file.

    ``shown`` is how the file is named in messages (its dossier-relative path).
    """
    try:
        parts = abspath.relative_to(root).parts
    except ValueError:
        raise SourceError("is not inside the dossier", source=shown) from None
    if not parts:
        raise SourceError("is not a regular file", source=shown)
    safe = _NOFOLLOW and _DIRECTORY and os.open in os.supports_dir_fd
    try:
        if safe:
            try:
                fd = _walk_open(root, parts)
            except OSError as exc:
                if exc.errno not in _LINK_ERRNOS:
                    raise
                # a link somewhere on the way: follow it only if it stays inside
                fd = _walk_open(Path(os.path.realpath(root)), _inside(root, abspath, shown))
        else:  # pragma: no cover - platforms without dir_fd / O_NOFOLLOW (Windows)
            fd = os.open(
                Path(root, *_inside(root, abspath, shown)), os.O_RDONLY | _NONBLOCK | _BINARY
            )
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError("disappeared since the check; run pack again", source=shown) from None
    except OSError as exc:
        if exc.errno in _LINK_ERRNOS:
            raise SourceError("is a link that cannot be followed safely", source=shown) from None
        raise SourceError(f"cannot read: {exc.strerror or exc}", source=shown) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SourceError("is not a regular file (a pipe, device or folder)", source=shown)
        if _NONBLOCK and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise
