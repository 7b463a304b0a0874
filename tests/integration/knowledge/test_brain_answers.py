"""The built-in retail brain asks ``search_knowledge`` and speaks from the real tool's
output over the real corpus: a short answer that cites the document and carries the
fact that answers the question (the fact is checked against the corpus file too)."""

from __future__ import annotations

import re

import pytest

from tests.unit.engine_brain.helpers import Conversation
from voicecart.engine.brain import RetailDialogManager
from voicecart.knowledge.corpus import builtin_files
from voicecart.tools.context import ToolContext
from voicecart.tools.knowledge_tools import register_knowledge_tools
from voicecart.tools.registry import ToolRegistry

pytestmark = pytest.mark.integration

MAX_SPOKEN_WORDS = 60

# (what the shopper says, document title cited, fact as spoken, fact as the corpus writes it)
QUESTIONS = [
    ("what is your return policy", "Returns and Refunds", "thirty days", "30 days"),
    ("how many days do I have to return something", "Returns and Refunds", "thirty days", "30"),
    (
        "how long does shipping take",
        "Shipping Options, Costs and Delivery Times",
        "two to six business days",
        "2 to 6 business days",
    ),
    (
        "how much is shipping",
        "Shipping Options, Costs and Delivery Times",
        "free on us orders",
        "free on US orders",
    ),
    ("do you price match", "Price Match", "fourteen days", "14 days"),
    ("do you guys price mach", "Price Match", "fourteen days", "14 days"),
    (
        "do you ship to Canada",
        "Shipping to Canada",
        "ships to the united states and canada",
        "ships to the United States and Canada",
    ),
    (
        "how do I wash my rain jacket",
        "Cascade Packable Rain Jacket",
        "wash the jacket",
        "wash the jacket",
    ),
    ("what's the warranty on the earbuds", "Aria Wireless Earbuds", "1-year warranty", "1-year"),
    ("how long is the warrenty on the ear buds", "Aria Wireless Earbuds", "warranty", "warranty"),
    (
        "what's your cancellation policy",
        "Changing or Cancelling an Order",
        "until it ships",
        "until it ships",
    ),
    ("what payment methods do you take", "Payment Methods", "paypal", "PayPal"),
    ("how do gift cards work", "Gift Cards", "e-gift cards", "e-gift cards"),
    (
        "when are you open",
        "Contact Us and Opening Hours",
        "seven am to nine pm",
        "7 am to 9 pm",
    ),
    ("whats ur retern polcy", "Returns and Refunds", "thirty days", "30 days"),
]


def _corpus_text(title: str) -> str:
    texts = [f.data.decode() for f in builtin_files()]
    matching = [t for t in texts if re.search(rf"(?m)^title: .*{re.escape(title)}", t)]
    assert matching, f"no corpus document titled like {title!r}"
    return "\n".join(matching)


@pytest.mark.parametrize(("spoken", "title", "fact", "written"), QUESTIONS)
async def test_brain_answers_policy_questions_from_the_corpus(
    tool_ctx: ToolContext, spoken: str, title: str, fact: str, written: str
) -> None:
    assert written in _corpus_text(title)  # the expected fact is the corpus's, not ours
    registry = ToolRegistry()
    register_knowledge_tools(registry)
    convo = Conversation(RetailDialogManager())
    ask = await convo.say(spoken)
    assert ask.call.name == "search_knowledge"
    outcome = await registry.run("search_knowledge", ask.call.arguments, tool_ctx)
    assert outcome.ok, outcome.output
    answer = await convo.tool_output(outcome.output)
    assert answer.text.startswith("According to our "), answer.text
    assert title in answer.text
    assert fact in answer.text.lower(), answer.text
    assert len(answer.text.split()) <= MAX_SPOKEN_WORDS, answer.text


async def test_a_request_to_cancel_my_order_stays_an_action() -> None:
    convo = Conversation(RetailDialogManager())
    ask = await convo.say("can I cancel my order")
    assert not ask.calls
    assert "order number" in ask.text
