"""What the base tells the feature apps above it, without importing them.

A feature app connects its receivers in its `AppConfig.ready()` (see
`questionnaires/apps.py`). Receivers run synchronously inside the sender's
transaction, so their writes are all or nothing with the sender's.
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent by the stakeholder services after new stakeholders are saved.
# Arguments: sender=Workshop (the class), workshop, stakeholders (a list).
stakeholders_added = Signal()

# Sent by `area_delete` before an area is deleted. A receiver that needs the
# area kept raises ValidationError with a message for the facilitator.
# Arguments: sender=BusinessArea (the class), area.
area_deleting = Signal()
