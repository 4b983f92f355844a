"""Verifying a bundle without extracting anything.

Every entry is read from the zip in blocks and re-hashed against
``manifest.json`` and ``SHA256SUMS``. Every problem is collected (not just the
first): a missing, extra or altered entry; an entry name that would escape or
clash when extracted (absolute, ``..``, a backslash, a drive letter, a control
character, a duplicate); a link or special-file entry; an entry whose sizes
look like a zip bomb (declared size or compression ratio over the limits; such
an entry is not read at all, and no entry is read past its declared size);
overlapping entries. A file that is not a readable zip is a
:class:`NotABundleError` (exit 2).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from icp_renew.bundle.layout import INDEX, MANIFEST, METADATA, SUMS
from icp_renew.bundle.manifest import SCHEMA_VERSION, parse_sums
from icp_renew.errors import UserError
from icp_renew.i18n import Lang

BLOCK = 1 << 20
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_DRIVE = re.compile(r"^[A-Za-z]:")


class NotABundleError(UserError):
    """Not a readable zip file: exit 2."""


@dataclass(frozen=True)
class Limits:
    """What verify accepts before calling an entry a zip bomb."""

    max_entries: int = 100_000
    max_entry_size: int = 16 * 1024**3  # 16 GiB declared for one entry
    max_total_size: int = 64 * 1024**3  # 64 GiB declared for the whole bundle
    max_ratio: int = 200  # uncompressed / compressed, for entries over ratio_floor
    ratio_floor: int = 1024**2
    max_metadata: int = 64 * 1024**2  # manifest.json and SHA256SUMS are read whole


@dataclass(frozen=True)
class Problem:
    code: str
    path: str | None
    zh: str
    en: str

    def message(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {"code": self.code, "path": self.path, "message": self.message(lang)}


#: every problem code verify reports
CODES = (
    "unsafe-name",
    "duplicate-entry",
    "link-entry",
    "special-entry",
    "zip-bomb",
    "overlapping-entries",
    "missing-manifest",
    "invalid-manifest",
    "missing-checksums",
    "invalid-checksums",
    "checksum-mismatch",
    "missing-entry",
    "extra-entry",
    "altered-entry",
    "unreadable-entry",
)


@dataclass
class Verdict:
    path: str
    entries: int = 0
    verified: int = 0  # entries whose hash was checked and matched
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, code: str, path: str | None, zh: str, en: str) -> None:
        assert code in CODES, code
        self.problems.append(Problem(code, path, zh, en))

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "path": self.path,
            "ok": self.ok,
            "entries": self.entries,
            "verified": self.verified,
            "problems": [p.to_json(lang) for p in self.problems],
        }


def unsafe_reason(name: str) -> tuple[str, str] | None:
    """Why an entry name is unsafe to extract (zh, en), or None."""
    if not name:
        return "名称为空", "empty name"
    if "\\" in name:
        return "含反斜杠", "contains a backslash"
    if name.startswith("/"):
        return "绝对路径", "absolute path"
    if _DRIVE.match(name):
        return "含盘符", "starts with a drive letter"
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return "含控制字符", "contains a control character"
    parts = name.rstrip("/").split("/")
    if any(p == ".." for p in parts):
        return "含 ..，会写到解压目录之外", "contains .., escapes the extraction folder"
    if any(p in ("", ".") for p in parts):
        return "含空路径段或 .", "contains an empty or . path segment"
    return None


def _file_type(info: zipfile.ZipInfo) -> int | None:
    """The Unix file type bits of an entry, where the archive records them."""
    if info.create_system != 3:
        return None
    mode = info.external_attr >> 16
    return stat.S_IFMT(mode) if mode else None


def _scan_names(zf: zipfile.ZipFile, verdict: Verdict, limits: Limits) -> set[str]:
    """Name, type, size and overlap checks; returns the names not to read (bombs, links)."""
    skip: set[str] = set()
    seen: dict[str, int] = {}
    folded: dict[str, str] = {}
    total = 0
    infos = zf.infolist()
    for info in infos:
        name = info.filename
        reason = unsafe_reason(name)
        if reason:
            verdict.add(
                "unsafe-name",
                name,
                f"不安全的条目名：{reason[0]}",
                f"unsafe entry name: {reason[1]}",
            )
        seen[name] = seen.get(name, 0) + 1
        if seen[name] == 2:
            verdict.add("duplicate-entry", name, "条目重复出现", "the entry appears more than once")
        key = unicodedata.normalize("NFC", name).casefold()
        if key in folded and folded[key] != name:
            verdict.add(
                "duplicate-entry",
                name,
                f"与 {folded[key]} 仅大小写或 Unicode 形式不同，解压时会冲突",
                f"differs from {folded[key]} only in case or Unicode form; they clash when extracted",
            )
        folded.setdefault(key, name)
        kind = _file_type(info)
        if kind == stat.S_IFLNK:
            skip.add(name)
            verdict.add("link-entry", name, "条目是符号链接", "the entry is a symbolic link")
        elif kind not in (None, 0, stat.S_IFREG, stat.S_IFDIR):  # 0: mode without type bits
            skip.add(name)
            verdict.add(
                "special-entry", name, "条目不是普通文件", "the entry is not a regular file"
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.max_entry_size or (
            info.file_size > limits.ratio_floor and ratio > limits.max_ratio
        ):
            skip.add(name)
            verdict.add(
                "zip-bomb",
                name,
                f"声明大小 {info.file_size:,} 字节（压缩比 {ratio:.0f}）超出限制，未读取",
                f"declares {info.file_size:,} bytes (ratio {ratio:.0f}:1), over the limits; not read",
            )
    if total > limits.max_total_size:
        verdict.add(
            "zip-bomb",
            None,
            f"全部条目共声明 {total:,} 字节，超出限制",
            f"the entries declare {total:,} bytes in all, over the limit",
        )
        skip.update(i.filename for i in infos)
    _check_overlaps(zf, infos, verdict)
    return skip


def _check_overlaps(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], verdict: Verdict) -> None:
    """Entries whose data overlap (a classic zip-bomb construction) are reported once."""
    fp = zf.fp
    if fp is None:  # pragma: no cover
        return
    spans: list[tuple[int, int, str]] = []
    for info in infos:
        fp.seek(info.header_offset)
        header = fp.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            continue  # reported when the entry is read
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        end = info.header_offset + 30 + name_len + extra_len + info.compress_size
        spans.append((info.header_offset, end, info.filename))
    spans.sort()
    for (_, end, first), (start, _, second) in itertools.pairwise(spans):
        if start < end:
            verdict.add(
                "overlapping-entries",
                second,
                f"与 {first} 的数据重叠",
                f"overlaps the data of {first}",
            )


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    if info.file_size > cap:
        return None
    with zf.open(info) as fh:
        return fh.read(cap + 1)[:cap]


def _hash(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with zf.open(info) as fh:  # reads at most the declared size, checks the CRC at the end
        for block in iter(lambda: fh.read(BLOCK), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _expected_from_manifest(
    zf: zipfile.ZipFile, by_name: dict[str, list[zipfile.ZipInfo]], verdict: Verdict, limits: Limits
) -> dict[str, tuple[str, int | None]] | None:
    infos = by_name.get(MANIFEST)
    if not infos:
        verdict.add("missing-manifest", MANIFEST, "缺少 manifest.json", "manifest.json is missing")
        return None
    try:
        raw = _read_capped(zf, infos[-1], limits.max_metadata)
        data = json.loads(raw.decode("utf-8")) if raw is not None else None
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError):
        data = None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        verdict.add(
            "invalid-manifest",
            MANIFEST,
            "manifest.json 无法读取或缺少 files",
            "manifest.json is unreadable or has no files list",
        )
        return None
    assert isinstance(data, dict)
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        verdict.add(
            "invalid-manifest",
            MANIFEST,
            f"不支持的 schema_version：{version!r}",
            f"unsupported schema_version {version!r}",
        )
    out: dict[str, tuple[str, int | None]] = {}
    for i, item in enumerate(files):
        path = item.get("path") if isinstance(item, dict) else None
        digest = item.get("sha256") if isinstance(item, dict) else None
        size = item.get("size") if isinstance(item, dict) else None
        if (
            not isinstance(path, str)
            or not isinstance(digest, str)
            or not _HEX64.match(digest)
            or not (isinstance(size, int) and size >= 0)
        ):
            verdict.add(
                "invalid-manifest",
                MANIFEST,
                f"files[{i}] 缺少有效的 path、sha256 或 size",
                f"files[{i}] lacks a valid path, sha256 or size",
            )
            continue
        if path in out:
            verdict.add(
                "invalid-manifest",
                path,
                "manifest.json 重复列出该文件",
                "listed twice in manifest.json",
            )
        reason = unsafe_reason(path)
        if reason:
            verdict.add(
                "unsafe-name",
                path,
                f"manifest.json 中的路径不安全：{reason[0]}",
                f"unsafe path in manifest.json: {reason[1]}",
            )
        out[path] = (digest, size)
    return out


def _expected_from_sums(
    zf: zipfile.ZipFile, by_name: dict[str, list[zipfile.ZipInfo]], verdict: Verdict, limits: Limits
) -> dict[str, str] | None:
    infos = by_name.get(SUMS)
    if not infos:
        verdict.add("missing-checksums", SUMS, "缺少 SHA256SUMS", "SHA256SUMS is missing")
        return None
    try:
        raw = _read_capped(zf, infos[-1], limits.max_metadata)
        text = raw.decode("utf-8") if raw is not None else None
    except (UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError):
        text = None
    if text is None:
        verdict.add("invalid-checksums", SUMS, "SHA256SUMS 无法读取", "SHA256SUMS is unreadable")
        return None
    lines, bad = parse_sums(text)
    for number in bad:
        verdict.add(
            "invalid-checksums",
            SUMS,
            f"第 {number} 行不是 sha256sum 格式",
            f"line {number} is not in sha256sum format",
        )
    out: dict[str, str] = {}
    for path, digest in lines:
        if path in out and out[path] != digest:
            verdict.add(
                "invalid-checksums",
                path,
                "SHA256SUMS 对同一文件给出不同校验值",
                "listed twice with different hashes",
            )
        reason = unsafe_reason(path)
        if reason:
            verdict.add(
                "unsafe-name",
                path,
                f"SHA256SUMS 中的路径不安全：{reason[0]}",
                f"unsafe path in SHA256SUMS: {reason[1]}",
            )
        out[path] = digest
    return out


def _compare_lists(
    manifest: dict[str, tuple[str, int | None]] | None,
    sums: dict[str, str] | None,
    verdict: Verdict,
) -> dict[str, tuple[str, int | None]]:
    """The expected entries: the union of both lists, which must agree."""
    expected: dict[str, tuple[str, int | None]] = dict(manifest or {})
    for path, digest in (sums or {}).items():
        if manifest is not None and path in manifest and manifest[path][0] != digest:
            verdict.add(
                "checksum-mismatch",
                path,
                "manifest.json 与 SHA256SUMS 的校验值不一致",
                "manifest.json and SHA256SUMS give different hashes",
            )
        elif manifest is not None and path not in manifest and path not in (MANIFEST, INDEX):
            verdict.add(
                "checksum-mismatch",
                path,
                "列在 SHA256SUMS 中，但不在 manifest.json 中",
                "listed in SHA256SUMS but not in manifest.json",
            )
        expected.setdefault(path, (digest, None))
    if sums is not None and manifest is not None:
        for path in manifest:
            if path not in sums:
                verdict.add(
                    "checksum-mismatch",
                    path,
                    "列在 manifest.json 中，但不在 SHA256SUMS 中",
                    "listed in manifest.json but not in SHA256SUMS",
                )
    return expected


def _entries(by_name: dict[str, list[zipfile.ZipInfo]]) -> Iterator[tuple[str, zipfile.ZipInfo]]:
    for name, infos in by_name.items():
        for info in infos:
            yield name, info


def verify_bundle(path: Path, limits: Limits | None = None) -> Verdict:
    """Check one bundle; :class:`NotABundleError` if it is not a readable zip."""
    limits = limits or Limits()
    shown = str(path)
    verdict = Verdict(shown)
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise NotABundleError("file not found", source=shown) from None
    except IsADirectoryError:
        raise NotABundleError("is a folder, expected a .zip file", source=shown) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error):
        raise NotABundleError("not a readable zip file", source=shown) from None
    except OSError as exc:
        raise NotABundleError(f"cannot read: {exc.strerror or exc}", source=shown) from None
    with zf:
        infos = zf.infolist()
        verdict.entries = len(infos)
        if len(infos) > limits.max_entries:
            verdict.add(
                "zip-bomb",
                None,
                f"条目过多（{len(infos):,}）",
                f"too many entries ({len(infos):,})",
            )
            return verdict
        try:
            _verify_open(zf, infos, verdict, limits)
        except OSError as exc:
            raise NotABundleError(f"cannot read: {exc.strerror or exc}", source=shown) from None
    return verdict


def _verify_open(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], verdict: Verdict, limits: Limits
) -> None:
    skip = _scan_names(zf, verdict, limits)
    by_name: dict[str, list[zipfile.ZipInfo]] = {}
    for info in infos:
        by_name.setdefault(info.filename, []).append(info)
    manifest = _expected_from_manifest(zf, by_name, verdict, limits)
    sums = _expected_from_sums(zf, by_name, verdict, limits)
    expected = _compare_lists(manifest, sums, verdict)
    for path in expected:
        if path not in by_name:
            verdict.add(
                "missing-entry",
                path,
                "清单中列出的文件不在压缩包中",
                "listed but not in the bundle",
            )
    for name, info in _entries(by_name):
        if name.endswith("/") and info.file_size == 0:
            continue  # a folder entry
        if name not in expected:
            if name not in METADATA:  # the bundle's own files are not "extra"
                verdict.add(
                    "extra-entry",
                    name,
                    "压缩包中有清单未列出的条目",
                    "in the bundle but not listed",
                )
            continue
        if name in skip:
            continue
        try:
            digest, size = _hash(zf, info)
        except zipfile.BadZipFile as exc:
            if "CRC" not in str(exc):
                verdict.add("unreadable-entry", name, f"无法读取：{exc}", f"cannot be read: {exc}")
                continue
            verdict.add(
                "altered-entry",
                name,
                "CRC 校验失败，内容已被改动",
                "its CRC does not match: altered",
            )
            continue
        except (zlib.error, EOFError, RuntimeError, NotImplementedError) as exc:
            verdict.add("unreadable-entry", name, f"无法读取：{exc}", f"cannot be read: {exc}")
            continue
        want_digest, want_size = expected[name]
        if digest != want_digest or (want_size is not None and size != want_size):
            verdict.add(
                "altered-entry",
                name,
                "内容与清单中的 sha256 不符，已被改动",
                "its content does not match the listed sha256: altered",
            )
        else:
            verdict.verified += 1
