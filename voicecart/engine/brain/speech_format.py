"""Numbers, prices, ids and lists written the way the assistant should say them.

Everything the dialog manager speaks goes through here, so the text-to-speech
voice never has to guess how to read ``$44.99`` or ``48271930``:

* prices: ``44.99`` -> "forty-four ninety-nine", ``90`` -> "ninety dollars";
* ids read digit by digit in groups: "four eight two seven, one nine three zero";
* tracking numbers: letters spelled, digits in fours: "N W, one five six nine, ...";
* ordinals, quantities with plural product names, short lists, sizes;
* :func:`split_for_speech` cuts a reply into clause-sized chunks for streaming.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = [
    "digit_words",
    "grouped_digits",
    "number_words",
    "numbers_in_words",
    "ordinal_word",
    "plural",
    "quantity_phrase",
    "split_for_speech",
    "spoken_house_number",
    "spoken_list",
    "spoken_postal_code",
    "spoken_price",
    "spoken_sizes",
    "spoken_tracking",
]


def _seq(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_ONES: Final = _seq(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen
    """
)
_TENS: Final = _seq(
    """
    _ _ twenty thirty forty fifty sixty seventy eighty ninety
    """
)
_SCALES: Final = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"))
_ORDINAL_IRREGULAR: Final = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def number_words(n: int) -> str:
    """``44`` -> "forty-four"; ``1234`` -> "one thousand two hundred thirty-four"."""
    if n < 0:
        return "minus " + number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    for value, name in _SCALES:
        if n >= value:
            head, rest = divmod(n, value)
            return f"{number_words(head)} {name}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")  # pragma: no cover


def ordinal_word(n: int) -> str:
    """``1`` -> "first", ``2`` -> "second", ``20`` -> "twentieth", ``23`` -> "twenty-third"."""
    words = number_words(n)
    head, sep, last = words.rpartition("-" if "-" in words.split(" ")[-1] else " ")
    if last in _ORDINAL_IRREGULAR:
        last = _ORDINAL_IRREGULAR[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}{sep}{last}"


def _cents_words(cents: int) -> str:
    return f"oh {_ONES[cents]}" if cents < 10 else number_words(cents)


def spoken_price(amount: float) -> str:
    """A price the way a shop assistant says it.

    ``44.99`` -> "forty-four ninety-nine"; ``90`` -> "ninety dollars"; ``5.05`` -> "five
    oh five"; ``0.99`` -> "ninety-nine cents"; ``1299.5`` -> "one thousand two hundred
    ninety-nine dollars and fifty cents".
    """
    total_cents = round(amount * 100)
    if total_cents < 0:
        return "minus " + spoken_price(-amount)
    dollars, cents = divmod(total_cents, 100)
    if cents == 0:
        return f"{number_words(dollars)} dollar{'' if dollars == 1 else 's'}"
    if dollars == 0:
        return f"{number_words(cents)} cent{'' if cents == 1 else 's'}"
    if dollars >= 1000:
        cent_word = "cent" if cents == 1 else "cents"
        return f"{number_words(dollars)} dollars and {number_words(cents)} {cent_word}"
    return f"{number_words(dollars)} {_cents_words(cents)}"


def digit_words(digits: str) -> str:
    """``"4827"`` -> "four eight two seven"; non-digits are skipped."""
    return " ".join(_ONES[int(d)] for d in digits if d.isdigit())


def grouped_digits(number: str, size: int = 4) -> str:
    """Digits read one by one in groups: ``"48271930"`` -> "four eight two seven, one nine
    three zero". Anything but digits is dropped first."""
    digits = "".join(ch for ch in number if ch.isdigit())
    groups = [digits[i : i + size] for i in range(0, len(digits), size)]
    return ", ".join(digit_words(g) for g in groups)


def spoken_tracking(number: str) -> str:
    """Letters spelled, digits in fours: ``"NW156913332880976"`` -> "N W, one five six nine,
    one three three three, two eight eight zero, nine seven six"."""
    parts: list[str] = []
    for chunk in re.findall(r"[A-Za-z]+|\d+", number):
        if chunk.isdigit():
            parts.append(grouped_digits(chunk))
        else:
            parts.append(" ".join(chunk.upper()))
    return ", ".join(parts)


def spoken_house_number(number: str) -> str:
    """House numbers as people say them: ``"10"`` -> "ten", ``"123"`` -> "one twenty-three",
    ``"1234"`` -> "twelve
    thirty-four", ``"1005"`` -> "ten oh five", ``"2300"`` -> "twenty-three hundred";
    five digits or more are read digit by digit. Letters are spelled ("4B" -> "four B")."""
    match = re.fullmatch(r"(\d+)\s*-?\s*([A-Za-z]?)", number.strip())
    if match is None:
        return number
    digits, letter = match.groups()
    n = int(digits)
    if len(digits) != len(str(n)) or len(digits) >= 5:
        words = digit_words(digits)
    elif n < 100 or (n < 1000 and n % 100 == 0):
        words = number_words(n)
    elif n < 1000:  # "123" -> "one twenty-three", "405" -> "four oh five"
        head, tail = divmod(n, 100)
        words = f"{number_words(head)} {_cents_words(tail)}"
    else:
        head, tail = divmod(n, 100)
        if tail == 0 and head % 10 != 0:
            words = f"{number_words(head)} hundred"
        elif tail == 0:
            words = number_words(n)
        else:
            words = f"{number_words(head)} {_cents_words(tail)}"
    return f"{words} {letter.upper()}" if letter else words


def spoken_postal_code(code: str) -> str:
    """US ZIP codes digit by digit ("nine eight one zero one"); Canadian codes spelled
    in their two halves ("M five V, two T six")."""
    compact = code.replace(" ", "").upper()
    if re.fullmatch(r"[A-Z]\d[A-Z]\d[A-Z]\d", compact):
        halves = (compact[:3], compact[3:])
        return ", ".join(" ".join(_ONES[int(c)] if c.isdigit() else c for c in h) for h in halves)
    if "-" in compact:
        head, _, tail = compact.partition("-")
        return f"{digit_words(head)}, {digit_words(tail)}"
    return digit_words(compact)


def spoken_list(items: Sequence[str], conjunction: str = "and") -> str:
    """``["a", "b", "c"]`` -> "a, b and c"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_IRREGULAR_PLURALS: Final = {"knife": "knives", "shelf": "shelves", "leaf": "leaves"}
_UNITS: Final = frozenset(
    ["oz", "kg", "g", "lb", "lbs", "ml", "l", "gal", "mah", "w", "in", "cm", "mm", "ft"]
)


def plural(name: str) -> str:
    """A product name made plural on its last word: "Trailblazer Running Shoe" ->
    "Trailblazer Running Shoes"; a trailing measure is skipped ("Water Bottle 32 oz" ->
    "Water Bottles 32 oz"); names already plural ("Earbuds") are kept."""
    words = name.split(" ")
    index = len(words) - 1
    if index >= 2 and words[index].lower() in _UNITS and re.fullmatch(r"[\d.]+", words[index - 1]):
        index -= 2
    words[index] = _plural_word(words[index])
    return " ".join(words)


def _plural_word(word: str) -> str:
    lower = word.lower()
    if not lower or not lower[-1].isalpha():
        return word
    if lower in _IRREGULAR_PLURALS:
        return word[0] + _IRREGULAR_PLURALS[lower][1:]
    if lower.endswith(("ss", "ch", "sh", "x", "z")):
        return word + "es"
    if lower.endswith("s"):
        return word  # already plural ("Earbuds", "Poles", "Goggles")
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def quantity_phrase(quantity: int, name: str) -> str:
    """``(2, "Trailblazer Running Shoe")`` -> "two Trailblazer Running Shoes"."""
    return f"{number_words(quantity)} {name if quantity == 1 else plural(name)}"


_LETTER_SIZES: Final = {
    "XXS": "double extra small",
    "XS": "extra small",
    "S": "small",
    "M": "medium",
    "L": "large",
    "XL": "extra large",
    "XXL": "double extra large",
    "XXXL": "triple extra large",
    "2XL": "double extra large",
    "3XL": "triple extra large",
}


def _size_word(size: str) -> str:
    text = size.strip()
    if text.upper() in _LETTER_SIZES:
        return _LETTER_SIZES[text.upper()]
    match = re.fullmatch(r"(\d+)(?:\.(5|50))?", text)
    if match:
        whole = number_words(int(match.group(1)))
        return f"{whole} and a half" if match.group(2) else whole
    return text


def spoken_sizes(sizes: Sequence[str]) -> str:
    """``["7", "7.5", ..., "13"]`` -> "sizes seven to thirteen"; ``["S", "M", "L"]`` ->
    "sizes small to large"; one size -> "size medium"; nothing -> ""."""
    cleaned = [s for s in (str(x).strip() for x in sizes) if s]
    if not cleaned:
        return ""
    if len(cleaned) == 1:
        return f"size {_size_word(cleaned[0])}"
    if len(cleaned) == 2:
        return f"sizes {_size_word(cleaned[0])} and {_size_word(cleaned[1])}"
    return f"sizes {_size_word(cleaned[0])} to {_size_word(cleaned[-1])}"


_PRICE_IN_TEXT: Final = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?\b")
_NUMBER_IN_TEXT: Final = re.compile(
    r"(?<![\w.,:$%-])(\d{1,3}(?:,\d{3})+|\d{1,4})(?:\.(\d+))?(?![\w%:]|[.,]\d|-\w)"
)


def numbers_in_words(text: str) -> str:
    """Prices and plain numbers in running text spelled out for speech: "within 30
    days" -> "within thirty days", "$49.99" -> "forty-nine ninety-nine", "$50" -> "fifty
    dollars". Codes, times, versions and numbers glued to letters ("3-Pack", "12V") stay."""

    def price(m: re.Match[str]) -> str:
        dollars = int(m.group(1).replace(",", ""))
        return spoken_price(dollars + (int(m.group(2)) / 100 if m.group(2) else 0))

    def number(m: re.Match[str]) -> str:
        whole = number_words(int(m.group(1).replace(",", "")))
        if m.group(2) is None:
            return whole
        return f"{whole} point {digit_words(m.group(2))}"

    return _NUMBER_IN_TEXT.sub(number, _PRICE_IN_TEXT.sub(price, text))


# A clause ends after , ; : . ? ! (optionally closed by a quote or bracket) and a space.
_CLAUSE_END: Final = re.compile(r"(?<=[,;:.?!])(?=\s)|(?<=[,;:.?!][\"')])(?=\s)")
MAX_CHUNK_WORDS: Final = 6


def split_for_speech(text: str, max_words: int = MAX_CHUNK_WORDS) -> list[str]:
    """Cut ``text`` into clause-sized chunks (long clauses into runs of ``max_words``
    words), so a voice can start speaking early. Joining the chunks gives back ``text``
    exactly, whitespace included."""
    if not text:
        return []
    chunks: list[str] = []
    start = 0
    for match in _CLAUSE_END.finditer(text):
        chunks.extend(_split_words(text[start : match.start()], max_words))
        start = match.start()
    chunks.extend(_split_words(text[start:], max_words))
    return [c for c in chunks if c]


def _split_words(piece: str, max_words: int) -> list[str]:
    """``piece`` in runs of at most ``max_words`` words; each run keeps its leading space."""
    spans = [m.start() for m in re.finditer(r"\s+\S", piece)]
    if len(spans) < max_words:
        return [piece]
    cuts = spans[max_words - 1 :: max_words]
    out: list[str] = []
    start = 0
    for cut in cuts:
        out.append(piece[start:cut])
        start = cut
    out.append(piece[start:])
    return out
