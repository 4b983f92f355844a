"""icp-renew: check, schedule and bundle an ICP licence renewal dossier."""

__version__ = "0.1.0"
