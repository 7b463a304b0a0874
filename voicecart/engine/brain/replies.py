"""What to say after a tool answered: speak the result, follow up, or explain the error.

:func:`reply_to_output` gets the tool's name, the arguments it was called with and
its parsed output (already folded into the state by :func:`absorb`). Errors
(``{"error": ...}``) are explained in plain words with the next step: out of stock
-> a smaller quantity or something similar; a rejected address part -> ask for
that part again; a misheard order number -> ask for it again.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Final

from voicecart.engine.brain import phrases
from voicecart.engine.brain.addresses import AddressField, field_words, parse_address
from voicecart.engine.brain.dialog import (
    AnythingElse,
    AskAddress,
    AskOrderNumber,
    Choose,
    ConfirmOrder,
    Decision,
    DialogState,
    Gate,
    Goal,
    Offer,
    Purpose,
    Retry,
    Say,
    Similar,
)
from voicecart.engine.brain.nlu import Speed, tokenize
from voicecart.engine.brain.policy import address_step, confirm_lines, lines_for, tool
from voicecart.engine.brain.records import (
    Failure,
    Line,
    Product,
    failure_of,
    order_of,
    out_of_stock_details,
    passages_of,
    product_of,
    products_of,
    shipment_of,
)
from voicecart.engine.brain.speech_format import grouped_digits, number_words, quantity_phrase

__all__ = ["absorb", "reply_to_output"]

MAX_SPOKEN_RESULTS: Final = 3


def absorb(
    state: DialogState, name: str, args: dict[str, Any], output: dict[str, Any] | None
) -> None:
    """Fold the facts of one tool output into ``state``."""
    if output is None or failure_of(output) is not None:
        return
    if name == "search_products":
        hits = products_of(output)
        state.remember(hits)
        state.results = tuple(p.id for p in hits)
        state.last_query = str(args.get("query", ""))
    elif name == "get_product":
        product = product_of(output)
        if product is not None:
            state.remember([product])
            state.focus = product.id
    elif name in ("create_order", "get_order", "cancel_order"):
        state.order = order_of(output) or state.order
    elif name in ("create_shipment", "track_shipment"):
        shipment = shipment_of(output)
        if shipment is not None:
            state.shipment = shipment
            if state.order is not None and state.order.order_id == shipment.order_id:
                state.order = replace(
                    state.order, status="shipped", tracking_number=shipment.tracking_number
                )
        else:
            state.order = order_of(output) or state.order


def reply_to_output(
    state: DialogState,
    name: str,
    args: dict[str, Any],
    output: dict[str, Any] | None,
    gate: Gate,
) -> Decision:
    """The next step after tool ``name`` answered ``output``."""
    failure = failure_of(output)
    if failure is not None:
        return _failure(state, name, args, failure)
    assert output is not None  # failure_of(None) is a failure
    goal = state.goal or Goal()
    if name == "search_products":
        return _search_results(state, output, goal, gate)
    if name == "get_product":
        product = product_of(output)
        if product is None:
            return Say("Sorry, I couldn't read that product's details. " + phrases.ANYTHING_ELSE)
        return _describe(state.products.get(product.id, product), state)
    if name == "create_order":
        return _order_placed(state, output, goal)
    if name == "get_order":
        order = order_of(output)
        if order is None:
            return Say(
                "Sorry, I couldn't read that order. " + phrases.ANYTHING_ELSE, AnythingElse()
            )
        return Say(f"{phrases.order_status(order)} {phrases.ANYTHING_ELSE}", AnythingElse())
    if name == "cancel_order":
        order = order_of(output)
        words = phrases.order_words(order.order_id if order else str(args.get("order_id", "")))
        already = "already " if "already" in str(output.get("note", "")) else "now "
        return Say(
            f"{words[0].upper()}{words[1:]} is {already}cancelled. {phrases.ANYTHING_ELSE}",
            AnythingElse(),
        )
    if name == "create_shipment":
        shipment = shipment_of(output)
        if shipment is None:
            return Say("Your order is on its way. " + phrases.ANYTHING_ELSE, AnythingElse())
        return Say(f"{phrases.shipment_created(shipment)} {phrases.ANYTHING_ELSE}", AnythingElse())
    if name == "track_shipment":
        return _tracking(state, output)
    if name == "list_categories":
        return _categories(output)
    if name == "search_knowledge":
        query = str(args.get("query", ""))
        answer = phrases.knowledge_answer(passages_of(output), tokenize(query))
        return Say(answer)
    return Say(f"All done. {phrases.ANYTHING_ELSE}", AnythingElse())


# ----------------------------------------------------------------------- results


def _relevant(products: list[Product], terms: list[str]) -> list[Product]:
    """Hits whose name or category shares a word with the query; all hits if none do.
    (A search for "running shoes under fifty" may also return cheap shorts.)"""
    if not terms:
        return products
    stems = {t.rstrip("s") for t in terms if len(t) >= 3}

    def matches(p: Product) -> bool:
        words = {w.rstrip("s") for w in tokenize(f"{p.name} {p.category or ''}")}
        return bool(stems & words)

    picked = [p for p in products if matches(p)]
    return picked or products


def _search_results(state: DialogState, output: dict[str, Any], goal: Goal, gate: Gate) -> Decision:
    hits = [state.products.get(p.id, p) for p in products_of(output)]
    if not hits:
        what = f" for {state.last_query}" if state.last_query else ""
        return Say(
            f"Sorry, I couldn't find anything{what}. Could you try other words, or a "
            "different budget?"
        )
    understood = output.get("understood")
    terms = understood.get("terms") if isinstance(understood, dict) else None
    if not isinstance(terms, list) or not terms:
        terms = [t for t in tokenize(state.last_query) if len(t) >= 3]
    relevant = _relevant(hits, [str(t) for t in terms])
    in_stock = [p for p in relevant if not p.out_of_stock] or relevant
    shown = in_stock[:MAX_SPOKEN_RESULTS]
    total = output.get("total")
    total_count = total if isinstance(total, int) else len(hits)
    if len(shown) == 1:
        only = shown[0]
        if goal.details:
            return tool(gate, "get_product", {"product_id": only.id}, Goal(details=True))
        if goal.buy and not only.out_of_stock:
            state.focus = only.id
            return confirm_lines(state, lines_for(state, [only.id], goal.quantity))
        sentence = phrases.results_sentence(shown, 1)
        if only.out_of_stock:
            return Say(
                f"{sentence} Would you like me to look for something similar?",
                Similar(phrases.similar_query(only.name)),
            )
        return Say(f"{sentence} Would you like to order it?", Offer(only.id))
    sentence = phrases.results_sentence(shown, total_count)
    return Say(f"{sentence} Which one would you like?", Choose(tuple(p.id for p in shown)))


def _describe(product: Product, state: DialogState) -> Decision:
    asked = state.last_user.attribute if state.last_user is not None else None
    answer = phrases.attribute_answer(product, asked) if asked else None
    text = answer or phrases.product_summary(product)
    if product.out_of_stock:
        return Say(
            f"{text} Would you like me to look for something similar?",
            Similar(phrases.similar_query(product.name)),
        )
    return Say(f"{text} Would you like to order it?", Offer(product.id))


def _order_placed(state: DialogState, output: dict[str, Any], goal: Goal) -> Decision:
    order = order_of(output)
    if order is None:
        return Say("Your order is placed. " + phrases.ANYTHING_ELSE, AnythingElse())
    placed = phrases.order_placed(order)
    if goal.address is not None:
        step = address_step(order.order_id, goal.address, goal.speed)
        return Say(f"{placed} {step.text}", step.pending)
    return Say(f"{placed} {phrases.ask_address()}", AskAddress(order.order_id))


def _tracking(state: DialogState, output: dict[str, Any]) -> Decision:
    shipment = shipment_of(output)
    if shipment is not None:
        return Say(f"{phrases.shipment_status(shipment)} {phrases.ANYTHING_ELSE}", AnythingElse())
    order = order_of(output)
    if order is None:
        return Say("Sorry, I couldn't find that shipment. " + phrases.ANYTHING_ELSE, AnythingElse())
    words = phrases.order_words(order.order_id)
    head = words[0].upper() + words[1:]
    if order.status == "cancelled":
        return Say(
            f"{head} was cancelled, so it won't ship. {phrases.ANYTHING_ELSE}", AnythingElse()
        )
    return Say(
        f"{head} hasn't shipped yet. If you'd like, tell me the delivery address and I'll ship it.",
        AskAddress(order.order_id),
    )


def _categories(output: dict[str, Any]) -> Decision:
    raw = output.get("categories")
    names = (
        [str(c["name"]) for c in raw if isinstance(c, dict) and isinstance(c.get("name"), str)]
        if isinstance(raw, list)
        else []
    )
    if not names:
        return Say("What are you shopping for today?")
    count = number_words(len(names))
    sample = [n.split(" & ")[0].lower() for n in names[:3]]
    return Say(
        f"We have {count} departments, including {', '.join(sample[:-1])} and {sample[-1]}. "
        "What are you shopping for today?"
        if len(sample) > 1
        else f"We have {sample[0]}. What are you shopping for today?"
    )


# ------------------------------------------------------------------------ errors

_FIELD_MAP: Final[dict[str, AddressField]] = {
    "postal_code": "postal_code",
    "zip": "postal_code",
    "state": "state",
    "city": "city",
    "street": "street",
    "street2": "street",
    "name": "street",
}


def _plain(message: str) -> str | None:
    """A tool's error message in speakable form, or None if it is not fit to speak."""
    text = re.sub(r"\([^)]*\)", "", message.split(";")[0]).strip().rstrip(".")
    if not text or len(text.split()) > 14 or re.search(r"[{}\[\]_=<>]|\b(?:args|json)\b", text):
        return None
    return text


def _ask_again(purpose: Purpose, message: str) -> Say:
    return Say(message, AskOrderNumber(purpose))


def _failure(state: DialogState, name: str, args: dict[str, Any], failure: Failure) -> Decision:
    code = failure.code or ""
    message = failure.message.lower()
    order_id = str(args.get("order_id", ""))
    if failure.retryable:
        return Say(
            "Sorry, that took longer than expected on our side. Shall I try again?",
            Retry(name, tuple(sorted(args.items()))),
        )
    if "no tool named" in message or "unknown tool" in message:
        return Say("Sorry, I can't do that right now. " + phrases.ANYTHING_ELSE, AnythingElse())
    if name == "create_order":
        return _order_failure(state, args, failure)
    purposes: dict[str, Purpose] = {
        "get_order": "status",
        "cancel_order": "cancel",
        "track_shipment": "track",
    }
    purpose = purposes.get(name, "ship")
    if "eight digits" in message:
        heard = re.search(r"heard (\d+) digits", message)
        count = f"only {number_words(int(heard.group(1)))} digits" if heard else "no digits"
        return _ask_again(
            purpose, f"Sorry, I heard {count}. Order numbers have eight; could you say it again?"
        )
    if name == "track_shipment" and "tracking number" in message:
        return _ask_again(
            "track",
            "Sorry, that tracking number doesn't look right; a character may have been misheard. "
            "Could you read it again, or tell me the order number instead?",
        )
    if code == "not_found" and order_id:
        return _ask_again(
            purpose,
            f"Sorry, I couldn't find order {grouped_digits(order_id)}. Could you read me the "
            "number again?",
        )
    if code == "not_found" and name == "track_shipment":
        return _ask_again(
            "track", "Sorry, I couldn't find a shipment with that number. Could you read it again?"
        )
    if name == "cancel_order" and "shipped" in message:
        words = phrases.order_words(order_id)
        return Say(
            f"Sorry, {words} has already shipped, so I can't cancel it, but you can return it "
            "once it arrives.",
            AnythingElse(),
        )
    if name == "create_shipment":
        decided = _shipment_failure(args, failure)
        if decided is not None:
            return decided
    if name == "search_knowledge":
        return Say(f"{phrases.CUSTOMER_CARE} {phrases.ANYTHING_ELSE}", AnythingElse())
    action = phrases.ACTIONS.get(name, "do that")
    plain = _plain(failure.message)
    detail = f": {plain}" if plain else " just now"
    return Say(f"Sorry, I couldn't {action}{detail}. {phrases.ANYTHING_ELSE}", AnythingElse())


def _order_failure(state: DialogState, args: dict[str, Any], failure: Failure) -> Decision:
    lines = _lines_from_args(state, args)
    stock = out_of_stock_details(failure)
    if failure.code == "out_of_stock" and stock is not None:
        available, name, pid, _requested = stock
        if available <= 0:
            return Say(
                f"Sorry, {phrases.the(name)} just sold out. Would you like me to look for "
                "something similar?",
                Similar(phrases.similar_query(name)),
            )
        fixed = tuple(
            Line(ln.product_id, ln.name, available, ln.unit_price) if ln.product_id == pid else ln
            for ln in lines
        )
        left = quantity_phrase(available, name)
        return Say(
            f"Sorry, we only have {left} left. Would you like {number_words(available)} instead?",
            ConfirmOrder(fixed),
        )
    fields = " ".join(failure.field_names())
    if "quantity" in fields or "less than or equal" in failure.message:
        first = lines[0].product_id if lines else None
        pending = Offer(first) if first is not None and first in state.products else None
        return Say(
            "Sorry, I can order at most twenty of one item at a time. How many would you like?",
            pending,
        )
    if "product_id" in fields or "no product" in failure.message:
        return Say("Sorry, that product isn't available any more. What else can I find for you?")
    plain = _plain(failure.message)
    detail = f": {plain}" if plain else ""
    return Say(
        f"Sorry, I couldn't place the order{detail}. {phrases.ANYTHING_ELSE}", AnythingElse()
    )


def _lines_from_args(state: DialogState, args: dict[str, Any]) -> list[Line]:
    out: list[Line] = []
    raw = args.get("lines")
    for r in raw if isinstance(raw, list) else []:
        if not isinstance(r, dict):
            continue
        pid, qty = r.get("product_id"), r.get("quantity")
        if isinstance(pid, int) and isinstance(qty, int):
            p = state.products.get(pid)
            out.append(Line(pid, p.name if p else f"product {pid}", qty, p.price if p else None))
    return out


def _shipment_failure(args: dict[str, Any], failure: Failure) -> Decision | None:
    order_id = str(args.get("order_id", ""))
    speed_arg = args.get("speed")
    speed: Speed = speed_arg if speed_arg in ("standard", "expedited", "overnight") else "standard"
    message = failure.message.lower()
    if "cancel" in message and failure.code == "conflict":
        return Say(
            f"Sorry, {phrases.order_words(order_id)} was cancelled, so it can't be shipped. "
            + phrases.ANYTHING_ELSE,
            AnythingElse(),
        )
    names = [f.split(".")[-1] for f in failure.field_names() if f.startswith("address")]
    if not names and "address" not in message:
        return None
    if "country" in names or "not supported" in message:
        return Say(
            "Sorry, we only ship to the United States and Canada. Is there another address "
            "I can use?",
            AskAddress(order_id, speed=speed),
        )
    bad = next((_FIELD_MAP[n] for n in names if n in _FIELD_MAP), None)
    partial = parse_address(str(args.get("address", ""))).without(bad)
    if bad is None:
        return Say(
            f"Sorry, the shipping service couldn't use that address. {phrases.ASK_ADDRESS}",
            AskAddress(order_id, speed=speed),
        )
    part = field_words(bad, canadian=partial.is_canadian)
    missing = "required" in message and len(names) == 1
    lead = (
        f"Sorry, I need the {part} as well."
        if missing
        else (f"Sorry, the {part} didn't look right to the shipping service.")
    )
    return Say(
        f"{lead} Could you tell me the {part}{'' if missing else ' again'}?",
        AskAddress(order_id, partial, speed, bad),
    )
