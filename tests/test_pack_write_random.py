"""The positioned writer against zipfile's bytes over random shapes (hypothesis; skipped on a
plain install, where the shapes of tests/test_pack_write.py still run)."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icp_renew.bundle import copier
from icp_renew.bundle import pack as pack_mod
from icp_renew.bundle import writer as writer_mod
from icp_renew.bundle.pack import PackOptions, write_bundle
from test_pack_bundle import ISSUED
from test_pack_write import sized_bundle, volumes_bytes


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sizes=st.lists(st.integers(0, 300), max_size=8),
    threads=st.integers(1, 4),
    zip64=st.booleans(),
)
def test_any_shape_gives_zipfile_bytes(
    monkeypatch: pytest.MonkeyPatch, sizes: list[int], threads: int, zip64: bool
) -> None:
    with monkeypatch.context() as m, tempfile.TemporaryDirectory() as tmp:
        m.setattr(writer_mod, "BLOCK", 64)  # many blocks per file, and files of 0–4 blocks
        m.setattr(copier, "BLOCK", 64)
        if zip64:
            m.setattr(zipfile, "ZIP64_LIMIT", 200)
        root = Path(tmp) / "d"
        bundle = sized_bundle(
            root, {f"security-measures/{i:02d}.pdf": s for i, s in enumerate(sizes)}
        )
        opts = PackOptions(Path(tmp) / "b.zip", ISSUED)
        with m.context() as seq:
            seq.setattr(pack_mod, "_positioned", lambda opts: False)
            expected = volumes_bytes(write_bundle(bundle, opts))
        assert volumes_bytes(write_bundle(bundle, opts, threads=threads)) == expected
