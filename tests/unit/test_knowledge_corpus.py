"""The shipped knowledge corpus (voicecart/data/knowledge): front matter, structure, and the
facts that must agree with the catalog, the shipping rates and the order rules in code."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import pytest

from voicecart.commerce.orders import MAX_QUANTITY
from voicecart.shipping import carriers, timeline, tracking

pytestmark = pytest.mark.unit

MIN_DOCS = 64
KINDS = {"policy", "manual", "care-guide", "sizing", "troubleshooting", "faq"}
REQUIRED_KEYS = ("id", "title", "kind", "categories", "products", "updated")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# "1-year", "2 years", "25-year": a stated warranty (or any other) length in years.
YEARS = re.compile(r"\b(\d+)[- ]years?\b", re.IGNORECASE)
DOLLARS = re.compile(r"\$(\d+\.\d\d)\b")
# "within 30 days of delivery", "30 days from the date your order was delivered".
AFTER_DELIVERY = re.compile(r"\b(\d+) days (?:of|from|after) [^.;]{0,40}?deliver")
TRACKING_EXAMPLE = re.compile(r"\b(?:NW|TX)\d{15}\b|\bCP\d{9}US\b")


# --- loading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    path: str
    meta: dict[str, Any]
    body: str

    @property
    def id(self) -> str:
        return str(self.meta["id"])

    @property
    def products(self) -> list[int]:
        return list(self.meta["products"])

    def sections(self) -> dict[str, str]:
        """``## Heading`` -> the text under it (up to the next ``##`` heading)."""
        out: dict[str, str] = {}
        heading: str | None = None
        for line in self.body.splitlines():
            if line.startswith("## "):
                heading = line[3:].strip()
                out[heading] = ""
            elif heading is not None:
                out[heading] += line + "\n"
        return out


def _scalar(raw: str) -> Any:
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    return raw


def parse_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A tiny parser for the flat front matter the corpus uses: ``key: value`` lines whose
    values are scalars or inline lists (``[a, b]``); ``#`` starts a comment."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter: the file must start with '---'")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ValueError("front matter is not closed with '---'") from None
    meta: dict[str, Any] = {}
    for line in lines[1:end]:
        content = re.sub(r"\s+#.*$", "", line).rstrip()
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        key, sep, raw = content.partition(":")
        if not sep or not key.strip():
            raise ValueError(f"not a 'key: value' line: {line!r}")
        key, raw = key.strip(), raw.strip()
        if key in meta:
            raise ValueError(f"duplicate key {key!r}")
        if raw.startswith("["):
            if not raw.endswith("]"):
                raise ValueError(f"unclosed list for {key!r}")
            meta[key] = [_scalar(item.strip()) for item in raw[1:-1].split(",") if item.strip()]
        else:
            meta[key] = _scalar(raw)
    return meta, "\n".join(lines[end + 1 :])


def _markdown_files(root: Traversable, prefix: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found += _markdown_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".md"):
            found.append((prefix + entry.name, entry.read_text(encoding="utf-8")))
    return found


KNOWLEDGE = resources.files("voicecart").joinpath("data", "knowledge")
FILES = _markdown_files(KNOWLEDGE)
DOCS = [Doc(path, *parse_front_matter(text)) for path, text in FILES]
BY_ID = {d.id: d for d in DOCS}
BY_PATH = {d.path: d for d in DOCS}


def _catalog(name: str) -> list[dict[str, Any]]:
    path = resources.files("voicecart").joinpath("data", "catalog", name)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


PRODUCTS = {p["id"]: p for p in _catalog("products.json")}
CATEGORY_SLUGS = {c["slug"] for c in _catalog("categories.json")}


def _warranty(pid: int) -> int | None:
    years = PRODUCTS[pid]["attributes"].get("warranty_years")
    return int(years) if years is not None else None


def _money(cents: int) -> str:
    return f"${cents // 100}.{cents % 100:02d}"


def _named_products(line: str) -> list[int]:
    """Ids of the catalog products whose full name appears in ``line``."""
    return [pid for pid, p in PRODUCTS.items() if p["name"] in line]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]


def doc_ids(docs: list[Doc]) -> list[str]:
    return [d.id for d in docs]


# --- the parser itself -------------------------------------------------------------------------


def test_parser_reads_scalars_lists_and_comments() -> None:
    meta, body = parse_front_matter(
        "---\nid: policy-x   # a comment\ntitle: 'Quoted: title'\nproducts: [13, 14]\n"
        "categories: []\nupdated: 2026-11-01\n---\n\n## A\ntext\n"
    )
    assert meta == {
        "id": "policy-x",
        "title": "Quoted: title",
        "products": [13, 14],
        "categories": [],
        "updated": "2026-11-01",
    }
    assert body.strip() == "## A\ntext"


@pytest.mark.parametrize("text", ["no front matter", "---\nid: x\n", "---\njust words\n---\n"])
def test_parser_rejects_malformed_front_matter(text: str) -> None:
    with pytest.raises(ValueError):
        parse_front_matter(text)


def test_tiny_parser_agrees_with_yaml() -> None:
    yaml = pytest.importorskip("yaml")
    for path, text in FILES:
        loaded = yaml.safe_load(text.split("---", 2)[1])
        loaded = {k: v.isoformat() if isinstance(v, date) else v for k, v in loaded.items()}
        assert loaded == BY_PATH[path].meta, path


# --- front matter --------------------------------------------------------------------------


def test_corpus_has_enough_documents() -> None:
    assert len(DOCS) >= MIN_DOCS
    kinds = Counter(d.meta["kind"] for d in DOCS)
    assert kinds["policy"] >= 16
    assert sum(n for k, n in kinds.items() if k != "policy") >= 48


def test_ids_are_unique() -> None:
    dupes = [i for i, n in Counter(doc_ids(DOCS)).items() if n > 1]
    assert dupes == []


@pytest.mark.parametrize("doc", DOCS, ids=doc_ids(DOCS))
def test_front_matter_is_complete_and_well_typed(doc: Doc) -> None:
    meta = doc.meta
    assert [k for k in REQUIRED_KEYS if k not in meta] == []
    assert KEBAB.match(doc.id), doc.id
    assert isinstance(meta["title"], str) and meta["title"].strip()
    assert meta["kind"] in KINDS
    assert isinstance(meta["categories"], list)
    assert all(isinstance(c, str) for c in meta["categories"])
    assert isinstance(meta["products"], list)
    assert all(isinstance(p, int) and not isinstance(p, bool) for p in meta["products"])
    assert len(set(meta["products"])) == len(meta["products"])
    date.fromisoformat(str(meta["updated"]))


@pytest.mark.parametrize("doc", DOCS, ids=doc_ids(DOCS))
def test_products_and_categories_exist_and_agree(doc: Doc) -> None:
    assert [c for c in doc.meta["categories"] if c not in CATEGORY_SLUGS] == []
    assert [p for p in doc.products if p not in PRODUCTS] == []
    # A document about a product is filed under that product's category.
    missing = {PRODUCTS[p]["category"] for p in doc.products} - set(doc.meta["categories"])
    assert missing == set()


def test_every_category_has_product_documents() -> None:
    covered = {c for d in DOCS if d.meta["kind"] != "policy" for c in d.meta["categories"]}
    assert covered == CATEGORY_SLUGS
    faq_categories = {c for d in DOCS if d.meta["kind"] == "faq" for c in d.meta["categories"]}
    assert faq_categories == CATEGORY_SLUGS


# --- body structure ------------------------------------------------------------------------


@pytest.mark.parametrize("doc", DOCS, ids=doc_ids(DOCS))
def test_body_is_sectioned_and_speakable(doc: Doc) -> None:
    sections = doc.sections()
    assert len(sections) >= 2, "needs at least two '## ' sections"
    assert [h for h, text in sections.items() if not text.strip()] == []
    words = len(re.findall(r"[\w'$.%-]+", doc.body))
    assert 120 <= words <= 800, words
    for line in doc.body.splitlines():
        if line.lstrip().startswith("|"):
            assert line.strip().strip("|").count("|") <= 2, f"table wider than 3 columns: {line}"


@pytest.mark.parametrize(
    "doc",
    [d for d in DOCS if d.meta["kind"] in {"manual", "care-guide", "sizing", "troubleshooting"}],
    ids=lambda d: d.id,
)
def test_product_documents_name_their_products(doc: Doc) -> None:
    assert doc.products, "a product document lists the products it covers"
    unnamed = [p for p in doc.products if PRODUCTS[p]["name"] not in doc.body]
    assert unnamed == []
    if doc.meta["kind"] == "manual":
        assert [p for p in doc.products if f"product {p}" not in doc.body] == []


def test_every_appliance_and_device_with_a_warranty_has_a_manual() -> None:
    manuals = {p for d in DOCS if d.meta["kind"] == "manual" for p in d.products}
    with_warranty = {pid for pid in PRODUCTS if _warranty(pid) is not None}
    assert with_warranty - manuals == set()


# --- warranties ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc",
    [d for d in DOCS if len(d.products) == 1],
    ids=lambda d: d.id,
)
def test_single_product_documents_state_the_catalog_warranty(doc: Doc) -> None:
    (pid,) = doc.products
    years = _warranty(pid)
    if doc.meta["kind"] == "manual":
        stated = {int(n) for n in YEARS.findall(doc.body)}
        if years is None:
            assert stated == set(), f"{PRODUCTS[pid]['name']} has no warranty in the catalog"
        else:
            assert stated == {years}
    for sentence in _sentences(doc.body):
        if "warrant" in sentence.lower():
            for n in YEARS.findall(sentence):
                assert years is not None and int(n) == years, sentence


@pytest.mark.parametrize("doc", DOCS, ids=doc_ids(DOCS))
def test_lines_naming_one_product_state_its_warranty(doc: Doc) -> None:
    for line in doc.body.splitlines():
        named = _named_products(line)
        if len(named) != 1 or _warranty(named[0]) is None:
            continue
        for n in YEARS.findall(line):
            assert int(n) == _warranty(named[0]), line


def test_warranty_policy_lists_every_product_with_a_warranty() -> None:
    doc = BY_ID["policy-warranty"]
    with_warranty = {pid for pid in PRODUCTS if _warranty(pid) is not None}
    assert set(doc.products) == with_warranty
    listed = {
        _named_products(line)[0]
        for line in doc.body.splitlines()
        if YEARS.search(line) and len(_named_products(line)) == 1
    }
    assert listed == with_warranty


# --- prices ----------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", DOCS, ids=doc_ids(DOCS))
def test_a_price_next_to_one_product_is_its_catalog_price(doc: Doc) -> None:
    for line in doc.body.splitlines():
        named, amounts = _named_products(line), DOLLARS.findall(line)
        if len(named) == 1 and len(amounts) == 1:
            assert Decimal(amounts[0]) == Decimal(str(PRODUCTS[named[0]]["price"])), line


# --- shipping ----------------------------------------------------------------------------------


def _zone_lines(text: str) -> dict[int, tuple[int, int, int | None]]:
    """``- Zone 3: $6.99 plus $0.70 per pound, 3 business days`` -> {3: (699, 70, 3)}."""
    out: dict[int, tuple[int, int, int | None]] = {}
    pattern = re.compile(
        r"Zone (\d): \$(\d+)\.(\d\d) plus \$(\d+)\.(\d\d) per pound(?:, (\d+) business days?)?"
    )
    for m in pattern.finditer(text):
        zone, bd, bc, pd, pc, days = m.groups()
        out[int(zone)] = (
            int(bd) * 100 + int(bc),
            int(pd) * 100 + int(pc),
            int(days) if days else None,
        )
    return out


def _section(doc: Doc, word: str) -> str:
    matches = [text for heading, text in doc.sections().items() if word in heading]
    assert len(matches) == 1, f"{doc.id}: one section about {word!r}"
    return matches[0]


def test_shipping_policy_names_the_carriers_and_free_threshold() -> None:
    body = BY_ID["policy-shipping"].body
    for name in carriers.CARRIERS:
        assert name in body
    for s in carriers.SERVICES:
        if s.country == "US":
            assert f"{s.carrier} {s.service}" in body
    threshold = _money(carriers.FREE_SHIPPING_THRESHOLD_CENTS)
    assert f"subtotal of {threshold} or more" in body
    # Every mention of a free-shipping threshold is the same amount.
    for sentence in _sentences(body):
        if "free" in sentence.lower():
            for amount in re.findall(r"\$(\d+(?:\.\d\d)?) or more", sentence):
                assert Decimal(amount) * 100 == carriers.FREE_SHIPPING_THRESHOLD_CENTS
    days = carriers.GROUND_TRANSIT_DAYS
    assert f"{min(days)} to {max(days)} business days" in body
    assert "PO box" in body


@pytest.mark.parametrize(
    ("word", "rates", "days"),
    [
        ("Ground", carriers.GROUND_RATES, carriers.GROUND_TRANSIT_DAYS),
        ("2-Day", carriers.TWO_DAY_RATES, None),
        ("Overnight", carriers.OVERNIGHT_RATES, None),
    ],
)
def test_shipping_policy_rates_match_the_rate_tables(
    word: str, rates: tuple[tuple[int, int], ...], days: tuple[int, ...] | None
) -> None:
    section = _section(BY_ID["policy-shipping"], word)
    zones = _zone_lines(section)
    assert sorted(zones) == list(range(1, 9))
    for zone, (base, per_lb, transit) in zones.items():
        assert (base, per_lb) == rates[zone - 1], f"zone {zone}"
        if days is not None:
            assert transit == days[zone - 1], f"zone {zone}"


def test_shipping_policy_states_the_express_transit_times() -> None:
    body = BY_ID["policy-shipping"].body
    assert f"Tailspin Express 2-Day takes {carriers.TWO_DAY_TRANSIT_DAYS} business days" in body
    assert carriers.OVERNIGHT_TRANSIT_DAYS == 1 and "next business day" in body


def test_canada_policy_matches_the_canadian_rates() -> None:
    body = BY_ID["policy-shipping-canada"].body
    assert carriers.WIDE_WORLD in body
    std_base, std_lb = carriers.CANADA_STANDARD_RATE
    exp_base, exp_lb = carriers.CANADA_EXPEDITED_RATE
    std_days = carriers.CANADA_STANDARD_TRANSIT_DAYS
    assert (
        f"Wide World Post Standard, {min(std_days)} to {max(std_days)} business days, "
        f"{_money(std_base)} plus {_money(std_lb)} per started pound" in body
    )
    assert (
        f"Wide World Post Expedited, {carriers.CANADA_EXPEDITED_TRANSIT_DAYS} business days, "
        f"{_money(exp_base)} plus {_money(exp_lb)} per started pound" in body
    )
    assert "Overnight shipping is not available to Canada" in body


def test_tracking_policy_matches_tracking_numbers_and_statuses() -> None:
    body = BY_ID["policy-order-tracking"].body
    for carrier, prefix in tracking.DOMESTIC_PREFIXES.items():
        assert f"{carrier}" in body and f"{prefix} followed by 15 digits" in body
    assert f"{tracking.S10_SERVICE_INDICATOR}, then 9 digits, then {tracking.S10_ORIGIN}" in body
    headings = [s.replace("_", " ").capitalize() for s in timeline.STATUSES]
    positions = [body.find(f"{h}:") for h in headings]
    assert -1 not in positions and positions == sorted(positions)


def test_example_tracking_numbers_are_valid() -> None:
    examples = [n for d in DOCS for n in TRACKING_EXAMPLE.findall(d.body)]
    assert examples, "the corpus shows at least one example tracking number"
    assert [n for n in examples if not tracking.is_valid(n)] == []


# --- store policies ----------------------------------------------------------------------------


def test_returns_policy_states_the_30_day_window_and_refund_timing() -> None:
    doc = BY_ID["policy-returns"]
    assert "30 days" in doc.body
    assert AFTER_DELIVERY.findall(_section(doc, "window")) == ["30"]
    assert "within 5 to 7 business days after the return arrives" in doc.body


def test_policies_agree_on_day_counts_across_the_corpus() -> None:
    allowed_after_delivery = {7, 30, 90}  # damage reports, returns/exchanges, Quality Promise
    refund_pattern = re.compile(r"(\d+) to (\d+) business days")
    for doc in DOCS:
        for sentence in _sentences(doc.body):
            for n in AFTER_DELIVERY.findall(sentence):
                assert int(n) in allowed_after_delivery, f"{doc.id}: {sentence}"
            if "refund" in sentence.lower():
                for span in refund_pattern.findall(sentence):
                    assert span == ("5", "7"), f"{doc.id}: {sentence}"
            if "return" in sentence.lower() and "window" in sentence.lower():
                for n in re.findall(r"(\d+)-day", sentence):
                    assert n == "30", f"{doc.id}: {sentence}"


def test_order_policies_match_the_order_rules() -> None:
    changes = BY_ID["policy-order-changes"].body
    assert f"up to {MAX_QUANTITY} units of any one product" in changes
    assert "until it ships" in changes
    for doc in DOCS:
        for n in re.findall(r"(\d+)-digit order number", doc.body):
            assert n == "8", doc.id


def test_store_wide_policies_are_present() -> None:
    expected = {
        "policy-returns",
        "policy-exchanges",
        "policy-warranty",
        "policy-damaged-missing",
        "policy-shipping",
        "policy-shipping-canada",
        "policy-order-changes",
        "policy-payment-methods",
        "policy-price-match",
        "policy-gift-cards",
        "policy-rewards",
        "policy-privacy",
        "policy-contact",
        "policy-order-tracking",
        "policy-accessibility",
        "policy-recalls",
    }
    assert expected <= set(BY_ID)
    assert all(BY_ID[i].meta["kind"] == "policy" for i in expected)


def test_contact_hours_and_recording_retention_are_consistent() -> None:
    for doc in DOCS:
        for sentence in _sentences(doc.body):
            low = sentence.lower()
            if "customer care" in low and re.search(r"\d+ (?:am|pm)", low):
                assert "7 am to 9 pm pacific" in low, f"{doc.id}: {sentence}"
            if ("recording" in low or "transcript" in low) and re.search(r"\d+ days", low):
                assert "90 days" in low, f"{doc.id}: {sentence}"


def test_cold_pack_guide_covers_damage_reporting() -> None:
    doc = BY_ID["manual-instant-cold-pack"]
    assert doc.products == [98]
    text = doc.body.lower()
    assert "stop using it" in text and "within 7 days of delivery" in text
    assert "20 minutes" in text
