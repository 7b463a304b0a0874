"""Policy questions reach ``search_knowledge`` even when speech recognition garbles them,
and the product, order and shipping flows keep their own intents."""

from __future__ import annotations

import pytest

from voicecart.engine.brain.nlu import Intent, understand

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "heard",
    [
        "do you guys price mach",
        "whats ur retern polcy",
        "how long is the warrenty on the ear buds",
        "do you ship to Canada",
        "when are you open",
        "are you open on sundays",
        "what are your opening hours",
        "do you have a loyalty program",
        "what do you do with my data",
        "my earbuds won't pair",
        "what size jacket should I get",
        "what's your cancellation policy",
        "can I cancel an order after it ships",
        "what payment methods do you take",
        "how do gift cards work",
    ],
)
def test_policy_questions_route_to_the_knowledge_base(heard: str) -> None:
    assert understand(heard).intent is Intent.POLICY


@pytest.mark.parametrize(
    ("heard", "intent"),
    [
        ("can I cancel my order", Intent.CANCEL_ORDER),
        ("please cancel order 12345678", Intent.CANCEL_ORDER),
        ("ship it to 12 Main Street Seattle Washington 98101", Intent.ADDRESS),
        ("do you have running shoes", Intent.SEARCH),
        ("do you have a soccer match ball", Intent.SEARCH),
        ("how much is it", Intent.DETAILS),
        ("where is my package", Intent.TRACK),
        ("I want to buy the rain jacket", Intent.BUY),
    ],
)
def test_product_and_order_flows_keep_their_intents(heard: str, intent: Intent) -> None:
    assert understand(heard).intent is intent
