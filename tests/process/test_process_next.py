"""``init NEW --next ARCHIVED``: the next renewal starts from the new licence."""

from __future__ import annotations

import json
from pathlib import Path

import factory


def tree_digest(root: Path) -> list[tuple[str, bytes]]:
    return sorted(
        (str(p.relative_to(root)), p.read_bytes() if p.is_file() else b"/") for p in root.rglob("*")
    )


ARCHIVED = [
    {"event": "submitted", "date": "2026-02-10"},
    {"event": "approved", "date": "2026-03-15"},
    {
        "event": "license-received",
        "date": "2026-03-20",
        "number": "京B2-20260002",
        "issued": "2026-06-01",
        "expires": "2031-05-31",
        "services": ["B25", "B21"],
    },
    {"event": "archived", "date": "2026-03-21"},
]


def test_next_renewal_from_an_archived_dossier(cli, make_dossier, tmp_path) -> None:
    old = make_dossier({**factory.VALID_CONFIG, "timeline": ARCHIVED}, name="2026")
    before = tree_digest(old)
    new = tmp_path / "2031"
    r = cli("init", str(new), "--next", str(old), "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert tree_digest(old) == before
    doc = json.loads(cli("status", str(new), "-f", "json", "--today", "2026-04-01").stdout)
    entry = doc["dossiers"][0]
    assert (entry["license_number"], entry["expires"], entry["stage"]) == (
        "京B2-20260002",
        "2031-05-31",
        "preparing",
    )
    assert entry["timeline"] == []
    from icp_renew.dossier.config import load_config

    cfg = load_config(new)
    assert cfg.license.services == ["B25", "B21"] and str(cfg.license.issued) == "2026-06-01"
    assert cfg.license.holder == cfg.company.name == "北京示例科技有限公司"
    assert (
        cfg.legal_representative is not None
        and cfg.legal_representative.id_number == "11010519491231002X"
    )
    assert "financial-report" not in cfg.materials  # a year's fact belongs to the old renewal
    assert cfg.materials["hosting-agreement"].expires is not None
    assert (new / "1-基础资质文件").is_dir()


def test_next_refused_before_the_new_licence_and_never_overwrites(
    cli, make_dossier, tmp_path
) -> None:
    pending = make_dossier({**factory.VALID_CONFIG, "timeline": ARCHIVED[:2]}, name="pending")
    r = cli("init", str(tmp_path / "n"), "--next", str(pending))
    assert r.exit_code == 2 and "no license-received event yet" in r.stderr
    assert not (tmp_path / "n").exists()
    done = make_dossier({**factory.VALID_CONFIG, "timeline": ARCHIVED}, name="done")
    r = cli("init", str(pending), "--next", str(done))
    assert r.exit_code == 2 and "never overwritten" in r.stderr


def test_next_keeps_an_industry_spelled_in_chinese(cli, make_dossier, tmp_path) -> None:
    old = make_dossier(
        {**factory.VALID_CONFIG, "industries": ["新闻"], "timeline": ARCHIVED}, name="2026"
    )
    new = tmp_path / "2031"
    r = cli("init", str(new), "--next", str(old), "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert (new / "4-特殊行业要求" / "4.1-互联网新闻信息服务许可证").is_dir()
