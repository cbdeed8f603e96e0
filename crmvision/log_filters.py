"""Logging filters used by settings.LOGGING."""

from __future__ import annotations

import logging


class ForbiddenWithoutTraceback(logging.Filter):
    """A 403 is an expected answer (a sponsor opening a facilitator's page), not
    a crash: keep Django's one-line "Forbidden (...): /path" and drop the
    traceback it attaches for PermissionDenied."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
