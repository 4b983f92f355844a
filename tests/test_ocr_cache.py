"""``check --ocr`` without the engine: the cache of recognised scans and the page images
(docs/ocr.md)."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

import factory
from icp_renew.ocr import cache, pages


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("ICP_RENEW_OCR_CACHE", raising=False)
    return folder / "icp-renew" / "ocr"


# --- the cache ------------------------------------------------------------------------------------


def test_cache_round_trip_key_prune_and_clear(_private_cache: Path) -> None:
    digest = "ab" * 32
    name = cache.key(digest, "engine-1")
    assert name != cache.key(digest, "engine-2")  # a new engine reads scans again
    assert cache.get(name) is None
    cache.put(name, ["营业执照", "名称 北京示例科技有限公司"], "engine-1")
    assert cache.get(name) == ["营业执照", "名称 北京示例科技有限公司"]
    assert _private_cache.stat().st_mode & 0o777 == 0o700
    entry = json.loads((_private_cache / f"{name}.json").read_text(encoding="utf-8"))
    assert entry == {
        "format": 1,
        "engine": "engine-1",
        "lines": ["营业执照", "名称 北京示例科技有限公司"],
    }
    for i in range(5):
        cache.put(cache.key(f"{i:064x}", "e"), [str(i)], "e")
        os.utime(_private_cache / f"{cache.key(f'{i:064x}', 'e')}.json", (i + 10, i + 10))
    assert cache.prune(_private_cache, keep=3) == 3  # the oldest three of six
    assert cache.get(cache.key(f"{4:064x}", "e")) == ["4"]
    assert cache.clear() == 3
    assert cache.get(name) is None


def test_a_damaged_entry_is_read_again(_private_cache: Path) -> None:
    name = cache.key("cd" * 32, "e")
    _private_cache.mkdir(parents=True)
    (_private_cache / f"{name}.json").write_text('{"lines": [1, 2', encoding="utf-8")
    assert cache.get(name) is None
    (_private_cache / f"{name}.json").write_text('{"lines": [1, 2]}', encoding="utf-8")
    assert cache.get(name) is None


def test_parallel_writers_leave_one_whole_entry(_private_cache: Path) -> None:
    name = cache.key("ef" * 32, "e")
    lines = [f"第{i}行 " * 20 for i in range(200)]
    threads = [threading.Thread(target=cache.put, args=(name, lines, "e")) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert cache.get(name) == lines
    assert [p.name for p in _private_cache.iterdir()] == [f"{name}.json"]


def test_cache_folder_follows_xdg_and_home(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache.folder() == tmp_path / "x" / "icp-renew" / "ocr"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "icp-renew" / "ocr"


def test_clear_cache_option(cli, tmp_path, _private_cache) -> None:
    cache.put(cache.key("01" * 32, "e"), ["x"], "e")
    root = factory.make_dossier(tmp_path / "d")
    result = cli("check", str(root), "--today", factory.TODAY, "--ocr-clear-cache", "-q")
    assert result.exit_code == 0
    assert list(_private_cache.iterdir()) == []


# --- page images (no engine) ----------------------------------------------------------------------


def test_pdf_page_image_is_its_largest_embedded_image(tmp_path) -> None:
    from PIL import Image

    path = tmp_path / "scan.pdf"
    path.write_bytes(factory.pdf_bytes(2, text=None, image_dpi=100))
    image = pages.page_image(path, "pdf")
    assert image.size == (826, 1169)  # A4 at 100 dpi
    path.write_bytes(factory.pdf_bytes(1, text="样例"))
    with pytest.raises(pages.PageProblem) as info:
        pages.page_image(path, "pdf")
    assert info.value.key == "why-no-image"
    big = tmp_path / "big.png"
    Image.new("L", (8000, 8000), 255).save(big)
    with pytest.raises(pages.PageProblem) as info:
        pages.page_image(big, "png")
    assert (info.value.key, info.value.params) == ("why-too-large", {"pixels": "64,000,000"})


def test_photo_orientation_applied(tmp_path) -> None:
    from PIL import Image

    img = Image.new("RGB", (300, 200), (255, 255, 255))
    exif = img.getexif()
    exif[0x0112] = 6  # rotated 90° clockwise
    path = tmp_path / "photo.jpg"
    img.save(path, exif=exif)
    assert pages.page_image(path, "jpeg").size == (200, 300)


def test_pieces_of_one_line_are_joined_left_to_right() -> None:
    from icp_renew.ocr.engine import rows

    pieces = [
        (100.0, 130.0, 400.0, "北京示例科技有限公司"),
        (102.0, 128.0, 80.0, "名称"),
        (40.0, 70.0, 80.0, "营业执照"),
        (160.0, 190.0, 80.0, "类型"),
    ]
    assert rows(pieces) == ["营业执照", "名称 北京示例科技有限公司", "类型"]
    assert rows([]) == []


def test_a_rotated_pdf_page_gives_its_image_upright(tmp_path) -> None:
    import io

    from PIL import Image

    factory.need("reportlab")
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(842, 595), invariant=1)  # landscape, shown rotated
    c.setPageRotation(90)
    c.drawImage(ImageReader(Image.new("RGB", (300, 200), "white")), 0, 0, 842, 595)
    c.showPage()
    c.save()
    path = tmp_path / "rotated.pdf"
    path.write_bytes(buf.getvalue())
    assert pages.page_image(path, "pdf").size == (200, 300)
