"""The dossier: ``dossier.yaml`` and the folder of scans beside it."""

from icp_renew.dossier.config import DOSSIER_FILE, DossierConfig, load_config

__all__ = ["DOSSIER_FILE", "DossierConfig", "load_config"]
