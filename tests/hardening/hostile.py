"""Shared helpers of the hardening tests (hostile input of every kind).

Hypothesis runs under the profile ``hardening`` (few examples, no deadline: the whole suite
must stay fast on CI's two cores). ``HYPOTHESIS_PROFILE=fuzz`` runs the same properties far
longer, for a local fuzzing session.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

pytest.importorskip("hypothesis")  # test-only: skipped on a plain install (.ci/run)
from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "hardening",
    max_examples=25,
    deadline=None,
    database=None,
    derandomize=True,
    # no shrinking in CI: one example runs many commands, and the failing one is reported as is
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    max_examples=2000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: the settings every property test of this folder uses
PROFILE_NAME = os.environ.get("HYPOTHESIS_PROFILE", "hardening")
PROFILE = settings.get_profile(PROFILE_NAME)


def fewer(examples: int) -> settings:
    """:data:`PROFILE` with ``examples`` examples in CI (for a slow property); a fuzzing
    profile keeps its own count."""
    if PROFILE_NAME != "hardening":
        return PROFILE
    return settings(PROFILE, max_examples=examples)


def tree_digest(root: Path) -> str:
    """A hash of a whole tree: every name (as bytes), type, mode and the bytes of each file.

    Links are recorded with their target, never followed.
    """
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted([*dirnames, *filenames]):
            path = Path(dirpath) / name
            st = path.lstat()
            h.update(os.fsencode(path.relative_to(root)) + b"\0")
            h.update(b"%o\0" % st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                h.update(os.fsencode(path.readlink()) + b"\0")
            elif stat.S_ISREG(st.st_mode):
                with path.open("rb") as fh:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        h.update(block)
    return h.hexdigest()


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
