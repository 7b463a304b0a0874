"""Address parsing (spoken and typed), validation naming each field, Pub 28 normalisation."""

from __future__ import annotations

import pytest

from voicecart.errors import ValidationFailed
from voicecart.shipping.address import (
    Address,
    AddressInput,
    normalise,
    parse_and_normalise,
    parse_one_line,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("ten Main Street, Seattle, Washington 98101", "10 Main St, Seattle, WA 98101"),
        (
            "1 2 3 oak avenue apartment four portland oregon nine seven two zero one",
            "123 Oak Ave, Apt 4, Portland, OR 97201",
        ),
        (
            "500 Pine St Apt 2B, San Francisco, CA 94101",
            "500 Pine St, Apt 2B, San Francisco, CA 94101",
        ),
        (
            "one twenty three oak avenue portland oregon nine seven two zero one",
            "123 Oak Ave, Portland, OR 97201",
        ),
        (
            "twelve thirty four elm street seattle washington nine eight one zero one",
            "1234 Elm St, Seattle, WA 98101",
        ),
        (
            "four hundred twelve north first avenue suite two hundred phoenix arizona "
            "eight five zero zero three",
            "412 N 1st Ave, Ste 200, Phoenix, AZ 85003",
        ),
        (
            "twenty two baker street unit five b boston massachusetts zero two one one six",
            "22 Baker St, Unit 5B, Boston, MA 02116",
        ),
        (
            "ship it to Jane Doe at ten main street seattle washington nine eight one oh one",
            "Jane Doe, 10 Main St, Seattle, WA 98101",
        ),
        (
            "One Microsoft Way, Redmond, WA 98052-6399",
            "1 Microsoft Way, Redmond, WA 98052-6399",
        ),
        (
            "my address is two hundred west olive boulevard burbank california "
            "nine one five zero two",
            "200 W Olive Blvd, Burbank, CA 91502",
        ),
        (
            "1600 Pennsylvania Avenue NW, Washington, DC 20500",
            "1600 Pennsylvania Ave NW, Washington, DC 20500",
        ),
        (
            "10 broadway new york new york one zero zero zero four",
            "10 Broadway, New York, NY 10004",
        ),
        ("123 Main St, Thousand Oaks, CA 91360", "123 Main St, Thousand Oaks, CA 91360"),
        ("10 main st north bend wa 98045", "10 Main St, North Bend, WA 98045"),
        (
            "seven forty two evergreen terrace springfield oregon nine seven four seven seven",
            "742 Evergreen Ter, Springfield, OR 97477",
        ),
    ],
)
def test_us_addresses_spoken_and_typed(said: str, expected: str) -> None:
    assert parse_and_normalise(said).one_line() == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            "1 Yonge Street, Toronto, Ontario M5V 2T6",
            "1 Yonge St, Toronto, ON M5V 2T6, Canada",
        ),
        (
            "one yonge street toronto ontario m five v two t six",
            "1 Yonge St, Toronto, ON M5V 2T6, Canada",
        ),
        (
            "100 Queen St W, Toronto, ON M5H 2N2, Canada",
            "100 Queen St W, Toronto, ON M5H 2N2, Canada",
        ),
        (
            "45 rue Saint-Paul, Montreal, Quebec h2y1g8",
            "45 Rue Saint-Paul, Montreal, QC H2Y 1G8, Canada",
        ),
        (
            "eight hundred robson street vancouver british columbia v six z two e seven",
            "800 Robson St, Vancouver, BC V6Z 2E7, Canada",
        ),
    ],
)
def test_canadian_addresses(said: str, expected: str) -> None:
    address = parse_and_normalise(said)
    assert address.country == "CA"
    assert address.one_line() == expected


def test_parse_keeps_parts_apart() -> None:
    parsed = parse_one_line(
        "1 2 3 oak avenue apartment four portland oregon nine seven two zero one"
    )
    assert parsed == AddressInput(
        name=None,
        street="123 oak avenue",
        street2="apartment 4",
        city="portland",
        state="OR",
        postal_code="97201",
        country="US",
    )


def test_zip_plus_four_spoken_with_dash() -> None:
    address = parse_and_normalise(
        "ten main street seattle washington nine eight one zero one dash one two three four"
    )
    assert address.postal_code == "98101-1234"


def test_full_state_name_any_case() -> None:
    for state in ("WASHINGTON", "washington", "Washington", "wa", "WA"):
        address = normalise(
            AddressInput(street="10 Main St", city="Seattle", state=state, postal_code="98101")
        )
        assert address.state == "WA"


def test_structured_input_is_normalised_like_pub_28() -> None:
    address = normalise(
        AddressInput(
            name="  ann   lee ",
            street="1500 north maple boulevard northeast",
            street2="suite 300",
            city="SAN  JOSE",
            state="california",
            postal_code="951101234",
        )
    )
    assert address == Address(
        name="ann lee",
        street="1500 N Maple Blvd NE",
        street2="Ste 300",
        city="San Jose",
        state="CA",
        postal_code="95110-1234",
        country="US",
    )


@pytest.mark.parametrize(
    ("street", "expected"),
    [
        ("10 main street", "10 Main St"),
        ("10 oak avenue", "10 Oak Ave"),
        ("10 sunset boulevard", "10 Sunset Blvd"),
        ("10 mill road", "10 Mill Rd"),
        ("10 ocean drive", "10 Ocean Dr"),
        ("10 memory lane", "10 Memory Ln"),
        ("10 royal court", "10 Royal Ct"),
        ("10 market place", "10 Market Pl"),
        ("10 lakeview parkway", "10 Lakeview Pkwy"),
        ("10 pacific highway", "10 Pacific Hwy"),
        ("10 garden terrace", "10 Garden Ter"),
        ("1 microsoft way", "1 Microsoft Way"),
        ("10 SOUTH main st", "10 S Main St"),
        ("10 north street", "10 North St"),  # the directional is the street's name
        ("10 park avenue", "10 Park Ave"),  # a suffix word as the name stays spelled out
        ("10 st louis avenue", "10 St Louis Ave"),
        ("10 main st southwest", "10 Main St SW"),
        ("350 5th avenue", "350 5th Ave"),
    ],
)
def test_street_suffixes_and_directionals(street: str, expected: str) -> None:
    address = normalise(
        AddressInput(street=street, city="Seattle", state="WA", postal_code="98101")
    )
    assert address.street == expected


@pytest.mark.parametrize(
    ("street2", "expected"),
    [
        ("apartment 4", "Apt 4"),
        ("apartment number 12", "Apt 12"),
        ("suite 200", "Ste 200"),
        ("unit 5 b", "Unit 5B"),
        ("#4", "# 4"),
        ("2b", "# 2B"),
        ("building 3 floor 2", "Bldg 3 Fl 2"),
    ],
)
def test_unit_designators(street2: str, expected: str) -> None:
    address = normalise(
        AddressInput(
            street="10 Main St", street2=street2, city="Seattle", state="WA", postal_code="98101"
        )
    )
    assert address.street2 == expected


def test_unit_on_the_street_line_moves_to_street2() -> None:
    address = normalise(
        AddressInput(street="500 pine st apt 2b", city="sf", state="CA", postal_code="94101")
    )
    assert (address.street, address.street2) == ("500 Pine St", "Apt 2B")


def _fields(inp: AddressInput) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as info:
        normalise(inp)
    return {e.field: e.message for e in info.value.errors}


GOOD = {"street": "10 Main St", "city": "Seattle", "state": "WA", "postal_code": "98101"}


def test_every_missing_field_is_reported_at_once() -> None:
    errors = _fields(AddressInput())
    assert set(errors) == {"street", "city", "state", "postal_code"}
    assert "house number" in errors["street"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"street": "Main Street"}, "street", "house number"),
        ({"street": "10"}, "street", "street name"),
        ({"street": "PO Box 12"}, "street", "PO boxes"),
        ({"city": ""}, "city", "required"),
        ({"state": "Narnia"}, "state", "US state or Canadian province"),
        ({"state": ""}, "state", "required"),
        ({"postal_code": "9810"}, "postal_code", "5 digits"),
        ({"postal_code": "98101-12"}, "postal_code", "12345-6789"),
        ({"postal_code": "ABCDE"}, "postal_code", "5 digits"),
        ({"postal_code": "97201"}, "postal_code", "Oregon, not Washington"),
        ({"country": "Mexico"}, "country", "United States and Canada only"),
        ({"state": "ON", "country": "US"}, "state", "Canadian province"),
    ],
)
def test_each_problem_names_its_field(change: dict[str, str], field: str, words: str) -> None:
    errors = _fields(AddressInput(**{**GOOD, **change}))
    assert list(errors) == [field]
    assert words in errors[field]


def test_canadian_postal_code_errors() -> None:
    base = {"street": "1 Yonge St", "city": "Toronto", "state": "ON", "country": "CA"}
    assert "M5V 2T6" in _fields(AddressInput(**base, postal_code="98101"))["postal_code"]
    # D, F, I, O, Q and U never appear in Canadian postal codes.
    assert "postal_code" in _fields(AddressInput(**base, postal_code="D5V 2T6"))
    mismatch = _fields(AddressInput(**base, postal_code="V6Z 2E7"))
    assert mismatch == {"postal_code": "postal code V6Z 2E7 is in British Columbia, not Ontario"}
    assert _fields(AddressInput(**{**base, "state": "WA"}, postal_code="M5V 2T6")) == {
        "state": "Washington is a US state, but the country is Canada"
    }


def test_zip_state_mismatch_message() -> None:
    errors = _fields(AddressInput(**{**GOOD, "state": "OR"}))
    assert errors == {"postal_code": "ZIP code 98101 is in Washington, not Oregon"}


@pytest.mark.parametrize(
    ("state", "zip_code"),
    [("NY", "10001"), ("MA", "02116"), ("TX", "73301"), ("DC", "20500"), ("AK", "99501")],
)
def test_zip_prefixes_match_their_states(state: str, zip_code: str) -> None:
    normalise(AddressInput(**{**GOOD, "state": state, "postal_code": zip_code}))


def test_province_without_country_means_canada() -> None:
    address = normalise(
        AddressInput(street="1 Yonge St", city="Toronto", state="Ontario", postal_code="m5v2t6")
    )
    assert (address.country, address.state, address.postal_code) == ("CA", "ON", "M5V 2T6")


def test_foreign_country_spoken_is_rejected_on_country() -> None:
    with pytest.raises(ValidationFailed) as info:
        parse_and_normalise("221B Baker Street, London, England")
    assert [e.field for e in info.value.errors] == ["country"]
    assert "England" in info.value.errors[0].message


def test_spoken_address_errors_name_fields() -> None:
    with pytest.raises(ValidationFailed) as info:
        parse_and_normalise("main street seattle washington nine eight one")
    fields = {e.field for e in info.value.errors}
    assert fields == {"street", "postal_code"}


def test_one_line_and_lines() -> None:
    address = parse_and_normalise("Ann Lee, 1 Yonge Street, Toronto, Ontario M5V 2T6")
    assert address.one_line() == "Ann Lee, 1 Yonge St, Toronto, ON M5V 2T6, Canada"
    assert address.lines() == ["Ann Lee", "1 Yonge St", "Toronto ON  M5V 2T6", "CANADA"]
