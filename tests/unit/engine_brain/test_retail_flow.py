"""The retail dialog manager through whole shopping conversations, turn by turn."""

from __future__ import annotations

import json

import pytest

from tests.unit.engine_brain.helpers import (
    ALL_TOOLS,
    IN_TRANSIT,
    ORDER_PLACED,
    PRODUCT_13,
    PRODUCT_49,
    SEARCH_RUNNING_SHOES,
    SEARCH_SHOES,
    SEARCH_TENT,
    SHIPMENT,
    Conversation,
    run,
    tool_defs,
)
from voicecart.engine.brain import RetailDialogManager
from voicecart.engine.interfaces import BrainRequest

pytestmark = pytest.mark.unit


@pytest.fixture
def convo() -> Conversation:
    return Conversation(RetailDialogManager())


async def test_full_shopping_conversation(convo: Conversation) -> None:
    hello = await convo.say("hi there")
    assert not hello.calls
    assert "Contoso" in hello.text and hello.text.endswith("?")

    # search -> results read out with spoken prices
    search = await convo.say("do you have running shoes under fifty")
    assert search.call.name == "search_products"
    assert search.args == {"query": "running shoes", "max_price": 50.0}
    results = await convo.tool_output(SEARCH_RUNNING_SHOES)
    assert "Trailblazer Running Shoe at forty-four ninety-nine" in results.text
    assert "44.99" not in results.text
    assert "Breeze Athletic Shorts" not in results.text  # not running shoes
    assert results.text.endswith("?")

    # choose -> get_product -> one-sentence summary with sizes and colours
    choose = await convo.say("tell me about the first one")
    assert choose.call.name == "get_product"
    assert choose.args == {"product_id": 13}
    summary = await convo.tool_output(PRODUCT_13)
    assert summary.text.startswith("The Trailblazer Running Shoe is a lightweight")
    assert "sizes seven to thirteen" in summary.text
    assert "black, blue and red" in summary.text
    assert summary.text.count(".") <= 3

    # buy -> confirm first, no order yet
    buy = await convo.say("I'll take two")
    assert not buy.calls
    assert buy.text == (
        "Just to confirm: two Trailblazer Running Shoes at forty-four ninety-nine each, "
        "eighty-nine ninety-eight total. Shall I place the order?"
    )

    # yes -> create_order with the product and quantity from context
    yes = await convo.say("yes please")
    assert yes.call.name == "create_order"
    assert yes.args == {"lines": [{"product_id": 13, "quantity": 2}]}
    assert yes.call.call_id == ""
    placed = await convo.tool_output(ORDER_PLACED)
    assert "order four eight two seven, one nine three zero" in placed.text
    assert "eighty-nine ninety-eight" in placed.text
    assert "ship" in placed.text and placed.text.endswith("?")

    # address -> read back and confirm
    address = await convo.say(
        "ship it to ten Main Street Seattle Washington nine eight one zero one"
    )
    assert not address.calls
    assert "ten Main Street, Seattle, Washington, nine eight one zero one" in address.text
    assert "standard shipping" in address.text
    assert address.text.endswith("?")

    # yes (with a speed) -> create_shipment
    ship = await convo.say("yes, and make it overnight")
    assert ship.call.name == "create_shipment"
    assert ship.args == {
        "order_id": "48271930",
        "address": "10 Main Street, Seattle, Washington 98101",
        "speed": "overnight",
    }
    shipped = await convo.tool_output(SHIPMENT)
    assert "Northwind Parcel" in shipped.text
    assert "N W, one five six nine, one three three three, two eight eight zero" in shipped.text
    assert "Friday" in shipped.text

    # tracking, from context
    track = await convo.say("where is my package")
    assert track.call.name == "track_shipment"
    assert track.args == {"order_id": "48271930"}
    status = await convo.tool_output(IN_TRANSIT)
    assert "on its way with Northwind Parcel" in status.text
    assert "Friday" in status.text

    bye = await convo.say("no thanks, that's all")
    assert not bye.calls
    assert "Thanks for shopping" in bye.text


async def test_replies_stream_in_several_chunks(convo: Conversation) -> None:
    await convo.say("do you have running shoes")
    reply = await convo.tool_output(SEARCH_SHOES)
    assert len(reply.deltas) >= 3
    assert "".join(reply.deltas) == reply.text
    assert all(len(d.split()) <= 6 for d in reply.deltas)


async def test_choosing_by_position_name_and_price(convo: Conversation) -> None:
    await convo.say("I'm looking for running shoes")
    listed = await convo.tool_output(SEARCH_SHOES)
    # "running shoes" matches three names; read out in order, three at most.
    assert "Here are the top three" in listed.text
    assert listed.text.index("Trailblazer") < listed.text.index("Switchback")
    assert "Boardwalk" not in listed.text

    second = await convo.say("the second one")
    assert second.args == {"product_id": 22}

    convo.items = convo.items[:-2]  # take that back
    by_name = await convo.say("the switch back please")
    assert by_name.args == {"product_id": 22}

    convo.items = convo.items[:-2]
    cheapest = await convo.say("the cheapest one")
    assert cheapest.args == {"product_id": 13}

    convo.items = convo.items[:-2]
    ambiguous = await convo.say("the running shoe")
    assert not ambiguous.calls
    assert "Which one" in ambiguous.text

    convo.items = convo.items[:-2]
    too_far = await convo.say("the fifth one")
    assert not too_far.calls
    assert "only three" in too_far.text


async def test_buying_straight_from_the_list_confirms_with_list_price(convo: Conversation) -> None:
    await convo.say("show me running shoes")
    await convo.tool_output(SEARCH_SHOES)
    reply = await convo.say("I'd like two of the first one")
    assert not reply.calls
    assert reply.text.startswith(
        "Just to confirm: two Trailblazer Running Shoes at forty-four ninety-nine each"
    )
    changed = await convo.say("actually make it three")
    assert "three Trailblazer Running Shoes" in changed.text
    order = await convo.say("yes")
    assert order.args == {"lines": [{"product_id": 13, "quantity": 3}]}


async def test_buy_with_unknown_product_searches_then_confirms(convo: Conversation) -> None:
    reply = await convo.say("I want to buy a tent")
    assert reply.call.name == "search_products"
    assert reply.args["query"] == "tent"
    confirm = await convo.tool_output(SEARCH_TENT)
    assert not confirm.calls
    assert confirm.text.startswith(
        "Just to confirm: one Summit 2-Person Tent at one hundred eighty-nine ninety-nine."
    )
    order = await convo.say("sure, go ahead")
    assert order.args == {"lines": [{"product_id": 49, "quantity": 1}]}


async def test_tell_me_about_a_product_not_listed_searches_then_describes(
    convo: Conversation,
) -> None:
    reply = await convo.say("tell me about the tent")
    assert reply.call.name == "search_products"
    chained = await convo.tool_output(SEARCH_TENT)
    assert chained.call.name == "get_product"
    assert chained.args == {"product_id": 49}
    described = await convo.tool_output(PRODUCT_49)
    assert described.text.startswith("The Summit 2-Person Tent is a freestanding")
    assert "green or orange" in described.text
    colours = await convo.say("what colors does it come in")
    assert not colours.calls  # already known
    assert "green or orange" in colours.text


async def test_declining_the_order_places_nothing(convo: Conversation) -> None:
    await convo.say("show me running shoes")
    await convo.tool_output(SEARCH_SHOES)
    await convo.say("buy the first one")
    no = await convo.say("actually I changed my mind")
    assert not no.calls
    assert "won't place the order" in no.text
    later = await convo.say("yes")  # a yes now answers "anything else?", not the order
    assert not later.calls


async def test_address_over_several_turns(convo: Conversation) -> None:
    await convo.say("buy the tent")
    await convo.tool_output(SEARCH_TENT)
    await convo.say("yes")
    await convo.tool_output({**ORDER_PLACED, "lines": [], "total": 189.99})
    partial = await convo.say("it's ten Main Street in Seattle")
    assert not partial.calls
    assert "state" in partial.text and "ZIP code" in partial.text
    rest = await convo.say("Washington nine eight one zero one")
    assert "ten Main Street, Seattle, Washington, nine eight one zero one" in rest.text
    wrong = await convo.say("no, it's twelve Main Street")
    assert "twelve Main Street, Seattle, Washington" in wrong.text
    ship = await convo.say("correct")
    assert ship.args["address"] == "12 Main Street, Seattle, Washington 98101"
    assert ship.args["speed"] == "standard"


async def test_speech_recognition_variants(convo: Conversation) -> None:
    search = await convo.say("runing shoos")
    assert search.call.name == "search_products"
    assert search.args["query"] == "runing shoos"  # the search tolerates the spelling itself

    status = await convo.say("order for eight two seven one nine three zero")
    assert status.call.name == "get_order"
    assert status.args == {"order_id": "48271930"}

    policy = await convo.say("what is your retern polcy")
    assert policy.call.name == "search_knowledge"

    convo.items.clear()
    await convo.say("show me running shoes")
    await convo.tool_output(SEARCH_SHOES)
    named = await convo.say("I'll take the trail blazer")
    assert "Trailblazer Running Shoe" in named.text
    yes = await convo.say("yeah sure")
    assert yes.call.name == "create_order"


async def test_same_items_same_answer_after_a_reconnect(convo: Conversation) -> None:
    await convo.say("show me running shoes")
    await convo.tool_output(SEARCH_SHOES)
    await convo.say("the first one")
    await convo.tool_output(PRODUCT_13)
    convo.user("I'll take two")
    request = BrainRequest(items=list(convo.items), tools=tool_defs(ALL_TOOLS))
    first = await run(RetailDialogManager(), request)
    again = await run(RetailDialogManager(), request)
    assert first == again
    assert "two Trailblazer Running Shoes" in first.text


async def test_function_call_arguments_are_json_objects(convo: Conversation) -> None:
    reply = await convo.say("do you have headphones under a hundred dollars")
    assert json.loads(reply.call.arguments) == {"query": "headphones", "max_price": 100.0}


async def test_buying_the_product_under_discussion_after_a_detour(convo: Conversation) -> None:
    await convo.say("tell me about the tent")
    await convo.tool_output(SEARCH_TENT)
    await convo.tool_output(PRODUCT_49)
    await convo.say("what's your return policy")
    await convo.tool_output({"passages": [{"title": "Returns", "text": "Returns are free."}]})
    reply = await convo.say("okay, I'll take it")
    assert not reply.calls  # confirm before ordering
    assert reply.text.startswith("Just to confirm: one Summit 2-Person Tent")
    assert (await convo.say("yes")).args == {"lines": [{"product_id": 49, "quantity": 1}]}


async def test_quantity_said_with_the_product_survives_the_search(convo: Conversation) -> None:
    reply = await convo.say("I'd like to buy two tents please")
    assert reply.args == {"query": "tents"}
    confirm = await convo.tool_output(SEARCH_TENT)
    assert confirm.text.startswith("Just to confirm: two Summit 2-Person Tents at")


async def test_adding_a_second_product_to_the_order(convo: Conversation) -> None:
    await convo.say("show me running shoes")
    await convo.tool_output(SEARCH_SHOES)
    await convo.say("I'll take the first one")
    both = await convo.say("and also the third one please")
    assert "one Trailblazer Running Shoe at forty-four ninety-nine and one Cloudstep" in both.text
    assert "one hundred twenty-four ninety-eight total" in both.text
    order = await convo.say("yes")
    assert order.args == {
        "lines": [{"product_id": 13, "quantity": 1}, {"product_id": 16, "quantity": 1}]
    }
