"""The retail dialog manager's rules: tool gating, tool errors, policies, orders."""

from __future__ import annotations

import pytest

from tests.unit.engine_brain.helpers import (
    ALL_TOOLS,
    CANCELLED,
    ERR_BAD_TRACKING,
    ERR_BAD_ZIP,
    ERR_NO_STATE,
    ERR_NOT_FOUND,
    ERR_OUT_OF_STOCK_NONE,
    ERR_OUT_OF_STOCK_SOME,
    ERR_SEVEN_DIGITS,
    ERR_SHIPPED,
    ERR_TIMEOUT,
    KNOWLEDGE_RETURNS,
    NOT_SHIPPED,
    ORDER_PLACED,
    SEARCH_NOTHING,
    SEARCH_SHOES,
    SEARCH_TENT,
    STORE_TOOLS,
    Conversation,
    run,
)
from voicecart.engine.brain import RetailDialogManager
from voicecart.engine.interfaces import BrainRequest

pytestmark = pytest.mark.unit


@pytest.fixture
def convo() -> Conversation:
    return Conversation(RetailDialogManager())


async def _ordered(convo: Conversation) -> None:
    """A conversation that has just placed order 48271930 and asked for the address."""
    await convo.say("show me running shoes")
    await convo.tool_output(SEARCH_SHOES)
    await convo.say("two of the first one please")
    await convo.say("yes")
    await convo.tool_output(ORDER_PLACED)


# ------------------------------------------------------------------ tool gating


async def test_tool_choice_none_never_calls(convo: Conversation) -> None:
    reply = await convo.say("do you have running shoes", tool_choice="none")
    assert not reply.calls
    assert "can't search the catalog" in reply.text

    await convo.say("show me running shoes")
    await convo.tool_output(SEARCH_SHOES)
    await convo.say("buy the first one")
    held = await convo.say("yes", tool_choice="none")
    assert not held.calls
    assert "can't place orders" in held.text


async def test_tool_not_offered_is_never_called(convo: Conversation) -> None:
    no_search = tuple(t for t in ALL_TOOLS if t != "search_products")
    reply = await convo.say("do you have running shoes", tools=no_search)
    assert not reply.calls
    assert "can't search the catalog" in reply.text

    nothing = await convo.say("where is my order 4827 1930", tools=())
    assert not nothing.calls


async def test_tool_choice_naming_a_function_calls_it(convo: Conversation) -> None:
    forced = await convo.say(
        "hello there", tool_choice={"type": "function", "name": "search_products"}
    )
    assert forced.call.name == "search_products"
    assert forced.args == {"query": "there"} or "query" in forced.args

    convo.items.clear()
    status = await convo.say(
        "order four eight two seven one nine three zero",
        tool_choice={"type": "function", "name": "track_shipment"},
    )
    assert status.call.name == "track_shipment"
    assert status.args == {"order_id": "48271930"}


async def test_tool_choice_naming_an_unoffered_function_calls_nothing(
    convo: Conversation,
) -> None:
    reply = await convo.say(
        "do you have tents", tool_choice={"type": "function", "name": "delete_everything"}
    )
    assert not reply.calls


async def test_tool_choice_required_always_calls(convo: Conversation) -> None:
    reply = await convo.say("hello", tool_choice="required")
    assert len(reply.calls) == 1
    assert reply.calls[0].name in STORE_TOOLS


# ------------------------------------------------------------------ tool errors


async def test_out_of_stock_offers_what_is_left(convo: Conversation) -> None:
    await convo.say("show me boots")
    await convo.tool_output(
        {
            "total": 1,
            "products": [{"id": 18, "name": "Timberline Leather Chelsea Boot", "price": 159.0}],
        }
    )
    await convo.say("two please")
    order = await convo.say("yes")
    assert order.args == {"lines": [{"product_id": 18, "quantity": 2}]}
    sorry = await convo.tool_output(ERR_OUT_OF_STOCK_SOME)
    assert not sorry.calls
    assert sorry.text.startswith("Sorry, we only have one Timberline Leather Chelsea Boot left.")
    again = await convo.say("yes please")
    assert again.args == {"lines": [{"product_id": 18, "quantity": 1}]}


async def test_sold_out_offers_alternatives(convo: Conversation) -> None:
    await convo.say("do you have parkas")
    await convo.tool_output(
        {"total": 1, "products": [{"id": 7, "name": "Polar Insulated Parka", "price": 249.0}]}
    )
    await convo.say("yes")
    await convo.say("yes")
    sorry = await convo.tool_output(ERR_OUT_OF_STOCK_NONE)
    assert "sold out" in sorry.text and "something similar" in sorry.text
    similar = await convo.say("sure")
    assert similar.call.name == "search_products"
    assert similar.args == {"query": "Insulated Parka"}


async def test_short_zip_is_asked_for_before_shipping(convo: Conversation) -> None:
    await _ordered(convo)
    short = await convo.say("ten Main Street Seattle Washington nine eight one zero")
    assert not short.calls
    assert "nine eight one zero" in short.text and "ZIP code again" in short.text
    fixed = await convo.say("nine eight one zero one")
    assert "ten Main Street, Seattle, Washington, nine eight one zero one" in fixed.text


async def test_zip_rejected_by_the_shipping_service_is_asked_again(convo: Conversation) -> None:
    await _ordered(convo)
    await convo.say("ten Main Street Seattle Washington nine nine nine nine nine")
    ship = await convo.say("yes")
    assert ship.args["address"] == "10 Main Street, Seattle, Washington 99999"
    sorry = await convo.tool_output(ERR_BAD_ZIP)
    assert not sorry.calls
    assert "ZIP code" in sorry.text and sorry.text.endswith("again?")
    fixed = await convo.say("nine eight one zero one")
    assert "ten Main Street, Seattle, Washington, nine eight one zero one" in fixed.text
    retry = await convo.say("yes")
    assert retry.args["address"] == "10 Main Street, Seattle, Washington 98101"


async def test_missing_state_asks_for_the_state(convo: Conversation) -> None:
    await _ordered(convo)
    await convo.say("ten Main Street Seattle Washington nine eight one zero one")
    await convo.say("yes")
    sorry = await convo.tool_output(ERR_NO_STATE)
    assert "need the state" in sorry.text
    fixed = await convo.say("Washington")
    assert "Washington" in fixed.text and fixed.text.endswith("Is that right?")


async def test_misheard_order_number_is_asked_again(convo: Conversation) -> None:
    short = await convo.say("where is order four eight two seven one nine three")
    assert not short.calls
    assert "only seven digits" in short.text
    full = await convo.say("four eight two seven one nine three zero")
    assert full.call.name == "track_shipment"
    assert full.args == {"order_id": "48271930"}

    convo.items.clear()
    await convo.say("check order 1111 2222")
    missing = await convo.tool_output(ERR_NOT_FOUND)
    assert "couldn't find order one one one one, two two two two" in missing.text
    retry = await convo.say("sorry, it's 4827 1930")
    assert retry.call.name == "get_order"
    assert retry.args == {"order_id": "48271930"}

    convo.items.clear()
    await convo.say("status of order 48271930")
    digits = await convo.tool_output(ERR_SEVEN_DIGITS)
    assert "only seven digits" in digits.text


async def test_invalid_tracking_number(convo: Conversation) -> None:
    reply = await convo.say("track NW 1234 5678 9012 340")
    assert reply.args == {"tracking_number": "NW123456789012340"}
    sorry = await convo.tool_output(ERR_BAD_TRACKING)
    assert "misheard" in sorry.text
    assert "123456789" not in sorry.text


async def test_retryable_error_offers_to_try_again(convo: Conversation) -> None:
    await convo.say("do you have tents")
    sorry = await convo.tool_output(ERR_TIMEOUT)
    assert "try again" in sorry.text
    retry = await convo.say("yes please")
    assert retry.call.name == "search_products"
    assert retry.args == {"query": "tents"}


async def test_empty_search(convo: Conversation) -> None:
    await convo.say("do you have unicorn saddles")
    reply = await convo.tool_output(SEARCH_NOTHING)
    assert "couldn't find anything for unicorn saddles" in reply.text


# --------------------------------------------------------------------- policies


async def test_policy_question_with_knowledge_search(convo: Conversation) -> None:
    ask = await convo.say("what's your return policy")
    assert ask.call.name == "search_knowledge"
    assert ask.args == {"query": "what's your return policy"}
    answer = await convo.tool_output(KNOWLEDGE_RETURNS)
    assert answer.text.startswith("According to our Returns and Refunds policy, ")
    assert "thirty days" in answer.text
    assert answer.text.count(". ") <= 1


async def test_policy_question_without_knowledge_search(convo: Conversation) -> None:
    reply = await convo.say("how do I clean my running shoes", tools=STORE_TOOLS)
    assert not reply.calls
    assert "customer care" in reply.text


async def test_knowledge_search_with_no_passages(convo: Conversation) -> None:
    await convo.say("do you price match")
    reply = await convo.tool_output({"passages": []})
    assert "customer care" in reply.text


# ----------------------------------------------------------------------- orders


async def test_cancel_needs_confirmation(convo: Conversation) -> None:
    ask = await convo.say("cancel order four eight two seven one nine three zero")
    assert not ask.calls
    assert "cancel order four eight two seven, one nine three zero?" in ask.text
    yes = await convo.say("yes, cancel it")
    assert yes.call.name == "cancel_order"
    assert yes.args == {"order_id": "48271930"}
    done = await convo.tool_output(CANCELLED)
    assert "is now cancelled" in done.text


async def test_cancel_can_be_declined(convo: Conversation) -> None:
    await convo.say("I want to cancel my order 48271930")
    keep = await convo.say("no, keep it")
    assert not keep.calls
    assert "keep order" in keep.text


async def test_cancelling_a_shipped_order(convo: Conversation) -> None:
    await convo.say("cancel order 4827 1930")
    await convo.say("yes")
    sorry = await convo.tool_output(ERR_SHIPPED)
    assert "already shipped" in sorry.text and "return" in sorry.text


async def test_cancel_without_a_number_asks_for_it(convo: Conversation) -> None:
    ask = await convo.say("I need to cancel my order")
    assert "order number" in ask.text
    number = await convo.say("four eight two seven one nine three zero")
    assert not number.calls
    assert "shall I cancel order four eight two seven" in number.text


async def test_order_status_and_unshipped_tracking(convo: Conversation) -> None:
    ask = await convo.say("what's the status of my order")
    assert "order number" in ask.text
    lookup = await convo.say("4827-1930")
    assert lookup.call.name == "get_order"
    status = await convo.tool_output(ORDER_PLACED)
    assert "hasn't shipped yet" in status.text
    assert "two Trailblazer Running Shoes" in status.text

    track = await convo.say("when will it arrive")
    assert track.args == {"order_id": "48271930"}
    unshipped = await convo.tool_output(NOT_SHIPPED)
    assert "hasn't shipped yet" in unshipped.text
    address = await convo.say("10 Main Street, Seattle, WA 98101")
    assert "ten Main Street, Seattle, Washington" in address.text


async def test_address_given_with_the_yes(convo: Conversation) -> None:
    await convo.say("buy the tent")
    await convo.tool_output(SEARCH_TENT)
    order = await convo.say("yes, ship it to ten Main Street Seattle Washington 98101")
    assert order.call.name == "create_order"
    placed = await convo.tool_output(ORDER_PLACED)
    assert "Your order is placed" in placed.text
    assert "ten Main Street, Seattle, Washington, nine eight one zero one" in placed.text
    ship = await convo.say("yes")
    assert ship.call.name == "create_shipment"


# ------------------------------------------------------------------------ misc


async def test_unclear_input_gets_a_clarifying_question(convo: Conversation) -> None:
    reply = await convo.say("the weather is lovely today")
    assert not reply.calls
    assert reply.text.endswith("?")
    assert "Sorry" in reply.text


async def test_unclear_answer_keeps_the_open_question(convo: Conversation) -> None:
    await convo.say("buy the tent")
    await convo.tool_output(SEARCH_TENT)
    unclear = await convo.say("hmm")
    assert "Shall I place the order?" in unclear.text
    yes = await convo.say("yes")
    assert yes.call.name == "create_order"


async def test_repeat_says_the_last_thing_again(convo: Conversation) -> None:
    await convo.say("buy the tent")
    confirm = await convo.tool_output(SEARCH_TENT)
    again = await convo.say("sorry, could you repeat that")
    assert again.text == confirm.text
    assert (await convo.say("yes")).call.name == "create_order"


async def test_empty_conversation_gets_a_welcome() -> None:
    reply = await run(RetailDialogManager(), BrainRequest(items=[]))
    assert "Contoso" in reply.text


async def test_list_categories(convo: Conversation) -> None:
    ask = await convo.say("what do you sell")
    assert ask.call.name == "list_categories"
    reply = await convo.tool_output(
        {
            "categories": [
                {"name": "Beauty & Personal Care", "category": "beauty", "products": 12},
                {"name": "Clothing", "category": "clothing", "products": 12},
                {"name": "Electronics", "category": "electronics", "products": 12},
                {"name": "Footwear", "category": "footwear", "products": 12},
            ]
        }
    )
    assert reply.text.startswith("We have four departments, including beauty, clothing and")
