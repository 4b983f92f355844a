"""The message catalogue: every entry in both languages, never mixed in one sentence."""

from __future__ import annotations

import pkgutil
import re
import string
from pathlib import Path

import pytest

import icp_renew.messages as messages
from icp_renew.messages import Message, t, table

DOMAINS = sorted(m.name for m in pkgutil.iter_modules(messages.__path__))
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: Chinese allowed inside an English text only where it is quoted as a value or an example:
#: between backticks or quotes (a file name such as `2023年度业务经营报告.pdf`)
QUOTED = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|“[^”]*”")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _entries() -> list[tuple[str, str, str]]:
    return [(f"{d}.{k}", zh, en) for d in DOMAINS for k, (zh, en) in table(d).items()]


def test_there_are_domains() -> None:
    assert "core" in DOMAINS


@pytest.mark.parametrize(("key", "zh", "en"), _entries())
def test_each_message_has_both_languages_with_the_same_placeholders(
    key: str, zh: str, en: str
) -> None:
    assert zh.strip(), f"{key}: no Chinese text"
    assert en.strip(), f"{key}: no English text"
    assert _fields(zh) == _fields(en), f"{key}: placeholders differ"
    assert not CJK.search(QUOTED.sub("", en)), f"{key}: Chinese in the English text: {en!r}"


def test_t_fills_placeholders_and_message_renders_lazily() -> None:
    assert t("core.lang-zh", "zh") == "中文"
    assert t("core.lang-zh", "en") == "Chinese"
    assert Message.of("core.lang-en").render("zh") == "英文"


def test_unknown_key_is_a_bug_not_a_silent_fallback() -> None:
    with pytest.raises(KeyError):
        t("core.no-such-message", "en")


# --- English number agreement --------------------------------------------------------------


@pytest.mark.parametrize(("n", "text"), [(0, "0 pages"), (1, "1 page"), (3, "3 pages")])
def test_plural_picks_the_form_for_n(n: int, text: str) -> None:
    from icp_renew.messages import plural

    assert plural(n, "page", "pages") == text


def test_plural_in_a_template() -> None:
    from icp_renew.messages import fill

    assert fill("{n:file|files} in {d:dossier|dossiers}", "en", {"n": 1, "d": 2}) == (
        "1 file in 2 dossiers"
    )
    assert t("report.counts", "en", errors=1, warnings=0, notes=2) == (
        "1 error · 0 warnings · 2 notes"
    )
    assert t("report.counts", "zh", errors=1, warnings=0, notes=2) == "错误 1 · 警告 0 · 提示 2"


#: English words that are names, not sentences, when they appear in a Chinese text
_NAMES = re.compile(
    r"\b(?:icp-renew|ICP|PDF|JPEG|PNG|TIFF|YAML|CSV|UTF-8|GBK|MiB|KB|MB|CRC|IEND|sha256sum)\b"
)
#: three English words in a row, outside code, quotes and placeholders
ENGLISH_RUN = re.compile(r"(?<![\w.\-/{])[A-Za-z]{2,}(?: +[A-Za-z]{2,}){2,}(?![\w.\-/])")


def _bare(text: str) -> str:
    text = re.sub(r"\{[^}]*\}", "X", text)  # placeholders
    text = QUOTED.sub("", text)
    return _NAMES.sub("X", text)


@pytest.mark.parametrize(("key", "zh", "en"), _entries())
def test_no_english_sentence_inside_a_chinese_text(key: str, zh: str, en: str) -> None:
    """The Chinese text names identifiers (--province, license.expires, dossier.yaml) but
    never carries an English phrase: a sign of a library's text glued in, or half a
    translation."""
    assert not ENGLISH_RUN.findall(_bare(zh)), f"{key}: English in the Chinese text: {zh!r}"


@pytest.mark.parametrize(("key", "zh", "en"), _entries())
def test_no_hand_made_plural(key: str, zh: str, en: str) -> None:
    assert "(s)" not in en, f"{key}: use {{n:one|other}} instead of (s): {en!r}"


def test_no_taiwan_usage_in_chinese_texts() -> None:
    """docs/style-zh.md, terms: 文件夹, not 资料夹."""
    bad = [(key, zh) for key, zh, _ in _entries() if "资料夹" in zh]
    assert bad == []


# --- no text outside the catalogue -----------------------------------------------------------

SRC = Path(messages.__file__).resolve().parents[1]
#: files whose Chinese literals are data, patterns or bilingual documents, not messages
ALLOWED = {
    "bundle/layout.py": "the bundle's index file is named 目录.txt",
    "bundle/manifest.py": "目录.txt, the bundle's index, is a bilingual document",
    "scaffold.py": "init's dossier.yaml template carries bilingual comments",
    "docgen.py": "the generated reference documents are bilingual",
    "dossier/config.py": "the placeholder 待填写, the 年 of a year, JSON-schema descriptions",
    "rulebook/models.py": "JSON-schema descriptions of the rule files",
    "holidays.py": "JSON-schema descriptions of holiday files",
    "dates.py": "patterns that read Chinese dates",
    "numbers.py": "patterns that read licence and filing numbers",
    "checks/contacts.py": "the pattern of an extension (转, 分机)",
    "portfolio.py": "the CSV column names people write",
    "rulebook/authorities.py": "suffixes of authority names, for matching",
    "formats/terminal.py": "closing punctuation, for line breaking",
    "formats/wrap.py": "opening and closing punctuation, for line breaking",
    "suggest.py": "suffixes of place names (市, 县, 自治州), for matching",
    "holiday_estimate.py": "the name of a solar term (清明) in the lunar calendar library",
    "ocr/fields.py": "patterns that read a scan's text (年月日, 有效期至, province prefixes)",
    "checks/scans.py": "the labels printed on licences and ID cards (名称, 姓名), to find a value",
}


def _cjk_literals(path: Path) -> list[tuple[int, str]]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and CJK.search(node.value)
    ]


def test_no_chinese_text_outside_the_catalogue() -> None:
    """Every text the tool prints is in messages/: a Chinese literal elsewhere is a message
    written beside the code (docstrings and comments are not looked at)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("messages/") or rel in ALLOWED:
            continue
        found += [f"{rel}:{line}: {text[:60]!r}" for line, text in _cjk_literals(path)]
    assert found == []


def test_the_allow_list_is_not_stale() -> None:
    stale = [rel for rel in ALLOWED if not _cjk_literals(SRC / rel)]
    assert stale == []


KEY = re.compile(r"^(?P<domain>[a-z_]+)\.[a-z0-9][a-z0-9.-]*[a-z0-9]$")


def test_every_key_the_code_names_exists() -> None:
    """A literal ``"<domain>.<name>"`` in the code names a message of the catalogue: a typo
    would be a KeyError at the moment the message is printed."""
    import ast

    missing = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("messages/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parts = {
            id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values
        }  # pieces of f-strings such as f"findings.{code}.title"
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if id(node) in parts:
                continue
            match = KEY.match(node.value)
            if match and match["domain"] in DOMAINS and not node.value.endswith(".md"):
                domain, _, name = node.value.partition(".")
                if name not in table(domain):
                    missing.append(f"{rel}:{node.lineno}: {node.value}")
    assert missing == []


#: half-width punctuation touching a Chinese character: ``错误,`` ``(见`` ``问题:``
HALF_WIDTH = re.compile(r"[\u3400-\u9fff][,;?!()]|[,;?!()][\u3400-\u9fff]|[\u3400-\u9fff]: ")


@pytest.mark.parametrize(("key", "zh", "en"), _entries())
def test_chinese_punctuation_is_full_width(key: str, zh: str, en: str) -> None:
    """docs/style-zh.md, punctuation: ，：；（）？ in Chinese text (a quoted YAML example such
    as “键: 值” keeps its own)."""
    assert not HALF_WIDTH.search(QUOTED.sub("", zh)), f"{key}: half-width punctuation: {zh!r}"


_ERRORS = {
    "UserError",
    "DossierError",
    "RuleError",
    "UnknownAuthorityError",
    "NotABundleError",
    "SourceError",
    "BundleWriteError",
    "MessageError",
    "DateFormatError",
}


def test_errors_are_raised_with_a_key_not_a_sentence() -> None:
    """``UserError("errors.file-not-found")``, never ``UserError("file not found")``: a
    sentence would be English whatever the language."""
    import ast

    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            arg = node.args[0]
            literal = isinstance(arg, ast.JoinedStr) or (
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and not KEY.match(arg.value)
            )
            if name in _ERRORS and literal:
                found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert found == []
