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
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from icp_renew.bundle.layout import INDEX, MANIFEST, METADATA, SUMS
from icp_renew.bundle.manifest import SCHEMA_VERSION, parse_sums
from icp_renew.bundle.structure import (
    VERIFY_CODES,
    Limits,
    NotABundleError,
    Problem,
    Verdict,
    scan_structure,
    unsafe_reason,
)

__all__ = [
    "VERIFY_CODES",
    "Limits",
    "NotABundleError",
    "Problem",
    "Verdict",
    "unsafe_reason",
    "verify_bundle",
]

BLOCK = 1 << 20
#: what zipfile raises for an entry it cannot read: damaged data or headers, an encrypted entry
#: (RuntimeError), an unknown compression or "patched data" flag (NotImplementedError)
_UNREADABLE = (
    ValueError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    RuntimeError,
    NotImplementedError,
    struct.error,
)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


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
    except _UNREADABLE:
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
    except _UNREADABLE:
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
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        struct.error,
        NotImplementedError,  # "zip file version 14.1": a damaged central directory
    ):
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
    skip = scan_structure(zf, verdict, limits)
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
        except (zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
            # ValueError: e.g. a local header whose name is not UTF-8 (UnicodeDecodeError)
            reason = " ".join(str(exc).split())[:200]
            verdict.add(
                "unreadable-entry", name, f"无法读取：{reason}", f"cannot be read: {reason}"
            )
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
