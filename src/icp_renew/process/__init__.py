"""The renewal as a tracked process: the timeline, the stage, the alerts (pure, no printing).

:mod:`.timeline` replays the events of ``dossier.yaml``'s ``timeline:``; :mod:`.assess`
judges a dossier on a day (stage, alerts, what is due next); :mod:`.document` builds the
one document every ``status`` format renders. docs/process.md is the user's guide.
"""
