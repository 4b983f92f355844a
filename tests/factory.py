"""Real PDFs and images for tests, built by code (never empty files posing as scans).

A PDF with a Chinese text layer uses reportlab's built-in CID font
``STSong-Light`` (no font file needed); pypdf extracts the text back.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

A4 = (595.2756, 841.8898)  # points

#: the examples' --today: before the 2026-05-31 licence's filing deadline (2026-03-02)
TODAY = "2026-01-15"


def need(module: str) -> None:
    """Skip the test that needs ``module``, a test-only library, where it is not installed
    (the plain-install run of .ci/run: ``pip install .`` and pytest, nothing else)."""
    import pytest

    pytest.importorskip(module)


def pdf_bytes(
    pages: int = 1,
    text: str | None = "样例 SAMPLE",
    *,
    image_dpi: int | None = None,
    encrypt: str | None = None,
    owner_password: str | None = None,
) -> bytes:
    """A PDF of ``pages`` A4 pages. ``text``: a text layer on each page (None: no text layer,
    like a raw scan). ``image_dpi``: a full-page image at that resolution on each page.
    ``encrypt``: a user password ("" for empty-user-password encryption)."""
    need("reportlab")
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    kwargs: dict[str, Any] = {"pagesize": A4, "invariant": 1}
    if encrypt is not None:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(
            encrypt, ownerPassword=owner_password or "owner", canPrint=1
        )
    c = canvas.Canvas(buf, **kwargs)
    if text is not None:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    for i in range(pages):
        if image_dpi:
            w = int(A4[0] / 72 * image_dpi)
            h = int(A4[1] / 72 * image_dpi)
            c.drawImage(ImageReader(_pil_image(w, h)), 0, 0, A4[0], A4[1])
        if text is not None:
            c.setFont("STSong-Light", 14)
            c.drawString(72, A4[1] - 72, f"{text} — {i + 1}/{pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _pil_image(w: int, h: int) -> Any:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (max(w, 1), max(h, 1)), (250, 250, 245))
    draw = ImageDraw.Draw(img)
    draw.rectangle([w // 10, h // 10, w * 9 // 10, h // 5], outline=(200, 30, 30), width=3)
    return img


def image_bytes(
    fmt: str = "jpeg", size: tuple[int, int] = (1240, 1754), dpi: int | None = 150
) -> bytes:
    """A real JPEG or PNG (default: A4 at 150 dpi) with its resolution in the header."""
    img = _pil_image(*size)
    buf = io.BytesIO()
    kwargs: dict[str, Any] = {}
    if dpi:
        kwargs["dpi"] = (dpi, dpi)
    img.save(buf, format="JPEG" if fmt in ("jpg", "jpeg") else "PNG", **kwargs)
    return buf.getvalue()


VALID_CONFIG: dict[str, Any] = {
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
    "domains": [{"name": "example.com", "filing_number": "京ICP备12345678号-1"}],
    "materials": {
        "hosting-agreement": {"expires": "2027-12-31"},
        "idc-license": {"number": "B1-20190001", "expires": "2029-01-01"},
        "financial-report": {"year": 2025},
    },
}

#: a complete dossier for VALID_CONFIG at a filing date in 2026 (files → content)
COMPLETE_FILES: dict[str, bytes | str] = {
    "business-license/营业执照.pdf": "pdf:1:经营范围：第二类增值电信业务",
    "icp-license/许可证.pdf": "pdf:4",
    "legal-rep-id/正面.jpg": "jpeg",
    "legal-rep-id/反面.jpg": "jpeg",
    "hosting-agreement/托管协议.pdf": "pdf:2",
    "idc-license/IDC许可证.pdf": "pdf:1",
    "domain-certificates/example.com.pdf": "pdf:1",
    "filing-query/备案查询.png": "png",
    "security-measures/安全措施.pdf": "pdf:3",
    "financial-report/2025年度财务报告.pdf": "pdf:5",
    "business-reports/2021年度业务经营报告.pdf": "pdf:2",
    "business-reports/2022年度业务经营报告.pdf": "pdf:2",
    "business-reports/2023年度业务经营报告.pdf": "pdf:2",
    "business-reports/2024年度业务经营报告.pdf": "pdf:2",
    "business-reports/2025年度业务经营报告.pdf": "pdf:2",
    "business-plan/2026年业务发展规划.pdf": "pdf:2",
    "operation-proof/网站截图.png": "png",
}


def content(spec: bytes | str) -> bytes:
    """``"pdf:N[:text]"``, ``"jpeg"``, ``"png"``, raw bytes, or ``"text:..."``."""
    if isinstance(spec, bytes):
        return spec
    kind, _, rest = spec.partition(":")
    if kind == "pdf":
        pages, _, text = rest.partition(":")
        return pdf_bytes(int(pages or 1), text=f"样例 {text}" if text else "样例 SAMPLE")
    if kind in ("jpeg", "jpg", "png"):
        return image_bytes(kind)
    if kind == "text":
        return rest.encode("utf-8")
    raise ValueError(spec)


_CACHE: dict[bytes | str, bytes] = {}


def make_dossier(
    root: Path,
    config: Mapping[str, Any] | str | None = None,
    files: Mapping[str, bytes | str] | None = None,
) -> Path:
    """Write a dossier: ``dossier.yaml`` (a mapping is dumped as YAML, a string written as is)
    and ``files`` (relative path → content spec). Returns ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    cfg = VALID_CONFIG if config is None else config
    text = (
        cfg
        if isinstance(cfg, str)
        else yaml.safe_dump(dict(cfg), allow_unicode=True, sort_keys=False)
    )
    (root / "dossier.yaml").write_text(text, encoding="utf-8")
    for rel, spec in (COMPLETE_FILES if files is None else files).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if spec not in _CACHE:
            _CACHE[spec] = content(spec)
        path.write_bytes(_CACHE[spec])
    return root


def text_finding(code: str, *, zh: str, en: str, **kwargs: Any) -> Any:
    """A finding with a message written in the test (in the catalogue domain ``testing``,
    which only tests fill): for reports whose wording is not under test."""
    import hashlib

    from icp_renew import messages
    from icp_renew.findings import finding

    samples = messages._LOADED.setdefault("testing", {})
    name = hashlib.sha1(f"{zh}\0{en}".encode()).hexdigest()[:12]
    samples[name] = (zh, en)
    return finding(code, f"testing.{name}", **kwargs)


def sample_key(zh: str, en: str) -> str:
    """A catalogue key (domain ``testing``) for a text written in the test."""
    import hashlib

    from icp_renew import messages

    samples = messages._LOADED.setdefault("testing", {})
    name = hashlib.sha1(f"{zh}\0{en}".encode()).hexdigest()[:12]
    samples[name] = (zh, en)
    return f"testing.{name}"


def sample_message(zh: str, en: str, **params: Any) -> Any:
    """A message (domain ``testing``) with a text written in the test."""
    from icp_renew.messages import Message

    return Message.of(sample_key(zh, en), **params)
