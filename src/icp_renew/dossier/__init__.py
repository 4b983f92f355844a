"""The dossier: ``dossier.yaml`` and the folder of scans beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from icp_renew.dossier.config import DOSSIER_FILE, DossierConfig, load_config

__all__ = ["DOSSIER_FILE", "DossierConfig", "load_config"]


def __getattr__(name: str) -> Any:
    """The configuration's names, imported on first use: ``icp_renew.dossier.model`` (what an
    inspection worker needs) stays free of pydantic."""
    if name in __all__:
        from icp_renew.dossier import config

        return getattr(config, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
