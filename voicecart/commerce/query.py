"""Query understanding for spoken product searches: pure text functions, no index.

A shopper's words arrive from speech recognition, so numbers are often spelled out
("under fifty"), fillers are common ("um, I'm looking for ...") and words may be
misheard. This module turns such text into:

* price bounds in cents (:func:`extract_price`), with the price phrases removed,
* an "in stock" flag (:func:`extract_in_stock`),
* content tokens (:func:`tokenize`, :func:`content_tokens`) and their light stems
  (:func:`stem`), which the index in :mod:`voicecart.commerce.search` resolves
  against its vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit

__all__ = [
    "COLOR_WORDS",
    "STOP_WORDS",
    "PriceBounds",
    "content_tokens",
    "extract_in_stock",
    "extract_price",
    "normalize",
    "normalize_color",
    "prepare",
    "split_words",
    "stem",
    "strip_noise",
    "tokenize",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, fillers and shopping chatter: never content terms.
STOP_WORDS: frozenset[str] = _words(
    """
    a an the and or but of to in on at by for from with without into onto about as
    is are was were be been being am do does did doing have has had having can could
    would should will shall may might must
    i im i'm me my mine we us our you your yours he she it its they them their this
    that these those there here what which who whom whose where when why how
    um uh uhm umm erm er ah oh hmm mm like well so okay ok yeah yes no hi hello hey
    please thanks thank just really actually maybe perhaps kind sort type types
    looking look searching search find finding show showing see tell give get got
    need needs want wants wanted buy buying purchase order shopping shop store
    something anything everything some any all every each one ones thing things stuff
    item items product products else also too very much many more most less least
    good nice great best better cool new cheap cheaper cheapest inexpensive affordable
    budget expensive pricey price priced prices cost costs costing dollar dollars buck
    bucks cent cents usd under below beneath between around roughly approximately
    than then if not only let lets let's know wondering guess think option options
    recommend recommendation suggest suggestions gotta gonna wanna gimme contoso
    i'd id i'll i've ive don't dont doesn't doesnt what's whats there's theres it's
    that's thats you're youre we're i'm we'd they're carry sell sells offer stock
    help could would available currently right now today guys folks sir
    """
)

# Colour words a shopper may say. ``grey`` is folded into ``gray`` by normalize_color.
COLOR_WORDS: frozenset[str] = _words(
    """
    black white gray grey charcoal silver navy blue teal turquoise mint green sage olive
    khaki tan beige cream brown red burgundy maroon pink rose coral orange yellow gold
    purple violet lavender clear ivory
    """
)

_COLOR_ALIASES = {"grey": "gray", "violet": "purple", "maroon": "burgundy"}


def normalize_color(word: str) -> str:
    w = word.strip().lower()
    return _COLOR_ALIASES.get(w, w)


def normalize(text: str) -> str:
    """Lower-case, fold accents and typographic punctuation, collapse spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("&", " and ").split())


# Every ASCII character but letters, digits, apostrophes and hyphens separates words.
_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "'-")}
)
_ASCII_SEPARATORS = bytes(
    c if c >= 128 or chr(c).isalnum() or chr(c) in "'-" else 32 for c in range(256)
)


def _spaced(text: str) -> str:
    """``text`` with every separator character replaced by a space."""
    if text.isascii():  # bytes.translate is several times faster than str.translate
        return text.encode().translate(_ASCII_SEPARATORS).decode()
    return text.translate(_SEPARATORS)


_IRREGULAR = {
    "knives": "knife",
    "shelves": "shelf",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "people": "person",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light plural stemmer, applied identically to documents and queries."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # batteries -> battery, hoodies -> hoody
    if word.endswith("ie") and len(word) > 4:
        return word[:-2] + "y"  # hoodie -> hoody (so it meets "hoodies")
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]  # glasses -> glass, brushes -> brush, boxes -> box
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]  # shoes -> shoe, tents -> tent, earbuds -> earbud
    return word


def _unquote(tok: str) -> str:
    tok = tok.strip("'")
    if tok.endswith("'s"):
        return tok[:-2]
    return tok if tok in STOP_WORDS else tok.replace("'", "")


def split_words(text: str) -> tuple[list[str], list[str]]:
    """Word tokens of normalized text, and the joined forms of its hyphenated words.

    ``"t-shirt, men's"`` -> ``(["t", "shirt", "men"], ["tshirt"])``: possessive ``'s`` is
    dropped, hyphens split words, and "t-shirt" is also offered as "tshirt".
    """
    joined: list[str] = []
    spaced = _spaced(text)
    if "-" in text:
        for chunk in _hyphenated(spaced):
            parts = chunk.split("-")
            if 1 < len(parts) - parts.count("") <= 3:
                joined.append("".join(parts))
        spaced = spaced.replace("-", " ")
    chunks = spaced.split()
    if "'" in text:
        chunks = [u for u in (_unquote(c) if "'" in c else c for c in chunks) if u]
        joined = [u for u in (_unquote(j) for j in joined) if u]
    return chunks, joined


def _hyphenated(spaced: str) -> list[str]:
    """The space-delimited chunks of ``spaced`` that contain a hyphen."""
    out: list[str] = []
    pos = spaced.find("-")
    while pos != -1:
        start = spaced.rfind(" ", 0, pos) + 1
        end = spaced.find(" ", pos)
        if end == -1:
            end = len(spaced)
        out.append(spaced[start:end])
        pos = spaced.find("-", end)
    return out


def tokenize(text: str) -> list[str]:
    """Word tokens of already-normalized text; possessive ``'s`` is dropped."""
    return split_words(text)[0]


def content_tokens(text: str) -> list[str]:
    return [t for t in tokenize(text) if t not in STOP_WORDS]


# --------------------------------------------------------------------------- prices


@dataclass(frozen=True)
class PriceBounds:
    min_cents: int | None
    max_cents: int | None
    rest: str  # the text with the price phrases removed


_SMALL = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_UNIT = r"(?:\s*(?:us\s+)?(?:dollars?|bucks?|usd))"
# "$49.99", "49 dollars", "49 99" (= 49.99, spoken "forty nine ninety nine"),
# "49 dollars 99", "49 dollars and 99 cents". Group names are suffixed per use.
_CENTS_LOOKAHEAD = (
    r"(?=\s*(?:$|[,.;!?]|cents?\b|dollars?\b|bucks?\b|or\b|and\b|please\b|for\b|in\b|with\b))"
)


def _money(tag: str) -> str:
    return (
        rf"(?:an?\s+)?(?P<cur{tag}>\$\s*)?"
        rf"(?P<n{tag}>\d+(?:\.\d{{1,2}})?|{'|'.join(_SMALL)})"
        rf"(?P<unit{tag}>{_UNIT})?"
        rf"(?:\s+(?:and\s+(?P<ca{tag}>\d{{1,2}})\s*cents?\b|(?P<cb{tag}>\d{{2}})\b{_CENTS_LOOKAHEAD}))?"
        rf"(?P<unit2{tag}>{_UNIT})?"
    )


_MAX_CUE = (
    r"(?:under|below|beneath|less\s+th[ae]n|lower\s+th[ae]n|cheaper\s+th[ae]n|"
    r"no\s+more\s+th[ae]n|not\s+more\s+th[ae]n|no\s+higher\s+th[ae]n|not\s+over|"
    r"at\s+most|up\s+to|upto|within|max(?:imum)?(?:\s+of)?|for\s+less\s+th[ae]n|"
    r"no\s+more\s+expensive\s+th[ae]n|less\s+expensive\s+th[ae]n|budget\s+(?:of|is))"
)
_MIN_CUE = (
    r"(?:over|above|more\s+th[ae]n|greater\s+th[ae]n|higher\s+th[ae]n|at\s+least|"
    r"min(?:imum)?(?:\s+of)?|starting\s+(?:at|from)|more\s+expensive\s+th[ae]n|"
    r"no\s+less\s+th[ae]n)"
)
_AROUND_CUE = (
    r"(?:around|about|approximately|approx|roughly|near|nearly|close\s+to|"
    r"somewhere\s+around|in\s+the\s+range\s+of|something\s+like)"
)
_MAX_POST = (
    r"(?:or\s+less|or\s+under|or\s+below|or\s+cheaper|and\s+under|and\s+below|"
    r"max|maximum|tops|at\s+most)"
)
_MIN_POST = r"(?:or\s+more|or\s+over|or\s+above|and\s+up|and\s+above|and\s+over|plus|\+)"
_TO = r"(?:and|to|-|through|till|until)"

_B = r"(?<![\w.$])"  # start of a phrase: not inside a word or a number
_E = r"(?!\w)(?!\.\d)"  # end of a phrase: not inside a word or a number

_RANGE_RE = re.compile(rf"{_B}(?:between|from)\s+{_money('1')}\s*{_TO}\s*{_money('2')}{_E}")
_BARE_RANGE_RE = re.compile(rf"{_B}{_money('1')}\s*(?:to|-|through)\s*{_money('2')}{_E}")
_AROUND_RE = re.compile(rf"{_B}{_AROUND_CUE}\s+{_money('1')}{_E}")
_ISH_RE = re.compile(rf"{_B}{_money('1')}\s*-?\s*ish\b")
_POST_MAX_RE = re.compile(rf"{_B}{_money('1')}\s+{_MAX_POST}{_E}")
_POST_MIN_RE = re.compile(rf"{_B}{_money('1')}\s*{_MIN_POST}(?!\w)")
_MAX_RE = re.compile(rf"{_B}{_MAX_CUE}\s+{_money('1')}{_E}")
_MIN_RE = re.compile(rf"{_B}{_MIN_CUE}\s+{_money('1')}{_E}")
_BARE_RE = re.compile(rf"{_B}{_money('1')}{_E}")
_GRAND_RE = re.compile(r"\b(?:a|one)\s+grand\b")


def _cents(m: re.Match[str], tag: str) -> int:
    raw = m.group(f"n{tag}")
    cents = round(float(_SMALL.get(raw, raw)) * 100)
    extra = m.group(f"ca{tag}") or m.group(f"cb{tag}")
    if extra is not None and "." not in raw:
        cents += int(extra)
    return cents


def _is_money(m: re.Match[str], tag: str) -> bool:
    return any(m.group(f"{g}{tag}") for g in ("cur", "unit", "unit2", "ca", "cb"))


def prepare(text: str) -> str:
    """Normalized text with spoken numbers turned into digits ("a hundred" -> "a 100")."""
    return _GRAND_RE.sub("1000", alpha2digit(normalize(text), "en"))


def extract_price(prepared: str) -> PriceBounds:
    """Price bounds (inclusive, in cents) from :func:`prepare`-d text.

    Understood: "under 50", "less than 30 dollars", "below 20 bucks", "cheaper than $25",
    "under a 100", "between 20 and 40", "from 20 to 40", "20 to 40 dollars", "over 100",
    "more than 50", "at least 30", "around 50" (±20 %), "50 dollars or less", "50 and up",
    "$49.99", "49 99" (spoken "forty nine ninety nine"), "49 dollars and 99 cents".
    A bare amount with a currency word or sign ("$40", "40 dollars") is a budget (max).
    A reversed range is swapped.
    """
    s = prepared
    lo: int | None = None
    hi: int | None = None

    def remove(m: re.Match[str]) -> None:
        nonlocal s
        s = s[: m.start()] + " " + s[m.end() :]

    m = _RANGE_RE.search(s)
    if m is None:
        m = _BARE_RANGE_RE.search(s)
        if m is not None and not (_is_money(m, "1") or _is_money(m, "2")):
            m = None
    if m is not None:
        lo, hi = _cents(m, "1"), _cents(m, "2")
        remove(m)
    else:
        m = _AROUND_RE.search(s) or _ISH_RE.search(s)
        if m is not None:
            c = _cents(m, "1")
            lo, hi = round(c * 0.8), round(c * 1.2)
            remove(m)
    for regex, is_max in (
        (_POST_MAX_RE, True),
        (_POST_MIN_RE, False),
        (_MAX_RE, True),
        (_MIN_RE, False),
    ):
        if (hi if is_max else lo) is not None:
            continue
        m = regex.search(s)
        if m is None:
            continue
        if is_max:
            hi = _cents(m, "1")
        else:
            lo = _cents(m, "1")
        remove(m)
    if lo is None and hi is None:
        for m in _BARE_RE.finditer(s):
            if _is_money(m, "1"):
                hi = _cents(m, "1")
                remove(m)
                break
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return PriceBounds(lo, hi, " ".join(s.split()))


# ------------------------------------------------------------------ stock and noise

_IN_STOCK_RE = re.compile(
    r"\b(?:(?:that|which|what)(?:\s+(?:are|is|'s|s))?\s+|that's\s+)?(?:currently\s+|right\s+now\s+)?"
    r"(?:in[\s-]stock|available(?:\s+now|\s+right\s+now|\s+today)?|on\s+hand|ready\s+to\s+ship)\b"
)
# Phrases that are about the shopper, not the product: "size 8", "for a 5 year old".
_NOISE_RE = re.compile(
    r"\bsize\s+\d+(?:\.\d+)?(?:\s+and\s+a\s+half)?\b"
    r"|\b\d+\s*(?:-\s*)?(?:years?|yrs?|months?)(?:\s*-\s*|\s+)olds?\b"
    r"|\bout\s+of\s+stock\b"
)


def extract_in_stock(text: str) -> tuple[bool, str]:
    """Whether the shopper asked for available items, and the text without that phrase."""
    found = False

    def repl(_: re.Match[str]) -> str:
        nonlocal found
        found = True
        return " "

    rest = _IN_STOCK_RE.sub(repl, text)
    return found, " ".join(rest.split())


def strip_noise(prepared: str) -> str:
    """Remove phrases about the shopper rather than the product ("size 8", "5 year old")."""
    return " ".join(_NOISE_RE.sub(" ", prepared).split())
