"""The shape of a bundle's zip, before any content is read.

Entry names that would escape or clash when extracted (absolute, ``..``, a
backslash, a drive letter, a control character, an empty segment, the same
name twice or twice after case folding), link and special-file entries,
declared sizes and ratios that look like a zip bomb, and entries that share
data. Also the values a verification collects: :class:`Problem`,
:class:`Verdict`, and the :class:`Limits` it applies.
"""

from __future__ import annotations

import itertools
import re
import stat
import struct
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

from icp_renew.errors import UserError
from icp_renew.i18n import Lang

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
    ratio_floor: int = 64 * 1024**2  # a smaller entry is cheap to read, whatever its ratio
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
VERIFY_CODES = (
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
        assert code in VERIFY_CODES, code
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


def scan_structure(zf: zipfile.ZipFile, verdict: Verdict, limits: Limits) -> set[str]:
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
    check_overlaps(zf, infos, verdict)
    return skip


def check_overlaps(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], verdict: Verdict) -> None:
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
