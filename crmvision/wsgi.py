from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crmvision.settings")
application = get_wsgi_application()

# An unparsable Content-Type header becomes our 400 page instead of a 500.
from crmvision.middleware import TolerantWSGIRequest  # noqa: E402 - needs settings

application.request_class = TolerantWSGIRequest
