"""Build the encrypted PDFs beside this script (run it again after a pypdf upgrade if wanted).

    python tests/data/encrypted/make.py

AES needs the ``cryptography`` package to *write* (it is in the test extras); the files are
committed so that the plain-install run of the suite (``.ci/run``, without cryptography)
still reads real AES-encrypted PDFs. One blank page each. pypdf draws the file ID and the keys at random, so the bytes differ
from run to run: only what they are matters.
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfWriter

HERE = Path(__file__).parent
ALGORITHMS = {"aes-128": "AES-128", "aes-256": "AES-256", "aes-256-r5": "AES-256-R5"}


def build(algorithm: str, user_password: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def main() -> None:
    for stem, algorithm in ALGORITHMS.items():
        for user, label in (("", "empty-user"), ("secret", "user-password")):
            (HERE / f"{stem}-{label}.pdf").write_bytes(build(algorithm, user))


if __name__ == "__main__":
    main()
