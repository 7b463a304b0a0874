"""Spoken queries: numbers in words, recognition slips, split and joined words; and the
reciprocal-rank fusion that merges the lexical and dense rankings."""

from __future__ import annotations

import pytest

from voicecart.knowledge.present import category_slug, speakable
from voicecart.knowledge.retrieval import reciprocal_rank_fusion
from voicecart.knowledge.speech import Vocabulary, content_words, normalise
from voicecart.knowledge.store import fts_query

pytestmark = pytest.mark.unit

VOCAB = Vocabulary(
    [
        "Returns are accepted within 30 days of delivery.",
        "The earbuds have a 1 year warranty.",
        "Price match requests need a link to the lower price.",
        "Season the cast iron skillet after washing.",
        "The air fryer basket is dishwasher safe.",
        "The smartwatch syncs with the phone app.",
        "The smart display can show a watch face.",
    ]
)


@pytest.mark.parametrize(
    ("spoken", "expected"),
    [
        ("can I return it after thirty days", "can I return it after 30 days"),
        ("a two-year warranty", "a 2 year warranty"),
        ("ninety nine dollars", "99 dollars"),
        ("twenty four seven support", "24 7 support"),
        ("30-day returns", "30-day returns"),
    ],
)
def test_spoken_numbers_become_digits(spoken: str, expected: str) -> None:
    assert normalise(spoken) == expected


def test_fillers_and_stop_words_are_not_search_terms() -> None:
    assert content_words("um so can I uh return my shoes after thirty days") == [
        "return",
        "shoes",
        "30",
        "days",
    ]


@pytest.mark.parametrize(
    ("heard", "terms", "corrections"),
    [
        ("how long is the warrenty", ("long", "warranty"), {"warrenty": "warranty"}),
        ("do you price mach", ("price", "match"), {"mach": "match"}),
        (
            "clean my cast iron skillit",
            ("clean", "cast", "iron", "skillet"),
            {"skillit": "skillet"},
        ),
        ("my ear buds", ("earbuds",), {"ear buds": "earbuds"}),
        ("the airfryer basket", ("air", "fryer", "basket"), {"airfryer": "air fryer"}),
        ("smart watch", ("smart", "watch", "smartwatch"), {"smart watch": "smartwatch"}),
    ],
)
def test_recognition_slips_are_corrected_to_indexed_words(
    heard: str, terms: tuple[str, ...], corrections: dict[str, str]
) -> None:
    understood = VOCAB.understand(heard)
    assert understood.terms == terms
    assert understood.corrections == corrections


def test_unknown_words_far_from_the_index_are_kept() -> None:
    assert VOCAB.understand("weather in paris").terms == ("weather", "paris")
    assert VOCAB.understand("weather in paris").corrections == {}


def test_rrf_rewards_agreement_between_rankings() -> None:
    lexical = [1, 2, 3, 4]
    dense = [3, 5, 1, 6]
    fused = [item for item, _ in reciprocal_rank_fusion([lexical, dense], k=60)]
    assert fused[:2] == [1, 3]  # in both lists near the top
    assert set(fused) == {1, 2, 3, 4, 5, 6}
    scores = dict(reciprocal_rank_fusion([lexical, dense], k=60))
    assert scores[1] == pytest.approx(1 / 61 + 1 / 63)
    assert scores[5] == pytest.approx(1 / 62)


def test_rrf_of_one_ranking_keeps_its_order() -> None:
    assert [i for i, _ in reciprocal_rank_fusion([[9, 4, 7]])] == [9, 4, 7]


def test_fts_query_quotes_every_term() -> None:
    assert fts_query(["return", 'x" OR "y', "NEAR"]) == '"return" OR "x"" OR ""y" OR "NEAR"'


def test_speakable_strips_markdown_and_clips_at_a_sentence() -> None:
    text = "**Note:** keep it dry.\n\n- Rinse it.\n- Dry it\n\n" + "More words here. " * 40
    spoken = speakable(text, limit=120)
    assert spoken.startswith("Note: keep it dry. Rinse it. Dry it. More words here.")
    assert len(spoken) <= 120 and spoken.endswith(".")


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Home & Kitchen", "home-kitchen"), ("footwear", "footwear"), ("Sports & Fitness", "sports")],
)
def test_category_names_map_to_catalog_slugs(name: str, slug: str) -> None:
    assert category_slug(name) == slug
