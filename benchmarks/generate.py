"""Synthetic dossiers for the benchmarks, built by code with real content.

Every PDF is made with reportlab and holds A4 page scans: JPEGs drawn with
Pillow (paper grain, lines of "text", a red seal), embedded as they are
(DCTDecode, no re-encoding). A few distinct pages are rendered once per
resolution; each page of a PDF then gets its own copy of those bytes with a
JPEG comment naming the page, so no PDF stores an image twice and no byte is
a placeholder. That keeps generating 1.2 GB down to the speed of the disk.

Presets (``--preset``):

- ``small`` (default; CI): a 24-file dossier of 150-dpi scans (a few MB), 8
  small dossiers, a 200-row deadline CSV — generated in seconds;
- ``large``: one dossier of about 300 PDFs / 1.2 GB of 300-dpi scans and 4
  JPEGs, in the layout ``icp-renew init`` creates, with a valid dossier.yaml,
  so ``check`` passes and ``pack`` runs fully;
- ``agency``: 500 small dossiers (every seventh with a typical defect) and a
  10,000-row deadline CSV;
- ``full``: ``large`` and ``agency``.

Knobs (override the preset's dossier): ``--files`` PDFs, ``--pages`` mean
pages per PDF (else derived from ``--size``), ``--size`` total bytes (``1.2G``,
``300M``), ``--dpi``, ``--dossiers``, ``--rows``. Output goes under
``benchmarks/data/PRESET/`` (git-ignored) or ``--out``::

    PRESET/dossier/                the big dossier
    PRESET/agency/dossiers/0001/   the agency's dossiers
    PRESET/agency/portfolio.csv    the deadline CSV

Everything is fictitious and deterministic (fixed seeds, reportlab ``invariant``;
the PDFs' bytes depend on the output folder only through reportlab's image names).
Run ``icp-renew check`` on the results with ``--today 2026-01-15``.

Usage: python benchmarks/generate.py [--preset NAME] [--out DIR] [knobs…]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
TODAY = "2026-01-15"  # the benchmarks' --today: the example licence is not yet due

sys.path.insert(0, str(HERE))
from scans import BASE_PAGES, Doc, Pages, id_card_jpeg, write_pdf  # noqa: E402

# --- presets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """What to generate. ``files`` = 0: no big dossier; ``dossiers`` = 0: no agency."""

    files: int = 0  # PDFs in the big dossier
    size: int = 0  # its approximate total bytes (pages are derived from it) …
    pages: float | None = None  # … unless the mean pages per PDF is given
    dpi: int = 300
    jpegs: int = 4  # image files besides the PDFs (ID card sides, screenshots)
    dossiers: int = 0  # small dossiers of an agency
    rows: int = 0  # licences in the deadline CSV
    seed: int = 42


PRESETS: dict[str, Spec] = {
    "small": Spec(files=24, size=6_000_000, dpi=150, dossiers=8, rows=200),
    "large": Spec(files=300, size=1_200_000_000, dpi=300),
    "agency": Spec(dossiers=500, rows=10_000),
    "full": Spec(files=300, size=1_200_000_000, dpi=300, dossiers=500, rows=10_000),
}


def parse_size(text: str) -> int:
    """``1.2G``, ``300M``, ``64k`` or a plain number of bytes (decimal units)."""
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]?)[bB]?\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 1.2G, 300M)")
    factor = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m[2].lower()]
    return int(float(m[1]) * factor)


# --- the dossier's content -------------------------------------------------------------------

DOMAINS = ("example.com", "example.cn", "example.net", "示例.中国", "example-shop.com")
CONFIG: dict[str, Any] = {
    "company": {"name": "北京示例科技有限公司", "uscc": "91110000600037341L"},
    "legal_representative": {
        "name": "张三",
        "id_number": "11010519491231002X",
        "mobile": "13800138000",
        "landline": "010-62345678",
        "email": "zhang@example.com",
    },
    "license": {
        "number": "京B2-20210001",
        "services": ["B25"],
        "issued": "2021-06-01",
        "expires": "2026-05-31",
    },
    "industries": [],
    "domains": [
        {"name": d, "filing_number": f"京ICP备12345678号-{i}"} for i, d in enumerate(DOMAINS, 1)
    ],
    "materials": {
        "hosting-agreement": {"expires": "2027-12-31"},
        "idc-license": {"number": "B1-20190001", "expires": "2029-01-01"},
        "financial-report": {"year": 2025},
    },
}

#: material id → its folder, as ``icp-renew init --province beijing`` lays them out
FOLDERS: dict[str, str] = {
    "business-license": "1-基础资质文件/1.1-营业执照副本",
    "icp-license": "1-基础资质文件/1.2-原许可证全套",
    "legal-rep-id": "1-基础资质文件/1.3-法定代表人身份证",
    "application-form": "1-基础资质文件/1.4-续期申请表",
    "compliance-undertaking": "1-基础资质文件/1.5-依法经营电信业务承诺书",
    "credit-publicity": "1-基础资质文件/1.6-企业信用信息公示截图",
    "hosting-agreement": "2-技术合规文件/2.1-服务器托管协议",
    "idc-license": "2-技术合规文件/2.2-托管商IDC资质证书",
    "domain-certificates": "2-技术合规文件/2.3-域名证书",
    "filing-query": "2-技术合规文件/2.4-工信部备案查询页",
    "security-measures": "2-技术合规文件/2.5-网络安全保障措施说明",
    "financial-report": "3-经营能力证明/3.1-续期年度财务会计报告",
    "business-reports": "3-经营能力证明/3.2-近五年业务经营报告",
    "business-plan": "3-经营能力证明/3.3-新一年业务发展规划",
    "operation-proof": "3-经营能力证明/3.4-已开通电信业务的有效证明材料",
    "user-agreements": "3-经营能力证明/3.5-用户服务协议",
}


def core_docs() -> list[Doc]:
    """The PDFs every complete dossier needs (one page each; the licence needs four)."""
    f = FOLDERS
    docs = [
        Doc(f"{f['business-license']}/营业执照副本.pdf", 1, "经营范围：第二类增值电信业务"),
        Doc(f"{f['icp-license']}/增值电信业务经营许可证.pdf", 4),
        Doc(f"{f['application-form']}/续期申请表.pdf", 1),
        Doc(f"{f['compliance-undertaking']}/依法经营电信业务承诺书.pdf", 1),
        Doc(f"{f['hosting-agreement']}/服务器托管协议.pdf", 1),
        Doc(f"{f['idc-license']}/托管商IDC许可证.pdf", 1),
        Doc(f"{f['security-measures']}/网络与信息安全保障措施.pdf", 1),
        Doc(f"{f['financial-report']}/2025年度财务会计报告.pdf", 1),
        Doc(f"{f['business-plan']}/2026年度业务发展规划.pdf", 1),
        Doc(f"{f['operation-proof']}/网站运行情况说明.pdf", 1),
        Doc(f"{f['user-agreements']}/用户服务协议.pdf", 1),
    ]
    docs += [Doc(f"{f['domain-certificates']}/{d}.pdf", 1) for d in DOMAINS]
    docs += [Doc(f"{f['business-reports']}/{y}年度业务经营报告.pdf", 1) for y in range(2021, 2026)]
    return docs


#: where extra PDFs go (materials that take any number of files), with their name stems
EXTRA: tuple[tuple[str, str], ...] = (
    ("security-measures", "安全管理制度"),
    ("operation-proof", "业务运行证明"),
    ("user-agreements", "用户协议"),
    ("hosting-agreement", "托管协议附件"),
    ("business-plan", "业务发展规划附件"),
    ("icp-license", "年检记录"),
)


def image_files() -> list[tuple[str, str]]:
    """(path, kind) of the dossier's images: both sides of the ID card and two screenshots."""
    f = FOLDERS
    return [
        (f"{f['legal-rep-id']}/身份证人像面.jpg", "id"),
        (f"{f['legal-rep-id']}/身份证国徽面.jpg", "id"),
        (f"{f['credit-publicity']}/企业信用信息公示截图.jpg", "page"),
        (f"{f['filing-query']}/ICP备案查询结果.jpg", "page"),
    ]


def plan_docs(spec: Spec, page_bytes: int) -> list[Doc]:
    """``spec.files`` PDFs: the core ones, then extras; pages spread unevenly (most files
    short, a few long, as real scans are) to reach ``spec.size`` or ``spec.pages``."""
    rng = random.Random(spec.seed)
    docs = core_docs()[: spec.files]
    for i in range(spec.files - len(docs)):
        material, stem = EXTRA[i % len(EXTRA)]
        docs.append(Doc(f"{FOLDERS[material]}/{stem}-{i + 1:03d}.pdf", 1))
    minimum = sum(d.pages for d in docs)
    if spec.pages is not None:
        total = max(minimum, round(spec.pages * len(docs)))
    else:
        total = max(minimum, round(spec.size / page_bytes))
    weights = [rng.paretovariate(1.3) for _ in docs]
    scale = (total - minimum) / sum(weights) if weights else 0
    extra = [int(w * scale) for w in weights]
    for k in rng.sample(range(len(docs)), k=len(docs)):  # hand out the rounding remainder
        if sum(extra) >= total - minimum:
            break
        extra[k] += 1
    return [replace(d, pages=d.pages + e) for d, e in zip(docs, extra, strict=True)]


def write_config(root: Path, config: dict[str, Any]) -> None:
    import yaml

    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (root / "dossier.yaml").write_text(text, encoding="utf-8")


def fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def make_large(root: Path, spec: Spec, cache: Path) -> dict[str, Any]:
    """The big dossier: ``spec.files`` PDFs of scans plus ``spec.jpegs`` images."""
    fresh(root)
    write_config(root, CONFIG)
    pages = Pages(cache, spec.dpi)
    docs = plan_docs(spec, pages.mean_bytes)
    for doc in docs:
        path = root / doc.path
        path.parent.mkdir(parents=True, exist_ok=True)
        write_pdf(path, doc, pages)
    for k, (rel, kind) in enumerate(image_files()[: spec.jpegs]):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = id_card_jpeg(spec.dpi, seed=k) if kind == "id" else pages.base[k % BASE_PAGES]
        path.write_bytes(data)
    return describe(root)


# --- the agency ---------------------------------------------------------------------------------


def small_files(cache: Path) -> dict[str, bytes]:
    """One complete small dossier, path → bytes: text PDFs, the business licence a 150-dpi
    scan with a text layer, the ID card's sides and two screenshots as JPEGs (~0.4 MB)."""
    tmp = cache / "small"
    tmp.mkdir(parents=True, exist_ok=True)
    pages = Pages(cache, 150, grain=False)
    out: dict[str, bytes] = {}
    for i, doc in enumerate(core_docs()):
        target = tmp / f"{i:02d}.pdf"
        if not target.exists():
            write_pdf(target, doc, pages if i == 0 else None)
        out[doc.path] = target.read_bytes()
    for k, (rel, kind) in enumerate(image_files()):
        out[rel] = id_card_jpeg(150, seed=k) if kind == "id" else pages.base[k % BASE_PAGES]
    return out


DEFECTS = ("missing-material", "expired", "missing-year", "unassigned-file")


def agency_config(n: int, defect: str | None) -> dict[str, Any]:
    config = json.loads(json.dumps(CONFIG))  # a deep copy
    config["license"]["number"] = f"京B2-2021{n:04d}"
    config["company"]["name"] = f"北京示例{n:04d}科技有限公司"
    if defect == "expired":
        config["materials"]["hosting-agreement"]["expires"] = "2025-12-31"
    # an agency follows its clients through the renewal (docs/process.md): give a third of
    # them a timeline, at different stages, so that `status` has events to judge
    stage = n % 6
    if stage in (1, 3, 5):
        events: list[dict[str, Any]] = [{"event": "submitted", "date": "2025-12-01"}]
        if stage >= 3:
            events.append({"event": "correction-requested", "date": "2025-12-10", "note": "补正"})
        if stage == 5:
            events += [
                {"event": "correction-submitted", "date": "2025-12-11"},
                {"event": "approved", "date": "2025-12-20"},
            ]
        config["timeline"] = events
    return config


def make_agency(root: Path, spec: Spec, cache: Path) -> dict[str, Any]:
    """``spec.dossiers`` small dossiers; every seventh has one typical defect."""
    folder = fresh(root / "dossiers")
    files = small_files(cache)
    for n in range(1, spec.dossiers + 1):
        defect = DEFECTS[(n // 7) % len(DEFECTS)] if n % 7 == 0 else None
        d = folder / f"{n:04d}"
        d.mkdir()
        write_config(d, agency_config(n, defect))
        for rel, data in files.items():
            if defect == "missing-material" and rel.startswith(FOLDERS["business-plan"]):
                continue
            if defect == "missing-year" and "2023年度" in rel:
                continue
            path = d / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if defect == "unassigned-file":
            (d / "扫描件0001.jpg").write_bytes(files[image_files()[2][0]])
    return describe(folder)


PREFIXES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新"


def write_portfolio_csv(path: Path, count: int, seed: int = 42) -> None:
    """An agency's licences: expiries spread over 2025-2028 (official and weekends-only years)."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    lines = ["name,license_number,expires"]
    for i in range(count):
        expires = start + dt.timedelta(days=rng.randrange(4 * 365))
        prefix = rng.choice(PREFIXES)
        lines.append(f"客户{i}有限公司,{prefix}B2-2021{i:04d},{expires.isoformat()}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


# --- driver ---------------------------------------------------------------------------------------


def describe(root: Path) -> dict[str, Any]:
    files = [p for p in root.rglob("*") if p.is_file()]
    pdfs = [p for p in files if p.suffix == ".pdf"]
    return {
        "path": str(root),
        "files": len(files),
        "pdfs": len(pdfs),
        "bytes": sum(p.stat().st_size for p in files),
    }


@dataclass(frozen=True)
class Generated:
    """Where a preset's data is; None for a part the preset does not have."""

    dossier: Path | None
    dossiers: list[Path]
    csv: Path | None
    summary: dict[str, Any]


def layout(out: Path) -> tuple[Path, Path, Path]:
    """(big dossier, agency folder, CSV) under ``out``."""
    return out / "dossier", out / "agency" / "dossiers", out / "agency" / "portfolio.csv"


def generate(spec: Spec, out: Path, log: Any = None) -> Generated:
    """Write ``spec`` under ``out``; returns where everything is."""
    began = time.perf_counter()
    cache = out / ".cache"
    dossier, agency, csv = layout(out)
    summary: dict[str, Any] = {}
    if spec.files:
        summary["dossier"] = make_large(dossier, spec, cache)
    if spec.dossiers:
        summary["agency"] = make_agency(agency.parent, spec, cache)
        summary["agency"]["dossiers"] = spec.dossiers
    if spec.rows:
        write_portfolio_csv(csv, spec.rows, spec.seed)
        summary["csv"] = {"path": str(csv), "rows": spec.rows}
    summary["seconds"] = round(time.perf_counter() - began, 1)
    (out / "generated.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    if log is not None:
        print(json.dumps(summary, ensure_ascii=False, indent=2), file=log)
    return found(out)


def found(out: Path) -> Generated:
    """What an earlier :func:`generate` left under ``out``."""
    dossier, agency, csv = layout(out)
    info = out / "generated.json"
    summary = json.loads(info.read_text()) if info.exists() else {}
    return Generated(
        dossier=dossier if (dossier / "dossier.yaml").exists() else None,
        dossiers=sorted(p for p in agency.iterdir() if p.is_dir()) if agency.is_dir() else [],
        csv=csv if csv.exists() else None,
        summary=summary,
    )


def spec_from(args: argparse.Namespace) -> Spec:
    spec = PRESETS[args.preset]
    changes = {
        k: getattr(args, k)
        for k in ("files", "size", "pages", "dpi", "dossiers", "rows", "seed")
        if getattr(args, k) is not None
    }
    return replace(spec, **changes)


def arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--preset", choices=sorted(PRESETS), default="small")
    p.add_argument("--out", type=Path, help="output folder (default benchmarks/data/PRESET)")
    p.add_argument("--files", type=int, help="PDFs in the big dossier")
    p.add_argument("--pages", type=float, help="mean pages per PDF (default: from --size)")
    p.add_argument("--size", type=parse_size, help="total size of the big dossier, e.g. 1.2G")
    p.add_argument("--dpi", type=int, help="resolution of the page scans")
    p.add_argument("--dossiers", type=int, help="small dossiers of the agency")
    p.add_argument("--rows", type=int, help="licences in the deadline CSV")
    p.add_argument("--seed", type=int)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = arguments(argv)
    generate(spec_from(args), args.out or DATA / args.preset, log=sys.stdout)


def walk(paths: Sequence[Path]) -> Iterator[Path]:
    """Every file under ``paths``, sorted (for the plain-tool baselines)."""
    for root in paths:
        yield from sorted(p for p in root.rglob("*") if p.is_file())


if __name__ == "__main__":
    main()
