"""Messages shared by every command: languages, verdicts, generic words."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "lang-zh": ("中文", "Chinese"),
    "lang-en": ("英文", "English"),
    "list-separator": ("、", ", "),
}
