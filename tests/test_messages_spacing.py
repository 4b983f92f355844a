"""docs/style-zh.md, mixing scripts: a space between Chinese and a number or a Latin word.

A value quoted as a user writes it (京B2-20210001, 2026年5月31日, a file name) is an example,
not a sentence, and keeps its own spelling.
"""

from __future__ import annotations

import pkgutil
import re

import icp_renew.messages
from icp_renew.messages import table

UNSPACED = re.compile(r"[\u3400-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u3400-\u9fff]")
#: examples as written: a licence or filing number, a typed date, a file name, a date pattern
EXAMPLE = re.compile(r"[京沪粤]\S+|\d{4}年\S*|\S+\.pdf|YYYY年M月D日|\{[^}]*\}")


def test_chinese_texts_space_numbers_and_latin_words() -> None:
    wrong = []
    for module in pkgutil.iter_modules(icp_renew.messages.__path__):
        if module.name.startswith("_"):
            continue
        for key, (zh, _en) in table(module.name).items():
            if UNSPACED.search(EXAMPLE.sub(" ", zh)):
                wrong.append(f"{module.name}.{key}: {zh}")
    assert wrong == []
