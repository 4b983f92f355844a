"""Hostile folders: links (loops, out of the dossier), FIFOs, devices, unreadable files, and
names with newlines, control characters, terminal escape sequences, NFC/NFD twins, GBK bytes.

No command follows a link out of the dossier (nothing outside is read, packed or written),
and every output format escapes such names: no raw control character reaches a terminal, and
JSON, JUnit, SARIF and GitHub output parse back to the same text.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hostile import is_root, tree_digest

import factory

TODAY = factory.TODAY
ESC_LINK = "\x1b]8;;http:evil.example\x07click\x1b]8;;\x07"  # no "/" in a name
NAMES = [
    "new\nline.pdf",
    "carriage\rreturn.pdf",
    f"{ESC_LINK}.pdf",
    "\x1b[2J\x1b[31mred.pdf",
    "bell\x07.pdf",
    "bidi\u202eFDP.exe.pdf",
    "percent%0A::error::x.pdf",
    "comma,colon:.pdf",
    'quote"amp&lt<tag>.pdf',
    "csi\u009b31m.pdf",
    "<script>alert(1).pdf",
    "<img src=x onerror=alert(1)>.pdf",
    "javascript:alert(1).pdf",
    'it\'s "quoted".pdf',
]
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux file system")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the dossier with a secret in it: nothing may read it or write to it."""
    out = tmp_path / "outside"
    out.mkdir()
    (out / "secret.pdf").write_bytes(factory.pdf_bytes(1, text="SECRET-OUTSIDE"))
    (out / "folder").mkdir()
    return out


def hostile_dossier(tmp_path: Path, outside: Path) -> Path:
    root = factory.make_dossier(tmp_path / "d")
    mat = root / "business-plan"
    (mat / "out.pdf").symlink_to(outside / "secret.pdf")
    (root / "filing-query" / "outdir").symlink_to(outside / "folder")
    (root / "business-reports-link").symlink_to(outside, target_is_directory=True)
    (mat / "loop").symlink_to(mat / "loop")
    (mat / "a").symlink_to(mat / "b")
    (mat / "b").symlink_to(mat / "a")
    (mat / "broken.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (mat / "inside.pdf").symlink_to(root / "icp-license" / "许可证.pdf")
    os.mkfifo(mat / "fifo.pdf")
    if is_root():
        os.mknod(mat / "null.pdf", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    (root / "junk").mkdir()
    for name in NAMES:  # in a material folder, and unassigned (reported either way)
        (mat / name).write_bytes(factory.content("pdf:1"))
        (root / "junk" / name).write_bytes(factory.content("pdf:1"))
    nfc = unicodedata.normalize("NFC", "é.pdf")
    (mat / nfc).write_bytes(factory.content("pdf:1"))
    (mat / unicodedata.normalize("NFD", nfc)).write_bytes(factory.content("pdf:1"))
    gbk = os.fsencode(mat) + b"/" + "营业执照".encode("gbk") + b".pdf"
    with open(gbk, "wb") as fh:  # noqa: PTH123 - a name that is not UTF-8 needs bytes
        fh.write(factory.content("pdf:1"))
    return root


def assert_no_raw_controls(text: str) -> None:
    """Nothing a terminal would obey: C0/C1 controls (except newline), bidi overrides."""
    bad = [
        ch
        for ch in text
        if (unicodedata.category(ch) == "Cc" and ch != "\n") or ch in "\u202a\u202b\u202d\u202e"
    ]
    assert not bad, [hex(ord(ch)) for ch in bad]


def _github_file(line: str) -> str | None:
    """The ``file`` property of a workflow command, unescaped as the runner does."""
    head = line[2:].split("::", 1)[0]
    _, _, props = head.partition(" ")
    for prop in props.split(","):
        key, _, value = prop.partition("=")
        if key == "file":
            for escaped, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r")):
                value = value.replace(escaped, char)
            return value.replace("%25", "%")
    return None


def run(cli: Any, *args: str) -> Any:
    result = cli(*args)
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    assert_no_raw_controls(result.stdout)
    assert_no_raw_controls(result.stderr)
    assert "SECRET-OUTSIDE" not in result.stdout
    return result


@linux_only
def test_hostile_folder_every_format(cli, tmp_path, outside):
    root = hostile_dossier(tmp_path, outside)
    before, before_out = tree_digest(root), tree_digest(outside)
    base = ("check", str(root), "--today", TODAY)

    data = json.loads(run(cli, *base, "-f", "json").stdout)
    paths = {f["path"] for f in data["dossiers"][0]["findings"] if f["code"] == "unsafe-file"}
    expected = {
        "business-plan/out.pdf",
        "filing-query/outdir",
        "business-reports-link",
        "business-plan/loop",
        "business-plan/a",
        "business-plan/b",
        "business-plan/broken.pdf",
        "business-plan/inside.pdf",
        "business-plan/fifo.pdf",
    }
    assert expected <= paths, expected - paths
    assert len([p for p in paths if p.startswith("business-plan/new")]) == 1
    assert any("\\x1b" in p for p in paths)  # the escape is shown, not obeyed
    assert any("\\xd3\\xaa" in p for p in paths)  # GBK bytes escaped
    twins = [p for p in paths if unicodedata.normalize("NFC", p) == "business-plan/é.pdf"]
    assert len(twins) == 1  # the second of the NFC/NFD twins is skipped, the first is used
    if is_root():
        assert "business-plan/null.pdf" in paths

    text = run(cli, *base, "-f", "text").stdout
    assert "\\x1b]8;;http:evil.example\\x07" in text

    junit = run(cli, *base, "-f", "junit").stdout
    ET.fromstring(junit.encode("utf-8"))  # well-formed XML

    sarif = json.loads(run(cli, *base, "-f", "sarif").stdout)
    assert sarif["version"] == "2.1.0"

    github = run(cli, *base, "-f", "github").stdout
    for line in github.splitlines():  # one workflow command a line: none injected by a name
        assert line.startswith(("::error ", "::warning ", "::notice ", "icp-renew: ")), line
    assert "::error::x.pdf" not in github
    files = {_github_file(line) for line in github.splitlines() if line.startswith("::")}
    assert f"{root}/junk/percent%0A::error::x.pdf" in files
    assert f"{root}/junk/comma,colon:.pdf" in files

    markdown = run(cli, *base, "-f", "markdown").stdout
    assert "<tag>" not in markdown

    page = run(cli, *base, "-f", "html").stdout
    for raw in ("<tag>", "<script", "<img src=x", 'href="javascript', "\u202e", "\x1b"):
        assert raw not in page, raw
    assert "&lt;script&gt;alert(1).pdf" in page and "bidi\\u202eFDP.exe.pdf" in page
    assert_no_raw_controls(page)
    html5lib = pytest.importorskip("html5lib")  # a test-only library
    html5lib.HTMLParser(strict=True).parse(page)  # still one valid document

    assert tree_digest(root) == before
    assert tree_digest(outside) == before_out


@linux_only
def test_pack_never_follows_a_link_out(cli, tmp_path, outside):
    root = hostile_dossier(tmp_path, outside)
    before, before_out = tree_digest(root), tree_digest(outside)
    bundle = tmp_path / "b.zip"
    result = run(cli, "pack", str(root), "--force", "-o", str(bundle), "--today", TODAY)
    assert result.exit_code == 0
    with zipfile.ZipFile(bundle) as zf:
        for info in zf.infolist():
            assert stat.S_IFMT(info.external_attr >> 16) in (0, stat.S_IFREG, stat.S_IFDIR)
            assert b"SECRET-OUTSIDE" not in zf.read(info)
        manifest = json.loads(zf.read("manifest.json"))
    sources = {f["source"] for f in manifest["files"]}
    assert not {s for s in sources if "out" in s or "link" in s or "fifo" in s}
    assert tree_digest(root) == before
    assert tree_digest(outside) == before_out
    run(cli, "verify", str(bundle))


@linux_only
def test_deadline_over_hostile_dossiers(cli, tmp_path, outside):
    root = hostile_dossier(tmp_path, outside)
    link = tmp_path / "link-to-dossier"
    link.symlink_to(root, target_is_directory=True)
    for fmt in ("text", "json", "ics"):
        run(cli, "deadline", str(root), str(link), "--today", TODAY, "-f", fmt)


@linux_only
def test_dossier_yaml_that_is_a_link_out(cli, tmp_path, outside):
    """dossier.yaml itself may be a link (a shared template): it is read, never written."""
    root = factory.make_dossier(tmp_path / "d", files={})
    real = outside / "dossier.yaml"
    (root / "dossier.yaml").rename(real)
    (root / "dossier.yaml").symlink_to(real)
    before = tree_digest(outside)
    result = cli("init", str(root), "--province", "beijing")
    assert result.exit_code == 0
    assert tree_digest(outside) == before


@linux_only
def test_init_never_creates_folders_through_a_link_out(cli, tmp_path, outside):
    """A category folder named as init would name it, but a link out of the dossier: init
    created the material folders inside ``outside`` through it."""
    root = tmp_path / "d"
    root.mkdir()
    (root / "1-基础资质文件").symlink_to(outside / "folder", target_is_directory=True)
    before = tree_digest(outside)
    result = cli("init", str(root), "--province", "beijing")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "link" in result.stderr
    assert tree_digest(outside) == before


@linux_only
def test_unreadable_files_are_unsafe_not_fatal(cli, tmp_path, monkeypatch):
    """Root reads every file, so permission denied is simulated at os.open."""
    import icp_renew.inspect as inspect_pkg

    root = factory.make_dossier(tmp_path / "d")
    real_open = os.open

    def deny(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith("托管协议.pdf"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(inspect_pkg.os, "open", deny)
    result = cli("check", str(root), "--today", TODAY, "-f", "json")
    findings = json.loads(result.stdout)["dossiers"][0]["findings"]
    unsafe = [f for f in findings if f["code"] == "unsafe-file"]
    assert [f["path"] for f in unsafe] == ["hosting-agreement/托管协议.pdf"]
    assert "Permission denied" in unsafe[0]["message"]


@linux_only
@pytest.mark.skipif(is_root(), reason="root reads every file")
def test_unreadable_folder(cli, tmp_path):  # pragma: no cover - CI runs as root
    root = factory.make_dossier(tmp_path / "d")
    (root / "business-plan").chmod(0)
    try:
        result = cli("check", str(root), "--today", TODAY, "-f", "json")
    finally:
        (root / "business-plan").chmod(0o755)
    assert result.exit_code == 1
