"""Structure-aware chunking: sections from headings, whole list items, lead-ins, overlap,
stable ids, metadata on every chunk."""

from __future__ import annotations

import itertools

import pytest

from voicecart.knowledge.chunking import chunk_document
from voicecart.knowledge.documents import Document, DocumentError, make_document
from voicecart.knowledge.readers import read_markdown

pytestmark = pytest.mark.unit

DOC = b"""---
id: care-kettle
title: Caring for the Gooseneck Kettle
kind: care-guide
categories: [home-kitchen]
products: [41, 42]
updated: 2026-11-01
---

# Caring for the Gooseneck Kettle

Keep the kettle dry between uses.

## Descaling

Hard water leaves scale. Descale once a month:

- Fill the kettle halfway with equal parts water and white vinegar.
- Bring it to a boil, then let it stand for an hour.
- Rinse three times with fresh water.

## Warranty

The kettle has a 2-year warranty.

### What is covered

Defects in the heating element and the thermostat.
"""


def _doc() -> Document:
    return read_markdown(DOC, "care-kettle.md")


def test_front_matter_becomes_document_metadata() -> None:
    doc = _doc()
    assert (doc.doc_id, doc.title, doc.kind) == (
        "care-kettle",
        "Caring for the Gooseneck Kettle",
        "care-guide",
    )
    assert doc.products == (41, 42)
    assert doc.categories == ("home-kitchen",)


def test_sections_follow_headings_and_every_chunk_carries_metadata() -> None:
    chunks = chunk_document(_doc())
    assert [c.section for c in chunks] == [
        "",
        "Descaling",
        "Warranty",
        "Warranty > What is covered",
    ]
    for c in chunks:
        assert c.doc_id == "care-kettle"
        assert c.title == "Caring for the Gooseneck Kettle"
        assert c.kind == "care-guide"
        assert c.products == (41, 42)
        assert c.categories == ("home-kitchen",)
    assert "# Caring" not in chunks[0].text  # the title heading is not body text
    assert chunks[1].text.splitlines()[0] == "Hard water leaves scale. Descale once a month:"
    assert [ln for ln in chunks[1].text.splitlines() if ln.startswith("- ")] == [
        "- Fill the kettle halfway with equal parts water and white vinegar.",
        "- Bring it to a boil, then let it stand for an hour.",
        "- Rinse three times with fresh water.",
    ]


def test_chunk_ids_are_stable_and_unique() -> None:
    first = [c.chunk_id for c in chunk_document(_doc())]
    again = [c.chunk_id for c in chunk_document(_doc())]
    assert first == again
    assert len(set(first)) == len(first)
    assert first[1] == "care-kettle:descaling:1"


def test_editing_one_section_keeps_the_other_sections_ids() -> None:
    before = {c.section: c.chunk_id for c in chunk_document(_doc())}
    edited = read_markdown(DOC.replace(b"Hard water", b"Very hard water"), "care-kettle.md")
    after = {c.section: c.chunk_id for c in chunk_document(edited)}
    assert before == after


def _long_list_doc(items: int) -> Document:
    lines = ["## Steps", "", "Follow these steps in order:", ""]
    lines += [
        f"- Step {i}: turn the dial to position {i} and wait for the light." for i in range(items)
    ]
    return make_document("\n".join(lines), {"id": "steps"}, fallback_id="x", fallback_title="T")


def test_long_list_splits_between_items_and_repeats_the_lead_in() -> None:
    chunks = chunk_document(_long_list_doc(30), max_words=60, overlap_words=15)
    assert len(chunks) > 3
    for c in chunks:
        assert len(c.text.split()) <= 60
        assert c.text.startswith("Follow these steps in order:")
        for line in filter(None, c.text.splitlines()[1:]):
            # never a list item cut in half
            assert line.startswith("- Step ") and line.endswith("wait for the light.")


def test_neighbouring_chunks_overlap() -> None:
    sentences = " ".join(f"Sentence number {i} talks about topic {i}." for i in range(40))
    doc = make_document(f"## Long\n\n{sentences}\n", {}, fallback_id="long", fallback_title="L")
    chunks = chunk_document(doc, max_words=50, overlap_words=12)
    assert len(chunks) >= 4
    for before, after in itertools.pairwise(chunks):
        last_sentence = before.text.rsplit(". ", 1)[-1]
        assert after.text.startswith(last_sentence.rstrip(".")), (before.text, after.text)
        assert len(after.text.split()) <= 50


def test_every_word_of_the_document_is_in_some_chunk() -> None:
    doc = _long_list_doc(25)
    text = " ".join(c.text for c in chunk_document(doc, max_words=40, overlap_words=10))
    for i in range(25):
        assert f"position {i} and" in text


def test_bad_front_matter_is_reported() -> None:
    with pytest.raises(DocumentError, match="not closed"):
        read_markdown(b"---\nid: x\n# Title\n", "x.md")
    with pytest.raises(DocumentError, match="products"):
        read_markdown(b"---\nproducts: [abc]\n---\n# T\n\ntext\n", "x.md")


def test_chunk_sizes_are_checked() -> None:
    with pytest.raises(ValueError, match="max_words"):
        chunk_document(_doc(), max_words=10)
