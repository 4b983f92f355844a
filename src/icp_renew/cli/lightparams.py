"""Command-line values that need no conversion are taken as they are, without pydantic.

typer (0.2x) converts every parameter's value through a pydantic ``TypeAdapter``,
built the first time the parameter is processed, whether a value was given or
not. Importing pydantic's adapter machinery and building the adapters costs
about 60 ms, more than the rest of ``icp-renew deadline --expires …`` (docs/performance.md,
quality bars: ``deadline`` stays close to bare Python).

:class:`LightCommand` gives each parameter a lazy converter: a ``str`` option's
string is already its value (the adapter would return it unchanged) and an empty
repeatable option is ``[]`` (as the adapter makes it); anything else (a path, a
number, a list with items) is handed to typer's own converter, built only then.
With a typer that does not convert this way (older versions) nothing changes.
"""

from __future__ import annotations

from typing import Any

import typer.core

try:  # typer >= 0.2x: conversion through pydantic, per parameter
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
except ImportError:  # pragma: no cover - an older typer converts through click types
    RuntimeParam = None  # type: ignore[assignment,misc]


def _is_list(annotation: Any) -> bool:
    from typing import get_origin

    return get_origin(annotation) is list


if RuntimeParam is not None:

    class _Lazy(RuntimeParam):
        """typer's converter, built only for a value that needs converting."""

        descriptor: TypeDescriptor
        built: list[Any]

        def __init__(self, descriptor: TypeDescriptor) -> None:
            # a frozen dataclass: its fields are set the way dataclasses set them
            object.__setattr__(self, "parameter_info", descriptor.parameter_info)
            object.__setattr__(self, "annotation", descriptor.annotation)
            object.__setattr__(self, "descriptor", descriptor)
            object.__setattr__(self, "built", [])

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            desc = self.descriptor
            plain = desc.file_annotation is None and self.parameter_info.parser is None
            if plain and self.annotation is str and type(value) is str:
                return value
            if plain and _is_list(self.annotation) and type(value) in (tuple, list) and not value:
                return []
            if not self.built:
                self.built.append(build_runtime_param(desc))
            return self.built[0]._coerce_value(value, param=param, ctx=ctx)


def lighten(param: Any) -> None:
    """Give one typer parameter the lazy converter (if this typer converts lazily at all)."""
    if RuntimeParam is None or not hasattr(param, "type_descriptor"):
        return
    if getattr(param, "_runtime_param", False) is None:  # typer builds it on first use
        param._runtime_param = _Lazy(param.type_descriptor)


class LightCommand(typer.core.TyperCommand):
    """A typer command whose parameters take plain values without pydantic."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        for param in self.get_params(ctx):
            lighten(param)
        return super().parse_args(ctx, args)


class LightGroup(typer.core.TyperGroup):
    """The same for a group's own options (``--version``, completion, ``--help``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        for param in self.get_params(ctx):
            lighten(param)
        return super().parse_args(ctx, args)
