"""File formats by signature: what a file's first bytes say it is, and what its extension
promises."""

from __future__ import annotations

from typing import IO

#: file extension → the format its bytes should have
EXTENSION_FORMATS: dict[str, str] = {
    "pdf": "pdf",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "jpe": "jpeg",
    "jfif": "jpeg",
    "png": "png",
    "tif": "tiff",
    "tiff": "tiff",
    "ofd": "ofd",
    "doc": "doc",
    "docx": "docx",
    "xls": "xls",
    "xlsx": "xlsx",
    "gif": "gif",
    "bmp": "bmp",
    "webp": "webp",
    "heic": "heic",
    "heif": "heic",
    "zip": "zip",
}

#: how a format is named in messages
FORMAT_NAMES: dict[str, str] = {
    "pdf": "PDF",
    "jpeg": "JPEG",
    "png": "PNG",
    "tiff": "TIFF",
    "ofd": "OFD",
    "doc": "Word (DOC)",
    "docx": "Word (DOCX)",
    "xls": "Excel (XLS)",
    "xlsx": "Excel (XLSX)",
    "ole": "Office (DOC/XLS)",
    "gif": "GIF",
    "bmp": "BMP",
    "webp": "WebP",
    "heic": "HEIC",
    "zip": "ZIP",
}


def format_name(fmt: str | None) -> str:
    return FORMAT_NAMES.get(fmt or "", fmt or "unknown")


def extension_of(path: str) -> str:
    """The lower-case extension without the dot (``""`` if none)."""
    name = path.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def sniff(head: bytes) -> str | None:
    """The format of a file from its first bytes (``"zip"`` still needs :func:`_zip_kind`)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if b"%PDF-" in head[:1024]:  # the header may follow some junk (PDF 32000-1, 7.5.2 note)
        return "pdf"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"BM") and len(head) > 14:
        return "bmp"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        return "heic"
    return None


def zip_kind(fh: IO[bytes]) -> str:
    """OFD, DOCX, XLSX or a plain ZIP, from the archive's central directory."""
    import zipfile

    try:
        with zipfile.ZipFile(fh) as zf:
            names = zf.namelist()
    except Exception:
        return "zip"
    if any(n.casefold() == "ofd.xml" for n in names):
        return "ofd"
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return "zip"
