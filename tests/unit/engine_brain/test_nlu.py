"""Intent and slot extraction from spoken, sometimes misheard, shopper utterances."""

from __future__ import annotations

import pytest

from voicecart.engine.brain.addresses import AddressParts, address_text, parse_address
from voicecart.engine.brain.nlu import Intent, correct, tokenize, understand
from voicecart.engine.brain.numbers import (
    choice_of,
    order_number_of,
    quantity_of,
    tracking_number_of,
)
from voicecart.engine.brain.vocabulary import KEYWORDS

pytestmark = pytest.mark.unit

SHOES = [(13, "Trailblazer Running Shoe"), (22, "Switchback Trail Running Shoe")]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hello", Intent.GREETING),
        ("good morning", Intent.GREETING),
        ("what can you do", Intent.HELP),
        ("what do you sell", Intent.CATEGORIES),
        ("do you have running shoes under fifty", Intent.SEARCH),
        ("runing shoos", Intent.SEARCH),
        ("I'm looking for a rain jacket", Intent.SEARCH),
        ("headphones under a hundred bucks", Intent.SEARCH),
        ("the second one", Intent.DETAILS),
        ("tell me about the tent", Intent.DETAILS),
        ("I'll take two", Intent.BUY),
        ("I'd like two of those", Intent.BUY),
        ("buy it", Intent.BUY),
        ("yes please", Intent.YES),
        ("yeah sure", Intent.YES),
        ("no", Intent.NO),
        ("actually I changed my mind", Intent.NO),
        ("ship it to ten Main Street Seattle Washington nine eight one zero one", Intent.ADDRESS),
        ("order four eight two seven one nine three zero", Intent.ORDER_STATUS),
        ("order for eight two seven one nine three zero", Intent.ORDER_STATUS),
        ("what's the status of my order", Intent.ORDER_STATUS),
        ("what is the order status", Intent.ORDER_STATUS),
        ("where is my package", Intent.TRACK),
        ("when will it arrive", Intent.TRACK),
        ("cancel my order", Intent.CANCEL_ORDER),
        ("what's your return policy", Intent.POLICY),
        ("what is your retern polcy", Intent.POLICY),
        ("how much is shipping", Intent.POLICY),
        ("how do I clean my running shoes", Intent.POLICY),
        ("do you have a warranty on headphones", Intent.POLICY),
        ("can I talk to a real person", Intent.HUMAN),
        ("say that again", Intent.REPEAT),
        ("thank you", Intent.THANKS),
        ("that's all, goodbye", Intent.GOODBYE),
        ("the weather is lovely today", Intent.OTHER),
        ("", Intent.OTHER),
    ],
)
def test_intents(text: str, intent: Intent) -> None:
    assert understand(text).intent is intent


def test_misheard_keywords_are_corrected() -> None:
    assert correct("retern", KEYWORDS) == "return"
    assert correct("polcy", KEYWORDS) == "policy"
    assert correct("adress", KEYWORDS) == "address"
    # everyday words and short words are left alone
    assert correct("mind", KEYWORDS) == "mind"
    assert correct("tent", KEYWORDS) == "tent"
    assert correct("bye", KEYWORDS) == "bye"


def test_tokenize_expands_contractions() -> None:
    assert tokenize("I'd like what's there, don't I?") == [
        "i",
        "would",
        "like",
        "what",
        "is",
        "there",
        "do",
        "not",
        "i",
    ]


def test_search_slots() -> None:
    u = understand("um, do you have running shoes under fifty dollars please")
    assert u.search_text == "running shoes"
    assert u.max_price == 50.0
    spelled = understand("anything under forty-four ninety-nine")
    assert spelled.max_price == 44.99


def test_product_mentions_against_candidates() -> None:
    assert understand("the trailblazer", candidates=SHOES).product_ids == (13,)
    assert understand("the trail blazer please", candidates=SHOES).product_ids == (13,)
    assert understand("the switch back", candidates=SHOES).product_ids == (22,)
    tied = understand("the running shoe", candidates=SHOES)
    assert tied.product_ids == () and set(tied.ambiguous_ids) == {13, 22}


def test_yes_no_flags() -> None:
    assert understand("yes lease").affirm  # "please" misheard
    assert understand("sure, go ahead").affirm
    assert understand("nope").negate
    assert understand("no thanks").negate and understand("no thanks").thanks
    assert not understand("no").affirm


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("I'd like two of those", 2),
        ("I'll take three", 3),
        ("make it four", 4),
        ("a couple please", 2),
        ("just one", 1),
        ("the first one", None),
        ("number two", None),
        ("size nine", None),
        ("under fifty dollars", None),
        ("two trailblazers", 2),
    ],
)
def test_quantities(text: str, quantity: int | None) -> None:
    assert quantity_of(tokenize(text), nouns=frozenset({"trailblazers"})) == quantity


def test_bare_quantity_only_when_expected() -> None:
    assert quantity_of(tokenize("three")) is None
    assert quantity_of(tokenize("three"), bare=True) == 3
    assert quantity_of(tokenize("three please")) == 3
    assert understand("two", expect="quantity").quantity == 2


@pytest.mark.parametrize(
    ("text", "choices"),
    [
        ("the second one", [2]),
        ("the 2nd one", [2]),
        ("number three", [3]),
        ("option one", [1]),
        ("the last one", [-1]),
        ("the top one", [1]),
        ("the first and the third", [1, 3]),
        ("I'll take it", []),
        ("at last", []),
    ],
)
def test_choices(text: str, choices: list[int]) -> None:
    assert choice_of(tokenize(text)) == choices


@pytest.mark.parametrize(
    ("text", "number", "heard"),
    [
        ("order four eight two seven one nine three zero", "48271930", 8),
        ("order for eight two seven one nine three zero", "48271930", 8),
        ("it's 4827 1930", "48271930", 8),
        ("4827-1930", "48271930", 8),
        ("forty eight twenty seven nineteen thirty", "48271930", 8),
        ("four eight two seven one nine three oh", "48271930", 8),
        ("four double eight two seven one nine three", "48827193", 8),
        ("four eight two seven one nine three", None, 7),
        ("I want two", None, 1),
    ],
)
def test_order_numbers(text: str, number: str | None, heard: int) -> None:
    assert order_number_of(tokenize(text)) == (number, heard)


def test_tracking_numbers() -> None:
    spoken = (
        "my tracking number is n w one five six nine one three three three two eight eight "
        "zero nine seven six"
    )
    assert tracking_number_of(tokenize(spoken)) == "NW156913332880976"
    assert understand("track NW 1569 1333 2880 976").tracking_number == "NW156913332880976"
    assert understand("it's C P 7595 2830 4 U S").tracking_number == "CP759528304US"
    assert tracking_number_of(tokenize("n w one two three")) is None


def test_speed_and_reason() -> None:
    assert understand("overnight please").speed == "overnight"
    assert understand("can it come next day").speed == "overnight"
    assert understand("two day shipping").speed == "expedited"
    assert understand("express").speed == "expedited"
    assert understand("standard is fine").speed == "standard"
    assert understand("cancel it because it's too late").reason == "it is too late"


def test_address_slots() -> None:
    u = understand("ship it to ten Main Street Seattle Washington nine eight one zero one")
    assert u.address == AddressParts(
        street="10 Main Street", city="Seattle", region="WA", postal_code="98101"
    )
    assert u.order_number is None
    zip_only = understand("nine eight one zero one", expect="address", expect_field="postal_code")
    assert zip_only.address == AddressParts(postal_code="98101")


@pytest.mark.parametrize(
    ("text", "one_line", "spoken"),
    [
        (
            "ten Main Street Seattle Washington nine eight one zero one",
            "10 Main Street, Seattle, Washington 98101",
            "ten Main Street, Seattle, Washington, nine eight one zero one",
        ),
        (
            "twelve thirty four Elm Ave apartment four b Portland Oregon nine seven two zero one",
            "1234 Elm Avenue, Apartment 4B, Portland, Oregon 97201",
            "twelve thirty-four Elm Avenue, apartment four B, Portland, Oregon, nine seven two "
            "zero one",
        ),
        (
            "500 Pine St NE, Seattle, WA 98101-1234",
            "500 Pine Street NE, Seattle, Washington 98101-1234",
            "five hundred Pine Street Northeast, Seattle, Washington, nine eight one zero one, "
            "one two three four",
        ),
        (
            "10 King Street Toronto Ontario M five V two T six",
            "10 King Street, Toronto, Ontario M5V 2T6",
            "ten King Street, Toronto, Ontario, M five V, two T six",
        ),
        (
            "fifteen oh five first avenue new york new york one zero zero zero one",
            "1505 1st Avenue, New York, New York 10001",
            "fifteen oh five first Avenue, New York, New York, one zero zero zero one",
        ),
    ],
)
def test_addresses(text: str, one_line: str, spoken: str) -> None:
    parts = parse_address(text)
    assert parts.missing() == []
    assert parts.one_line() == one_line
    assert parts.spoken() == spoken


def test_partial_addresses_and_cues() -> None:
    assert address_text("yes, ship it to 10 Main St please") == "10 main st"
    assert address_text("my address is 10 Main St with express shipping") == "10 main st"
    assert address_text("I'd like two") is None
    partial = parse_address("ten Main Street in Seattle")
    assert partial.missing() == ["state", "postal_code"]
    assert partial.city == "Seattle"
    assert parse_address("Oregon", expect="state").region == "OR"
    assert parse_address("portland", expect="city").city == "Portland"
    short = parse_address("10 Main Street Seattle Washington 9810")
    assert short.postal_code == "9810" and not short.postal_code_ok()


def test_a_misheard_lead_in_before_the_house_number_is_dropped() -> None:
    # whisper heard "Ship it to ten Main Street, ..." as "Ship at the 10 Main Street, ..."
    parts = parse_address("Ship at the 10 Main Street, Seattle, Washington, 98101.")
    assert parts.one_line() == "10 Main Street, Seattle, Washington 98101"
    hyphens = parse_address("Chip at the 10-main street, Seattle, Washington, 981-01.")
    assert hyphens.one_line() == "10 Main Street, Seattle, Washington 98101"
    # a city name with digits further on is not mistaken for a lead-in
    assert parse_address("Seattle Washington 98101").city == "Seattle"
