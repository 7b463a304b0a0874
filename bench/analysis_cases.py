"""Labelled call transcripts for evaluating the call analysers (bench/analysis.py).

Written for this project: 42 Contoso calls across the kinds the issue names (happy
purchases, damaged items, late deliveries, policy questions, confused or angry
shoppers, abandoned calls). Each case says how a human reviewer judged the call:
customer sentiment, satisfaction, a 1-5 rating and the call-reason category.
Turns are "U: ..." (shopper) or "A: ..." (assistant).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    turns: tuple[str, ...]
    sentiment: str
    satisfaction: str
    rating: int
    reason: str
    tools: tuple[dict[str, Any], ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    status: str = "ended"
    extra: dict[str, Any] = field(default_factory=dict)


def _order(pid: int, qty: int = 1) -> dict[str, Any]:
    return {"name": "create_order", "arguments": {"lines": [{"product_id": pid, "quantity": qty}]}}


def _tool(name: str, ok: bool = True, **arguments: Any) -> dict[str, Any]:
    return {"name": name, "arguments": arguments, "ok": ok}


CASES: tuple[Case, ...] = (
    # ---- happy purchases ------------------------------------------------------
    Case(
        "buy-shoes",
        "happy purchase",
        (
            "U: Hi! I'd like to buy the Trailblazer running shoes, size 10.",
            "A: The Trailblazer Running Shoe is $89.99 and size 10 is in stock. Shall I "
            "order a pair?",
            "U: Yes please.",
            "A: Done. Your order number is 40211873. Where should we ship it?",
            "U: 12 Pine Street, Seattle, Washington 98101.",
            "A: Your shipment is booked for Thursday.",
            "U: Awesome, thanks a lot!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(_order(13), _tool("create_shipment", order_id="40211873")),
        links=(("order", "40211873"), ("shipment", "SH0000000001")),
    ),
    Case(
        "buy-earbuds",
        "happy purchase",
        (
            "U: I'm looking for wireless earbuds for the gym.",
            "A: The Aria Wireless Earbuds are sweat resistant and cost $79.",
            "U: Sounds good, I'll take them.",
            "A: Your order 51100230 is placed.",
            "U: Perfect, thank you.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(_tool("search_products", query="wireless earbuds"), _order(25)),
        links=(("order", "51100230"),),
    ),
    Case(
        "buy-tent-questions",
        "happy purchase",
        (
            "U: Does the Summit 2-person tent come with a rain fly?",
            "A: Yes, the Summit 2-Person Tent includes a full rain fly and footprint.",
            "U: Great, then I want to order one.",
            "A: Order 66021987 is placed for one Summit tent.",
            "U: Nice, that was quick. Thanks!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(_tool("get_product", product_id=49), _order(49)),
        links=(("order", "66021987"),),
    ),
    Case(
        "buy-coffee-gift",
        "happy purchase",
        (
            "U: I need a gift for my dad, he loves coffee.",
            "A: The Harbor 12-Cup Coffee Maker and the Ritual Conical Burr Grinder are "
            "popular gifts.",
            "U: The burr grinder sounds lovely. Let's get that.",
            "A: I've placed order 70033412 for the Ritual Conical Burr Grinder.",
            "U: Wonderful, he's going to love it. Thank you so much!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(_tool("search_products", query="coffee gift"), _order(38)),
        links=(("order", "70033412"),),
    ),
    Case(
        "buy-two-yoga-mats",
        "happy purchase",
        (
            "U: Can I order two ProGrip yoga mats?",
            "A: Two ProGrip Yoga Mats come to $69.98. Shall I place the order?",
            "U: Yes.",
            "A: Order 81234500 is placed.",
            "U: Okay, thanks.",
        ),
        "positive",
        "satisfied",
        4,
        "purchase",
        tools=(_order(61, 2),),
        links=(("order", "81234500"),),
    ),
    Case(
        "buy-kettle-plain",
        "happy purchase",
        (
            "U: I want to buy the gooseneck electric kettle.",
            "A: The Pour-Over Gooseneck Electric Kettle is $49. Ordering one now.",
            "A: Your order number is 11220033.",
            "U: Fine. What's the delivery time?",
            "A: Standard delivery takes three to five business days.",
            "U: Okay.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(_order(41),),
        links=(("order", "11220033"),),
    ),
    Case(
        "buy-after-stock-miss",
        "happy purchase",
        (
            "U: Do you have the Nimbus noise-cancelling headphones in black?",
            "A: Black is out of stock, but silver is available at the same price.",
            "U: Hmm, that's a little disappointing. Silver is okay I guess.",
            "A: I've ordered the silver Nimbus Noise-Cancelling Headphones, order 90011122.",
            "U: Alright, thank you, that works.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(_tool("get_product", product_id=26), _order(26)),
        links=(("order", "90011122"),),
    ),
    Case(
        "buy-toys-bundle",
        "happy purchase",
        (
            "U: Hello, I'd like to order the wooden train set and the building blocks for my son.",
            "A: The Railway Junction Wooden Train Set and Maple Wooden Building Blocks total $94.",
            "U: Great, please go ahead.",
            "A: Order 33445566 is placed and ships tomorrow.",
            "U: Excellent, you've been really helpful!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            {
                "name": "create_order",
                "arguments": {"lines": [{"product_id": 97}, {"product_id": 87}]},
            },
        ),
        links=(("order", "33445566"),),
    ),
    # ---- damaged items -------------------------------------------------------
    Case(
        "cold-pack-broken",
        "damaged item",
        (
            "U: My instant cold pack arrived broken, there's water inside the bag.",
            "A: I'm sorry about that. I can send a replacement at no cost.",
            "U: Okay, that would be good.",
            "A: A replacement is on its way.",
            "U: Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "damaged_item",
    ),
    Case(
        "mug-set-cracked",
        "damaged item",
        (
            "U: Two of the mugs in my stoneware mug set came cracked. I'm pretty annoyed.",
            "A: I'm sorry. Would you like a refund or a replacement set?",
            "U: A replacement please.",
            "A: I've arranged a replacement and a prepaid return label for the damaged mugs.",
            "U: Great, thank you for sorting that out.",
        ),
        "positive",
        "satisfied",
        4,
        "damaged_item",
    ),
    Case(
        "speaker-dead",
        "damaged item",
        (
            "U: The Pulse bluetooth speaker I bought doesn't turn on at all.",
            "A: Have you tried charging it for two hours?",
            "U: Yes, of course. It's dead. This is really frustrating.",
            "A: I'm sorry. I can connect you with a specialist for a warranty claim.",
            "U: Fine, whatever.",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
    ),
    Case(
        "skillet-damaged-angry",
        "damaged item",
        (
            "U: The cast iron skillet arrived damaged, the handle is cracked. Unacceptable.",
            "A: Could you give me your order number?",
            "U: I already told you, it's on the email. This is a waste of my time.",
            "A: I understand. I can't find the order without the number.",
            "U: Forget it. I'm never shopping here again.",
        ),
        "negative",
        "not satisfied",
        1,
        "damaged_item",
    ),
    Case(
        "hair-dryer-faulty-refund",
        "damaged item",
        (
            "U: My Ionic Pro hair dryer stopped working after a week.",
            "A: Sorry to hear that. It's under warranty, so I can issue a full refund.",
            "U: Oh good, a refund is fine.",
            "A: The refund is processed and you'll get a return label by email.",
            "U: Thank you, I appreciate it.",
        ),
        "positive",
        "satisfied",
        5,
        "damaged_item",
    ),
    Case(
        "puzzle-missing-torn",
        "damaged item",
        (
            "U: The jigsaw puzzle box was torn and pieces are missing.",
            "A: I'm sorry. I can reship a new puzzle today.",
            "U: Okay.",
            "A: Done, the new one ships today.",
            "U: Okay, bye.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
    ),
    Case(
        "tablet-screen-shattered",
        "damaged item",
        (
            "U: My Lumen tablet came with a shattered screen. I'm really upset, it was a "
            "birthday present.",
            "A: I'm so sorry. I'll send a replacement by overnight shipping so it arrives "
            "tomorrow.",
            "U: Oh, that's great. Thank you, that really helps.",
        ),
        "positive",
        "satisfied",
        4,
        "damaged_item",
    ),
    # ---- late deliveries -----------------------------------------------------
    Case(
        "late-jacket-tracked",
        "late delivery",
        (
            "U: My rain jacket hasn't arrived yet, it was supposed to be here Monday.",
            "A: Let me track it. Your parcel is out for delivery today.",
            "U: Oh great, thanks for checking!",
        ),
        "positive",
        "satisfied",
        4,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="1Z999"),),
    ),
    Case(
        "late-never-arrived-angry",
        "late delivery",
        (
            "U: I ordered a sleeping bag three weeks ago and it never arrived.",
            "A: I'm checking. The tracking shows it was delivered on the 3rd.",
            "U: It was not delivered! This is ridiculous.",
            "A: I'm sorry. Let me connect you to a specialist who can open a claim.",
            "U: Unbelievable. Fine.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="1Z111"),),
    ),
    Case(
        "late-delayed-reship",
        "late delivery",
        (
            "U: My order is delayed again. Still waiting for the hiking boots.",
            "A: I'm sorry, the carrier lost the parcel. I'll reship it with express delivery "
            "for free.",
            "U: Okay, that's good of you. Thank you.",
        ),
        "positive",
        "satisfied",
        4,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="1Z222"),),
    ),
    Case(
        "late-status-only",
        "late delivery",
        (
            "U: Where is my package? It's late.",
            "A: Could you give me the order number?",
            "U: 44556677.",
            "A: It's at the local depot and will arrive tomorrow.",
            "U: Okay.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(_tool("get_order", order_id="44556677"),),
    ),
    Case(
        "late-wrong-address",
        "late delivery",
        (
            "U: My parcel never came and I think it went to the wrong address.",
            "A: The shipment was sent to 14 Oak Lane. Is that right?",
            "U: No! I live at 41 Oak Lane. I'm so frustrated.",
            "A: I'm sorry. I can't change a delivered shipment, but a specialist will call "
            "you today.",
            "U: Okay, I hope they fix it.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(_tool("get_order", order_id="11112222"),),
    ),
    Case(
        "late-tracking-fails",
        "late delivery",
        (
            "U: My order still hasn't arrived.",
            "A: Sorry, I couldn't look up that tracking number right now.",
            "U: That's not helpful. What am I supposed to do?",
            "A: Please try again later.",
            "U: Useless.",
        ),
        "negative",
        "not satisfied",
        1,
        "delivery_issue",
        tools=(_tool("track_shipment", ok=False, tracking_number="X"),),
    ),
    Case(
        "late-calm-update",
        "late delivery",
        (
            "U: Hi, my order was meant to arrive yesterday, can you check on it?",
            "A: Sure. Order 23232323 shipped late and arrives Friday.",
            "U: Ah okay, no problem. Thanks for letting me know.",
        ),
        "positive",
        "satisfied",
        4,
        "delivery_issue",
        tools=(_tool("get_order", order_id="23232323"),),
    ),
    # ---- policy questions ------------------------------------------------------
    Case(
        "policy-returns",
        "policy question",
        (
            "U: What is your return policy?",
            "A: You can return unused items within 30 days for a full refund.",
            "U: Great, thanks.",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
    ),
    Case(
        "policy-shipping-cost",
        "policy question",
        (
            "U: How much is shipping?",
            "A: Standard shipping is free over $50, otherwise $5.99.",
            "U: Okay.",
        ),
        "neutral",
        "neutral",
        4,
        "policy_question",
    ),
    Case(
        "policy-warranty",
        "policy question",
        (
            "U: Do electronics come with a warranty?",
            "A: Yes, all electronics have a one-year warranty against defects.",
            "U: Good to know. Does that include the smartwatch?",
            "A: Yes, the Tempo Fitness Smartwatch is covered for one year.",
            "U: Perfect, thank you!",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
    ),
    Case(
        "policy-price-match-no",
        "policy question",
        (
            "U: Do you price match other stores?",
            "A: Sorry, we don't offer price matching.",
            "U: That's disappointing.",
            "A: We do run weekly sales, though.",
            "U: Okay, bye.",
        ),
        "negative",
        "neutral",
        3,
        "policy_question",
    ),
    Case(
        "policy-international",
        "policy question",
        (
            "U: Do you ship internationally? I'm in Canada.",
            "A: At the moment we only ship within the United States.",
            "U: Oh, that's a shame. Thanks anyway.",
        ),
        "neutral",
        "neutral",
        3,
        "policy_question",
    ),
    Case(
        "policy-gift-cards",
        "policy question",
        (
            "U: Can I buy gift cards over the phone?",
            "A: Gift cards are sold online in amounts from $10 to $500.",
            "U: Alright, I'll do that online. Thank you!",
        ),
        "positive",
        "satisfied",
        4,
        "policy_question",
    ),
    Case(
        "policy-return-window-confusing",
        "policy question",
        (
            "U: How long do I have to return a sweater?",
            "A: Returns are accepted within 30 days, or 60 days for members.",
            "U: Am I a member? I don't know.",
            "A: I can't see membership details here.",
            "U: Hmm, okay, I still don't know then.",
        ),
        "neutral",
        "not satisfied",
        2,
        "policy_question",
    ),
    # ---- confused or angry shoppers ------------------------------------------
    Case(
        "confused-repeats",
        "confused shopper",
        (
            "U: I want the thing, the blue thing from the ad.",
            "A: Could you tell me which product? For example a jacket or shoes?",
            "U: What? I already said, the blue one!",
            "A: Sorry, I didn't catch the product name.",
            "U: You're not listening. Forget it.",
        ),
        "negative",
        "not satisfied",
        1,
        "other",
    ),
    Case(
        "angry-rude-agent",
        "angry shopper",
        (
            "U: Your agent yesterday was rude to me and hung up. I want to complain.",
            "A: I'm very sorry about that experience. I'll escalate this to our customer "
            "care manager.",
            "U: Fine. It was really unacceptable.",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
    ),
    Case(
        "angry-manager",
        "angry shopper",
        (
            "U: I've called three times about my refund. I want to speak to a manager now.",
            "A: I understand. I'm transferring you to a supervisor.",
            "U: About time.",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
    ),
    Case(
        "confused-then-helped",
        "confused shopper",
        (
            "U: Um, I'm not sure what I need. Something for my sore back maybe?",
            "A: The Comfort Plus Electric Heating Pad is popular for back pain.",
            "U: Oh, that sounds nice. How much is it?",
            "A: It's $39.99.",
            "U: Okay great, I'll take one. Thanks for your patience!",
            "A: Order 12121212 is placed.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(_order(99),),
        links=(("order", "12121212"),),
    ),
    Case(
        "angry-cancel",
        "angry shopper",
        (
            "U: Cancel my order right now. It's taking forever and I'm furious.",
            "A: I've cancelled order 55554444. You'll get a full refund within five days.",
            "U: Good. Thank you.",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(_tool("cancel_order", order_id="55554444"),),
    ),
    Case(
        "confused-tool-failure",
        "confused shopper",
        (
            "U: Can you check my order? I don't remember the number.",
            "A: I need the eight-digit order number to look it up.",
            "U: I don't have it. Can't you find it another way?",
            "A: I'm sorry, I can only look up orders by number.",
            "U: Oh. Okay I guess.",
        ),
        "neutral",
        "not satisfied",
        2,
        "order_status",
        tools=(_tool("get_order", ok=False, order_id="?"),),
    ),
    Case(
        "angry-cancel-refused",
        "angry shopper",
        (
            "U: I want to cancel my order, I ordered the wrong size.",
            "A: That order has already shipped, so it can't be cancelled. You can return it "
            "when it arrives.",
            "U: That's ridiculous. Why can't you just stop it?",
            "A: I'm sorry, once shipped it is with the carrier.",
            "U: Terrible.",
        ),
        "negative",
        "not satisfied",
        2,
        "cancellation",
        tools=(_tool("cancel_order", ok=False, order_id="77778888"),),
    ),
    # ---- abandoned calls -----------------------------------------------------
    Case(
        "abandoned-early",
        "abandoned",
        ("U: Hi, I have a question about my order.",),
        "neutral",
        "neutral",
        2,
        "order_status",
        status="abandoned",
    ),
    Case(
        "abandoned-waiting",
        "abandoned",
        (
            "U: I'd like to buy the Polar parka.",
            "A: Sure, which size?",
            "U: Medium. Hello? Are you there?",
        ),
        "neutral",
        "not satisfied",
        2,
        "purchase",
        status="abandoned",
    ),
    Case(
        "abandoned-angry",
        "abandoned",
        (
            "U: My blender arrived broken and I'm angry.",
            "A: I'm sorry. Could you",
            "U: I don't have time for this.",
        ),
        "negative",
        "not satisfied",
        1,
        "damaged_item",
        status="abandoned",
    ),
    Case(
        "abandoned-browse",
        "abandoned",
        (
            "U: What kinds of camping stoves do you have?",
            "A: We have the Ember Portable Camp Stove for $59.",
            "U: Hmm, let me think",
        ),
        "neutral",
        "neutral",
        3,
        "product_question",
        tools=(_tool("search_products", query="camping stove"),),
        status="abandoned",
    ),
    Case(
        "abandoned-tracking",
        "abandoned",
        (
            "U: Can you track my package? The number is 1Z4455.",
            "A: One moment please.",
        ),
        "neutral",
        "neutral",
        2,
        "order_status",
        status="abandoned",
    ),
    Case(
        "abandoned-policy-happy",
        "abandoned",
        (
            "U: Do you have free returns?",
            "A: Yes, returns are free within 30 days.",
            "U: Great, thanks!",
        ),
        "positive",
        "satisfied",
        4,
        "policy_question",
        status="abandoned",
    ),
)

__all__ = ["CASES", "Case"]
