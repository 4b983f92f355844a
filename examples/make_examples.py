"""Build the example dossiers of icp-renew: ``beijing-complete/`` and ``beijing-incomplete/``.

Run from the repository root with the test extras installed (reportlab, Pillow)::

    python examples/make_examples.py            # rewrites examples/beijing-*/
    python examples/make_examples.py --out DIR  # writes them under DIR instead

Every document is fictitious and every page is marked 样例 / SAMPLE. The PDFs are
small vector documents with a Chinese text layer (reportlab's built-in CID font
STSong-Light, not embedded); the ID card and the screenshots are JPEG/PNG images
with their resolution in the header. The output is byte-for-byte reproducible
(reportlab ``invariant=1``, fixed metadata, no clock): ``tests/test_examples.py``
regenerates it and compares it with the committed files, and records the library
versions in ``made-with.txt`` because another reportlab or Pillow may encode
differently.

The folder layout is the one ``icp-renew init`` creates for Beijing, so the two
never drift apart either.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DPI = 200  # the examples' scans; the rules ask for at least 150
COMPANY = "北京示例科技有限公司"
USCC = "91110000600037341L"
LICENSE = "京B2-20210001"
SAMPLE_FOOTER = "样例 SAMPLE｜虚构数据，仅供演示 Fictitious data for demonstration"


# --- documents --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """A PDF: pages of (heading, body lines); the first heading is the document title."""

    pages: tuple[tuple[str, tuple[str, ...]], ...]
    seal: bool = True
    encrypt: bool = False

    @property
    def title(self) -> str:
        return self.pages[0][0]


def doc(*pages: tuple[str, Sequence[str]], seal: bool = True) -> Doc:
    return Doc(tuple((h, tuple(lines)) for h, lines in pages), seal=seal)


@dataclass(frozen=True)
class Image:
    """A scan or screenshot drawn with Pillow: ``kind`` picks the picture."""

    kind: str  # id-front, id-back, screen-credit, screen-filing, screen-site, stray
    fmt: str  # jpeg or png
    size_mm: tuple[float, float]
    dpi: int = DPI
    lines: tuple[str, ...] = ()


LICENSE_PAGES = (
    (
        "中华人民共和国增值电信业务经营许可证",
        [
            f"经营许可证编号：{LICENSE}",
            f"公司名称：{COMPANY}",
            "法定代表人：张三",
            "注册资本：1000万元",
            "注册住所：北京市海淀区示例路1号",
            "业务种类：第二类增值电信业务中的信息服务业务",
            "　　　　　（仅限互联网信息服务）",
            "业务覆盖范围：北京市",
            "有效期至：2026年05月31日",
            "发证机关：北京市通信管理局（样例）",
            "发证日期：2021年06月01日",
        ],
    ),
    (
        "附页：业务种类及覆盖范围",
        [
            "信息服务业务（仅限互联网信息服务）",
            "网站名称：示例网　域名：example.com",
            "服务项目：互联网信息服务，不含新闻、出版、教育、",
            "医疗保健、药品和医疗器械、文化、广播电影电视节目。",
        ],
    ),
    (
        "特别规定事项",
        [
            "一、持证者应当按照许可的业务种类和覆盖范围经营。",
            "二、持证者应当于每年第一季度报送上一年度年报。",
            "三、许可证有效期届满需要继续经营的，应当提前90日",
            "　　向原发证机关提出续期申请。",
        ],
    ),
    (
        "年检记录（年报记录）",
        [
            "2021年度　年报已报送　2022年03月15日",
            "2022年度　年报已报送　2023年03月10日",
            "2023年度　年报已报送　2024年03月12日",
            "2024年度　年报已报送　2025年03月14日",
        ],
    ),
)


def business_report(year: int) -> Doc:
    return doc(
        (
            f"{COMPANY}{year}年度业务经营报告",
            [
                f"报告期：{year}年01月01日至{year}年12月31日",
                "一、业务开展情况：示例网（example.com）持续提供互联网信息服务。",
                f"二、用户规模：注册用户{120 + 40 * (year - 2021)}万户。",
                "三、服务收费：基础服务免费，增值服务按月收费。",
                f"四、经济效益：营业收入{800 + 150 * (year - 2021)}万元。",
                "五、网络与信息安全：全年未发生重大安全事件。",
            ],
        )
    )


def documents() -> dict[str, Doc | Image]:
    """The complete dossier: material id → {file name → document}, flattened as 'id/name'."""
    id_size = (85.6, 54.0)
    screen = (152.4, 95.25)  # 6 × 3.75 inches
    return {
        "business-license/营业执照副本.pdf": doc(
            (
                "营业执照（副本）",
                [
                    f"统一社会信用代码：{USCC}",
                    f"名称：{COMPANY}",
                    "类型：有限责任公司（自然人投资或控股）",
                    "法定代表人：张三",
                    "经营范围：技术开发、技术服务；第二类增值电信业务中的信息服务业务。",
                    "（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
                    "注册资本：1000万元",
                    "成立日期：2015年03月18日",
                    "住所：北京市海淀区示例路1号",
                    "登记机关：北京市海淀区市场监督管理局（样例）",
                ],
            )
        ),
        "icp-license/增值电信业务经营许可证.pdf": doc(*LICENSE_PAGES),
        "legal-rep-id/身份证人像面.jpg": Image("id-front", "jpeg", id_size),
        "legal-rep-id/身份证国徽面.jpg": Image("id-back", "jpeg", id_size),
        "application-form/续期申请表.pdf": doc(
            (
                "增值电信业务经营许可证续期申请表",
                [
                    f"申请单位：{COMPANY}",
                    f"原许可证编号：{LICENSE}　有效期至：2026年05月31日",
                    "申请事项：经营许可证续期",
                    "业务种类：B25 信息服务业务（仅限互联网信息服务）",
                    "联系人：张三　联系电话：010-62345678",
                    "申请日期：2026年01月15日",
                ],
            )
        ),
        "compliance-undertaking/依法经营电信业务承诺书.pdf": doc(
            (
                "依法经营电信业务承诺书",
                [
                    f"本公司{COMPANY}郑重承诺：",
                    "一、遵守《中华人民共和国电信条例》等法律法规；",
                    "二、按照许可的业务种类和范围依法经营；",
                    "三、落实网络与信息安全保障措施；",
                    "四、所提交的申请材料真实、有效。",
                    "法定代表人（签字）：张三",
                ],
            )
        ),
        "credit-publicity/企业信用信息公示截图.png": Image(
            "screen-credit", "png", screen, lines=("www.gsxt.gov.cn", USCC, "2015-03-18")
        ),
        "hosting-agreement/服务器托管协议.pdf": doc(
            (
                "服务器托管协议",
                [
                    f"甲方：{COMPANY}",
                    "乙方：北京示例数据中心有限公司",
                    "一、乙方为甲方提供机柜、带宽及电力等托管服务。",
                    "二、托管地点：北京市朝阳区示例数据中心A栋。",
                    "三、托管期限：2023年01月01日至2027年12月31日。",
                ],
            ),
            (
                "服务器托管协议（续）",
                [
                    "四、乙方具备互联网数据中心业务经营许可（B1-20190001）。",
                    "五、双方遵守网络与信息安全相关法律法规。",
                    "甲方（盖章）　　　　乙方（盖章）",
                    "签订日期：2022年12月20日",
                ],
            ),
        ),
        "idc-license/托管商IDC许可证.pdf": doc(
            (
                "中华人民共和国增值电信业务经营许可证",
                [
                    "经营许可证编号：B1-20190001",
                    "公司名称：北京示例数据中心有限公司",
                    "业务种类：第一类增值电信业务中的互联网数据中心业务",
                    "有效期至：2029年01月01日",
                    "发证机关：中华人民共和国工业和信息化部（样例）",
                ],
            )
        ),
        "domain-certificates/example.com.pdf": doc(
            (
                "域名注册证书",
                [
                    "域名：example.com",
                    f"域名持有者：{COMPANY}",
                    "注册日期：2015年04月01日",
                    "到期日期：2030年04月01日",
                    "注册服务机构：示例域名注册服务有限公司",
                ],
            )
        ),
        "filing-query/ICP备案查询结果.png": Image(
            "screen-filing", "png", screen, lines=("beian.miit.gov.cn", "example.com", USCC)
        ),
        "security-measures/网络与信息安全保障措施.pdf": doc(
            (
                "网络与信息安全保障措施",
                [
                    "一、管理制度：设立信息安全负责人，建立安全管理制度。",
                    "二、技术措施：数据加密存储与传输，访问控制与日志留存。",
                    "三、应急处置：制定应急预案，每半年演练一次。",
                ],
            ),
            (
                "网络与信息安全保障措施（续）",
                [
                    "四、用户信息保护：最小必要收集，分级授权访问。",
                    "五、违法信息处置：7×24小时巡查，发现即删除并报告。",
                ],
            ),
        ),
        "financial-report/2025年度财务会计报告.pdf": doc(
            (
                "2025年度财务会计报告",
                [
                    "资产负债表（2025年12月31日）",
                    "资产总计：3,200万元",
                    "负债合计：1,100万元",
                    "所有者权益合计：2,100万元",
                ],
            ),
            (
                "利润表及现金流量表（2025年度）",
                ["营业收入：1,400万元", "净利润：260万元", "经营活动现金流量净额：310万元"],
            ),
        ),
        **{
            f"business-reports/{y}年度业务经营报告.pdf": business_report(y)
            for y in range(2021, 2026)
        },
        "business-plan/2026年度业务发展规划.pdf": doc(
            (
                "2026年度业务发展规划",
                [
                    "一、市场调研：移动端用户持续增长。",
                    "二、投资效益分析：计划投入300万元，预计两年收回。",
                    "三、技术升级计划：完成服务器扩容与容灾建设。",
                ],
            )
        ),
        "operation-proof/网站运行截图.png": Image(
            "screen-site", "png", screen, lines=("https://example.com", "Jing ICP 12345678-1")
        ),
        "user-agreements/用户服务协议.pdf": doc(
            (
                "示例网用户服务协议",
                [
                    "一、本协议由用户与北京示例科技有限公司订立。",
                    "二、本公司依法提供互联网信息服务。",
                    "三、本公司依法保护用户个人信息。",
                ],
            )
        ),
    }


# --- dossier.yaml -----------------------------------------------------------------------------

CONFIG_COMPLETE = f"""\
# yaml-language-server: $schema=../dossier.schema.json
# 样例：完整的续期材料，`icp-renew check --today 2026-01-15` 通过（退出码 0）。
# Sample: a complete dossier; `icp-renew check --today 2026-01-15` passes (exit 0).
# 所有信息均为虚构 / every value is fictitious.
company: {{name: {COMPANY}, uscc: {USCC}}}
legal_representative:
  name: 张三
  id_number: "11010519491231002X"
  mobile: "13800138000"
  landline: "010-62345678"
  email: zhang@example.com
license:
  number: {LICENSE}        # 发证机关由前缀“京”判断 / authority derived from the prefix
  services: [B25]
  issued: 2021-06-01
  expires: 2026-05-31
industries: []
domains:
  - {{name: example.com, filing_number: 京ICP备12345678号-1}}
materials:                      # 扫描件无法提供的信息 / facts that scans can't give
  hosting-agreement: {{expires: 2027-12-31}}
  idc-license: {{number: B1-20190001, expires: 2029-01-01}}
  financial-report: {{year: 2025}}
"""

CONFIG_INCOMPLETE = f"""\
# yaml-language-server: $schema=../dossier.schema.json
# 样例：有典型缺陷的续期材料，预期的检查结果见 ../README.md。
# Sample: a dossier with typical defects; the expected findings are listed in ../README.md.
# 所有信息均为虚构 / every value is fictitious.
company:
  name: {COMPANY}
  uscc: 91110000600037341M      # 校验位错误 / wrong check character → invalid-uscc
legal_representative:
  name: 张三
  id_number: "11010519491231002X"
  mobile: "13800138000"
  landline: "010-62345678"
  email: zhang@example.com
license:
  number: {LICENSE}
  services: [B25]
  issued: 2021-06-01
  expires: 2026-05-31
industries: []
domains:
  - {{name: example.com, filing_number: 京ICP备12345678号-1}}
  - {{name: example.cn, filing_number: 京ICP备12345678号-2}}   # 无域名证书 / no certificate
materials:
  hosting-agreement: {{expires: 2025-12-31}}   # 已过期 / expired → expired
  idc-license: {{number: B1-20190001}}         # 缺 expires / no expires → missing-metadata
  financial-report: {{year: 2025}}
"""


def incomplete(files: dict[str, Doc | Image]) -> dict[str, Doc | Image]:
    """The complete dossier with the defects listed in examples/README.md."""
    out = dict(files)
    del out["business-plan/2026年度业务发展规划.pdf"]  # missing-material
    del out["business-reports/2023年度业务经营报告.pdf"]  # missing-year
    lic = out.pop("icp-license/增值电信业务经营许可证.pdf")
    assert isinstance(lic, Doc)
    out["icp-license/增值电信业务经营许可证.pdf"] = replace(
        lic, pages=lic.pages[:3]
    )  # too-few-pages
    sec = out["security-measures/网络与信息安全保障措施.pdf"]
    assert isinstance(sec, Doc)
    out["security-measures/网络与信息安全保障措施.pdf"] = replace(
        sec, encrypt=True
    )  # encrypted-pdf
    back = out["legal-rep-id/身份证国徽面.jpg"]
    assert isinstance(back, Image)
    out["legal-rep-id/身份证国徽面.jpg"] = replace(back, dpi=96)  # low-resolution
    hosting = out["hosting-agreement/服务器托管协议.pdf"]
    assert isinstance(hosting, Doc)
    first = hosting.pages[0]
    lines = tuple(ln.replace("2027年12月31日", "2025年12月31日") for ln in first[1])
    out["hosting-agreement/服务器托管协议.pdf"] = replace(
        hosting, pages=((first[0], lines), *hosting.pages[1:])
    )
    out["/扫描件0001.jpg"] = Image("stray", "jpeg", (90.0, 60.0))  # unassigned-file
    return out


# --- rendering --------------------------------------------------------------------------------


def render_pdf(d: Doc) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.lib.colors import Color
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    kwargs: dict[str, Any] = {"pagesize": A4, "invariant": 1, "pageCompression": 1}
    if d.encrypt:  # an empty user password: opens without asking, still rejected by the system
        kwargs["encrypt"] = pdfencrypt.StandardEncryption(
            "", ownerPassword="sample-owner", canPrint=1, canModify=0, canCopy=0
        )
    buf = io.BytesIO()
    c = canvas.Canvas(buf, **kwargs)
    c.setTitle(f"{d.title}（样例 SAMPLE）")
    c.setAuthor(COMPANY)
    c.setSubject("icp-renew example dossier")
    c.setCreator("icp-renew examples/make_examples.py")
    w, h = A4
    n = len(d.pages)
    for i, (heading, lines) in enumerate(d.pages, 1):
        # watermark first, so that it lies under the text
        c.saveState()
        c.setFillColor(Color(0.86, 0.86, 0.86))
        c.translate(w / 2, h / 2)
        c.rotate(35)
        c.setFont("STSong-Light", 110)
        c.drawCentredString(0, 30, "样例")
        c.setFont("Helvetica-Bold", 64)
        c.drawCentredString(0, -50, "SAMPLE")
        c.restoreState()
        c.setStrokeColor(Color(0.35, 0.35, 0.35))
        c.rect(40, 40, w - 80, h - 80)
        c.setFont("STSong-Light", 18)
        c.drawCentredString(w / 2, h - 100, heading)
        c.setFont("STSong-Light", 11)
        y = h - 150
        for line in lines:
            if pdfmetrics.stringWidth(line, "STSong-Light", 11) > w - 144:
                raise ValueError(f"line too long for the page: {line}")
            c.drawString(72, y, line)
            y -= 22
        if d.seal and i == n:
            _seal(c, w - 160, 150)
        c.setFont("STSong-Light", 8)
        c.drawCentredString(w / 2, 52, f"{SAMPLE_FOOTER}｜{i}/{n}")
        c.showPage()
    c.save()
    return buf.getvalue()


def _seal(c: Any, x: float, y: float) -> None:
    """A red round seal reading 样例专用章 (drawn, not a real seal)."""
    from reportlab.lib.colors import Color

    red = Color(0.85, 0.1, 0.1)
    c.saveState()
    c.setStrokeColor(red)
    c.setFillColor(red)
    c.setLineWidth(2.5)
    c.circle(x, y, 48)
    c.setFont("STSong-Light", 26)
    c.drawCentredString(x, y - 6, "★")
    c.setFont("STSong-Light", 10)
    c.drawCentredString(x, y - 28, "样例专用章")
    c.restoreState()


# 样 and 例 as strokes in a unit square: no font file is needed (Pillow has no CJK font)
GLYPHS: dict[str, list[list[tuple[float, float]]]] = {
    "样": [
        [(0.06, 0.30), (0.42, 0.30)],
        [(0.24, 0.06), (0.24, 0.96)],
        [(0.24, 0.36), (0.06, 0.72)],
        [(0.27, 0.44), (0.40, 0.58)],
        [(0.57, 0.06), (0.63, 0.18)],
        [(0.88, 0.06), (0.81, 0.18)],
        [(0.50, 0.26), (0.96, 0.26)],
        [(0.54, 0.47), (0.92, 0.47)],
        [(0.46, 0.70), (0.98, 0.70)],
        [(0.72, 0.26), (0.72, 0.98)],
    ],
    "例": [
        [(0.22, 0.04), (0.05, 0.44)],
        [(0.15, 0.28), (0.15, 0.98)],
        [(0.30, 0.14), (0.62, 0.14)],
        [(0.46, 0.14), (0.33, 0.46)],
        [(0.38, 0.36), (0.60, 0.36), (0.52, 0.66), (0.32, 0.94)],
        [(0.42, 0.57), (0.53, 0.66)],
        [(0.73, 0.24), (0.73, 0.72)],
        [(0.91, 0.06), (0.91, 0.96), (0.83, 0.90)],
    ],
}


def _stamp(draw: Any, x: int, y: int, size: int, color: tuple[int, int, int]) -> None:
    """样例 SAMPLE in a box, top-left at (x, y), glyphs ``size`` pixels high."""
    from PIL import ImageFont

    width = max(2, size // 9)
    for k, ch in enumerate("样例"):
        ox = x + size // 4 + k * (size + size // 6)
        for stroke in GLYPHS[ch]:
            pts = [(ox + px * size, y + size // 5 + py * size) for px, py in stroke]
            draw.line(pts, fill=color, width=width, joint="curve")
    font = ImageFont.load_default(size=max(10, size * 2 // 5))
    text_y = y + size // 5 + size + size // 6
    draw.text((x + size // 4, text_y), "SAMPLE", fill=color, font=font)
    right = x + size // 4 + 2 * size + size // 6 + size // 4
    draw.rectangle([x, y, right, text_y + size // 2 + size // 6], outline=color, width=width)


def render_image(img: Image) -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    w = round(img.size_mm[0] / 25.4 * img.dpi)
    h = round(img.size_mm[1] / 25.4 * img.dpi)
    s = img.dpi / DPI  # draw proportionally at any resolution
    grey, dark, red = (200, 204, 210), (90, 96, 110), (205, 30, 30)
    bg = (236, 242, 247) if img.kind.startswith("id") else (252, 252, 250)
    pic = PILImage.new("RGB", (w, h), bg)
    draw = ImageDraw.Draw(pic)
    draw.fontmode = "1"  # no anti-aliasing: few colours, small files
    font = ImageFont.load_default(size=max(8, round(16 * s)))

    def bars(x: int, y: int, n: int, length: int) -> None:
        for k in range(n):
            y0 = y + round(k * 34 * s)
            draw.rectangle(
                [x, y0, x + length - (k % 3) * length // 5, y0 + round(12 * s)], fill=grey
            )

    if img.kind == "id-front":
        draw.rounded_rectangle([4, 4, w - 5, h - 5], radius=round(24 * s), outline=dark, width=2)
        draw.rectangle(
            [round(w * 0.66), round(h * 0.14), round(w * 0.93), round(h * 0.72)], fill=grey
        )
        bars(round(w * 0.08), round(h * 0.14), 5, round(w * 0.45))
        draw.text((round(w * 0.08), round(h * 0.82)), "110105 19491231 002X", fill=dark, font=font)
    elif img.kind == "id-back":
        draw.rounded_rectangle([4, 4, w - 5, h - 5], radius=round(24 * s), outline=dark, width=2)
        cx, cy, r = round(w * 0.16), round(h * 0.3), round(h * 0.17)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=red)
        bars(round(w * 0.35), round(h * 0.16), 2, round(w * 0.5))
        draw.text(
            (round(w * 0.3), round(h * 0.78)), "2019.01.01 - 2039.01.01", fill=dark, font=font
        )
    elif img.kind.startswith("screen"):
        draw.rectangle([0, 0, w, round(44 * s)], fill=(60, 64, 72))
        draw.rectangle([round(90 * s), round(10 * s), w - round(20 * s), round(34 * s)], fill=bg)
        if img.lines:
            draw.text((round(100 * s), round(13 * s)), img.lines[0], fill=dark, font=font)
        for k, text in enumerate(img.lines[1:]):
            draw.text((round(40 * s), round((80 + 40 * k) * s)), text, fill=dark, font=font)
        bars(round(40 * s), round((100 + 40 * len(img.lines)) * s), 6, round(w * 0.6))
    else:  # a stray scan that belongs to no material
        bars(round(30 * s), round(30 * s), 8, round(w * 0.7))
    glyph = round(min(w, h) * 0.22)
    _stamp(draw, w - round(glyph * 2.9), h - round(glyph * 2.2), glyph, red)
    buf = io.BytesIO()
    if img.fmt == "png":
        pic = pic.convert("P", palette=PILImage.Palette.ADAPTIVE, colors=16)
        pic.save(buf, format="PNG", dpi=(img.dpi, img.dpi), optimize=True)
    else:
        pic.save(buf, format="JPEG", dpi=(img.dpi, img.dpi), quality=70)
    return buf.getvalue()


# --- layout -----------------------------------------------------------------------------------


def folders() -> dict[str, str]:
    """Material id → folder path, exactly as ``icp-renew init --province beijing`` makes them."""
    from icp_renew.rulebook import find_authority, load_rulebook
    from icp_renew.rulebook.resolve import resolve
    from icp_renew.scaffold import plan

    book = load_rulebook()
    checklist = resolve(book, find_authority(book, "beijing"), [], ["B25"])
    return {slot.material: slot.path for slot in plan(checklist)}


def write_dossier(root: Path, config: str, files: dict[str, Doc | Image]) -> list[Path]:
    where = folders()
    written = []
    root.mkdir(parents=True)
    (root / "dossier.yaml").write_text(config, encoding="utf-8", newline="\n")
    written.append(root / "dossier.yaml")
    for key, item in sorted(files.items()):
        material, _, name = key.partition("/")
        path = root / name if not material else root / where[material] / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_pdf(item) if isinstance(item, Doc) else render_image(item))
        written.append(path)
    return written


def made_with() -> str:
    import PIL
    import reportlab

    return f"reportlab {reportlab.Version}\nPillow {PIL.__version__}\n"


def schema_json() -> str:
    """The dossier.yaml schema the examples' modelines point at (without the tool version)."""
    from icp_renew.schemas import dossier_schema

    schema = dossier_schema()
    schema["description"] = "icp-renew dossier.yaml"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


GENERATED = ("beijing-complete", "beijing-incomplete", "dossier.schema.json", "made-with.txt")


def build(out: Path) -> list[Path]:
    """Write every generated file under ``out``; returns them. Replaces earlier output."""
    for name in GENERATED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    out.mkdir(parents=True, exist_ok=True)
    complete = documents()
    written = write_dossier(out / "beijing-complete", CONFIG_COMPLETE, complete)
    written += write_dossier(out / "beijing-incomplete", CONFIG_INCOMPLETE, incomplete(complete))
    for name, text in (("dossier.schema.json", schema_json()), ("made-with.txt", made_with())):
        (out / name).write_text(text, encoding="utf-8", newline="\n")
        written.append(out / name)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=HERE, help="where to write (default: examples/)"
    )
    args = parser.parse_args(argv)
    written = build(args.out)
    total = sum(p.stat().st_size for p in written)
    print(f"wrote {len(written)} files, {total / 1024:.0f} KiB, under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
