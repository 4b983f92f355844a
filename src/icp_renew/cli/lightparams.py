"""Command-line values that need no conversion are taken as they are, without pydantic.

typer (0.2x) converts every parameter's value through a pydantic ``TypeAdapter``,
built the first time the parameter is processed, whether a value was given or
not. Importing pydantic's adapter machinery and building the adapters costs
about 60 ms, more than the rest of ``icp-renew deadline --expires …``, which should
start close to bare Python (docs/performance.md).

:class:`LightCommand` gives each parameter a lazy converter: a ``str`` option's
string is already its value (the adapter would return it unchanged), an empty
repeatable option is ``[]`` (as the adapter makes it) and a list of strings is that
list; a path (or a list of paths) is made a :class:`~pathlib.Path` here and then
given to typer's own path checks (``coerce_cli_path``: ``dir_okay``, ``exists``, …),
which skip pydantic for a value that is already a ``Path``; a plain decimal is
``int(value)``; anything else (a signed or padded number, a date) is handed to typer's own converter, built only then. ``check``
takes paths: building their adapters was ~70 ms of its start-up (#17).

This reaches into typer's private converter (``typer._coercion``, ``_runtime_param``),
so it is switched on only for the typer versions it was written against and tested
with (:data:`TESTED`); any other typer converts every value its own way: slower to
start, otherwise the same. CI runs the CLI tests against the newest typer
too (``.ci/run``). Measured with ``benchmarks/run.py --only startup`` (docs/performance.md):
``deadline --expires`` takes 1.15–1.35× ``import typer`` with this module, 2.4–3.0×
without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
import typer.core

#: the typer releases (major, minor) whose converter internals this module matches
TESTED = ((0, 29),)


def _tested(version: str) -> bool:
    parts = version.split(".")[:2]
    return len(parts) == 2 and all(p.isdigit() for p in parts) and tuple(map(int, parts)) in TESTED


#: whether plain values skip typer's converter in this environment
ACTIVE = False
if _tested(typer.__version__):
    try:  # typer 0.29: conversion through pydantic, per parameter
        from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
        from typer._param_types import coerce_cli_path

        ACTIVE = True
    except ImportError:  # pragma: no cover - a build of 0.29 without it: typer's own way
        pass


def _is_list(annotation: Any) -> bool:
    from typing import get_origin

    return get_origin(annotation) is list


def _is_str_list(annotation: Any) -> bool:
    from typing import get_args

    return get_args(annotation) == (str,)


def _is_path_list(annotation: Any) -> bool:
    from typing import get_args

    return get_args(annotation) == (Path,)


def _plain_int(value: Any) -> bool:
    """A canonical decimal (``0``, ``12``): ``int(value)`` is what pydantic makes of it."""
    if type(value) is not str or not (value.isascii() and value.isdigit()):
        return False
    return value == "0" or not value.startswith("0")


def _plain_path(value: Any) -> bool:
    """A value pydantic would turn into ``Path(value)``: an empty string, and one with a NUL
    byte (no path can hold it), are left to typer's own converter and its error message."""
    return type(value) is str and value != "" and "\x00" not in value


if ACTIVE:

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
            if plain and self.annotation is int and _plain_int(value) and not desc.is_ranged:
                return int(value)  # `--jobs 2`
            as_path = plain and self.parameter_info.path_type is None  # else str or bytes
            if as_path and self.annotation is Path and _plain_path(value):
                return self._path(value, param, ctx)
            if plain and _is_list(self.annotation) and type(value) in (tuple, list):
                if not value:
                    return []
                if _is_str_list(self.annotation) and all(type(v) is str for v in value):
                    return list(value)  # `status` over 500 dossiers: no adapter (#11)
                if as_path and _is_path_list(self.annotation) and all(map(_plain_path, value)):
                    return [self._path(v, param, ctx) for v in value]
            if not self.built:
                self.built.append(build_runtime_param(desc))
            return self.built[0]._coerce_value(value, param=param, ctx=ctx)

        def _path(self, value: str, param: Any, ctx: Any) -> Any:
            """typer's path checks on ``Path(value)``: what its adapter would give them."""
            return coerce_cli_path(
                Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx
            )


def lighten(param: Any) -> None:
    """Give one typer parameter the lazy converter (only on a typer of :data:`TESTED`)."""
    if not ACTIVE or not hasattr(param, "type_descriptor"):
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
