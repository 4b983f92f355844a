"""Writing a bundle: the parallel, positioned writer against zipfile's own, byte for byte;
the two-phase API (start while the check runs, finish or abandon); failures mid-copy."""

from __future__ import annotations

import io
import random
import sys
import threading
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import factory
from icp_renew.bundle import copier
from icp_renew.bundle import pack as pack_mod
from icp_renew.bundle.layout import plan_entries
from icp_renew.bundle.pack import (
    BundleInput,
    PackOptions,
    start_bundle,
    volume_bound,
    write_bundle,
)
from icp_renew.bundle.verify import verify_bundle
from icp_renew.bundle.writer import BLOCK
from icp_renew.errors import UserError
from icp_renew.parallel import usable_cpus
from test_pack_bundle import IDENTITY, ISSUED, bundle_of, checklist, scanned

THREADS = (1, 2, 3)


def random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def sized_bundle(
    root: Path, sizes: Mapping[str, int], *, layout: Any = "categories"
) -> BundleInput:
    """Files of these sizes (random bytes) under their material folders."""
    files = {rel: random_bytes(size, i) for i, (rel, size) in enumerate(sizes.items())}
    factory.make_dossier(root, None, files)
    dfiles = [scanned(root, rel) for rel in sorted(files)]
    return BundleInput(
        root, checklist(), IDENTITY, plan_entries(checklist(), dfiles, layout), "0.1.0", layout
    )


def volumes_bytes(written: list[Any]) -> list[bytes]:
    out = [w.path.read_bytes() for w in written]
    for w in written:
        assert verify_bundle(w.path).ok
        w.path.unlink()
    return out


def write_all_ways(
    bundle: BundleInput, opts: PackOptions, monkeypatch: pytest.MonkeyPatch
) -> list[bytes]:
    """The volumes as zipfile writes them and as the positioned writer does with 1, 2 and
    3 threads: they must be the same bytes (and each must verify)."""
    with monkeypatch.context() as m:
        m.setattr(pack_mod, "_positioned", lambda opts: False)
        expected = volumes_bytes(write_bundle(bundle, opts))
    for threads in THREADS:
        got = volumes_bytes(write_bundle(bundle, opts, threads=threads))
        assert [len(v) for v in got] == [len(v) for v in expected]
        assert got == expected, f"threads={threads}"
    return expected


def assert_only(folder: Path, names: list[str]) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


def copy_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("icp-renew-copy")]


# --- byte for byte the same as zipfile --------------------------------------------------------


def test_no_file_one_file_many_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "d"
    none = replace(bundle_of(root), entries=())
    (empty,) = write_all_ways(none, PackOptions(tmp_path / "b.zip", ISSUED), monkeypatch)
    with zipfile.ZipFile(io.BytesIO(empty)) as zf:
        assert zf.namelist() == ["SHA256SUMS", "manifest.json", "目录.txt"]
    one = replace(bundle_of(root), entries=bundle_of(root).entries[:1])
    write_all_ways(one, PackOptions(tmp_path / "b.zip", ISSUED), monkeypatch)
    many = bundle_of(root)
    assert len(many.entries) == len(factory.COMPLETE_FILES)
    write_all_ways(many, PackOptions(tmp_path / "b.zip", ISSUED), monkeypatch)
    flat = bundle_of(tmp_path / "flat", layout="flat")
    (data,) = write_all_ways(flat, PackOptions(tmp_path / "b.zip", ISSUED), monkeypatch)
    assert "营业执照".encode() in data  # Chinese names, UTF-8 flagged


SIZES = {
    "security-measures/a0.pdf": 0,
    "security-measures/a1.pdf": 1,
    "security-measures/b.pdf": BLOCK - 1,
    "security-measures/c.pdf": BLOCK,
    "security-measures/d.pdf": BLOCK + 1,
    "security-measures/e.pdf": 3 * BLOCK + 7,
    "business-plan/规划.pdf": 5,
}


def test_sizes_around_the_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = sized_bundle(tmp_path / "d", SIZES)
    (data,) = write_all_ways(bundle, PackOptions(tmp_path / "b.zip", ISSUED), monkeypatch)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        sizes = sorted(i.file_size for i in zf.infolist() if i.filename[0].isdigit())
    assert sizes == sorted(SIZES.values())


def test_split_volumes_and_a_forced_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = bundle_of(tmp_path / "d")
    limit = max(
        volume_bound(bundle, [e for e in bundle.entries if e.category == cat], False)
        for cat in ("qualification", "technical", "operations")
    )
    opts = PackOptions(tmp_path / "b.zip", ISSUED, split_size=limit)
    volumes = write_all_ways(bundle, opts, monkeypatch)
    assert len(volumes) >= 2
    forced = replace(bundle, findings=())
    write_all_ways(forced, PackOptions(tmp_path / "b.zip", ISSUED), monkeypatch)


def test_zip64_entries_and_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """zipfile reads ZIP64_LIMIT at each use, so a small one makes every entry past it (and
    the central directory, past it too) ZIP64 in both writers, as a 2 GiB scan would."""
    # 3000 bytes: ZIP64 by zipfile's rule for a stored entry (size × 1.05 > limit) only
    bundle = sized_bundle(tmp_path / "d", {**SIZES, "business-plan/边界.pdf": 3000})
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 3 * 1024)
    (data,) = write_all_ways(bundle, PackOptions(tmp_path / "b.zip", ISSUED), monkeypatch)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        big = [i for i in zf.infolist() if i.file_size * 1.05 > 3 * 1024]
        assert 3000 in [i.file_size for i in big]
        for info in big:  # a ZIP64 local header: its extra field is the ZIP64 one (id 1)
            extra = info.header_offset + 30 + len(info.filename.encode())
            assert data[info.header_offset + 28 : info.header_offset + 30] == b"\x14\x00"
            assert data[extra : extra + 4] == b"\x01\x00\x10\x00"
    assert b"PK\x06\x06" in data  # the ZIP64 end of central directory record


def test_threads_default_to_the_usable_cpus() -> None:
    assert pack_mod._thread_count(None) == usable_cpus()
    assert pack_mod._thread_count(0) == usable_cpus()
    assert pack_mod._thread_count(1) == 1
    assert pack_mod._thread_count(3) == 3


def test_crc32_from_zlib_ng_or_zlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = random_bytes(3 * BLOCK + 5, 7)
    fast = copier.crc32_function()
    assert fast.__module__ == "zlib_ng.zlib_ng"  # a runtime dependency: installed here
    with monkeypatch.context() as m:
        m.setitem(sys.modules, "zlib_ng", None)  # as where no wheel could be installed
        m.setitem(sys.modules, "zlib_ng.zlib_ng", None)
        slow = copier.crc32_function()
        assert slow is zlib.crc32
        bundle = sized_bundle(tmp_path / "d", SIZES)
        fallback = volumes_bytes(write_bundle(bundle, PackOptions(tmp_path / "b.zip", ISSUED)))
    assert fast(data, 0) == slow(data, 0) == zlib.crc32(data)
    assert fast(data[5:], fast(data[:5], 0)) == zlib.crc32(data)
    assert volumes_bytes(write_bundle(bundle, PackOptions(tmp_path / "b.zip", ISSUED))) == fallback


# --- start while the check runs; finish or abandon ----------------------------------------------


def test_start_then_finish_is_write_bundle(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    out = tmp_path / "out" / "b.zip"
    out.parent.mkdir()
    pending = start_bundle(bundle, PackOptions(out, ISSUED), threads=2)
    (temporary,) = list(out.parent.iterdir())  # created at once
    assert temporary.name.startswith(".b.zip.") and temporary.name.endswith(".partial")
    seen: list[tuple[int, int]] = []
    (written,) = pending.finish(bundle, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (bundle.total_bytes, bundle.total_bytes)
    assert_only(out.parent, ["b.zip"])
    first = out.read_bytes()
    out.unlink()
    write_bundle(bundle, PackOptions(out, ISSUED), threads=1)
    assert out.read_bytes() == first
    assert written.size == len(first) and written.files == len(bundle.entries)
    with pytest.raises(RuntimeError, match="finished"):
        pending.finish(bundle)
    pending.abandon()  # a no-op once finished
    assert out.exists()


def test_finish_writes_the_metadata_of_the_final_bundle(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    final = replace(bundle, findings=(), timeline=({"date": "2026-01-01"},))
    out = tmp_path / "b.zip"
    start_bundle(bundle, PackOptions(out, ISSUED), threads=2).finish(final)
    data = out.read_bytes()
    out.unlink()
    write_bundle(final, PackOptions(out, ISSUED))
    assert out.read_bytes() == data
    assert b'"forced": true' in zipfile.ZipFile(out).read("manifest.json")


def test_the_manifest_describes_the_files_as_the_check_saw_them(tmp_path: Path) -> None:
    """Started before the check counted pages (none known): the manifest has the check's."""
    bundle = bundle_of(tmp_path / "d")
    early = replace(bundle, entries=tuple(replace(e, pages=None) for e in bundle.entries))
    out = tmp_path / "b.zip"
    start_bundle(early, PackOptions(out, ISSUED), threads=2).finish(bundle)
    manifest = zipfile.ZipFile(out).read("manifest.json")
    data = out.read_bytes()
    out.unlink()
    write_bundle(bundle, PackOptions(out, ISSUED))
    assert out.read_bytes() == data
    assert b'"pages": 1' in manifest and b'"pages": null' not in manifest


def test_the_thread_count_is_capped_by_the_files(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    few = replace(bundle, entries=bundle.entries[:2])
    for threads, expected in ((1, 1), (2, 2), (5, 2), (None, min(2, usable_cpus()))):
        pending = start_bundle(few, PackOptions(tmp_path / "b.zip", ISSUED), threads=threads)
        assert pending._copy is not None
        assert len(pending._copy._threads) == expected
        pending.abandon()
    assert_only(tmp_path, ["d"])


@pytest.mark.parametrize("change", ["size", "one-more", "one-less", "format"])
def test_finish_starts_again_when_the_check_saw_other_files(tmp_path: Path, change: str) -> None:
    root = tmp_path / "d"
    bundle = bundle_of(root)
    started = bundle
    if change == "one-more":
        started = replace(bundle, entries=bundle.entries[:-1])
    elif change == "one-less":
        extra = root / "business-plan" / "附件.pdf"
        extra.write_bytes(b"%PDF-1.4 extra")
        files = [*sorted(factory.COMPLETE_FILES), "business-plan/附件.pdf"]
        started = replace(
            bundle, entries=plan_entries(checklist(), [scanned(root, rel) for rel in files])
        )
    elif change == "size":  # the check saw the file after it was rewritten
        path = root / "business-plan" / "2026年业务发展规划.pdf"
        started = bundle
        path.write_bytes(path.read_bytes() + b"\n% appended")
        bundle = bundle_of_again(root)
    else:
        started = replace(
            bundle, entries=(replace(bundle.entries[0], format="jpeg"), *bundle.entries[1:])
        )
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    pending = start_bundle(started, PackOptions(out_dir / "b.zip", ISSUED), threads=2)
    pending.finish(bundle)
    assert_only(out_dir, ["b.zip"])
    assert verify_bundle(out_dir / "b.zip").ok
    data = (out_dir / "b.zip").read_bytes()
    (out_dir / "b.zip").unlink()
    write_bundle(bundle, PackOptions(out_dir / "b.zip", ISSUED))
    assert (out_dir / "b.zip").read_bytes() == data


def bundle_of_again(root: Path) -> BundleInput:
    """The bundle of a dossier already on disk, scanned again."""
    dfiles = [scanned(root, rel) for rel in sorted(factory.COMPLETE_FILES)]
    return BundleInput(root, checklist(), IDENTITY, plan_entries(checklist(), dfiles), "0.1.0")


def test_abandon_stops_and_removes_everything(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    limit = max(
        volume_bound(bundle, [e for e in bundle.entries if e.category == cat], False)
        for cat in ("qualification", "technical", "operations")
    )
    pending = start_bundle(
        bundle, PackOptions(out_dir / "b.zip", ISSUED, split_size=limit), threads=2
    )
    assert len(list(out_dir.iterdir())) >= 2
    pending.abandon()
    pending.abandon()
    assert_only(out_dir, [])
    assert copy_threads() == []
    with pytest.raises(RuntimeError, match="abandoned"):
        pending.finish(bundle)


def test_the_context_manager_abandons_on_an_exception(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with (
        pytest.raises(UserError, match="refused"),
        start_bundle(bundle, PackOptions(out_dir / "b.zip", ISSUED), threads=2),
    ):
        raise UserError("errors.cannot-read", reason="refused")
    assert_only(out_dir, [])
    with start_bundle(bundle, PackOptions(out_dir / "b.zip", ISSUED), threads=2) as pending:
        pending.finish(bundle)
    assert_only(out_dir, ["b.zip"])


def test_start_refuses_an_existing_output_before_creating_anything(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    out = tmp_path / "out" / "b.zip"
    out.parent.mkdir()
    out.write_bytes(b"keep")
    with pytest.raises(UserError, match="--overwrite"):
        start_bundle(bundle, PackOptions(out, ISSUED), threads=2)
    assert_only(out.parent, ["b.zip"])
    assert out.read_bytes() == b"keep"


def test_compressed_bundles_are_started_and_finished_too(tmp_path: Path) -> None:
    bundle = bundle_of(tmp_path / "d")
    out = tmp_path / "b.zip"
    opts = PackOptions(out, ISSUED, compress=True)
    start_bundle(bundle, opts, threads=2).finish(bundle)
    assert verify_bundle(out).ok
    with zipfile.ZipFile(out) as zf:
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_DEFLATED}
    data = out.read_bytes()
    out.unlink()
    write_bundle(bundle, opts, threads=1)
    assert out.read_bytes() == data
