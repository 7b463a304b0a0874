"""The in-memory product search: spoken-query understanding, correction, ranking, filters."""

from __future__ import annotations

import pytest

from voicecart.commerce.search import CatalogIndex, CategoryInfo, SearchDoc, SearchResult

pytestmark = pytest.mark.unit

CATEGORIES = (
    CategoryInfo("footwear", "Footwear", ("shoes", "sneakers", "boots", "trainers", "sandals")),
    CategoryInfo(
        "electronics",
        "Electronics",
        ("gadgets", "tech", "electronic", "headphones", "earbuds", "speakers"),
    ),
    CategoryInfo("home-kitchen", "Home & Kitchen", ("kitchen", "cookware", "appliances")),
    CategoryInfo("outdoor", "Outdoor", ("camping", "hiking", "tents", "backpacks")),
    CategoryInfo("clothing", "Clothing", ("clothes", "apparel", "shirts", "jackets")),
    CategoryInfo("health", "Health & First Aid", ("first aid", "medical", "cold pack")),
)


def _doc(
    id: int,
    name: str,
    category: str,
    price_cents: int,
    *,
    brand: str = "Contoso",
    stock: int = 50,
    tags: tuple[str, ...] = (),
    colors: tuple[str, ...] = (),
    description: str = "",
) -> SearchDoc:
    return SearchDoc(id, name, category, brand, description, price_cents, stock, tags, colors)


RUNNING_SHOE = 1
HIKING_BOOT = 2
SNEAKER_BLACK = 3  # out of stock; same text as the red one
SNEAKER_RED = 4
EARBUDS = 5
HEADPHONES = 6
SPEAKER = 7
TABLET = 8
COFFEE_MAKER = 9
SKILLET = 10
TENT = 11
BACKPACK = 12
T_SHIRT = 13
RAIN_JACKET = 14
COLD_PACK = 15
FIRST_AID_KIT = 16

SNEAKER_TEXT = "Low-top canvas sneaker with a vulcanized rubber sole."

DOCS = (
    _doc(
        RUNNING_SHOE,
        "Trailblazer Running Shoe",
        "footwear",
        4499,
        stock=184,
        tags=("running", "sneakers", "running shoes", "trainers"),
        colors=("black", "blue", "red"),
        description="A light, cushioned road shoe for daily miles and weekend races.",
    ),
    _doc(
        HIKING_BOOT,
        "Rainier Waterproof Hiking Boot",
        "footwear",
        12900,
        brand="Adventure Works",
        tags=("hiking boots", "boots", "waterproof", "hiking", "trail"),
        colors=("brown", "gray"),
        description="Full-grain leather boot with a waterproof membrane and grippy lugs.",
    ),
    _doc(
        SNEAKER_BLACK,
        "Metro Canvas Sneaker",
        "footwear",
        3999,
        brand="Fabrikam",
        stock=0,
        tags=("sneakers", "canvas shoes", "casual"),
        colors=("black",),
        description=SNEAKER_TEXT,
    ),
    _doc(
        SNEAKER_RED,
        "Metro Canvas Sneaker",
        "footwear",
        3999,
        brand="Fabrikam",
        stock=25,
        tags=("sneakers", "canvas shoes", "casual"),
        colors=("red",),
        description=SNEAKER_TEXT,
    ),
    _doc(
        EARBUDS,
        "Aria Wireless Earbuds",
        "electronics",
        7999,
        brand="Litware",
        tags=("earbuds", "wireless", "bluetooth", "earphones"),
        colors=("black", "white"),
        description="True wireless earbuds with a pocketable charging case.",
    ),
    _doc(
        HEADPHONES,
        "Nimbus Over-Ear Headphones",
        "electronics",
        14999,
        brand="Litware",
        tags=("headphones", "over ear", "noise cancelling", "wireless"),
        colors=("black", "silver"),
        description="Plush over-ear headphones with active noise cancelling for travel.",
    ),
    _doc(
        SPEAKER,
        "Pulse Bluetooth Speaker",
        "electronics",
        4999,
        brand="Proseware",
        tags=("speaker", "bluetooth speaker", "portable", "waterproof"),
        colors=("blue", "red"),
        description="A rugged portable speaker that floats and plays for twelve hours.",
    ),
    _doc(
        TABLET,
        "Lumen 10-Inch Tablet",
        "electronics",
        32900,
        brand="Proseware",
        tags=("tablet", "android", "reading"),
        colors=("gray",),
        description="A 10-inch tablet for reading, streaming and video calls.",
    ),
    _doc(
        COFFEE_MAKER,
        "Harbor 12-Cup Coffee Maker",
        "home-kitchen",
        8999,
        tags=("coffee maker", "coffee", "drip coffee", "carafe"),
        colors=("black", "silver"),
        description="Programmable drip brewer with a glass carafe and a warming plate.",
    ),
    _doc(
        SKILLET,
        "Heritage Cast Iron Skillet",
        "home-kitchen",
        2999,
        brand="Wide World Importers",
        tags=("skillet", "frying pan", "cast iron", "cookware"),
        colors=("black",),
        description="Pre-seasoned 10-inch skillet for searing, baking and campfires.",
    ),
    _doc(
        TENT,
        "Summit 2-Person Tent",
        "outdoor",
        18999,
        brand="Adventure Works",
        tags=("tent", "camping", "backpacking", "two person"),
        colors=("green", "orange"),
        description="A freestanding three-season shelter that pitches in five minutes.",
    ),
    _doc(
        BACKPACK,
        "Basecamp 40L Hiking Backpack",
        "outdoor",
        9999,
        brand="Adventure Works",
        tags=("backpack", "hiking", "daypack"),
        colors=("green", "black"),
        description="A ventilated 40 litre pack with a rain cover and hip-belt pockets.",
    ),
    _doc(
        T_SHIRT,
        "Everyday Cotton T-Shirt",
        "clothing",
        1499,
        stock=236,
        tags=("t-shirt", "tee", "shirt", "cotton"),
        colors=("white", "black", "red"),
        description="A soft crew-neck tee in combed cotton jersey.",
    ),
    _doc(
        RAIN_JACKET,
        "Cascade Rain Jacket",
        "clothing",
        11900,
        brand="Alpine Ski House",
        tags=("rain jacket", "waterproof", "jacket", "packable"),
        colors=("yellow", "navy"),
        description="A packable waterproof shell with taped seams and a stowaway hood.",
    ),
    _doc(
        COLD_PACK,
        "Instant Cold Pack",
        "health",
        799,
        stock=243,
        tags=("cold pack", "ice pack", "first aid", "injury"),
        colors=("blue",),
        description="Squeeze to activate: single-use cold therapy for sprains and bumps.",
    ),
    _doc(
        FIRST_AID_KIT,
        "Family First Aid Kit",
        "health",
        2999,
        tags=("first aid kit", "bandages", "emergency"),
        colors=("red",),
        description="160 pieces of bandages, wipes and tools in a zip case.",
    ),
)
BY_ID = {d.id: d for d in DOCS}


@pytest.fixture
def index() -> CatalogIndex:
    return CatalogIndex.build(DOCS, CATEGORIES)


def ids(result: SearchResult) -> list[int]:
    return [h.id for h in result.hits]


# ------------------------------------------------------------------ spoken queries


def test_misspelled_running_shoes_under_fifty(index: CatalogIndex) -> None:
    result = index.search("runing shoos under fifty")

    assert ids(result)[0] == RUNNING_SHOE
    assert result.parsed.max_price_cents == 5000
    assert result.parsed.min_price_cents is None
    assert result.parsed.corrections == {"runing": "running", "shoos": "shoes"}
    assert result.parsed.terms == ("running", "shoes")  # the price phrase is not a term
    assert all(BY_ID[i].price_cents <= 5000 for i in ids(result))


def test_hiking_boots_finds_the_boot_first(index: CatalogIndex) -> None:
    assert ids(index.search("hiking boots"))[0] == HIKING_BOOT


def test_split_and_misheard_words_are_joined(index: CatalogIndex) -> None:
    headphones = index.search("head fones")
    assert ids(headphones)[0] == HEADPHONES
    assert headphones.parsed.corrections == {"head fones": "headphones"}

    earbuds = index.search("ear buds")
    assert ids(earbuds)[0] == EARBUDS
    assert earbuds.parsed.terms == ("earbuds",)


def test_typo_in_coffee_maker(index: CatalogIndex) -> None:
    result = index.search("coffe maker")
    assert ids(result)[0] == COFFEE_MAKER
    assert result.parsed.corrections == {"coffe": "coffee"}


def test_filler_words_are_ignored(index: CatalogIndex) -> None:
    parsed = index.parse("um, uh, I'm looking for some coffee maker please")
    assert parsed.terms == ("coffee", "maker")
    assert ids(index.search("do you have a tent"))[0] == TENT


def test_sound_alike_word_is_corrected_but_scores_lower(index: CatalogIndex) -> None:
    misheard = index.search("tint")
    exact = index.search("tent")
    assert ids(misheard)[:1] == ids(exact)[:1] == [TENT]
    assert misheard.parsed.corrections == {"tint": "tent"}
    assert misheard.hits[0].score < exact.hits[0].score


def test_unknown_word_finds_nothing(index: CatalogIndex) -> None:
    for query in ("xylophone", "red xylophone", "xylophone under twenty dollars"):
        result = index.search(query)
        assert result.total == 0, query
        assert result.hits == []
    assert index.parse("xylophone").corrections == {}


def test_real_words_the_catalog_lacks_are_not_forced_onto_it(index: CatalogIndex) -> None:
    # "skirt" is one letter away from "shirt", "book" from "boot": they are other things.
    for query in ("skirt", "book", "pillow", "sofa"):
        result = index.search(query)
        assert (result.total, result.parsed.corrections) == (0, {}), query


def test_stray_letter_is_ignored(index: CatalogIndex) -> None:
    footwear = sum(d.category == "footwear" for d in DOCS)
    assert index.search("x", category="footwear").total == footwear
    assert ids(index.search("tent x")) == [TENT]


def test_category_only_query_lists_the_category(index: CatalogIndex) -> None:
    result = index.search("anything in electronics under a hundred dollars")

    assert result.parsed.category == "electronics"
    assert result.parsed.max_price_cents == 10000
    assert result.parsed.terms == ()
    expected = [d.id for d in DOCS if d.category == "electronics" and d.price_cents <= 10000]
    assert sorted(ids(result)) == sorted(expected) and expected
    # no words to rank by: cheapest first
    assert ids(result) == sorted(expected, key=lambda i: BY_ID[i].price_cents)


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("tents", "outdoor"),
        ("shoe", "footwear"),
        ("shoes", "footwear"),
        ("electronic", "electronics"),
        ("electronik", "electronics"),
        ("home and kitchen", "home-kitchen"),
        ("first aid", "health"),
        ("running shoes", None),  # a synonym beside other words only boosts
    ],
)
def test_category_detection(index: CatalogIndex, query: str, slug: str | None) -> None:
    assert index.parse(query).category == slug


def test_text_category_is_dropped_when_other_products_match_better(index: CatalogIndex) -> None:
    result = index.search("outdoor rain jacket")
    assert ids(result)[0] == RAIN_JACKET
    assert result.parsed.category is None
    assert index.parse("outdoor rain jacket").category == "outdoor"


def test_explicit_category_overrides_the_text(index: CatalogIndex) -> None:
    result = index.search("anything in electronics", category="footwear")
    assert result.parsed.category == "footwear"
    assert {BY_ID[i].category for i in ids(result)} == {"footwear"}
    assert result.total == sum(d.category == "footwear" for d in DOCS)

    assert index.search("headphones", category="home-kitchen").total == 0


def test_explicit_prices_override_the_text(index: CatalogIndex) -> None:
    result = index.search("headphones under fifty", max_price_cents=20000)
    assert result.parsed.max_price_cents == 20000
    assert ids(result)[0] == HEADPHONES


# ------------------------------------------------------------------------ prices


@pytest.mark.parametrize(
    ("query", "low", "high"),
    [
        ("under fifty", None, 5000),
        ("less than thirty dollars", None, 3000),
        ("below 20 bucks", None, 2000),
        ("cheaper than $25", None, 2500),
        ("under a hundred", None, 10000),
        ("between twenty and forty", 2000, 4000),
        ("from 20 to 40", 2000, 4000),
        ("over 100", 10000, None),
        ("more than fifty", 5000, None),
        ("at least 30", 3000, None),
        ("around fifty", 4000, 6000),
        ("fifty dollars or less", None, 5000),
        ("$49.99", None, 4999),
        ("under forty nine ninety nine", None, 4999),
        ("a 12 cup coffee maker", None, None),
        ("over ear headphones", None, None),
    ],
)
def test_spoken_prices(index: CatalogIndex, query: str, low: int | None, high: int | None) -> None:
    parsed = index.parse(query)
    assert (parsed.min_price_cents, parsed.max_price_cents) == (low, high)


def test_price_range_bounds_the_hits(index: CatalogIndex) -> None:
    result = index.search("between twenty and forty", limit=100)
    expected = {d.id for d in DOCS if 2000 <= d.price_cents <= 4000}
    assert set(ids(result)) == expected and expected
    assert result.total == len(expected)


# ------------------------------------------------------------- colours and stock


def test_colour_filters(index: CatalogIndex) -> None:
    result = index.search("red sneakers")
    assert result.parsed.color == "red"
    assert result.parsed.terms == ("sneakers",)
    assert SNEAKER_RED in ids(result)
    assert SNEAKER_BLACK not in ids(result)
    assert all("red" in BY_ID[i].colors for i in ids(result))

    assert ids(index.search("black canvas sneaker")) == [SNEAKER_BLACK]
    assert ids(index.search("red t shirt")) == [T_SHIRT]


def test_out_of_stock_ranks_after_in_stock_on_equal_text(index: CatalogIndex) -> None:
    result = index.search("canvas sneaker")
    # Same text; the out-of-stock one has the lower id, so only the penalty puts it last.
    assert ids(result) == [SNEAKER_RED, SNEAKER_BLACK]
    assert result.hits[0].score > result.hits[1].score


def test_in_stock_from_text_and_argument(index: CatalogIndex) -> None:
    assert index.parse("canvas sneakers in stock").in_stock_only is True
    assert ids(index.search("canvas sneakers in stock")) == [SNEAKER_RED]
    assert ids(index.search("canvas sneakers", in_stock=True)) == [SNEAKER_RED]
    assert ids(index.search("canvas sneakers in stock", in_stock=False)) == [
        SNEAKER_RED,
        SNEAKER_BLACK,
    ]


def test_update_stock_takes_effect(index: CatalogIndex) -> None:
    index.update_stock(SNEAKER_RED, 0)
    index.update_stock(SNEAKER_BLACK, 7)
    index.update_stock(999, 5)  # unknown ids are ignored

    assert ids(index.search("canvas sneaker")) == [SNEAKER_BLACK, SNEAKER_RED]
    assert ids(index.search("canvas sneaker", in_stock=True)) == [SNEAKER_BLACK]


# ------------------------------------------------------------ ordering and paging


def test_empty_query_lists_everything_cheapest_first_out_of_stock_last(
    index: CatalogIndex,
) -> None:
    result = index.search("", limit=100)
    in_stock = sorted((d for d in DOCS if d.stock > 0), key=lambda d: (d.price_cents, d.id))
    assert ids(result) == [d.id for d in in_stock] + [SNEAKER_BLACK]
    assert result.total == len(DOCS)
    assert index.search("um uh", limit=100).total == len(DOCS)


def test_pagination(index: CatalogIndex) -> None:
    everything = ids(index.search("", limit=100))
    pages = [index.search("", limit=5, offset=o) for o in range(0, len(DOCS), 5)]

    assert all(p.total == len(DOCS) for p in pages)
    assert [len(p.hits) for p in pages] == [5, 5, 5, 1]
    assert [i for p in pages for i in ids(p)] == everything
    beyond = index.search("", limit=5, offset=100)
    assert beyond.hits == [] and beyond.total == len(DOCS)


def test_hits_sorted_by_score_then_id(index: CatalogIndex) -> None:
    for query in ("waterproof", "hiking", "wireless", "shoes", "coffee pack tent"):
        hits = index.search(query, limit=100).hits
        assert hits, query
        keys = [(-h.score, h.id) for h in hits]
        assert keys == sorted(keys), query


def test_parse_does_not_share_mutable_state(index: CatalogIndex) -> None:
    first = index.parse("coffe maker")
    first.corrections["coffe"] = "tea"
    assert index.parse("coffe maker").corrections == {"coffe": "coffee"}
    assert index.search("coffe maker").parsed.corrections == {"coffe": "coffee"}


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        CatalogIndex.build([DOCS[0], DOCS[0]], CATEGORIES)
