"""Writing a file so that an interrupted run never leaves a partial one behind.

The data goes to a temporary file beside the target (mode 0666 & ~umask, as a plain
``open()`` would give, not mkstemp's 0600), then into place: renamed over the target, or —
for a file that must never be overwritten (``init``'s ``dossier.yaml``) — hard-linked, since
a link never replaces an existing file.
"""

from __future__ import annotations

import os
from pathlib import Path

from icp_renew.errors import UserError, os_error


def write_atomic(path: Path, data: bytes, *, replace: bool = True) -> bool:
    """Write ``data`` to ``path`` atomically.

    ``replace=False`` leaves an existing ``path`` untouched and returns False. Any OS error
    (disk full, permission) is a :class:`UserError` naming ``path``; the temporary file is
    removed whatever happens, Ctrl-C included.
    """
    import tempfile  # only when writing: it pulls in random (start-up of `deadline`)

    directory = path.parent if str(path.parent) else Path()
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UserError(os_error(exc, "errors.cannot-write"), source=str(path)) from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            umask = os.umask(0)
            os.umask(umask)
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), 0o666 & ~umask)
            fh.write(data)
        if replace:
            tmp.replace(path)
            return True
        return _link_new(tmp, path)
    except OSError as exc:
        raise UserError(os_error(exc, "errors.cannot-write"), source=str(path)) from None
    finally:
        tmp.unlink(missing_ok=True)


def _link_new(tmp: Path, path: Path) -> bool:
    """Put ``tmp`` at ``path`` unless something is there already."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: rename, unless it exists now
        if path.exists() or path.is_symlink():
            return False
        tmp.replace(path)
    return True
