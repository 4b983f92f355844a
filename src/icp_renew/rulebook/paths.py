"""Where the shipped rules are, and their version, without importing YAML or pydantic.

``icp-renew --version`` prints the rules version; reading it with a regular
expression keeps start-up close to bare Python (docs/performance.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def rules_root() -> Path:
    """The shipped ``rules/`` folder: inside the wheel, or at the source checkout's root."""
    # the package's own folder, as importlib.resources.files() gives it for a package on disk
    # (without importing importlib.resources, zipfile and tempfile: 6 ms of --version)
    packaged = Path(__file__).resolve().parents[1] / "rules"
    if (packaged / "base.yaml").is_file():
        return packaged
    # editable install / source checkout: <root>/src/icp_renew → <root>/rules
    checkout = Path(__file__).resolve().parents[3] / "rules"
    if (checkout / "base.yaml").is_file():
        return checkout
    raise FileNotFoundError("the shipped rules/ folder is missing from this installation")


_VERSION = re.compile(r"^rules_version:\s*['\"]?([0-9][0-9.]*)['\"]?\s*$", re.MULTILINE)


@lru_cache(maxsize=1)
def rules_version() -> str:
    """The version string of the shipped rules (``rules_version`` in base.yaml)."""
    try:
        text = (rules_root() / "base.yaml").read_text(encoding="utf-8")
    except (OSError, FileNotFoundError):
        return "unknown"
    match = _VERSION.search(text)
    return match[1] if match else "unknown"
