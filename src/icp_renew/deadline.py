"""The filing deadline (Order 42 Art. 27): pure date arithmetic, ``today`` injected.

(Minimal core; the deadline issue extends it with the holiday calendar.)
"""

from __future__ import annotations

import datetime as dt

#: Order 42 (电信业务经营许可管理办法, 2017) Art. 27: at least 90 *calendar* days before expiry.
FILING_DAYS = 90


def filing_deadline(expires: dt.date) -> dt.date:
    """The last day an application reaches the authority in time: expiry − 90 days."""
    return expires - dt.timedelta(days=FILING_DAYS)
