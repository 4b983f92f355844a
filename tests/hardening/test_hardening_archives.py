"""Hostile archives for ``verify``: nothing is ever extracted, every problem is a finding or
one clear exit-2 line, never a traceback.

Zip slip, absolute paths, link entries, duplicate names, zip bombs (declared size and
compression ratio), files that are not zips, truncated zips, a garbage prefix or a comment,
and random mutations of a real bundle.
"""

from __future__ import annotations

import io
import json
import os
import random
import stat
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hostile import PROFILE, tree_digest
from hypothesis import given
from hypothesis import strategies as st

import factory

TODAY = factory.TODAY


def _zip(entries: list[tuple[str | zipfile.ZipInfo, bytes]], **kwargs: Any) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", **kwargs) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


def _link(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    info.create_system = 3
    return info, target.encode()


def _bomb_entry(name: str, size: int) -> bytes:
    """A deflated entry of ``size`` zero bytes, streamed so the test stays light."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)
    return buf.getvalue()


def _declared_huge(name: str) -> bytes:
    """An entry whose central directory declares 20 GiB (the data is 5 bytes)."""
    data = _zip([(name, b"hello")])
    cd = data.rindex(b"PK\x01\x02")
    # uncompressed size at offset 24 of the central directory header: 0xFFFFFFFF needs zip64,
    # so declare 4 GiB - 1 and lower the limit in the test instead
    return data[: cd + 24] + struct.pack("<I", 0xFFFFFFF0) + data[cd + 28 :]


HOSTILE: dict[str, bytes] = {
    "zip-slip": _zip([("../../evil.txt", b"x"), ("manifest.json", b"{}")]),
    "zip-slip-nested": _zip([("a/../../evil.txt", b"x")]),
    "absolute": _zip([("/etc/evil.txt", b"x")]),
    "windows-absolute": _zip([("C:\\evil.txt", b"x"), ("..\\evil.txt", b"x")]),
    "link-entry": _zip([_link("link", "/etc/passwd")]),
    "control-name": _zip([("a\x1b]8;;http:x\x07.pdf", b"x")]),
    "case-twins": _zip([("A.pdf", b"x"), ("a.pdf", b"y")]),
    "empty": _zip([]),
    "only-eocd": b"PK\x05\x06" + b"\0" * 18,
    "manifest-not-json": _zip([("manifest.json", b"\xff\xfe not json"), ("SHA256SUMS", b"zz")]),
    "manifest-wrong-types": _zip(
        [("manifest.json", json.dumps({"files": [{"path": 1, "sha256": None}]}).encode())]
    ),
    "sums-garbage": _zip([("SHA256SUMS", b"\x00\x01 garbage\n" * 100)]),
    "declared-huge": _declared_huge("big.bin"),
}
NOT_ZIPS: dict[str, bytes] = {
    "zero-bytes": b"",
    "text": b"just text\n",
    "pdf": factory.pdf_bytes(1),
    "eocd-lies": b"PK\x05\x06" + b"\0" * 6 + struct.pack("<HIIH", 5, 999, 99999, 0),
}


def _duplicates() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.pdf", b"one")
        with pytest.warns(UserWarning):
            zf.writestr("a.pdf", b"two")
    return buf.getvalue()


def assert_clean(result: Any) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 2:
        assert len(result.stderr.splitlines()) == 1, result.stderr


def verify_both(cli: Any, path: Path) -> list[Any]:
    """verify in text and JSON; nothing may appear anywhere (beside the bundle, in the current
    folder or its parent, where ``../`` would land)."""
    before = tree_digest(path.parent)
    listed = sorted(Path.cwd().iterdir())
    results = [cli("verify", str(path)), cli("verify", str(path), "-f", "json")]
    for r in results:
        assert_clean(r)
    assert tree_digest(path.parent) == before
    assert sorted(Path.cwd().iterdir()) == listed
    for folder in (path.parent.parent, Path.cwd().parent, Path.cwd().parent.parent, Path("/etc")):
        assert not (folder / "evil.txt").exists()
    return results


@pytest.mark.parametrize("label", sorted(HOSTILE))
def test_hostile_archive_is_reported(cli, tmp_path, label):
    path = tmp_path / "b.zip"
    path.write_bytes(HOSTILE[label])
    text, js = verify_both(cli, path)
    assert text.exit_code == 1
    assert json.loads(js.stdout)["ok"] is False


def test_duplicate_names(cli, tmp_path):
    path = tmp_path / "b.zip"
    path.write_bytes(_duplicates())
    text, _ = verify_both(cli, path)
    assert text.exit_code == 1
    assert "duplicate" in text.stdout.lower() or "twice" in text.stdout.lower()


def test_zip_bomb_by_ratio_and_size_is_not_read(cli, tmp_path):
    """100 MiB of zeros deflate to ~100 KiB (ratio ~1000): refused without inflating it."""
    from icp_renew.bundle import structure

    path = tmp_path / "bomb.zip"
    path.write_bytes(_bomb_entry("bomb.bin", 100 << 20))
    assert path.stat().st_size < 1 << 20
    text, js = verify_both(cli, path)
    assert text.exit_code == 1
    assert "zip-bomb" in {p["code"] for p in json.loads(js.stdout)["bundles"][0]["problems"]}
    small = structure.Limits(max_entry_size=1 << 20, ratio_floor=1 << 30)
    from icp_renew.bundle.verify import verify_bundle

    assert "zip-bomb" in {p.code for p in verify_bundle(path, small).problems}


@pytest.mark.parametrize("label", sorted(NOT_ZIPS))
def test_not_a_zip_is_exit_2(cli, tmp_path, label):
    path = tmp_path / "b.zip"
    path.write_bytes(NOT_ZIPS[label])
    text, js = verify_both(cli, path)
    assert text.exit_code == js.exit_code == 2


def test_a_folder_and_a_missing_file_are_exit_2(cli, tmp_path):
    for path in (tmp_path, tmp_path / "missing.zip"):
        result = cli("verify", str(path))
        assert result.exit_code == 2
        assert_clean(result)


@pytest.fixture(scope="module")
def bundle_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from typer.testing import CliRunner

    from icp_renew.cli.app import app

    tmp = tmp_path_factory.mktemp("bundle")
    root = factory.make_dossier(tmp / "d")
    out = tmp / "b.zip"
    result = CliRunner().invoke(app, ["pack", str(root), "-o", str(out), "--today", TODAY])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_real_bundle_verifies(cli, tmp_path, bundle_bytes):
    path = tmp_path / "b.zip"
    path.write_bytes(bundle_bytes)
    assert verify_both(cli, path)[0].exit_code == 0


def test_garbage_prefix_and_comment(cli, tmp_path, bundle_bytes):
    """Bytes before the zip (a self-extractor stub) or a trailing comment: still a zip to
    Python, so verify reports on its entries; it never crashes."""
    for label, data in {
        "prefix": b"MZ" + os.urandom(1000) + bundle_bytes,
        "comment": bundle_bytes[:-2] + struct.pack("<H", 5) + b"hello",
    }.items():
        path = tmp_path / f"{label}.zip"
        path.write_bytes(data)
        verify_both(cli, path)


def test_truncated_bundles(cli, tmp_path, bundle_bytes):
    n = len(bundle_bytes)
    for cut in sorted({1, 4, 30, n // 3, n // 2, n - 100, n - 22, n - 1}):
        path = tmp_path / f"t{cut}.zip"
        path.write_bytes(bundle_bytes[:cut])
        text, _ = verify_both(cli, path)
        assert text.exit_code in (1, 2)


def test_local_header_name_not_utf8(cli, tmp_path, bundle_bytes):
    """A flipped byte in an entry's local-header name made verify crash (UnicodeDecodeError
    inside zipfile.open); now the entry is unreadable, exit 1."""
    data = bytearray(bundle_bytes)
    offset = data.index(b"PK\x03\x04", 1)  # the second entry's local header
    name_len = struct.unpack_from("<H", data, offset + 26)[0]
    flags = struct.unpack_from("<H", data, offset + 6)[0]
    assert flags & 0x800  # a UTF-8 name
    data[offset + 30 + name_len - 5] = 0xFF
    path = tmp_path / "b.zip"
    path.write_bytes(bytes(data))
    text, js = verify_both(cli, path)
    assert text.exit_code == 1
    assert "unreadable-entry" in {
        p["code"] for p in json.loads(js.stdout)["bundles"][0]["problems"]
    }


def test_central_directory_version_from_the_future(cli, tmp_path, bundle_bytes):
    """A damaged 'version needed' field (zip file version 14.1) made verify crash with
    NotImplementedError; now it is not a readable zip (exit 2)."""
    data = bytearray(bundle_bytes)
    cd = data.index(b"PK\x01\x02")
    data[cd + 6] = 141  # version needed to extract: 14.1
    path = tmp_path / "b.zip"
    path.write_bytes(bytes(data))
    text, _ = verify_both(cli, path)
    assert text.exit_code == 2


@given(st.integers(0, 2**32 - 1), st.sampled_from(["flip", "tail", "cut", "insert"]))
@PROFILE
def test_mutated_bundles(cli, tmp_path_factory, bundle_bytes, seed, kind):
    rng = random.Random(seed)
    data = bytearray(bundle_bytes)
    if kind == "flip":
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "tail":  # the central directory
        for _ in range(rng.randrange(1, 10)):
            data[len(data) - 1 - rng.randrange(min(3000, len(data)))] = rng.randrange(256)
    elif kind == "cut":
        data = data[: rng.randrange(len(data))]
    else:
        pos = rng.randrange(len(data))
        data[pos:pos] = rng.randbytes(rng.randrange(1, 50))
    path = tmp_path_factory.mktemp("m") / "b.zip"
    path.write_bytes(bytes(data))
    verify_both(cli, path)


@pytest.mark.parametrize("name", ["manifest.json", "SHA256SUMS"])
@pytest.mark.parametrize("flag", [0x01, 0x20])  # encrypted; compressed patched data
def test_metadata_entry_flags_zipfile_cannot_read(cli, tmp_path, bundle_bytes, name, flag):
    """manifest.json flagged as 'compressed patched data' (or encrypted) made verify crash
    with NotImplementedError (RuntimeError); now it is an unreadable manifest, exit 1."""
    data = bytearray(bundle_bytes)
    encoded = name.encode()
    # (signature, offset of the flags, of the name length, of the name) in each header
    for sig, flags_at, len_at, name_at in ((b"PK\x03\x04", 6, 26, 30), (b"PK\x01\x02", 8, 28, 46)):
        at = data.find(sig)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + len_at)[0]
            if bytes(data[at + name_at : at + name_at + length]) == encoded:
                flags = struct.unpack_from("<H", data, at + flags_at)[0]
                struct.pack_into("<H", data, at + flags_at, flags | flag)
            at = data.find(sig, at + 4)
    path = tmp_path / "b.zip"
    path.write_bytes(bytes(data))
    text, js = verify_both(cli, path)
    assert text.exit_code == 1
    codes = {p["code"] for p in json.loads(js.stdout)["bundles"][0]["problems"]}
    assert codes & {"invalid-manifest", "invalid-checksums"}, codes
