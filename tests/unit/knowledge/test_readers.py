"""Readers: Markdown, text, HTML and (reportlab-made) PDF files become documents whose
structure the chunker can use."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from voicecart.knowledge.chunking import chunk_document
from voicecart.knowledge.documents import DocumentError
from voicecart.knowledge.readers import read_document

pytestmark = pytest.mark.unit

HTML = b"""<!doctype html><html><head><title>Kayak Storage Guide</title>
<style>body { color: red }</style><script>var secret = 1;</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Kayak Storage Guide</h1>
<p>Store the kayak &amp; paddles out of direct sun.</p>
<h2>Winter storage</h2>
<p>Before winter:</p>
<ul><li>Rinse the hull with fresh water.</li><li>Dry it fully.</li></ul>
</body></html>"""


def _pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.setTitle("Lantern Quick Start")
    y = 720
    for line in (
        "Charging",
        "Plug the lantern into a USB-C charger for four hours",
        "before first use. The light turns green when it is full.",
        "Cleaning",
        "Wipe the globe with a dry cloth and never submerge it.",
        "- Remove the batteries first.",
    ):
        pdf.drawString(72, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_html_keeps_headings_and_lists_and_drops_scripts() -> None:
    doc = read_document(HTML, "kayak-storage.html")
    assert doc.doc_id == "kayak-storage"
    assert doc.title == "Kayak Storage Guide"
    assert "secret" not in doc.body and "color" not in doc.body and "Home" not in doc.body
    chunks = chunk_document(doc)
    assert [c.section for c in chunks] == ["", "Winter storage"]
    assert chunks[0].text == "Store the kayak & paddles out of direct sun."
    assert chunks[1].text == "Before winter:\n\n- Rinse the hull with fresh water.\n- Dry it fully."


def test_plain_text_uses_the_file_name() -> None:
    doc = read_document(
        b"Gift cards never expire.\n\nThey can't be redeemed for cash.\n", "gift_cards.txt"
    )
    assert (doc.doc_id, doc.title, doc.kind) == ("gift-cards", "Gift cards", "document")
    assert [c.text for c in chunk_document(doc)] == [
        "Gift cards never expire.\n\nThey can't be redeemed for cash."
    ]


def test_pdf_text_headings_and_bullets_are_recovered() -> None:
    doc = read_document(_pdf(), "lantern.pdf")
    assert doc.title == "Lantern Quick Start"
    chunks = chunk_document(doc)
    by_section = {c.section: c.text for c in chunks}
    assert set(by_section) == {"Charging", "Cleaning"}
    assert "for four hours before first use" in by_section["Charging"]
    assert by_section["Cleaning"].endswith("- Remove the batteries first.")


def test_markdown_without_front_matter_takes_title_from_heading() -> None:
    doc = read_document(b"# Tent Repair\n\n## Poles\n\nSplint a bent pole.\n", "tent.md")
    assert (doc.doc_id, doc.title) == ("tent", "Tent Repair")
    assert [c.section for c in chunk_document(doc)] == ["Poles"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"x", "photo.jpg", "unsupported file type"),
        (b"\xff\xfe\x00bad", "notes.txt", "not UTF-8"),
        (b"%PDF-1.4 garbage", "broken.pdf", "PDF"),
        (b"---\nkind: Not A Kind!\n---\ntext", "x.md", "kind"),
    ],
)
def test_unreadable_files_say_why(data: bytes, name: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        read_document(data, name)
