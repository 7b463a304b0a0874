"""Readers: Markdown, plain text, HTML and PDF files into :class:`Document`.

Every reader produces a Markdown-like body (``#`` headings, ``-`` list items, blank
lines between paragraphs) so one chunker serves all formats.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Final

from voicecart.knowledge.documents import (
    Document,
    DocumentError,
    make_document,
    split_front_matter,
)

Reader = Callable[[bytes, str], Document]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError("the file is not UTF-8 text") from exc


def _names(name: str) -> tuple[str, str]:
    stem = PurePath(name).stem
    return stem, stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Document"


def read_markdown(data: bytes, name: str) -> Document:
    meta, body = split_front_matter(_decode(data))
    stem, title = _names(name)
    return make_document(body, meta, fallback_id=stem, fallback_title=title)


def read_text(data: bytes, name: str) -> Document:
    text = _decode(data).replace("\r\n", "\n")
    stem, title = _names(name)
    return make_document(text, {}, fallback_id=stem, fallback_title=title)


# ------------------------------------------------------------------------------- HTML

_BLOCKS: Final = {
    "p", "div", "section", "article", "main", "header", "footer", "table", "tr",
    "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "br", "hr", "figure",
}  # fmt: skip
_SKIP: Final = {"script", "style", "noscript", "template", "nav", "svg", "head"}


class _HtmlToMarkdown(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif re.fullmatch(r"h[1-6]", tag) or tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.parts.append(re.sub(r"\s+", " ", data))

    def markdown(self) -> str:
        lines = [ln.strip() for ln in "".join(self.parts).splitlines()]
        text = "\n".join(ln for ln in lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def read_html(data: bytes, name: str) -> Document:
    parser = _HtmlToMarkdown()
    parser.feed(_decode(data))
    parser.close()
    body = parser.markdown()
    stem, title = _names(name)
    page_title = " ".join("".join(parser.title).split())
    meta = {"title": page_title} if page_title else {}
    return make_document(body, meta, fallback_id=stem, fallback_title=title)


# -------------------------------------------------------------------------------- PDF

_BULLET = re.compile(r"^\s*(?:[•◦▪\-*]|\d+[.)])\s+")


def _looks_like_heading(line: str, following: str | None) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 8
        and line[0].isupper()
        and not line.rstrip().endswith((".", ",", ";", ":", "?", "!"))
        and not _BULLET.match(line)
        and following is not None
        and len(following.split()) > len(words)
    )


def pdf_to_markdown(pages: list[str]) -> str:
    """Recover structure from extracted page text: short title-like lines become headings,
    bullets become list items, wrapped lines are joined into paragraphs."""
    out: list[str] = []
    for page in pages:
        lines = [ln.strip() for ln in page.splitlines()]
        for i, line in enumerate(lines):
            if not line:
                out.append("")
                continue
            following = next((ln for ln in lines[i + 1 :] if ln), None)
            if _BULLET.match(line):
                out.append("- " + _BULLET.sub("", line))
            elif _looks_like_heading(line, following):
                out.extend(["", "## " + line, ""])
            elif out and out[-1] and not out[-1].startswith("#"):
                out[-1] += " " + line
            else:
                out.append(line)
        out.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def read_pdf(data: bytes, name: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        info_title = reader.metadata.title if reader.metadata else None
    except (PdfReadError, ValueError, KeyError) as exc:
        raise DocumentError(f"the PDF could not be read ({type(exc).__name__})") from exc
    body = pdf_to_markdown(pages)
    if not body.strip():
        raise DocumentError("the PDF has no extractable text (scanned images are not supported)")
    stem, title = _names(name)
    meta = {"title": str(info_title).strip()} if info_title and str(info_title).strip() else {}
    return make_document(body, meta, fallback_id=stem, fallback_title=title)


READERS: Final[dict[str, Reader]] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def reader_for(name: str) -> Reader | None:
    return READERS.get(PurePath(name).suffix.lower())


def read_document(data: bytes, name: str) -> Document:
    """Parse ``data`` according to ``name``'s extension."""
    reader = reader_for(name)
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise DocumentError(f"unsupported file type (supported: {supported})")
    return reader(data, name)
