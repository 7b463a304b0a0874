"""Structure-aware chunking: split a document along its headings, keep list items whole,
carry a little overlap between neighbouring chunks of one section.

A chunk never spans two sections, so its ``section`` is exact and citable. Chunk ids
are ``{doc_id}:{section-slug}:{n}``: re-indexing an unchanged document yields the same
ids, and editing one section leaves the other sections' ids alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from voicecart.knowledge.documents import Document, slugify

MAX_WORDS: Final = 120
OVERLAP_WORDS: Final = 25
MAX_LEAD_IN_WORDS: Final = 40
CHUNKER_VERSION: Final = "1"  # part of each source's hash: a new chunker re-indexes

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_ITEM = re.compile(r"^\s{0,3}(?:[-*+•]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    ordinal: int
    title: str
    kind: str
    section: str
    text: str
    products: tuple[int, ...] = ()
    categories: tuple[str, ...] = ()

    def embedding_text(self) -> str:
        """What the dense model reads: the text in the context of its title and section."""
        heading = f"{self.title} - {self.section}" if self.section else self.title
        return f"{heading}\n{self.text}"


@dataclass(frozen=True)
class _Block:
    text: str
    is_item: bool = False
    lead_in: str | None = None  # the sentence introducing a list, for split lists

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class _Section:
    name: str
    blocks: list[_Block]


def _sections(body: str, title: str) -> list[_Section]:
    sections = [_Section("", [])]
    h2 = ""
    paragraph: list[str] = []
    last_paragraph: str | None = None
    item: list[str] | None = None
    title_seen = False

    def flush() -> None:
        nonlocal paragraph, item, last_paragraph
        if item is not None:
            text = " ".join(item)
            lead = last_paragraph if last_paragraph and _words(last_paragraph) else None
            sections[-1].blocks.append(_Block(text, is_item=True, lead_in=lead))
            item = None
        if paragraph:
            text = " ".join(paragraph)
            sections[-1].blocks.append(_Block(text))
            last_paragraph = text
            paragraph = []

    for raw in body.splitlines():
        line = raw.rstrip()
        heading = _HEADING.match(line)
        if heading:
            flush()
            last_paragraph = None
            level, text = len(heading.group(1)), heading.group(2).strip()
            if level == 1 and not title_seen and text.lower() == title.lower():
                title_seen = True
                continue
            if level <= 2:
                h2 = text
                name = text
            else:
                name = f"{h2} > {text}" if h2 else text
            sections.append(_Section(name, []))
        elif not line.strip():
            flush()
        elif _ITEM.match(line):
            if item is not None or paragraph:
                flush()
            item = ["- " + _ITEM.sub("", line).strip()]
        elif item is not None and raw[:1].isspace():
            item.append(line.strip())  # continuation of a list item
        else:
            if item is not None:
                flush()
            paragraph.append(line.strip())
    flush()
    return [s for s in sections if s.blocks]


def _words(text: str) -> int:
    return len(text.split())


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _split_long(block: _Block, limit: int) -> list[_Block]:
    """A block longer than ``limit`` words, cut at sentence (or, failing that, word) ends."""
    pieces: list[str] = []
    current: list[str] = []
    for sentence in _sentences(block.text):
        words = sentence.split()
        while len(words) > limit:
            if current:
                pieces.append(" ".join(current))
                current = []
            pieces.append(" ".join(words[:limit]))
            words = words[limit:]
        if current and _words(" ".join(current)) + len(words) > limit:
            pieces.append(" ".join(current))
            current = []
        if words:
            current.append(" ".join(words))
    if current:
        pieces.append(" ".join(current))
    return [_Block(p, block.is_item, block.lead_in) for p in pieces]


def _overlap(previous: list[_Block], budget: int) -> list[_Block]:
    """The tail of the previous chunk to repeat at the start of the next."""
    tail: list[_Block] = []
    used = 0
    for block in reversed(previous):
        if used + block.words > budget:
            break
        tail.insert(0, block)
        used += block.words
    if tail or not previous:
        return tail
    last = _sentences(previous[-1].text)
    if last and _words(last[-1]) <= budget:
        return [_Block(last[-1], previous[-1].is_item, previous[-1].lead_in)]
    return []


def _join(blocks: list[_Block]) -> str:
    out = ""
    for i, block in enumerate(blocks):
        if i:
            out += "\n" if block.is_item and blocks[i - 1].is_item else "\n\n"
        out += block.text
    return out


def _total(blocks: list[_Block]) -> int:
    return sum(b.words for b in blocks)


def _pack(blocks: list[_Block], max_words: int, overlap: int) -> list[list[_Block]]:
    chunks: list[list[_Block]] = []
    current: list[_Block] = []
    fresh = 0  # words in ``current`` that are not repeated from the previous chunk
    for original in blocks:
        # Pieces of a long block leave room for the overlap in front of them.
        room = max_words - overlap
        pieces = _split_long(original, room) if original.words > max_words else [original]
        for block in pieces:
            if fresh and _total(current) + block.words > max_words:
                chunks.append(current)
                current = _overlap(current, overlap)
                while current and _total(current) + block.words > max_words:
                    current.pop(0)  # the overlap gives way to the new text
                fresh = 0
            lead = block.lead_in
            if (
                block.is_item
                and lead is not None
                and _words(lead) <= MAX_LEAD_IN_WORDS
                and all(b.text != lead for b in current)
            ):
                # A list split across chunks keeps the sentence that introduces it.
                current = [_Block(lead), *current]
                if _total(current) + block.words > max_words:
                    current = [_Block(lead)]
            current.append(block)
            fresh += block.words
    if fresh:
        chunks.append(current)
    return chunks


def chunk_document(
    doc: Document, *, max_words: int = MAX_WORDS, overlap_words: int = OVERLAP_WORDS
) -> list[Chunk]:
    """Split ``doc`` into chunks of at most about ``max_words`` words."""
    if max_words < 20 or not 0 <= overlap_words < max_words // 2:
        raise ValueError("max_words must be at least 20 and overlap under half of it")
    out: list[Chunk] = []
    seen: dict[str, int] = {}
    for section in _sections(doc.body, doc.title):
        base = slugify(section.name) if section.name else "intro"
        seen[base] = seen.get(base, 0) + 1
        slug = base if seen[base] == 1 else f"{base}-{seen[base]}"
        for n, blocks in enumerate(_pack(section.blocks, max_words, overlap_words), start=1):
            text = _join(blocks).strip()
            if not text:
                continue
            out.append(
                Chunk(
                    chunk_id=f"{doc.doc_id}:{slug}:{n}",
                    doc_id=doc.doc_id,
                    ordinal=len(out),
                    title=doc.title,
                    kind=doc.kind,
                    section=section.name,
                    text=text,
                    products=doc.products,
                    categories=doc.categories,
                )
            )
    return out
