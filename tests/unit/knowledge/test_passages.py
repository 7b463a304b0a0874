"""Which chunk speaks for a ranked document: the lead for a question that names only the
document's topic, the best-ranked chunk for a question with a specific term."""

from __future__ import annotations

import pytest

from voicecart.knowledge.passages import pick_rows, specific_terms

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("terms", "title", "specific"),
    [
        (("return", "policy"), "Returns and Refunds", []),
        (("price", "match"), "Price Adjustments and Price Match", []),
        (("payment", "methods", "take"), "Payment Methods", []),
        (("cancel", "order"), "Changing or Cancelling an Order", []),
        (("gift", "cards", "work"), "Contoso Gift Cards", []),
        (
            ("return", "shoes", "wore", "outside"),
            "Returns and Refunds",
            ["shoes", "wore", "outside"],
        ),
        # "cost" names an aspect the title lists, not the topic
        (("cost", "shipping"), "Shipping Options, Costs and Delivery Times", ["cost"]),
        (("long", "shipping", "take"), "Shipping Options, Costs and Delivery Times", ["long"]),
        (("warranty", "earbuds"), "Aria Wireless Earbuds User Guide", ["warranty"]),
        (("30", "days", "return"), "Returns and Refunds", ["30", "days"]),
    ],
)
def test_specific_terms_are_what_the_title_does_not_say(
    terms: tuple[str, ...], title: str, specific: list[str]
) -> None:
    assert specific_terms(terms, title) == specific


def test_a_generic_question_puts_the_lead_first() -> None:
    assert pick_rows([7, 3, 9], lead_row=1, generic=True, limit=2) == [1, 7]
    assert pick_rows([7, 1, 9], lead_row=1, generic=True, limit=2) == [1, 7]


def test_a_specific_question_keeps_the_ranked_order() -> None:
    assert pick_rows([7, 3, 9], lead_row=1, generic=False, limit=2) == [7, 3]
    assert pick_rows([7], lead_row=None, generic=True, limit=2) == [7]
