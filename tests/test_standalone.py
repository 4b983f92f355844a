"""The project stands alone: no file names a document or folder outside the repository.

The working notes the first release was written from are not shipped; a reader of a clone
must find every cited document in it. A regulation is cited by its own name, the project's
own evidence is docs/sources.md.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: documents and folders that exist only beside the checkout (spelled in pieces so that
#: this file does not name them itself)
OUTSIDE = [
    ".." + "/shared",
    "/work" + "/shared",
    "DESIGN" + ".md",
    "REGULATORY" + ".md",
    "STYLE" + ".md",
]
#: the same folder built from path segments (a parent, then the folder's name)
SEGMENTS = re.compile(r"""["']\.\.["']\s*/\s*["']shared["']""")
#: a Markdown document named in text: docs/rules.md, README.md (not part of a URL)
MARKDOWN = re.compile(r"(?<![\w/.:%-])((?:\.\./|\./)?[\w.-]+(?:/[\w.-]+)*\.md)\b")
#: a file a command writes, not a document cited: `> 清单.md`, `here / "summary.md"`
WRITTEN = re.compile(r"""(?:>\s*|/\s*["']|--output[ =]|-o )$""")
SKIP_SUFFIXES = {".png", ".jpg", ".jpeg", ".pdf", ".zip", ".ofd", ".gz", ".ico", ".xlsx", ".docx"}


def tracked_files() -> list[Path]:
    """The repository's files: git's list in a checkout, else every file but caches."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        names = [n for n in out.decode("utf-8").split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "venv", "__pycache__", ".mypy_cache", ".ruff_cache"}
        names = [
            p.relative_to(ROOT).as_posix()
            for p in ROOT.rglob("*")
            if p.is_file() and not skip & set(p.relative_to(ROOT).parts)
        ]
    return [ROOT / n for n in names if (ROOT / n).is_file()]


def texts() -> list[tuple[Path, str]]:
    out = []
    for path in tracked_files():
        if path.suffix.lower() in SKIP_SUFFIXES:
            continue
        try:
            out.append((path, path.read_text("utf-8")))
        except UnicodeDecodeError:
            continue
    return out


def test_no_file_names_a_place_outside_the_repository():
    found = []
    for path, text in texts():
        for lineno, line in enumerate(text.splitlines(), 1):
            if any(name in line for name in OUTSIDE) or SEGMENTS.search(line):
                found.append(f"{path.relative_to(ROOT)}:{lineno}: {line.strip()[:80]}")
    assert found == []


def test_every_markdown_document_named_is_in_the_repository():
    files = tracked_files()
    known = {p.relative_to(ROOT).as_posix() for p in files}
    missing = []
    for path, text in texts():
        for lineno, line in enumerate(text.splitlines(), 1):
            for match in MARKDOWN.finditer(line):
                name = match[1]
                if WRITTEN.search(line[: match.start()]):
                    continue
                here = (path.parent / name).resolve()
                if here.is_file() or (ROOT / name).is_file():
                    continue
                if any(k == name or k.endswith("/" + name.lstrip("./")) for k in known):
                    continue
                missing.append(f"{path.relative_to(ROOT)}:{lineno}: {name}")
    assert missing == []


def test_the_checks_see_the_names_they_forbid(tmp_path):
    """The patterns match what they are meant to catch (a test that cannot fail is no test)."""
    line = "SCHEMAS = Path(__file__).parents[1] / '..' / 'sha" + "red' / 'schemas'"
    assert SEGMENTS.search(line)
    assert MARKDOWN.findall("see docs/rules.md and " + OUTSIDE[2]) == ["docs/rules.md", OUTSIDE[2]]
    assert MARKDOWN.findall("https://example.com/x/README.md") == []
