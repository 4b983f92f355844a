"""Property-based tests: whatever ``dossier.yaml`` holds, every command ends cleanly.

Exit 0, 1 or 2; for 2 exactly one line on stderr (``icp-renew: error: …``); never a traceback.
The documents are random structures and types, Unicode, huge numbers, odd dates and YAML's
own features (anchors and aliases, tags such as ``!!python/object``, deep nesting, merge keys,
several documents, very long strings).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile import PROFILE

pytest.importorskip("hypothesis")  # test-only: skipped on a plain install (.ci/run)
from hypothesis import given
from hypothesis import strategies as st

import factory

TODAY = factory.TODAY
_counter = itertools.count()


def assert_clean(result: Any, lang: str = "en") -> None:
    """0, 1 or 2; one clear stderr line for 2, in ``lang``; no traceback anywhere."""
    out, err = result.stdout, result.stderr
    assert result.exit_code in (0, 1, 2), (result.exit_code, out[-500:], err[-2000:])
    assert "Traceback" not in out + err, err
    if result.exit_code == 2:
        lines = err.splitlines()
        assert len(lines) == 1, err
        prefix = "icp-renew: 错误：" if lang == "zh" else "icp-renew: error: "
        assert lines[0].startswith(prefix), err
        assert lines[0].isprintable(), lines[0]


def fresh(base: Path) -> Path:
    root = base / f"d{next(_counter)}"
    root.mkdir(parents=True)
    return root


def run_all(cli: Any, root: Path) -> None:
    assert_clean(cli("check", str(root), "--today", TODAY, "-f", "json"))
    assert_clean(cli("check", str(root), "--today", TODAY, "-f", "text", "--lang", "zh"), "zh")
    assert_clean(cli("deadline", str(root), "--today", TODAY, "-f", "json"))


# --- strategies -------------------------------------------------------------------------------

odd_dates = st.sampled_from(
    [
        "2026-02-29",
        "2024-02-29",
        "0000-00-00",
        "0001-01-01",
        "9999-12-31",
        "2026年5月31日",
        "2026/5/31",
        "20260531",
        "2026-5-31T00:00:00",
        "31/05/2026",
        "２０２６-０５-３１",
        "2026-13-01",
        "-2026-01-01",
        "1e9",
        "",
    ]
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12),
    odd_dates,
    st.just("x" * 100_000),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)

#: where a value may be replaced (existing fields and some that do not exist)
PATHS = [
    ("company",),
    ("company", "name"),
    ("company", "uscc"),
    ("legal_representative",),
    ("legal_representative", "id_number"),
    ("legal_representative", "mobile"),
    ("legal_representative", "email"),
    ("license",),
    ("license", "number"),
    ("license", "services"),
    ("license", "issued"),
    ("license", "expires"),
    ("authority",),
    ("industries",),
    ("domains",),
    ("materials",),
    ("materials", "hosting-agreement", "expires"),
    ("materials", "financial-report", "year"),
    ("materials", "business-reports", "years"),
    ("unknown",),
]


def _set(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node: Any = doc
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    node[path[-1]] = value


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


mutations = st.lists(st.tuples(st.sampled_from(PATHS), values), min_size=1, max_size=3)


@given(mutations)
@PROFILE
def test_mutated_valid_dossier(cli, tmp_path_factory, changes):
    doc = _copy(factory.VALID_CONFIG)
    for path, value in changes:
        _set(doc, path, value)
    root = fresh(tmp_path_factory.mktemp("y"))
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    (root / "dossier.yaml").write_text(text, encoding="utf-8")
    run_all(cli, root)


@given(values)
@PROFILE
def test_random_document(cli, tmp_path_factory, value):
    root = fresh(tmp_path_factory.mktemp("y"))
    (root / "dossier.yaml").write_text(yaml.safe_dump(value, allow_unicode=True), "utf-8")
    run_all(cli, root)


#: YAML features a hostile file may use
FEATURES = [
    "company: !!python/object/apply:os.system ['echo pwned']\n",
    "company: !!python/object:__main__.X {name: x}\n",
    "company: !!binary aGVsbG8=\n",
    "company: !custom {name: x}\n",
    "base: &b {name: x}\ncompany:\n  <<: *b\n",
    "a: &a [*a]\n",
    "a: &a\n  b: *a\n",
    "company: {name: x}\n---\ncompany: {name: y}\n",
    "%YAML 1.1\n---\ncompany: {name: x}\n",
    "%TAG !e! tag:example.com,2000:\n---\ncompany: !e!x {name: x}\n",
    "? [a, b]\n: c\n",
    "? {a: 1}\n: c\n",
    "company:\n\tname: x\n",
    "\ufeffcompany: {name: x}\n",
    "company: {name: x}\ncompany: {name: y}\n",
    "company: 'unterminated\n",
    "company: {name: x\n",
    "- a\nb: c\n",
    "\x00\x01\x02",
    "\udcff",
    'company: {name: "\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07"}\n',
]


def _nested(depth: int, open_: str, close: str) -> str:
    return "a: " + open_ * depth + close * depth + "\n"


@given(
    st.lists(st.sampled_from(FEATURES), min_size=1, max_size=3),
    st.sampled_from(
        [
            "",
            _nested(10_000, "[", "]"),
            _nested(10_000, "{a: ", "}"),
            "a: " + "x" * 3_000_000 + "\n",
            "a:\n" + "".join(f"  k{i}: v\n" for i in range(50_000)),
        ]
    ),
    st.text(max_size=60),
)
@PROFILE
def test_yaml_features(cli, tmp_path_factory, features, extra, noise):
    root = fresh(tmp_path_factory.mktemp("y"))
    text = "".join(features) + extra + noise
    (root / "dossier.yaml").write_bytes(text.encode("utf-8", "surrogateescape"))
    run_all(cli, root)


@given(st.binary(max_size=400))
@PROFILE
def test_random_bytes(cli, tmp_path_factory, data):
    root = fresh(tmp_path_factory.mktemp("y"))
    (root / "dossier.yaml").write_bytes(data)
    run_all(cli, root)


def test_billion_laughs_is_refused(cli, tmp_path):
    """Nine levels of ten aliases: 10⁹ values; it ran out of memory before the node budget."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    root = fresh(tmp_path)
    (root / "dossier.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in ("check", "deadline"):
        result = cli(command, str(root), "--today", TODAY)
        assert result.exit_code == 2
        assert "too many values" in result.stderr
        assert_clean(result)


def test_rule_file_alias_bomb_is_refused(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    (rules / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("rules", "lint", str(rules))
    assert_clean(result)
    assert result.exit_code in (1, 2)
