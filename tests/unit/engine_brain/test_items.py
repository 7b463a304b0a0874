"""Reading wire items and options, and the retail brain on odd or broken input."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.engine_brain.helpers import ALL_TOOLS, SEARCH_TENT, Conversation, run, tool_defs
from voicecart.engine.brain import RetailDialogManager
from voicecart.engine.brain.items import message_text, offered_tools, tool_choice_name
from voicecart.engine.brain.records import failure_of, passages_of
from voicecart.engine.interfaces import BrainRequest, FunctionCall, TextDelta

pytestmark = pytest.mark.unit


def test_message_text_reads_every_content_kind() -> None:
    item = {
        "type": "message",
        "role": "user",
        "content": [
            {"type": "input_text", "text": "hello"},
            {"type": "input_audio", "transcript": "there"},
            {"type": "input_audio", "transcript": None},  # transcription still pending
            {"type": "audio", "transcript": "again"},
            {"type": "text", "text": " "},
            "junk",
        ],
    }
    assert message_text(item) == "hello there again"
    assert message_text({"type": "message", "content": None}) == ""


def test_offered_tools_and_tool_choice() -> None:
    tools: list[Any] = [
        {"type": "function", "name": "a"},
        {"type": "function", "function": {"name": "b"}},  # chat-completions shape
        {"type": "mcp", "name": "c"},
        "junk",
    ]
    assert offered_tools(tools) == frozenset({"a", "b"})
    assert tool_choice_name("none") == "none"
    assert tool_choice_name("bogus") == "auto"
    assert tool_choice_name({"type": "function", "name": "a"}) == "a"
    assert tool_choice_name({"type": "function", "function": {"name": "b"}}) == "b"


def test_failure_shapes() -> None:
    assert failure_of({"products": []}) is None
    assert failure_of(None) is not None  # unreadable output
    nested = failure_of({"error": {"message": "boom", "code": "x"}})
    assert nested is not None and nested.code == "x"
    fields = failure_of({"error": "bad", "fields": [{"field": "address.city", "message": "?"}]})
    assert fields is not None and fields.code == "validation_failed"


def test_passages_in_other_shapes() -> None:
    out = passages_of({"results": [{"document_title": "Warranty", "content": "Two years."}]})
    assert [(p.title, p.text) for p in out] == [("Warranty", "Two years.")]
    assert passages_of({"results": "nope"}) == []


async def test_unreadable_tool_output_gets_an_apology() -> None:
    convo = Conversation(RetailDialogManager())
    await convo.say("do you have tents")
    convo.items.append(
        {"type": "function_call_output", "call_id": convo.items[-1]["call_id"], "output": "<html>"}
    )
    reply = await convo.respond()
    assert not reply.calls
    assert reply.text.startswith("Sorry, I couldn't search the catalog")


async def test_output_without_call_id_pairs_with_the_last_call() -> None:
    convo = Conversation(RetailDialogManager())
    await convo.say("buy a tent")
    convo.items[-1]["call_id"] = ""
    convo.items.append({"type": "function_call_output", "output": SEARCH_TENT})
    reply = await convo.respond()
    assert reply.text.startswith("Just to confirm: one Summit 2-Person Tent")


async def test_empty_transcript_keeps_the_open_question() -> None:
    convo = Conversation(RetailDialogManager())
    await convo.say("buy a tent")
    await convo.tool_output(SEARCH_TENT)
    silence = await convo.say("")
    assert "didn't catch that" in silence.text
    assert (await convo.say("yes")).call.name == "create_order"


async def test_garbage_items_are_ignored() -> None:
    items: list[Any] = [
        "junk",
        {"type": "mcp_approval_response"},
        {"type": "message", "role": "system", "content": [{"type": "input_text", "text": "x"}]},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hello"}]},
    ]
    reply = await run(RetailDialogManager(), BrainRequest(items=items, tools=tool_defs(ALL_TOOLS)))
    assert "Contoso" in reply.text


async def test_fillers_come_before_slow_calls() -> None:
    brain = RetailDialogManager(fillers=True)
    convo = Conversation(brain)
    await convo.say("buy a tent")
    await convo.tool_output(SEARCH_TENT)
    outputs = [
        o
        async for o in brain.respond(
            BrainRequest(
                items=[
                    *convo.items,
                    {
                        "type": "message",
                        "role": "user",
                        "content": [{"type": "input_text", "text": "yes"}],
                    },
                ],
                tools=tool_defs(ALL_TOOLS),
            )
        )
    ]
    assert isinstance(outputs[0], TextDelta) and outputs[0].text.startswith("One moment")
    assert isinstance(outputs[-1], FunctionCall) and outputs[-1].name == "create_order"


def test_create_brain_picks_the_llm_only_when_configured() -> None:
    from types import SimpleNamespace

    from pydantic import SecretStr

    from voicecart.engine.brain import OpenAIChatBrain, create_brain

    assert isinstance(create_brain(), RetailDialogManager)
    assert isinstance(
        create_brain(SimpleNamespace(brain_llm_url="http://x/v1")), RetailDialogManager
    )
    llm = create_brain(
        SimpleNamespace(
            brain_llm_url="https://res.openai.azure.com/openai/deployments/d",
            brain_llm_model="d",
            azure_openai_api_key=SecretStr("k"),
            brain_llm_api_version="2024-10-21",
        )
    )
    assert isinstance(llm, OpenAIChatBrain)
    assert llm.url == "https://res.openai.azure.com/openai/deployments/d/chat/completions"
