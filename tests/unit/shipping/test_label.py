"""The PDF label carries the tracking number, the recipient and the service."""

from __future__ import annotations

import io
import random
from datetime import date

import pytest
from pypdf import PdfReader

from voicecart.shipping.address import parse_and_normalise
from voicecart.shipping.carriers import NORTHWIND, WIDE_WORLD
from voicecart.shipping.label import LabelData, render_label_pdf
from voicecart.shipping.tracking import new_tracking_number

pytestmark = pytest.mark.unit


def _text(pdf: bytes) -> tuple[str, tuple[float, float]]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return page.extract_text(), (float(page.mediabox.width), float(page.mediabox.height))


def test_us_label() -> None:
    tracking = new_tracking_number(NORTHWIND, random.Random(2))
    data = LabelData(
        tracking_number=tracking,
        carrier=NORTHWIND,
        service="Ground",
        to=parse_and_normalise("Jane Doe, 500 Pine St Apt 2B, San Francisco, CA 94101"),
        order_id="12345678",
        weight_grams=1234,
        ship_date=date(2024, 6, 3),
    )
    pdf = render_label_pdf(data)
    assert pdf.startswith(b"%PDF")
    text, size = _text(pdf)
    assert size == (288.0, 432.0)  # 4 x 6 inches
    for needle in (
        tracking,
        "San Francisco",
        "Jane Doe",
        "Apt 2B",
        "NORTHWIND PARCEL",
        "GROUND",
        "12345678",
        "2024-06-03",
        "Contoso Store",
        "Redmond, WA 98052",
    ):
        assert needle in text, needle
    assert render_label_pdf(data) == pdf  # deterministic


def test_canadian_label_with_long_lines() -> None:
    tracking = new_tracking_number(WIDE_WORLD, random.Random(4))
    data = LabelData(
        tracking_number=tracking,
        carrier=WIDE_WORLD,
        service="Expedited",
        to=parse_and_normalise(
            "Maximilian Alexander Featherstonehaugh-Worthington, "
            "1 Yonge Street, Toronto, Ontario M5V 2T6"
        ),
        order_id="87654321",
        weight_grams=250,
        ship_date=date(2024, 6, 3),
    )
    text, _size = _text(render_label_pdf(data))
    assert tracking in text
    assert "Toronto" in text
    assert "CANADA" in text
