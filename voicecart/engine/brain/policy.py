"""What to do after the shopper speaks: answer an open question, or act on the intent.

:func:`reply_to_user` looks first at the question the assistant left open
(``state.pending``: "Shall I place the order?", "Which one?", "What's the
address?"), then at the intent of the utterance. Every tool call goes through
:func:`tool`, which falls back to a spoken apology when the response may not call
that tool (not offered, or ``tool_choice`` forbids it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from voicecart.engine.brain import phrases
from voicecart.engine.brain.addresses import AddressParts, field_words
from voicecart.engine.brain.dialog import (
    AnythingElse,
    AskAddress,
    AskOrderNumber,
    AskProduct,
    Call,
    Choose,
    ConfirmAddress,
    ConfirmCancel,
    ConfirmOrder,
    Decision,
    DialogState,
    Gate,
    Goal,
    Offer,
    Pending,
    Purpose,
    Retry,
    Say,
    Similar,
)
from voicecart.engine.brain.nlu import Intent, Speed, Understanding
from voicecart.engine.brain.records import Line
from voicecart.engine.brain.speech_format import (
    grouped_digits,
    number_words,
    ordinal_word,
    spoken_list,
    spoken_postal_code,
)

__all__ = ["address_step", "reply_to_user", "tool"]

MAX_QUANTITY: Final = 20
# Intents that change the subject: an open question is dropped for them.
_SUBJECT_CHANGE: Final = frozenset(
    {
        Intent.SEARCH,
        Intent.POLICY,
        Intent.TRACK,
        Intent.ORDER_STATUS,
        Intent.CANCEL_ORDER,
        Intent.HUMAN,
        Intent.CATEGORIES,
        Intent.GOODBYE,
        Intent.HELP,
        Intent.GREETING,
    }
)


def tool(gate: Gate, name: str, arguments: dict[str, Any], goal: Goal | None = None) -> Decision:
    """Call ``name`` if this response may; otherwise say plainly that we can't."""
    if gate.allows(name):
        return Call(name, arguments, goal)
    return Say(phrases.UNAVAILABLE.get(name, "Sorry, I can't do that right now."))


# ------------------------------------------------------------------- resolving


@dataclass
class Resolved:
    """Which products an utterance points at."""

    ids: list[int] = field(default_factory=list)
    ambiguous: list[int] = field(default_factory=list)
    out_of_range: bool = False


def resolve(state: DialogState, u: Understanding, *, implicit: bool = True) -> Resolved:
    """The products named by position ("the second one"), by price ("the cheapest"),
    by name ("the Trailblazer") or, when ``implicit``, the product under discussion
    ("I'll take it")."""
    shown = [pid for pid in state.shown if pid in state.products]
    out = Resolved()
    for choice in u.choices:
        index = len(shown) - 1 if choice == -1 else choice - 1
        if 0 <= index < len(shown):
            if shown[index] not in out.ids:
                out.ids.append(shown[index])
        else:
            out.out_of_range = True
    if out.ids or out.out_of_range:
        return out
    priced = [state.products[pid] for pid in shown if state.products[pid].price is not None]
    if (u.cheapest or u.priciest) and priced:
        pick = (min if u.cheapest else max)(priced, key=lambda p: p.price or 0.0)
        out.ids.append(pick.id)
        return out
    if u.product_ids:
        out.ids.extend(u.product_ids)
        return out
    if u.ambiguous_ids:
        out.ambiguous.extend(u.ambiguous_ids)
        return out
    if implicit:
        if state.focus is not None and state.focus in state.products:
            out.ids.append(state.focus)
        elif len(shown) == 1:
            out.ids.append(shown[0])
    return out


def which_one(state: DialogState, options: list[int]) -> Say:
    if not options:
        return Say("Which product would you like? Tell me what you're looking for.")
    names = [phrases.the(state.products[pid].name) for pid in options[:3]]
    if len(options) == len(state.shown) and len(options) > 1:
        positions = [f"the {ordinal_word(i + 1)}" for i in range(min(3, len(options)))]
        return Say(
            f"Which one would you like: {spoken_list(positions, 'or')}?", Choose(tuple(options))
        )
    return Say(f"Which one do you mean: {spoken_list(names, 'or')}?", Choose(tuple(options)))


# -------------------------------------------------------------------- ordering


def lines_for(state: DialogState, ids: list[int], quantity: int | None) -> list[Line]:
    qty = quantity or 1
    return [Line(pid, state.products[pid].name, qty, state.products[pid].price) for pid in ids]


def confirm_lines(state: DialogState, lines: list[Line]) -> Say:
    """Read the order back, unless stock or the quantity limit gets in the way."""
    for i, ln in enumerate(lines):
        p = state.products.get(ln.product_id)
        if p is not None and p.out_of_stock:
            return Say(
                f"Sorry, {phrases.the(p.name)} is out of stock right now. Would you like me "
                "to look for something similar?",
                Similar(phrases.similar_query(p.name)),
            )
        left = phrases.low_stock(p) if p is not None else None
        if left is not None and ln.quantity > left:
            fixed = [*lines[:i], Line(ln.product_id, ln.name, left, ln.unit_price), *lines[i + 1 :]]
            return Say(
                f"We only have {number_words(left)} of {phrases.the(ln.name)} left. "
                + phrases.confirm_order(fixed),
                ConfirmOrder(tuple(fixed)),
            )
        if ln.quantity > MAX_QUANTITY:
            fixed = [
                *lines[:i],
                Line(ln.product_id, ln.name, MAX_QUANTITY, ln.unit_price),
                *lines[i + 1 :],
            ]
            return Say(
                "I can order up to twenty of one item at a time. " + phrases.confirm_order(fixed),
                ConfirmOrder(tuple(fixed)),
            )
    return Say(phrases.confirm_order(lines), ConfirmOrder(tuple(lines)))


def order_arguments(lines: tuple[Line, ...] | list[Line]) -> dict[str, Any]:
    return {"lines": [{"product_id": ln.product_id, "quantity": ln.quantity} for ln in lines]}


def search(state: DialogState, u: Understanding, gate: Gate, goal: Goal | None = None) -> Decision:
    query = u.search_text.strip()
    if not query and u.max_price is None:
        return Say("Sure. What are you looking for?")
    args: dict[str, Any] = {"query": query}
    if u.max_price is not None:
        args["max_price"] = u.max_price
    return tool(gate, "search_products", args, goal)


def details(state: DialogState, pid: int, u: Understanding, gate: Gate) -> Decision:
    """Describe a product: from what we know if it answers the question, else look it up."""
    p = state.products[pid]
    if p.detailed and u.attribute:
        answer = phrases.attribute_answer(p, u.attribute)
        if answer is not None:
            return Say(f"{answer} Would you like to order it?", Offer(pid))
    return tool(gate, "get_product", {"product_id": pid}, Goal(details=True))


def buy(state: DialogState, u: Understanding, gate: Gate) -> Decision:
    r = resolve(state, u)
    if r.ambiguous:
        return which_one(state, r.ambiguous)
    if r.out_of_range and state.shown:
        return which_one(state, list(state.shown))
    if r.ids:
        return confirm_lines(state, lines_for(state, r.ids, u.quantity))
    if u.product_terms or u.names_something:  # "I want to buy a tent": find it first
        return search(state, u, gate, Goal(buy=True, quantity=u.quantity))
    if len(state.shown) > 1:
        return which_one(state, list(state.shown))
    return Say("Sure. What would you like to buy?", AskProduct(u.quantity))


# --------------------------------------------------------------------- shipping


def address_step(order_id: str, parts: AddressParts, speed: Speed) -> Say:
    """Confirm a complete address, or ask for what is missing."""
    if parts.postal_code and not parts.postal_code_ok():
        heard = spoken_postal_code(parts.postal_code)
        return Say(
            f"Sorry, I heard the ZIP code as {heard}, which doesn't look complete. Could you "
            "say the ZIP code again?",
            AskAddress(order_id, parts.without("postal_code"), speed, "postal_code"),
        )
    missing = parts.missing()
    if not missing:
        return Say(phrases.confirm_address(parts, speed), ConfirmAddress(order_id, parts, speed))
    if parts.is_empty():
        return Say(
            f"Sorry, I didn't catch the address. {phrases.ASK_ADDRESS}",
            AskAddress(order_id, parts, speed),
        )
    wanted = [field_words(f, canadian=parts.is_canadian) for f in missing]
    return Say(
        f"Thanks. And the {spoken_list(wanted)}?",
        AskAddress(order_id, parts, speed, missing[0] if len(missing) == 1 else None),
    )


def _order_for(state: DialogState, u: Understanding) -> str | None:
    if u.order_number:
        return u.order_number
    return state.order.order_id if state.order is not None else None


def _ask_order_number(u: Understanding, purpose: Purpose) -> Say:
    if 3 <= u.digits_heard < 8:
        return Say(
            f"Sorry, I heard only {number_words(u.digits_heard)} digits. Order numbers have "
            "eight; could you say it again?",
            AskOrderNumber(purpose),
        )
    if purpose == "track":
        return Say(phrases.ASK_TRACKING, AskOrderNumber(purpose))
    return Say(phrases.ASK_ORDER_NUMBER, AskOrderNumber(purpose))


def confirm_cancel(state: DialogState, order_id: str, reason: str | None) -> Say:
    known = state.order if state.order and state.order.order_id == order_id else None
    words = phrases.order_words(order_id)
    if known is not None and known.status == "cancelled":
        return Say(
            f"{words[0].upper()}{words[1:]} is already cancelled. {phrases.ANYTHING_ELSE}",
            AnythingElse(),
        )
    if known is not None and (known.status == "shipped" or known.shipped):
        return Say(
            f"{words[0].upper()}{words[1:]} has already shipped, so it can't be cancelled, but "
            "you can return it once it arrives.",
            AnythingElse(),
        )
    return Say(f"Just to confirm: shall I cancel {words}?", ConfirmCancel(order_id, reason))


def _track(state: DialogState, u: Understanding, gate: Gate) -> Decision:
    if u.tracking_number:
        return tool(gate, "track_shipment", {"tracking_number": u.tracking_number})
    order_id = u.order_number or (
        state.shipment.order_id if state.shipment and state.shipment.order_id else None
    )
    order_id = order_id or (state.order.order_id if state.order else None)
    if order_id:
        return tool(gate, "track_shipment", {"order_id": order_id})
    if state.shipment is not None and state.shipment.tracking_number:
        return tool(gate, "track_shipment", {"tracking_number": state.shipment.tracking_number})
    return _ask_order_number(u, "track")


# --------------------------------------------------------------- open questions


def _answer_pending(
    state: DialogState, p: Pending, u: Understanding, gate: Gate
) -> Decision | None:
    """The reply when ``u`` answers the open question ``p``; None when it doesn't."""
    if isinstance(p, Choose):
        return _answer_choose(state, p, u, gate)
    if isinstance(p, Offer):
        return _answer_offer(state, p, u, gate)
    if isinstance(p, ConfirmOrder):
        return _answer_confirm_order(state, p, u, gate)
    if isinstance(p, AskAddress):
        return _answer_address(p, u)
    if isinstance(p, ConfirmAddress):
        return _answer_confirm_address(p, u, gate)
    if isinstance(p, ConfirmCancel):
        return _answer_confirm_cancel(p, u, gate)
    if isinstance(p, AskOrderNumber):
        return _answer_order_number(state, p, u, gate)
    if isinstance(p, Retry):
        if u.affirm:
            return tool(gate, p.name, dict(p.arguments))
        if u.negate:
            return Say(f"Okay. {phrases.ANYTHING_ELSE}", AnythingElse())
        return None
    if isinstance(p, Similar):
        if u.affirm:
            return tool(gate, "search_products", {"query": p.query})
        if u.negate:
            return Say(f"Okay. {phrases.ANYTHING_ELSE}", AnythingElse())
        return None
    if isinstance(p, AnythingElse):
        if u.intent in (Intent.NO, Intent.GOODBYE, Intent.THANKS) or (u.negate and u.thanks):
            return Say(phrases.GOODBYE)
        if u.intent is Intent.YES:
            return Say("Sure, what can I help you with?")
        return None
    return None  # AskProduct: the intent decides


def _answer_choose(state: DialogState, p: Choose, u: Understanding, gate: Gate) -> Decision | None:
    if u.intent in _SUBJECT_CHANGE:
        return None
    r = resolve(state, u, implicit=False)
    if r.ambiguous:
        return which_one(state, r.ambiguous)
    if r.out_of_range:
        count = number_words(len(p.options))
        return Say(f"I mentioned only {count}. " + which_one(state, list(p.options)).text, p)
    if r.ids:
        if u.intent is Intent.BUY or u.quantity is not None:
            return confirm_lines(state, lines_for(state, r.ids, u.quantity))
        return details(state, r.ids[0], u, gate)
    if u.negate:
        return Say("No problem. What else can I look for?")
    if len(p.options) == 1 and (u.affirm or u.intent is Intent.BUY):
        return confirm_lines(state, lines_for(state, list(p.options), u.quantity))
    if u.intent in (Intent.BUY, Intent.YES, Intent.DETAILS, Intent.OTHER):
        return which_one(state, list(p.options))
    return None


def _answer_offer(state: DialogState, p: Offer, u: Understanding, gate: Gate) -> Decision | None:
    if u.intent in _SUBJECT_CHANGE or p.product_id not in state.products:
        return None
    r = resolve(state, u, implicit=False)
    if (r.ids and r.ids != [p.product_id]) or r.ambiguous:
        return None  # another product: the intent decides
    if u.negate:
        return Say(f"Okay. {phrases.ANYTHING_ELSE}", AnythingElse())
    if u.affirm or u.intent is Intent.BUY or u.quantity is not None:
        return confirm_lines(state, lines_for(state, [p.product_id], u.quantity))
    if u.intent is Intent.DETAILS or u.attribute:
        return details(state, p.product_id, u, gate)
    if u.intent is Intent.OTHER:
        name = phrases.the(state.products[p.product_id].name)
        return Say(f"Sorry, would you like to order {name}?", p)
    return None


def _answer_confirm_order(
    state: DialogState, p: ConfirmOrder, u: Understanding, gate: Gate
) -> Decision | None:
    if u.intent is Intent.CANCEL_ORDER and not u.order_number:
        return Say(f"No problem, I won't place the order. {phrases.ANYTHING_ELSE}", AnythingElse())
    if u.intent in _SUBJECT_CHANGE:
        return None
    lines = list(p.lines)
    r = resolve(state, u, implicit=False)
    new = [pid for pid in r.ids if pid not in {ln.product_id for ln in lines}]
    if new:
        added = lines_for(state, new, u.quantity)
        return confirm_lines(state, [*lines, *added] if u.also else added)
    if u.quantity is not None and len(lines) == 1 and u.quantity != lines[0].quantity:
        ln = lines[0]
        return confirm_lines(state, [Line(ln.product_id, ln.name, u.quantity, ln.unit_price)])
    if u.negate:
        return Say(f"No problem, I won't place the order. {phrases.ANYTHING_ELSE}", AnythingElse())
    if u.affirm or u.intent is Intent.BUY:
        # An address said with the "yes" is kept for after the order is placed.
        goal = Goal(buy=True, address=u.address, speed=u.speed or "standard")
        return tool(gate, "create_order", order_arguments(p.lines), goal)
    return Say("Sorry, I didn't catch that. " + phrases.confirm_order(lines), p)


def _answer_address(p: AskAddress, u: Understanding) -> Decision | None:
    speed: Speed = u.speed or p.speed
    if u.address is not None:
        return address_step(p.order_id, p.partial.merged(u.address), speed)
    if u.negate:
        return Say(
            f"Okay, I won't ship it yet. Your order number is {grouped_digits(p.order_id)}. "
            + phrases.ANYTHING_ELSE,
            AnythingElse(),
        )
    if u.speed is not None:
        what = "address" if p.partial.is_empty() else "rest of the address"
        return Say(
            f"Got it, {phrases.SPEED_WORDS[speed]}. What's the {what}?",
            AskAddress(p.order_id, p.partial, speed, p.field),
        )
    if u.intent in _SUBJECT_CHANGE or u.intent in (Intent.BUY, Intent.DETAILS):
        return None
    if p.field is not None:
        part = field_words(p.field, canadian=p.partial.is_canadian)
        return Say(f"Sorry, I didn't catch that. What's the {part}?", p)
    return Say(f"Sorry, I didn't catch the address. {phrases.ASK_ADDRESS}", p)


def _answer_confirm_address(p: ConfirmAddress, u: Understanding, gate: Gate) -> Decision | None:
    speed: Speed = u.speed or p.speed
    if u.address is not None and p.address.merged(u.address) != p.address:
        return address_step(p.order_id, p.address.merged(u.address), speed)
    if u.negate:
        if u.speed is not None and u.speed != p.speed:
            return address_step(p.order_id, p.address, speed)
        return Say(
            "Okay, what's the correct address?", AskAddress(p.order_id, AddressParts(), speed)
        )
    if u.affirm:
        args = {"order_id": p.order_id, "address": p.address.one_line(), "speed": speed}
        return tool(gate, "create_shipment", args)
    if u.speed is not None and u.speed != p.speed:
        return address_step(p.order_id, p.address, speed)
    if u.intent in _SUBJECT_CHANGE:
        return None
    return Say("Sorry, I didn't catch that. " + phrases.confirm_address(p.address, p.speed), p)


_KEEP = re.compile(r"\b(?:no|not|keep|don't|do not)\b")


def _answer_confirm_cancel(p: ConfirmCancel, u: Understanding, gate: Gate) -> Decision | None:
    said = " ".join(u.words)
    yes = u.affirm or ("cancel" in u.words and not _KEEP.search(said))
    if yes:
        args: dict[str, Any] = {"order_id": p.order_id}
        if p.reason or u.reason:
            args["reason"] = (u.reason or p.reason or "")[:200]
        return tool(gate, "cancel_order", args)
    if u.negate:
        return Say(
            f"Okay, I'll keep {phrases.order_words(p.order_id)} as it is. {phrases.ANYTHING_ELSE}",
            AnythingElse(),
        )
    if u.intent in _SUBJECT_CHANGE:
        return None
    return Say(f"Sorry, shall I cancel {phrases.order_words(p.order_id)}?", p)


def _answer_order_number(
    state: DialogState, p: AskOrderNumber, u: Understanding, gate: Gate
) -> Decision | None:
    if p.purpose == "track" and u.tracking_number:
        return tool(gate, "track_shipment", {"tracking_number": u.tracking_number})
    if u.order_number:
        if p.purpose == "status":
            return tool(gate, "get_order", {"order_id": u.order_number})
        if p.purpose == "track":
            return tool(gate, "track_shipment", {"order_id": u.order_number})
        if p.purpose == "cancel":
            return confirm_cancel(state, u.order_number, u.reason)
        return Say(phrases.ask_address(), AskAddress(u.order_number))
    if u.negate:
        return Say(f"Okay. {phrases.ANYTHING_ELSE}", AnythingElse())
    if u.intent in _SUBJECT_CHANGE and u.intent not in (Intent.TRACK, Intent.ORDER_STATUS):
        return None
    return _ask_order_number(u, p.purpose)


# ---------------------------------------------------------------------- intents


def reply_to_user(state: DialogState, u: Understanding, gate: Gate) -> Decision:
    """The next step after the shopper said ``u``."""
    if u.intent is Intent.REPEAT:
        return Say(state.last_said or phrases.WELCOME, state.pending)
    if not u.words:
        return Say(phrases.NOT_HEARD, state.pending)
    if state.pending is not None:
        answered = _answer_pending(state, state.pending, u, gate)
        if answered is not None:
            return answered
    return _by_intent(state, u, gate)


def _by_intent(state: DialogState, u: Understanding, gate: Gate) -> Decision:
    intent = u.intent
    if intent is Intent.GREETING:
        return Say(phrases.WELCOME)
    if intent is Intent.HELP:
        return Say(phrases.HELP)
    if intent is Intent.CATEGORIES:
        return tool(gate, "list_categories", {})
    if intent is Intent.SEARCH:
        return search(state, u, gate)
    if intent is Intent.DETAILS:
        r = resolve(state, u)
        if r.ambiguous:
            return which_one(state, r.ambiguous)
        if r.out_of_range and state.shown:
            return which_one(state, list(state.shown))
        if r.ids:
            return details(state, r.ids[0], u, gate)
        if u.product_terms:
            return search(state, u, gate, Goal(details=True))
        return Say("Which product would you like to hear about?")
    if intent is Intent.BUY:
        return buy(state, u, gate)
    if intent is Intent.ADDRESS:
        order_id = _order_for(state, u)
        if order_id is None or (state.order is not None and state.order.status == "cancelled"):
            return Say("I can ship an order once it's placed. What would you like to order?")
        return address_step(order_id, u.address or AddressParts(), u.speed or "standard")
    if intent is Intent.ORDER_STATUS:
        order_id = _order_for(state, u)
        if order_id is None or (u.digits_heard >= 3 and not u.order_number):
            return _ask_order_number(u, "status")
        return tool(gate, "get_order", {"order_id": order_id}, Goal(purpose="status"))
    if intent is Intent.TRACK:
        return _track(state, u, gate)
    if intent is Intent.CANCEL_ORDER:
        order_id = _order_for(state, u)
        if order_id is None:
            return _ask_order_number(u, "cancel")
        return confirm_cancel(state, order_id, u.reason)
    if intent is Intent.POLICY:
        if gate.allows("search_knowledge"):
            return Call("search_knowledge", {"query": _policy_query(u)})
        return Say(f"{phrases.CUSTOMER_CARE} {phrases.ANYTHING_ELSE}", AnythingElse())
    if intent is Intent.HUMAN:
        return Say(phrases.HUMAN)
    if intent is Intent.THANKS:
        return Say(f"You're welcome! {phrases.ANYTHING_ELSE}", AnythingElse())
    if intent is Intent.GOODBYE:
        return Say(phrases.GOODBYE)
    if intent is Intent.YES:
        return Say("Great! What can I help you with?")
    if intent is Intent.NO:
        return Say(f"Okay, no problem. {phrases.ANYTHING_ELSE}", AnythingElse())
    return Say(phrases.CLARIFY, state.pending)


_FILLERS = re.compile(r"^(?:(?:um|uh|so|well|hey|hi|hello|okay|ok|oh|and|also|ava)\b[\s,]*)+", re.I)


def _policy_query(u: Understanding) -> str:
    text = _FILLERS.sub("", " ".join(u.text.split())).strip(" ?.!,")
    return text[:300] or " ".join(u.words)
