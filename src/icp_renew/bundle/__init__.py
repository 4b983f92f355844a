"""The upload bundle: ``icp-renew pack`` and ``icp-renew verify`` (docs/pack.md).

- :mod:`~icp_renew.bundle.layout`: where each scan goes and what it is called;
- :mod:`~icp_renew.bundle.manifest`: ``manifest.json``, ``SHA256SUMS``, ``目录.txt``;
- :mod:`~icp_renew.bundle.source`: opening scans without leaving the dossier;
- :mod:`~icp_renew.bundle.writer`: the deterministic, streamed, atomic zip;
- :mod:`~icp_renew.bundle.pack`: a checked dossier → a bundle or volumes;
- :mod:`~icp_renew.bundle.structure`: unsafe names, links, zip bombs, overlaps (no content read);
- :mod:`~icp_renew.bundle.verify`: re-hashing a bundle without extracting it.
"""
