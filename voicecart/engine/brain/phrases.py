"""The sentences the retail dialog manager speaks, built from facts.

Short by design (one to three sentences), numbers always in words (see
:mod:`~voicecart.engine.brain.speech_format`), and never a fact that did not come
from a tool output or the shopper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from voicecart.engine.brain.addresses import AddressParts
from voicecart.engine.brain.nlu import Speed
from voicecart.engine.brain.records import Line, Order, Passage, Product, Shipment
from voicecart.engine.brain.speech_format import (
    grouped_digits,
    number_words,
    numbers_in_words,
    quantity_phrase,
    spoken_list,
    spoken_price,
    spoken_sizes,
    spoken_tracking,
)
from voicecart.shipping.regions import REGION_NAMES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WELCOME: Final = (
    "Hi, I'm Ava, your Contoso shopping assistant. I can find products, place and ship "
    "orders, and check on an order. What can I do for you today?"
)
HELP: Final = (
    "I can search our catalog, tell you about a product, place an order and ship it, "
    "track or cancel an order, and answer questions about our policies. What would you "
    "like to do?"
)
ANYTHING_ELSE: Final = "Is there anything else I can help with?"
GOODBYE: Final = "Thanks for shopping with Contoso. Have a great day!"
CLARIFY: Final = (
    "Sorry, I didn't quite catch that. Are you looking for a product, or is it about an order?"
)
NOT_HEARD: Final = "Sorry, I didn't catch that. Could you say it again?"
CUSTOMER_CARE: Final = (
    "I don't have that information at hand, so I'll connect you with our customer care "
    "team, who can help with that."
)
HUMAN: Final = "Of course. I'll connect you with our customer care team."
ASK_ORDER_NUMBER: Final = "Sure. What's your eight-digit order number?"
ASK_TRACKING: Final = "Sure. What's your order number, or the tracking number?"
ASK_ADDRESS: Final = "Please tell me the street, city, state and ZIP code."

UNAVAILABLE: Final[dict[str, str]] = {
    "search_products": "Sorry, I can't search the catalog right now.",
    "get_product": "Sorry, I can't look up product details right now.",
    "list_categories": "Sorry, I can't look up our departments right now.",
    "create_order": "Sorry, I can't place orders right now.",
    "get_order": "Sorry, I can't look up orders right now.",
    "cancel_order": "Sorry, I can't cancel orders right now.",
    "create_shipment": "Sorry, I can't arrange shipping right now.",
    "track_shipment": "Sorry, I can't track shipments right now.",
    "search_knowledge": CUSTOMER_CARE,
}
ACTIONS: Final[dict[str, str]] = {
    "search_products": "search the catalog",
    "get_product": "look up that product",
    "list_categories": "list our departments",
    "create_order": "place the order",
    "get_order": "find that order",
    "cancel_order": "cancel the order",
    "create_shipment": "set up the shipment",
    "track_shipment": "track that shipment",
    "search_knowledge": "look that up",
}
SPEED_WORDS: Final[dict[Speed, str]] = {
    "standard": "standard shipping",
    "expedited": "expedited shipping",
    "overnight": "overnight shipping",
}


def the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"


def order_words(order_id: str) -> str:
    """ "order four eight two seven, one nine three zero"."""
    return f"order {grouped_digits(order_id)}"


def money(amount: float | None) -> str:
    return "" if amount is None else spoken_price(amount)


def _left(stock: str | None) -> int | None:
    match = re.fullmatch(r"only (\d+) left", stock or "")
    return int(match.group(1)) if match else None


def low_stock(product: Product) -> int | None:
    """How many are left when the stock is low ("only 3 left"), else None."""
    return _left(product.stock)


# -------------------------------------------------------------------- products


def result_item(p: Product) -> str:
    return f"{the(p.name)} at {money(p.price)}" if p.price is not None else the(p.name)


def results_sentence(products: Sequence[Product], total: int) -> str:
    """ "I found three: the A at X, the B at Y and the C at Z.\" (at most three)."""
    items = [result_item(p) for p in products[:3]]
    if len(items) == 1:
        p = products[0]
        extra = ""
        if p.out_of_stock:
            extra = ", but it's out of stock right now"
        elif (left := low_stock(p)) is not None:
            extra = f", with only {number_words(left)} left"
        return f"I found {items[0]}{extra}."
    count = number_words(len(items))
    lead = f"Here are the top {count}" if total > len(items) else f"I found {count}"
    return f"{lead}: {spoken_list(items)}."


def colors_phrase(colors: Sequence[str]) -> str:
    if not colors:
        return ""
    if len(colors) <= 3:
        return f"in {spoken_list(list(colors), 'or')}"
    return f"in {number_words(len(colors))} colors, including {spoken_list(list(colors[:3]))}"


def _short_description(description: str) -> str | None:
    """The first sentence, cut to a short noun phrase if it starts with "A"/"An"."""
    first = re.split(r"(?<=[.!?])\s", description.strip(), maxsplit=1)[0].rstrip(".!?")
    if not re.match(r"(?i)an?\s", first):
        return None
    words = first.split()
    if len(words) > 12:
        for cut in (" with ", ", ", " that ", " for "):
            head = first.split(cut, 1)[0].rstrip(",;: ")
            if 3 <= len(head.split()) <= 12:
                first = head
                break
        else:
            first = " ".join(words[:12])
    return first[0].lower() + first[1:]


def product_summary(p: Product) -> str:
    """One sentence: what it is and its price, then sizes, colours and low stock.

    "The Trailblazer Running Shoe is a lightweight everyday running shoe at forty-four
    ninety-nine; it comes in sizes seven to thirteen and in five colors, including
    black, blue and red."
    """
    head = the(p.name)
    head = head[0].upper() + head[1:]
    described = _short_description(p.description)
    price = money(p.price) if p.price is not None else ""
    if described:
        sentence = f"{head} is {described}" + (f" at {price}" if price else "")
    else:
        sentence = f"{head} costs {price}" if price else head
    comes = [x for x in (spoken_sizes(p.sizes), colors_phrase(p.colors)) if x]
    if (comes and comes[0].startswith("sizes")) or (comes and comes[0].startswith("size ")):
        comes[0] = f"in {comes[0]}"
    if comes:
        sentence += f"; it comes {' and '.join(comes)}"
    if p.out_of_stock:
        sentence += ", but it's out of stock right now"
    elif (left := low_stock(p)) is not None:
        sentence += f", and there are only {number_words(left)} left"
    return sentence + "."


def attribute_answer(p: Product, attribute: str) -> str | None:
    """A direct answer to "what colours / sizes / how much / is it in stock"."""
    name = the(p.name)
    if attribute == "colors" and p.colors:
        return f"{name[0].upper()}{name[1:]} comes {colors_phrase(p.colors)}."
    if attribute == "sizes" and p.sizes:
        return f"{name[0].upper()}{name[1:]} comes in {spoken_sizes(p.sizes)}."
    if attribute == "price" and p.price is not None:
        return f"{name[0].upper()}{name[1:]} is {money(p.price)}."
    if attribute == "stock" and p.stock:
        return f"{name[0].upper()}{name[1:]} is {p.stock}."
    return None


def similar_query(p_name: str) -> str:
    """What to search for instead of a sold-out product: its last two words."""
    words = [w for w in p_name.split() if w.isalpha()]
    return " ".join(words[-2:]) if words else p_name


# ----------------------------------------------------------------------- orders


def confirm_order(lines: Sequence[Line]) -> str:
    """ "Just to confirm: two Trailblazer Running Shoes at forty-four ninety-nine each,
    eighty-nine ninety-eight total. Shall I place the order?\""""
    parts: list[str] = []
    for ln in lines:
        item = quantity_phrase(ln.quantity, ln.name)
        if ln.unit_price is not None:
            item += f" at {money(ln.unit_price)}" + (" each" if ln.quantity > 1 else "")
        parts.append(item)
    text = f"Just to confirm: {spoken_list(parts)}"
    priced = [ln for ln in lines if ln.unit_price is not None]
    if len(priced) == len(lines) and (len(lines) > 1 or lines[0].quantity > 1):
        total = sum(round((ln.unit_price or 0) * 100) * ln.quantity for ln in lines) / 100
        text += f", {money(total)} total"
    return text + ". Shall I place the order?"


def order_items(order: Order) -> str:
    if not order.lines:
        return ""
    if len(order.lines) <= 2:
        return spoken_list([quantity_phrase(ln.quantity, ln.name) for ln in order.lines])
    return f"{number_words(sum(ln.quantity for ln in order.lines))} items"


def order_placed(order: Order) -> str:
    total = f", {money(order.total)} in total" if order.total is not None else ""
    return f"Your order is placed: {order_words(order.order_id)}{total}."


def ask_address(speed_known: bool = False) -> str:
    if speed_known:
        return "Where should we ship it?"
    return "Where should we ship it, and would you like standard, expedited or overnight delivery?"


def confirm_address(address: AddressParts, speed: Speed) -> str:
    return f"I have {address.spoken()}, with {SPEED_WORDS[speed]}. Is that right?"


def order_status(order: Order) -> str:
    items = order_items(order)
    total = f", {money(order.total)} in total" if order.total is not None else ""
    detail = f": {items}{total}" if items else ""
    head = order_words(order.order_id)
    head = head[0].upper() + head[1:]
    if order.status == "cancelled":
        return f"{head} was cancelled{detail}."
    if order.status == "shipped" or order.tracking_number:
        tracking = (
            f" The tracking number is {spoken_tracking(order.tracking_number)}."
            if order.tracking_number
            else ""
        )
        return f"{head} has shipped{detail}.{tracking}"
    return f"{head} has been placed and hasn't shipped yet{detail}."


def _place(location: str | None) -> str | None:
    if not location:
        return None
    match = re.fullmatch(r"(.+),\s*([A-Z]{2})", location.strip())
    if match and match.group(2) in REGION_NAMES:
        return f"{match.group(1)}, {REGION_NAMES[match.group(2)]}"
    return location


def shipment_created(s: Shipment) -> str:
    carrier = f" with {s.carrier}" if s.carrier else ""
    tracking = (
        f", tracking number {spoken_tracking(s.tracking_number)}" if s.tracking_number else ""
    )
    text = f"Done: your order ships{carrier}{tracking}."
    if s.weekday:
        text += f" It should arrive on {s.weekday}"
        if s.cost is not None:
            text += (
                ", and shipping is free" if s.cost == 0 else f", and shipping is {money(s.cost)}"
            )
        text += "."
    return text


_STATUS_PHRASES: Final = {
    "created": "is ready to ship",
    "label_created": "is ready to ship",
    "in_transit": "is on its way",
    "out_for_delivery": "is out for delivery",
    "delivered": "was delivered",
}


def shipment_status(s: Shipment) -> str:
    state = _STATUS_PHRASES.get(s.status or "", "is on its way")
    carrier = f" with {s.carrier}" if s.carrier else ""
    text = f"Your package {state}{carrier}"
    place = _place(s.latest_location)
    if s.status == "in_transit" and place:
        text += f", last seen in {place}"
    if s.status != "delivered" and s.weekday:
        arrives = "today" if s.status == "out_for_delivery" else f"on {s.weekday}"
        text += f", and it should arrive {arrives}"
    return text + "."


# -------------------------------------------------------------------- knowledge

_KIND_WORDS: Final = (
    "policy",
    "policies",
    "guide",
    "manual",
    "faq",
    "instructions",
    "terms",
    "warranty",
    "handbook",
    "information",
    "conditions",
    "help",
    "answers",
    "troubleshooting",
)
_LOWER_STARTS: Final = _words(
    """
    you we our your items item most all any the a an if when returns refunds orders
    shipping standard express overnight each every unworn unused products it this these
    there to for in after within
    """
)
# Names that keep their capital at the start of a clause.
_NAMES: Final = _words(
    """
    Contoso Visa Mastercard American Discover PayPal Northwind Tailspin Wide Litware
    Redmond Washington Canada Canadian US USA Pacific Eastern Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday I
    """
)
_QUERY_STOP: Final = _words(
    """
    what whats when where which who how does have your about with from that this there
    they them their would could should will guys want tell know like just please thanks
    work works take takes policy policies long much
    """
)
_MAX_ANSWER_WORDS: Final = 45
# Words that open a sentence of prose rather than a list item.
_CLAUSE_OPENERS: Final = _words("we you if our the this it there these when for they")


def _title_phrase(title: str, kind: str | None = None) -> str:
    title = re.sub(r"(?i)^contoso\s+", "", title.strip().strip("#*").strip())
    if title.lower().rstrip(".").endswith(_KIND_WORDS):
        return title
    if kind is not None and kind != "policy":
        return f"{title} guide"
    return f"{title} policy"


def _sentences(text: str) -> list[str]:
    cleaned = re.sub(r"[*_`#>]+", " ", text)
    cleaned = re.sub(r"(?m)^\s*(?:[-•]|\d+[.)])\s+", "", cleaned)
    cleaned = " ".join(cleaned.split())
    return [s.strip() for s in re.split(r"(?<=[.!?:])\s+(?=[A-Z0-9\"'])", cleaned) if s.strip()]


def _stem(word: str) -> str:
    for suffix in ("ing", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _is_name(word: str, text: str) -> bool:
    """Whether ``word`` (capitalised, starting a sentence) is a name: a known one, or one
    the passage also capitalises mid-sentence."""
    bare = word.strip(",;:.")
    if bare in _NAMES or not bare.isalpha() or not bare[1:].islower():
        return True
    return re.search(rf"(?<![.!?:]) {re.escape(bare)}\b", text) is not None


def _lower_start(sentence: str, text: str) -> str:
    first, _, rest = sentence.partition(" ")
    bare = first.strip(",;:.").lower()
    if bare in _LOWER_STARTS or (first[:1].isupper() and not _is_name(first, text)):
        return first[:1].lower() + first[1:] + (" " + rest if rest else "")
    return sentence


def _with_list(sentences: list[str], best: int) -> str:
    """The sentence at ``best``; a lead-in ending in ":" takes the list items after it as
    one spoken list, a short sentence takes the next one along."""
    chosen = sentences[best]
    if chosen.endswith(":"):
        items: list[str] = []
        budget = _MAX_ANSWER_WORDS - len(chosen.split())
        for item in sentences[best + 1 :]:
            words = len(item.split())
            opener = item.split(" ", 1)[0].lower()
            if words > budget or item.endswith(":") or opener in _CLAUSE_OPENERS:
                break  # the paragraph after the list
            items.append(item.rstrip(".!?"))
            budget -= words
        if items:
            spoken = items[0] if len(items) == 1 else ", ".join(items[:-1]) + ", and " + items[-1]
            return f"{chosen} {spoken}."
        return chosen.rstrip(":") + "."
    if len(chosen.split()) < 14 and best + 1 < len(sentences):
        following = sentences[best + 1]
        if len(chosen.split()) + len(following.split()) <= 40 and not following.endswith(":"):
            chosen = f"{chosen} {following}"
    return chosen


def knowledge_answer(passages: Sequence[Passage], query_words: Sequence[str]) -> str:
    """One or two sentences from the best passage, citing its title: the sentence that
    shares most words with the question, the first one on a tie."""
    if not passages:
        return (
            "I couldn't find that in our policies, so I'll connect you with our customer "
            "care team for that."
        )
    top = passages[0]
    sentences = _sentences(top.text)
    source = _title_phrase(top.title, top.kind)
    if not sentences:
        return f"Our {source} covers that; I'll connect you with customer care."
    wanted = {_stem(w) for w in query_words if len(w) > 3 and w not in _QUERY_STOP}

    def overlap(s: str) -> int:
        said = {_stem(w) for w in re.findall(r"[a-z]+", s.lower())}
        return sum(1 for w in wanted if w in said)

    best = max(range(len(sentences)), key=lambda i: (overlap(sentences[i]), -i))
    chosen = _lower_start(_with_list(sentences, best), top.text)
    if not chosen.endswith((".", "!", "?")):
        chosen += "."
    return f"According to our {source}, {numbers_in_words(chosen)}"
