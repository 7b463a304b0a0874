"""Which passages of a ranked document to return.

Documents are ranked by their best chunk. The chunk that ranked a document is not always
the one to speak from: "what's your return policy" names nothing beyond the document's
topic, and BM25 then favours whichever short section repeats "policy" (a pointer to
another policy) over the section that states the policy. A query is *generic* for a
document when every search term is one of the document's title words or a word any
policy question uses ("policy", "work", "rules"); for such a query the document's lead
chunk (its first section) comes first. A query with a specific term ("return shoes
I wore outside") keeps the fused order inside the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from voicecart.knowledge.speech import words

MIN_PREFIX: Final = 4  # "ship" ~ "shipping", "cancel" ~ "cancelling"; shorter must be exact

# Words that ask about a topic without narrowing it down.
GENERIC_WORDS: Final = frozenset(
    """
    policy policies rule rules info information detail details general terms conditions
    work works working explain explained tell overview guide guidance help question questions
    contoso store shop company guys ur u yall program programme scheme service services
    options option offer offers anything take takes accept accepted
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_PREFIX - 1:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _related(a: str, b: str) -> bool:
    a, b = _stem(a), _stem(b)
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_PREFIX and long_.startswith(short)


# Title words that name an aspect of the topic rather than the topic: a title such as
# "Shipping Options, Costs and Delivery Times" lists what it covers, and "how much is
# shipping" asks about one of those, not about shipping in general.
ASPECT_WORDS: Final = frozenset(
    ["cost", "costs", "fee", "fees", "charge", "charges", "time", "times"]
)


def topic_words(title: str) -> frozenset[str]:
    """The words of a document title that name its topic, lower-case."""
    return frozenset(
        w for w in words(title) if not w.isdigit() and len(w) > 2 and w not in ASPECT_WORDS
    )


def specific_terms(terms: Iterable[str], title: str) -> list[str]:
    """The search terms that say more than the document's topic."""
    topic = topic_words(title)
    out = []
    for term in terms:
        if term in GENERIC_WORDS or (len(term) < 3 and not term.isdigit()):
            continue
        if any(_related(term, t) for t in topic):
            continue
        out.append(term)
    return out


def pick_rows(
    ranked_rows: Sequence[int], lead_row: int | None, generic: bool, limit: int
) -> list[int]:
    """Up to ``limit`` rows of one document: its fused order, with the lead chunk first
    when the query is ``generic`` for it."""
    rows = list(ranked_rows)
    if generic and lead_row is not None:
        rows = [lead_row, *(r for r in rows if r != lead_row)]
    return rows[:limit]
