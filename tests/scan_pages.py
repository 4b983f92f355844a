"""Synthetic scans of the documents ``check --ocr`` reads, drawn with Pillow.

Each page is drawn as a printer would (a CJK font from Debian's ``fonts-noto-cjk``
or ``fonts-wqy-zenhei``), then degraded as a scanner would: a red seal stamped
over the text, a slight rotation, JPEG noise, at 150 or 300 dpi. ``as_pdf``
embeds the page as the only image of a PDF without a text layer (a scan-only
PDF, as a copier makes); ``as_image`` saves it as JPEG or PNG.

All values are fictitious (the examples' company).
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from factory import need

#: where Debian installs the CJK fonts (.ci/run apt-installs them)
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)

A4_MM = (210, 297)

#: the examples' values (tests/factory.py VALID_CONFIG)
VALUES: dict[str, str] = {
    "name": "北京示例科技有限公司",
    "uscc": "91110000600037341L",
    "license": "京B2-20210001",
    "issued": "2021年6月1日",
    "expires": "2026年5月31日",
    "domain": "example.com",
    "idc": "B1-20190001",
    "rep": "张三",
    "id": "11010519491231002X",
    "scope": "技术开发、技术咨询；第二类增值电信业务",
}


def font_path() -> str | None:
    """The first CJK font found, or None (tests that draw scans then skip)."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


def _lines(kind: str, v: Mapping[str, str]) -> tuple[str, list[str]]:
    """(title, body lines) of a document of ``kind``."""
    if kind == "business-license":
        return "营业执照", [
            f"统一社会信用代码 {v['uscc']}",
            f"名称 {v['name']}",
            "类型 有限责任公司（自然人投资或控股）",
            f"法定代表人 {v['rep']}",
            f"经营范围 {v['scope']}",
            "成立日期 2015年3月18日",
            "住所 北京市海淀区中关村大街1号",
        ]
    if kind == "icp-license":
        return "增值电信业务经营许可证", [
            f"经营许可证编号 {v['license']}",
            f"公司名称 {v['name']}",
            f"法定代表人 {v['rep']}",
            "业务种类 第二类增值电信业务中的信息服务业务",
            "业务覆盖范围 北京市",
            f"有效期至 {v['expires']}",
            f"发证日期 {v['issued']}",
        ]
    if kind == "domain-certificates":
        return "域名注册证书", [
            f"域名 {v['domain']}",
            f"域名持有者 {v['name']}",
            "注册日期 2015年4月2日",
            "到期日期 2030年4月2日",
            "注册服务机构 示例网络服务有限公司",
        ]
    if kind == "idc-license":
        return "增值电信业务经营许可证", [
            f"经营许可证编号 {v['idc']}",
            "公司名称 示例数据中心有限公司",
            "业务种类 互联网数据中心业务",
            "有效期至 2029年1月1日",
        ]
    if kind == "legal-rep-id":
        return "居民身份证", [
            f"姓名 {v['rep']}",
            "性别 男 民族 汉",
            "出生 1949年12月31日",
            "住址 北京市海淀区中关村大街1号",
            f"公民身份号码 {v['id']}",
        ]
    raise ValueError(kind)


def page(
    kind: str,
    values: Mapping[str, str] | None = None,
    *,
    dpi: int = 150,
    seal: bool = True,
    rotate: float = 0.6,
    seed: int = 16,
) -> Any:
    """A scanned A4 page (a Pillow RGB image) of a document of ``kind``."""
    from PIL import Image, ImageDraw, ImageFont

    path = font_path()
    if path is None:  # pragma: no cover - the caller skips first
        raise RuntimeError("no CJK font installed")
    v = {**VALUES, **(values or {})}
    w, h = (round(mm / 25.4 * dpi) for mm in A4_MM)
    img = Image.new("RGB", (w, h), (250, 249, 244))
    draw = ImageDraw.Draw(img)
    pt = dpi / 72
    title_font = ImageFont.truetype(path, round(26 * pt))
    body_font = ImageFont.truetype(path, round(12 * pt))
    title, body = _lines(kind, v)
    draw.text((w / 2, 0.12 * h), title, font=title_font, fill=(20, 20, 20), anchor="mm")
    y = 0.22 * h
    for line in body:
        draw.text((0.12 * w, y), line, font=body_font, fill=(25, 25, 25))
        y += 26 * pt
    if seal:
        _seal(draw, (0.62 * w, y - 70 * pt), 60 * pt, path, v["name"])
    rng = random.Random(seed)
    if rotate:
        img = img.rotate(rotate, resample=Image.BICUBIC, expand=False, fillcolor=(250, 249, 244))
    # scanner noise: a sprinkle of grey specks
    draw = ImageDraw.Draw(img)
    for _ in range(w * h // 4000):
        x, yy = rng.randrange(w), rng.randrange(h)
        g = rng.randrange(120, 220)
        draw.point((x, yy), fill=(g, g, g))
    return img


def _seal(draw: Any, centre: tuple[float, float], r: float, path: str, name: str) -> None:
    """A red company seal: a ring, a star and the name around it, stamped over the text."""
    from PIL import ImageFont

    red = (215, 40, 40)
    cx, cy = centre
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=max(2, round(r / 18)))
    star = [
        (
            cx + (r / 4 if i % 2 == 0 else r / 10) * math.sin(i * math.pi / 5),
            cy - (r / 4 if i % 2 == 0 else r / 10) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(path, round(r / 4.5))
    n = len(name)
    for i, ch in enumerate(name):
        angle = math.radians(-120 + 240 * i / max(n - 1, 1))
        x = cx + 0.72 * r * math.sin(angle)
        y = cy - 0.72 * r * math.cos(angle)
        draw.text((x, y), ch, font=font, fill=red, anchor="mm")


def as_image(img: Any, fmt: str = "jpeg", dpi: int = 150, quality: int = 70) -> bytes:
    """The page saved as JPEG (with compression noise) or PNG, its resolution in the header."""
    buf = io.BytesIO()
    if fmt in ("jpg", "jpeg"):
        img.save(buf, format="JPEG", quality=quality, dpi=(dpi, dpi))
    else:
        img.save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def as_pdf(img: Any, quality: int = 70) -> bytes:
    """A scan-only PDF: the page as its one JPEG image, no text layer (reportlab)."""
    need("reportlab")
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    a4 = (595.2756, 841.8898)
    jpeg = io.BytesIO()
    img.save(jpeg, format="JPEG", quality=quality)
    jpeg.seek(0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=a4, invariant=1)
    c.drawImage(ImageReader(jpeg), 0, 0, a4[0], a4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


def text_pdf(lines: Sequence[str]) -> bytes:
    """A born-digital PDF with these lines as its text layer (no image)."""
    need("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    a4 = (595.2756, 841.8898)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=a4, invariant=1)
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(lines):
        c.drawString(72, a4[1] - 72 - 20 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def document(kind: str, values: Mapping[str, str] | None = None, **kw: Any) -> list[str]:
    """The lines of a document as printed (for text-layer PDFs)."""
    title, body = _lines(kind, {**VALUES, **(values or {})})
    return [title, *body]
