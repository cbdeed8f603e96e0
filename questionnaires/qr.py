"""QR codes as SVG (segno), so a link can be shown on a projector or printed."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, *, title: str = "") -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=6, border=2, dark="#16263a", xmldecl=False, title=title or None
    )
    return buffer.getvalue().decode()
