"""A 4 x 6 inch PDF shipping label: sender, recipient, service, Code 128 barcode."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from voicecart.shipping.address import Address

LABEL_WIDTH: Final = 4 * inch
LABEL_HEIGHT: Final = 6 * inch
MARGIN: Final = 0.2 * inch
FROM_LINES: Final = ("Contoso Store", "1 Microsoft Way", "Redmond, WA 98052")


@dataclass(frozen=True)
class LabelData:
    tracking_number: str
    carrier: str
    service: str
    to: Address
    order_id: str
    weight_grams: int
    ship_date: date | datetime
    from_lines: tuple[str, ...] = field(default=FROM_LINES)


def _weight_text(grams: int) -> str:
    return f"{grams / 453.59237:.1f} lb ({grams / 1000:.2f} kg)"


def render_label_pdf(data: LabelData) -> bytes:
    """Render the label; the same data always gives the same bytes (invariant mode)."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(LABEL_WIDTH, LABEL_HEIGHT), invariant=1)
    c.setTitle(f"Shipping label {data.tracking_number}")
    c.setAuthor("Contoso Store")
    left = MARGIN
    right = LABEL_WIDTH - MARGIN
    y = LABEL_HEIGHT - MARGIN

    # Sender.
    c.setFont("Helvetica-Bold", 8)
    y -= 8
    c.drawString(left, y, "FROM:")
    c.setFont("Helvetica", 8)
    for line in data.from_lines:
        y -= 10
        c.drawString(left, y, line)
    ship_date = data.ship_date.date() if isinstance(data.ship_date, datetime) else data.ship_date
    c.drawRightString(right, LABEL_HEIGHT - MARGIN - 8, f"Ship date: {ship_date.isoformat()}")
    c.drawRightString(
        right, LABEL_HEIGHT - MARGIN - 18, f"Weight: {_weight_text(data.weight_grams)}"
    )
    c.drawRightString(right, LABEL_HEIGHT - MARGIN - 28, f"Order: {data.order_id}")

    y -= 8
    c.setLineWidth(1.5)
    c.line(left, y, right, y)

    # Recipient.
    y -= 14
    c.setFont("Helvetica-Bold", 9)
    c.drawString(left, y, "SHIP TO:")
    for line in data.to.lines():
        y -= 15
        indent = left + 0.15 * inch
        _draw_fitted(c, indent, y, line, "Helvetica-Bold", 12, right - indent)

    y -= 12
    c.line(left, y, right, y)

    # Carrier and service in large type.
    y -= 26
    _draw_fitted(c, left, y, data.carrier.upper(), "Helvetica-Bold", 22, right - left)
    y -= 24
    _draw_fitted(c, left, y, data.service.upper(), "Helvetica-Bold", 18, right - left)
    y -= 10
    c.line(left, y, right, y)

    # Barcode, scaled to the label width, with the human-readable number under it.
    bar_height = 1.0 * inch
    barcode = Code128(data.tracking_number, barHeight=bar_height, barWidth=1.0, quiet=False)
    scale = min(1.6, (right - left) / barcode.width)
    barcode = Code128(data.tracking_number, barHeight=bar_height, barWidth=scale, quiet=False)
    y -= 12 + bar_height
    barcode.drawOn(c, (LABEL_WIDTH - barcode.width) / 2, y)
    y -= 16
    c.setFont("Helvetica-Bold", 12)
    c.drawCentredString(LABEL_WIDTH / 2, y, _spaced(data.tracking_number))
    y -= 12
    c.setFont("Helvetica", 7)
    c.drawCentredString(LABEL_WIDTH / 2, y, f"TRACKING # {data.tracking_number}")

    c.showPage()
    c.save()
    return buf.getvalue()


def _draw_fitted(
    c: Canvas, x: float, y: float, text: str, font: str, size: float, width: float
) -> None:
    """Draw ``text``, shrinking the font (down to 6 pt) so it fits in ``width``."""
    while size > 6 and stringWidth(text, font, size) > width:
        size -= 0.5
    c.setFont(font, size)
    c.drawString(x, y, text)


def _spaced(tracking: str) -> str:
    """Groups of four for reading aloud: ``NW12 3456 ...``."""
    return " ".join(tracking[i : i + 4] for i in range(0, len(tracking), 4))
