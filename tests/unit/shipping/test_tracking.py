"""Tracking numbers: Luhn for domestic carriers, UPU S10 mod 11 for Canada."""

from __future__ import annotations

import random

import pytest

from voicecart.shipping.carriers import NORTHWIND, TAILSPIN, WIDE_WORLD
from voicecart.shipping.tracking import (
    carrier_of,
    is_valid,
    luhn_check_digit,
    new_tracking_number,
    normalise_tracking,
    s10_check_digit,
)

pytestmark = pytest.mark.unit


def test_luhn_worked_example() -> None:
    # Payload 12345678901234, from the right: digits at even positions (4,2,0,8,6,4,2)
    # are doubled -> 8,4,0,16->7,12->3,8,4 = 34; the others (3,1,9,7,5,3,1) sum to 29.
    # 34 + 29 = 63, so the check digit is (10 - 3) % 10 = 7.
    assert luhn_check_digit("12345678901234") == 7
    assert is_valid("NW123456789012347")
    assert not is_valid("NW123456789012346")
    # The textbook example: 7992739871 takes check digit 3.
    assert luhn_check_digit("7992739871") == 3


def test_s10_worked_examples() -> None:
    # 1 2 3 4 5 6 7 8 weighted by 8 6 4 2 3 5 9 7:
    # 8 + 12 + 12 + 8 + 15 + 30 + 63 + 56 = 204; 204 mod 11 = 6; 11 - 6 = 5.
    assert s10_check_digit("12345678") == 5
    assert is_valid("CP123456785US")
    # All zeros: sum 0, 11 - 0 = 11, which S10 maps to 5.
    assert s10_check_digit("00000000") == 5
    # 6 in the fourth place (weight 2): sum 12, 12 mod 11 = 1, 11 - 1 = 10, mapped to 0.
    assert s10_check_digit("00060000") == 0
    # UPU's own example: 47312482 -> 9.
    assert s10_check_digit("47312482") == 9


@pytest.mark.parametrize("carrier", [NORTHWIND, TAILSPIN, WIDE_WORLD])
def test_new_numbers_validate_and_name_their_carrier(carrier: str) -> None:
    rng = random.Random(7)
    for _ in range(200):
        number = new_tracking_number(carrier, rng)
        assert is_valid(number), number
        assert carrier_of(number) == carrier


def test_formats() -> None:
    rng = random.Random(1)
    nw = new_tracking_number(NORTHWIND, rng)
    tx = new_tracking_number(TAILSPIN, rng)
    cp = new_tracking_number(WIDE_WORLD, rng)
    assert nw.startswith("NW") and len(nw) == 17 and nw[2:].isdigit()
    assert tx.startswith("TX") and len(tx) == 17
    assert cp.startswith("CP") and cp.endswith("US") and len(cp) == 13 and cp[2:11].isdigit()


def test_seeded_rng_repeats() -> None:
    assert new_tracking_number(NORTHWIND, random.Random(3)) == new_tracking_number(
        NORTHWIND, random.Random(3)
    )


def test_unknown_carrier() -> None:
    with pytest.raises(ValueError):
        new_tracking_number("Contoso Pigeons")


def _digit_changes(number: str) -> list[tuple[int, str]]:
    return [
        (i, number[:i] + d + number[i + 1 :])
        for i, ch in enumerate(number)
        if ch.isdigit()
        for d in "0123456789"
        if d != ch
    ]


def test_luhn_detects_every_single_digit_change() -> None:
    rng = random.Random(11)
    for carrier in (NORTHWIND, TAILSPIN):
        for _ in range(20):
            number = new_tracking_number(carrier, rng)
            for _i, changed in _digit_changes(number):
                assert not is_valid(changed), (number, changed)


def test_s10_detects_single_digit_changes_except_the_known_fold() -> None:
    # S10 maps both remainder 0 (11 -> 5) and remainder 6 (5) to check digit 5, so a change
    # that moves the weighted sum between those two remainders keeps the check digit; every
    # other single-digit change, and every change of the check digit itself, is caught.
    rng = random.Random(5)
    for _ in range(50):
        number = new_tracking_number(WIDE_WORLD, rng)
        for i, changed in _digit_changes(number):
            if not is_valid(changed):
                continue
            assert i < 10 and number[10] == "5", (number, changed)
            weights = (8, 6, 4, 2, 3, 5, 9, 7)
            remainders = {
                sum(int(d) * w for d, w in zip(n[2:10], weights, strict=True)) % 11
                for n in (number, changed)
            }
            assert remainders == {0, 6}


def test_spoken_or_spaced_input() -> None:
    assert normalise_tracking(" nw 1234-5678 9012 347 ") == "NW123456789012347"
    assert is_valid("nw 1234 5678 9012 347")
    assert normalise_tracking("C P one two three four five six seven eight five U S") == (
        "CP123456785US"
    )
    assert carrier_of("cp 123 456 785 us") == WIDE_WORLD


@pytest.mark.parametrize(
    "bad", ["", "NW", "XX123456789012347", "NW12345678901234", "CP123456785CA", "hello"]
)
def test_invalid_numbers(bad: str) -> None:
    assert not is_valid(bad)
    assert carrier_of(bad) is None
