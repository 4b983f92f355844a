"""`icp-renew verify`: tampered, hostile and broken bundles, without extracting anything."""

from __future__ import annotations

import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from icp_renew.bundle.pack import PackOptions, write_bundle
from icp_renew.bundle.verify import Limits, NotABundleError, unsafe_reason, verify_bundle
from test_pack_bundle import ISSUED, bundle_of

FIRST = "01-基础资质文件/01-营业执照副本.pdf"
Members = list[tuple[zipfile.ZipInfo, bytes]]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("good")
    out = base / "good.zip"
    write_bundle(bundle_of(base / "d"), PackOptions(out, ISSUED))
    return out


def members(path: Path) -> Members:
    with zipfile.ZipFile(path) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def rebuild(src: Path, dst: Path, change: Callable[[Members], Members]) -> Path:
    """A copy of ``src`` with its members changed, written with plain zipfile."""
    with zipfile.ZipFile(dst, "w") as zf:
        for info, data in change(members(src)):
            zf.writestr(info, data)
    return dst


def codes(path: Path, limits: Limits | None = None) -> list[tuple[str, str | None]]:
    return [(p.code, p.path) for p in verify_bundle(path, limits).problems]


def renamed(info: zipfile.ZipInfo, name: str) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(name, info.date_time)
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    return new


def test_an_intact_bundle_verifies(good: Path) -> None:
    verdict = verify_bundle(good)
    assert verdict.ok
    assert verdict.entries == 20 and verdict.verified == 19  # every entry but SHA256SUMS


def test_one_changed_byte_is_altered(good: Path, tmp_path: Path) -> None:
    def flip(ms: Members) -> Members:
        return [(i, (b"X" + d[1:]) if i.filename == FIRST else d) for i, d in ms]

    assert codes(rebuild(good, tmp_path / "t.zip", flip)) == [("altered-entry", FIRST)]


def test_a_byte_flipped_in_the_archive_itself_is_altered(good: Path, tmp_path: Path) -> None:
    raw = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo(FIRST)
    start = info.header_offset + 30 + len(FIRST.encode()) + 100
    raw[start] ^= 0xFF
    bad = tmp_path / "t.zip"
    bad.write_bytes(bytes(raw))
    assert codes(bad) == [("altered-entry", FIRST)]
    assert verify_bundle(bad).problems[0].message("en") == "its CRC does not match: altered"


def test_extra_renamed_and_missing_entries(good: Path, tmp_path: Path) -> None:
    def extra(ms: Members) -> Members:
        return [*ms, (zipfile.ZipInfo("01-基础资质文件/99-extra.pdf"), b"%PDF")]

    assert codes(rebuild(good, tmp_path / "e.zip", extra)) == [
        ("extra-entry", "01-基础资质文件/99-extra.pdf")
    ]

    def rename(ms: Members) -> Members:
        return [(renamed(i, "renamed.pdf") if i.filename == FIRST else i, d) for i, d in ms]

    assert sorted(codes(rebuild(good, tmp_path / "r.zip", rename))) == [
        ("extra-entry", "renamed.pdf"),
        ("missing-entry", FIRST),
    ]

    def drop(ms: Members) -> Members:
        return [(i, d) for i, d in ms if i.filename != FIRST]

    assert codes(rebuild(good, tmp_path / "m.zip", drop)) == [("missing-entry", FIRST)]


@pytest.mark.parametrize(
    "name",
    [
        "../evil.pdf",
        "a/../../evil.pdf",
        "/etc/evil",
        "C:/evil.pdf",
        "a\\..\\evil.pdf",
        "a//b.pdf",
        "x\ny.pdf",
    ],
)
def test_unsafe_names_are_reported(good: Path, tmp_path: Path, name: str) -> None:
    def add(ms: Members) -> Members:
        info = zipfile.ZipInfo("placeholder")
        info.filename = name  # zipfile would normalise some of these on construction
        return [*ms, (info, b"payload")]

    found = codes(rebuild(good, tmp_path / "u.zip", add))
    assert ("unsafe-name", name) in found
    assert unsafe_reason(name) is not None


def test_unsafe_name_listed_in_the_manifest_is_still_unsafe(good: Path, tmp_path: Path) -> None:
    def evil(ms: Members) -> Members:
        out: Members = []
        for info, data in ms:
            if info.filename == FIRST:
                info = renamed(info, "placeholder")
                info.filename = "../" + FIRST
            elif info.filename in ("manifest.json", "SHA256SUMS"):
                data = data.replace(FIRST.encode(), b"../" + FIRST.encode())
            out.append((info, data))
        return out

    found = codes(rebuild(good, tmp_path / "m.zip", evil))
    assert ("unsafe-name", "../" + FIRST) in found
    assert ("altered-entry", "../" + FIRST) not in found  # its hash is right, its name is not


def test_duplicates_and_links(good: Path, tmp_path: Path) -> None:
    def dup(ms: Members) -> Members:
        info, data = next((i, d) for i, d in ms if i.filename == FIRST)
        return [*ms, (renamed(info, FIRST), data)]

    with pytest.warns(UserWarning, match="Duplicate name"):
        bad = rebuild(good, tmp_path / "d.zip", dup)
    assert codes(bad) == [("duplicate-entry", FIRST)]

    def link(ms: Members) -> Members:
        info = zipfile.ZipInfo("01-基础资质文件/link.pdf")
        info.create_system = 3
        info.external_attr = 0o120777 << 16
        return [*ms, (info, b"/etc/passwd")]

    found = codes(rebuild(good, tmp_path / "l.zip", link))
    assert ("link-entry", "01-基础资质文件/link.pdf") in found

    def case(ms: Members) -> Members:
        return [*ms, (zipfile.ZipInfo("Manifest.JSON"), b"{}")]

    assert ("duplicate-entry", "Manifest.JSON") in codes(rebuild(good, tmp_path / "c.zip", case))


def test_zip_bombs_are_reported_and_not_read(good: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("zeros.bin", "w") as fh:
        for _ in range(80):
            fh.write(bytes(1024 * 1024))  # 80 MiB of zeros, about 80 KB deflated
    found = codes(bomb)
    assert ("zip-bomb", "zeros.bin") in found
    assert ("missing-manifest", "manifest.json") in found
    assert "extra-entry" in {c for c, _ in found}
    with zipfile.ZipFile(good) as zf:
        big = [i.filename for i in zf.infolist() if i.file_size > 10_000]
    assert codes(good, Limits(max_entry_size=10_000)) == [("zip-bomb", name) for name in big]
    assert codes(good, Limits(max_total_size=1000))[-1] == ("zip-bomb", None)
    assert codes(good, Limits(max_entries=5)) == [("zip-bomb", None)]


def test_overlapping_entries_are_reported(good: Path, tmp_path: Path) -> None:
    raw = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        infos = zf.infolist()
    # point the second central-directory record at the first entry's local header
    cd = raw.find(b"PK\x01\x02")
    second = raw.find(b"PK\x01\x02", cd + 4)
    raw[second + 42 : second + 46] = struct.pack("<I", infos[0].header_offset)
    bad = tmp_path / "o.zip"
    bad.write_bytes(bytes(raw))
    found = codes(bad)
    assert ("overlapping-entries", infos[1].filename) in found


def test_manifest_and_sums_must_agree(good: Path, tmp_path: Path) -> None:
    def no_manifest(ms: Members) -> Members:
        return [(i, d) for i, d in ms if i.filename != "manifest.json"]

    assert codes(rebuild(good, tmp_path / "a.zip", no_manifest)) == [
        ("missing-manifest", "manifest.json"),
        ("missing-entry", "manifest.json"),
    ]

    def no_sums(ms: Members) -> Members:
        return [(i, d) for i, d in ms if i.filename != "SHA256SUMS"]

    assert codes(rebuild(good, tmp_path / "b.zip", no_sums)) == [
        ("missing-checksums", "SHA256SUMS")
    ]

    def broken_manifest(ms: Members) -> Members:
        return [(i, b"{not json" if i.filename == "manifest.json" else d) for i, d in ms]

    found = codes(rebuild(good, tmp_path / "c.zip", broken_manifest))
    assert found == [("invalid-manifest", "manifest.json"), ("altered-entry", "manifest.json")]

    def other_hash(ms: Members) -> Members:
        out: Members = []
        for info, data in ms:
            if info.filename == "manifest.json":
                doc = json.loads(data)
                doc["files"][0]["sha256"] = "0" * 64
                data = json.dumps(doc).encode()
            out.append((info, data))
        return out

    found = codes(rebuild(good, tmp_path / "d.zip", other_hash))
    assert ("checksum-mismatch", FIRST) in found
    assert ("altered-entry", "manifest.json") in found


def test_not_a_zip_is_exit_2(tmp_path: Path, cli: Any) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    with pytest.raises(NotABundleError):
        verify_bundle(junk)
    for path, why in [
        (junk, "not a readable zip file"),
        (tmp_path / "none.zip", "file not found"),
        (tmp_path, "is a folder"),
    ]:
        result = cli("verify", str(path))
        assert result.exit_code == 2
        assert result.stderr.startswith(f"icp-renew: error: {path}: {why}")
        assert len(result.stderr.splitlines()) == 1


def test_verify_cli_text_and_json(good: Path, tmp_path: Path, cli: Any) -> None:
    ok = cli("verify", str(good))
    assert ok.exit_code == 0
    # the 20th entry is SHA256SUMS itself: the line reads as the pass it is (#12)
    assert ok.stdout == (
        f"{good}: ok: all 19 listed files match their sha256 (20 entries, SHA256SUMS included)\n"
    )
    zh = cli("verify", str(good), "--lang", "zh")
    assert zh.stdout == (
        f"{good}：完好：所列 19 个文件的 sha256 全部一致（共 20 个条目，含 SHA256SUMS 本身）\n"
    )
    assert cli("verify", str(good), "--quiet").stdout == ""

    def flip(ms: Members) -> Members:
        return [(i, (b"X" + d[1:]) if i.filename == FIRST else d) for i, d in ms]

    bad = rebuild(good, tmp_path / "t.zip", flip)
    text = cli("verify", str(bad))
    assert text.exit_code == 1
    assert text.stdout.splitlines() == [
        f"{bad}: altered-entry: {FIRST}: its content does not match the listed sha256: altered",
        f"{bad}: 1 problem",
    ]
    zh = cli("verify", str(bad), "--lang", "zh")
    assert zh.stdout.splitlines()[-1] == f"{bad}: 1 个问题"
    result = cli("verify", str(good), str(bad), "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["ok"] is False
    assert [b["ok"] for b in doc["bundles"]] == [True, False]
    assert doc["bundles"][1]["problems"] == [
        {
            "code": "altered-entry",
            "path": FIRST,
            "message": "its content does not match the listed sha256: altered",
        }
    ]
    report = tmp_path / "report.json"
    assert cli("verify", str(good), "-f", "json", "-o", str(report)).exit_code == 0
    assert json.loads(report.read_text())["ok"] is True
    assert cli("verify", str(good), "--format", "xml").exit_code == 2
