"""The base of every model read from a YAML file a person writes (rule files, dossier.yaml).

Unknown keys are errors, so a typo is reported instead of silently ignored; models are
frozen; surrounding whitespace of a string is dropped.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
