"""Making spoken queries searchable: numbers in words, recognition slips, filler words.

The same :func:`normalise` runs over indexed text and over queries, so "thirty day
returns" and "30-day returns" meet on ``30 day``. :class:`Vocabulary` corrects words
the index has never seen ("warrenty", "ear buds") to words it has.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from rapidfuzz import fuzz, process
from text_to_num import alpha2digit

_WORD = re.compile(r"[a-z0-9]+")
_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_NUMBER_WORD = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand)\b",
    re.IGNORECASE,
)
MIN_CORRECTABLE: Final = 4  # shorter words are too ambiguous to correct
FUZZY_CUTOFF: Final = 80.0

STOPWORDS: Final = frozenset(
    """
    a about after again all also am an and any are as at be been before being but by can
    could did do does doing for from get got had has have having he her here hers him his
    how i if im in into is it its just like me might more most my myself no nor not now of
    off on once only or other our ours out over own please so some such than that thats the
    their them then there these they this those through to too under until up very was we
    were what whats when where which while who whom why will with would you your yours
    um uh hmm hey hi hello okay ok oh well yeah yes tell know want wanted need let lets
    ava contoso say said going gonna wanna thing things really ill id ive youre
    guys guy ur yall
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def normalise(text: str) -> str:
    """Lowercase-insensitive number normalisation: ``"a two-year warranty"`` -> ``"a 2 year
    warranty"``. Everything else is left as it was."""
    spaced = _HYPHEN.sub(" ", text)
    if not _NUMBER_WORD.search(spaced):
        return spaced
    try:
        return str(alpha2digit(spaced, "en", threshold=0))
    except (ValueError, IndexError):  # the library is strict about odd sequences
        return spaced


def words(text: str) -> list[str]:
    """Lowercase word tokens of normalised text."""
    return _WORD.findall(normalise(text).lower())


# "how much is shipping" asks what shipping costs; "how much sunscreen" does not.
_HOW_MUCH = re.compile(r"(?i)\bhow much(?= (?:is|are|does|do|will|would|for|to)\b)")


def content_words(text: str) -> list[str]:
    """:func:`words` without stop words and fillers, in order, without repeats; "how much
    is ..." asks about cost."""
    seen: dict[str, None] = {}
    for w in words(_HOW_MUCH.sub("cost", text)):
        if w not in STOPWORDS:
            seen.setdefault(w, None)
    return list(seen)


@dataclass(frozen=True)
class Understood:
    """What the search made of the query."""

    terms: tuple[str, ...]
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(self.terms)


class Vocabulary:
    """The words of the indexed text, for correcting recognition slips."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(set(words(text)))
        self.counts = counts
        self._choices = [w for w in counts if len(w) >= 3 and not w.isdigit()]

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def __len__(self) -> int:
        return len(self.counts)

    def _closest(self, word: str) -> str | None:
        found = process.extractOne(
            word, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        return None if found is None else str(found[0])

    def understand(self, query: str) -> Understood:
        """Content words of ``query``; unknown ones replaced by the closest indexed word,
        split words joined ("ear buds" -> "earbuds") and run-together ones split."""
        terms = content_words(query)
        out: list[str] = []
        corrections: dict[str, str] = {}
        i = 0
        while i < len(terms):
            word = terms[i]
            nxt = terms[i + 1] if i + 1 < len(terms) else None
            if nxt is not None and (word + nxt) in self:
                joined = word + nxt
                corrections[f"{word} {nxt}"] = joined
                if word in self and nxt in self:  # "smart watch": keep both readings
                    out.extend((word, nxt))
                out.append(joined)
                i += 2
                continue
            if word in self or len(word) < MIN_CORRECTABLE or word.isdigit():
                out.append(word)
            else:
                split = self._split(word)
                fixed = split or self._closest(word)
                if fixed is not None:
                    corrections[word] = fixed
                    out.extend(fixed.split())
                else:
                    out.append(word)
            i += 1
        return Understood(tuple(dict.fromkeys(out)), corrections)

    def _split(self, word: str) -> str | None:
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            if left in self and right in self and left not in STOPWORDS:
                return f"{left} {right}"
        return None
