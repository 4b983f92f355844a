"""Whole dossiers mutated at random: bytes flipped in scans and in dossier.yaml, files cut
short, emptied, renamed to hostile names, moved, replaced by links or FIFOs.

Every command (check in every format, deadline, pack, verify of what pack wrote) ends with
exit 0, 1 or 2 and no traceback, never changes the dossier, and never prints the legal
representative's ID or mobile number in full.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from corpus import ID_NUMBER, MOBILE, flipped
from hostile import fewer, tree_digest

pytest.importorskip("hypothesis")  # test-only: skipped on a plain install (.ci/run)
from hypothesis import given
from hypothesis import strategies as st
from test_hardening_yaml import assert_clean

import factory

TODAY = factory.TODAY
NAMES = [
    "a\nb.pdf",
    "\x1b[31mx.pdf",
    "é.pdf",
    f"{ID_NUMBER}.pdf",
    f"{MOBILE}.jpg",
    "x.PDF",
    "noext",
]
MUTATIONS = ["flip", "cut", "empty", "rename", "move", "delete", "link", "fifo", "yaml-flip"]


def _mutate(root: Path, rng: random.Random, kind: str) -> None:
    files = sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    scans = [p for p in files if p.name != "dossier.yaml"]
    victim = rng.choice(scans) if scans else root / "dossier.yaml"
    if kind == "flip":
        victim.write_bytes(
            flipped(victim.read_bytes(), rng.randrange(1 << 30), rng.randrange(1, 30))
        )
    elif kind == "cut":
        data = victim.read_bytes()
        victim.write_bytes(data[: rng.randrange(len(data) or 1)])
    elif kind == "empty":
        victim.write_bytes(b"")
    elif kind == "rename":
        victim.rename(victim.with_name(rng.choice(NAMES)))
    elif kind == "move":
        folders = sorted({p.parent for p in scans} | {root})
        target = rng.choice(folders) / victim.name
        if not target.exists():
            shutil.move(victim, target)
    elif kind == "delete":
        victim.unlink()
    elif kind == "link":
        victim.unlink()
        victim.symlink_to(rng.choice(["/etc/passwd", "..", str(victim), str(root)]))
    elif kind == "fifo":
        victim.unlink()
        os.mkfifo(victim)
    else:
        yaml_file = root / "dossier.yaml"
        yaml_file.write_bytes(flipped(yaml_file.read_bytes(), rng.randrange(1 << 30), 3))


def run_commands(cli: Any, root: Path, out: Path) -> None:
    before = tree_digest(root)
    results = [
        cli("check", str(root), "--today", TODAY, "-f", fmt)
        for fmt in ("json", "text", "github", "sarif", "junit", "html")
    ]
    results.append(cli("deadline", str(root), "--today", TODAY, "-f", "json"))
    bundle = out / "b.zip"
    results.append(
        cli("pack", str(root), "--force", "--overwrite", "-o", str(bundle), "--today", TODAY)
    )
    if bundle.exists():
        results.append(cli("verify", str(bundle)))
    for result in results:
        assert_clean(result)
        for secret in (ID_NUMBER, MOBILE):
            assert secret not in result.stdout + result.stderr
    assert tree_digest(root) == before


@given(st.integers(0, 2**32 - 1), st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4))
@fewer(10)  # ~0.5 s each
def test_mutated_dossier(cli, tmp_path_factory, seed, kinds):
    tmp = tmp_path_factory.mktemp("m")
    root = factory.make_dossier(tmp / "d")
    rng = random.Random(seed)
    for kind in kinds:
        _mutate(root, rng, kind)
    run_commands(cli, root, tmp)
