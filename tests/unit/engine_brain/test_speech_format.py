"""Spoken-number formatting: prices, digit groups, ordinals, sizes, chunking."""

from __future__ import annotations

import pytest

from voicecart.engine.brain.speech_format import (
    grouped_digits,
    number_words,
    numbers_in_words,
    ordinal_word,
    plural,
    quantity_phrase,
    split_for_speech,
    spoken_house_number,
    spoken_list,
    spoken_postal_code,
    spoken_price,
    spoken_sizes,
    spoken_tracking,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (13, "thirteen"),
        (40, "forty"),
        (44, "forty-four"),
        (100, "one hundred"),
        (189, "one hundred eighty-nine"),
        (1234, "one thousand two hundred thirty-four"),
        (2_000_005, "two million five"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "first"),
        (2, "second"),
        (3, "third"),
        (5, "fifth"),
        (8, "eighth"),
        (9, "ninth"),
        (12, "twelfth"),
        (20, "twentieth"),
        (21, "twenty-first"),
        (100, "one hundredth"),
    ],
)
def test_ordinal_word(n: int, word: str) -> None:
    assert ordinal_word(n) == word


@pytest.mark.parametrize(
    ("amount", "spoken"),
    [
        (44.99, "forty-four ninety-nine"),
        (89.98, "eighty-nine ninety-eight"),
        (90, "ninety dollars"),
        (1, "one dollar"),
        (5.05, "five oh five"),
        (0.99, "ninety-nine cents"),
        (0.01, "one cent"),
        (189.99, "one hundred eighty-nine ninety-nine"),
        (1299.5, "one thousand two hundred ninety-nine dollars and fifty cents"),
        (19.999, "twenty dollars"),  # rounded to the cent first
    ],
)
def test_spoken_price(amount: float, spoken: str) -> None:
    assert spoken_price(amount) == spoken


def test_digit_groups() -> None:
    assert grouped_digits("48271930") == "four eight two seven, one nine three zero"
    assert grouped_digits("4827-1930") == "four eight two seven, one nine three zero"
    assert grouped_digits("123456", size=3) == "one two three, four five six"


def test_tracking_numbers() -> None:
    assert spoken_tracking("NW156913332880976") == (
        "N W, one five six nine, one three three three, two eight eight zero, nine seven six"
    )
    assert spoken_tracking("CP759528304US") == (
        "C P, seven five nine five, two eight three zero, four, U S"
    )


@pytest.mark.parametrize(
    ("number", "spoken"),
    [
        ("10", "ten"),
        ("500", "five hundred"),
        ("123", "one twenty-three"),
        ("405", "four oh five"),
        ("1234", "twelve thirty-four"),
        ("1005", "ten oh five"),
        ("2300", "twenty-three hundred"),
        ("2000", "two thousand"),
        ("12345", "one two three four five"),
        ("4B", "four B"),
    ],
)
def test_house_numbers(number: str, spoken: str) -> None:
    assert spoken_house_number(number) == spoken


def test_postal_codes() -> None:
    assert spoken_postal_code("98101") == "nine eight one zero one"
    assert spoken_postal_code("98101-1234") == "nine eight one zero one, one two three four"
    assert spoken_postal_code("M5V 2T6") == "M five V, two T six"


def test_plurals_and_quantities() -> None:
    assert quantity_phrase(2, "Trailblazer Running Shoe") == "two Trailblazer Running Shoes"
    assert quantity_phrase(1, "Trailblazer Running Shoe") == "one Trailblazer Running Shoe"
    assert plural("Keen 8-Inch Chef's Knife") == "Keen 8-Inch Chef's Knives"
    assert plural("Trailhead Insulated Water Bottle 32 oz") == (
        "Trailhead Insulated Water Bottles 32 oz"
    )
    assert plural("Aria Wireless Earbuds") == "Aria Wireless Earbuds"
    assert plural("Bamboo Makeup Brush") == "Bamboo Makeup Brushes"
    assert plural("Tri-Ply Stainless Cookware Battery") == "Tri-Ply Stainless Cookware Batteries"


def test_lists_and_sizes() -> None:
    assert spoken_list(["a"]) == "a"
    assert spoken_list(["a", "b"]) == "a and b"
    assert spoken_list(["a", "b", "c"], "or") == "a, b or c"
    assert spoken_sizes(["7", "7.5", "13"]) == "sizes seven to thirteen"
    assert spoken_sizes(["XS", "S", "XXL"]) == "sizes extra small to double extra large"
    assert spoken_sizes(["9.5"]) == "size nine and a half"
    assert spoken_sizes([]) == ""


def test_numbers_in_running_text() -> None:
    assert numbers_in_words("returns within 30 days") == "returns within thirty days"
    assert numbers_in_words("orders over $50 ship free") == "orders over fifty dollars ship free"
    assert numbers_in_words("it costs $49.99") == "it costs forty-nine ninety-nine"
    assert numbers_in_words("rated 3,000 mm") == "rated three thousand mm"
    # codes, times and numbers glued to words stay as they are
    assert numbers_in_words("the 3-Pack at 10:30 for 12V, 1-800-555-0100") == (
        "the 3-Pack at 10:30 for 12V, 1-800-555-0100"
    )


def test_split_for_speech_keeps_every_character() -> None:
    text = (
        "Just to confirm: two Trailblazer Running Shoes at forty-four ninety-nine each, "
        "eighty-nine ninety-eight total. Shall I place the order?"
    )
    chunks = split_for_speech(text)
    assert "".join(chunks) == text
    assert len(chunks) >= 4
    assert chunks[0] == "Just to confirm:"
    assert all(len(c.split()) <= 6 for c in chunks)
    assert split_for_speech("") == []
    assert split_for_speech("Hello.") == ["Hello."]
