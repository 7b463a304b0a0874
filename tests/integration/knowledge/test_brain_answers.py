"""The built-in retail brain asks ``search_knowledge`` and speaks from the real tool's
output over the real corpus: the answer cites the document and carries its facts."""

from __future__ import annotations

import pytest

from tests.unit.engine_brain.helpers import Conversation
from voicecart.engine.brain import RetailDialogManager
from voicecart.tools.context import ToolContext
from voicecart.tools.knowledge_tools import register_knowledge_tools
from voicecart.tools.registry import ToolRegistry

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("spoken", "title", "fact"),
    [
        ("how many days do I have to return something", "Returns and Refunds", "thirty days"),
        ("do you price match", "Price Adjustments and Price Match", "price"),
        ("how long is the warrenty on the ear buds", "Aria Wireless Earbuds", "warranty"),
    ],
)
async def test_brain_answers_policy_questions_from_the_corpus(
    tool_ctx: ToolContext, spoken: str, title: str, fact: str
) -> None:
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
    assert fact in answer.text.lower()
