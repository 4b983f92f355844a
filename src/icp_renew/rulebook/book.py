"""The loaded rule set: its models, the file each came from, and the problems of a file.

Types only, so that the loader, the resolver, the lint and the checks share them without
importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from icp_renew.errors import RuleError, and_more
from icp_renew.i18n import Lang
from icp_renew.messages import Message

if TYPE_CHECKING:
    from pydantic import BaseModel

    from icp_renew.rulebook.models import Authority, BaseRules, Industry, Overlay
    from icp_renew.yamlio import YamlDocument


@dataclass(frozen=True)
class RuleSource:
    """One rule file: where it came from (for messages) and its parsed document."""

    display: str
    relpath: str
    doc: YamlDocument


@dataclass(frozen=True)
class RuleProblem:
    """One defect of a rule file: a lint code, where it is, and what is wrong."""

    code: str
    file: str
    line: int | None
    field: str | None
    message: Message

    def text(self, lang: Lang) -> str:
        return self.message.render(lang)

    def to_json(self, lang: Lang = "en") -> dict[str, object]:
        return {
            "code": self.code,
            "severity": "error",
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "message": self.text(lang),
        }

    def error(self, more: int = 0) -> RuleError:
        """The problem as the loader raises it; ``more`` counts the problems left unsaid."""
        text = and_more(self.message, more)
        return RuleError(text, source=self.file, line=self.line, field=self.field)


@dataclass
class Rulebook:
    """The rule set in force: the models by kind, and each file's model and source by the
    path it was read from (a plain mapping, so the book pickles whole into worker processes)."""

    base: BaseRules
    authorities: dict[str, Authority]
    industries: dict[str, Industry]
    overlays: list[Overlay]
    files: dict[str, BaseModel] = field(default_factory=dict)  # display path → model
    documents: dict[str, RuleSource] = field(default_factory=dict)  # display path → source

    @property
    def rules_version(self) -> str:
        return self.base.rules_version

    def source_of(self, model: BaseModel) -> RuleSource | None:
        """The file ``model`` was read from (None for a model built in code)."""
        path = next((p for p, m in self.files.items() if m is model), None)
        return self.documents.get(path) if path is not None else None
