"""Held-out labelled calls for the call analysers (bench/analysis.py --set heldout).

The rules of the local analyser were tuned on ``bench/analysis_cases.py``; these
32 calls were written afterwards, by someone who had not read the analyser's
lexicon, and labelled before the analyser ever saw them. They deliberately read
differently from the tuning set: speech-recognition output (lower case, no
punctuation, misheard product names, numbers read out digit by digit), fillers,
sarcasm, polite shoppers who still leave without what they needed, shoppers who
start rude and end grateful, escalations and calls cut off mid-sentence.

Labels are what a careful human reviewer would say of the whole call: customer
sentiment, satisfaction at the end, a 1-5 rating of how the call went for the
shopper, and the call-reason category. Where two categories were defensible the
chosen one is kept and the other is noted in ``extra["also"]``; labels were
never changed after seeing an analyser's output.
"""

from __future__ import annotations

from typing import Any

from bench.analysis_cases import Case


def _order(*pids: int, qty: int = 1) -> dict[str, Any]:
    lines = [{"product_id": pid, "quantity": qty} for pid in pids]
    return {"name": "create_order", "arguments": {"lines": lines}}


def _tool(name: str, ok: bool = True, **arguments: Any) -> dict[str, Any]:
    return {"name": name, "arguments": arguments, "ok": ok}


HELDOUT: tuple[Case, ...] = (
    # ---- purchases -------------------------------------------------------------
    Case(
        "ho-asr-area-earbuds",
        "happy purchase",
        (
            "U: yeah hi um i wanna get the area wireless ear buds",
            "A: The Aria Wireless Earbuds are $79.99 and in stock. Would you like a pair?",
            "U: yes one pair",
            "A: Order 30418872 is placed. Where should I send them?",
            "U: forty two elm court portland oregon nine seven two oh one",
            "A: Booked. They should arrive on Tuesday.",
            "U: cool cool thats all thank you",
        ),
        "positive",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="area wireless ear buds"),
            _order(25),
            _tool("create_shipment", order_id="30418872"),
        ),
        links=(("order", "30418872"), ("shipment", "SH0000000412")),
    ),
    Case(
        "ho-home-gym-kettlebell",
        "happy purchase",
        (
            "U: I'm setting up a little home gym. Is the adjustable dumbbell pair worth it "
            "or should I just get a kettlebell?",
            "A: The Adjustable Dumbbell Pair is $349.99 and covers most exercises; the Iron "
            "Core Kettlebell 16 kg is $54.99 and is great for swings and squats.",
            "U: Honestly the kettlebell is more my budget. Let's do one of those.",
            "A: Order 61200945 is placed for one Iron Core Kettlebell 16 kg.",
            "U: Brilliant, you made that really easy.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("get_product", product_id=62),
            _tool("get_product", product_id=70),
            _order(70),
        ),
        links=(("order", "61200945"),),
    ),
    Case(
        "ho-goggles-terse",
        "happy purchase",
        (
            "U: two pairs of the lap anti fog goggles for my kids",
            "A: Two Lap Anti-Fog Swim Goggles come to $29.98. I've placed order 77001234.",
            "U: ok",
            "A: Anything else I can help with?",
            "U: no",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(_order(73, qty=2),),
        links=(("order", "77001234"),),
    ),
    Case(
        "ho-camera-skeptical",
        "happy purchase",
        (
            "U: Six hundred bucks for the Aperture camera kit? That seems steep.",
            "A: It includes the body, a 15-45 mm lens, a spare battery and a 64 GB card, and "
            "shipping is free.",
            "U: Hm. Okay, that's actually a decent bundle. Go ahead and order it.",
            "A: Order 88120456 is placed for the Aperture Mirrorless Camera Kit.",
            "U: Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(_tool("get_product", product_id=36), _order(36)),
        links=(("order", "88120456"),),
    ),
    Case(
        "ho-asr-blender-to-cooker",
        "happy purchase",
        (
            "U: do you have the velocity hi speed blender",
            "A: Yes, the Velocity High-Speed Blender is $149.99.",
            "U: is it loud my wife works nights",
            "A: It's a powerful blender, so it is fairly loud on high.",
            "U: hmm ok maybe not then. what about the um the hearth multi cooker is that quiet",
            "A: The Hearth 6-Quart Multi-Cooker is nearly silent while it cooks, and it's $99.99.",
            "U: oh nice thats perfect ill take that one",
            "A: Order 20450078 is placed.",
            "U: awesome thanks so much",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("get_product", product_id=42),
            _tool("get_product", product_id=39),
            _order(39),
        ),
        links=(("order", "20450078"),),
    ),
    Case(
        "ho-website-rude-then-grateful",
        "confused shopper",
        (
            "U: Ugh, finally. Or a robot, whatever. I've been on your website for an hour and "
            "I can't find the checkout button.",
            "A: Sorry for the hassle. I can place the order for you right here. What's in "
            "your cart?",
            "U: The Basecamp 40L backpack and the trekking poles. Sorry for snapping, it's "
            "been a long day.",
            "A: No problem at all. Order 12398745 is placed for the Basecamp 40L Hiking "
            "Backpack and the Trekker Carbon Trekking Poles, $179.98.",
            "U: Oh thank god. Thank you, really.",
        ),
        "positive",
        "satisfied",
        4,
        "purchase",
        tools=(_order(51, 52),),
        links=(("order", "12398745"),),
    ),
    Case(
        "ho-dollhouse-out-of-stock",
        "polite but unsatisfied",
        (
            "U: Good morning. I was hoping to order the Willow Lane dollhouse for my "
            "daughter's birthday on the 14th.",
            "A: I'm sorry, the Willow Lane Wooden Dollhouse is out of stock and I don't have "
            "a restock date.",
            "U: Oh dear. Is there anything similar?",
            "A: The Spectrum Magnetic Tile Set is popular at that age, but it isn't a dollhouse.",
            "U: No, she's set on the dollhouse. Thank you for checking anyway.",
        ),
        "neutral",
        "not satisfied",
        3,
        "purchase",
        tools=(_tool("get_product", product_id=95), _tool("search_products", query="dollhouse")),
    ),
    # ---- product questions ------------------------------------------------------
    Case(
        "ho-reef-safe-sunscreen",
        "product question",
        (
            "U: Is your mineral sunscreen reef safe? We're going snorkelling in Hawaii.",
            "A: Yes, the Mineral Sunscreen Lotion SPF 50 uses non-nano zinc oxide and no "
            "oxybenzone or octinoxate.",
            "U: Oh that's exactly what I needed to hear. I'll grab two on the website tonight. "
            "Thanks!",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(_tool("get_product", product_id=81),),
    ),
    Case(
        "ho-grandma-video-calls",
        "confused shopper",
        (
            "U: Hello? Is this the shop? My grandson said I should get a, um, a tablet thing "
            "for video calls.",
            "A: Yes, this is Contoso. The Lumen 10-Inch Tablet works well for video calls, "
            "and so does the Beacon 8-Inch Smart Display, which sits on a table.",
            "U: I don't know what apps are, dear. Which one do I press to see him?",
            "A: The Beacon Smart Display is the simplest: you say 'call' and his name.",
            "U: Oh. Well, I'd better ask him first. Thank you, you've been very kind.",
        ),
        "positive",
        "satisfied",
        4,
        "product_question",
        tools=(_tool("search_products", query="tablet video calls"),),
        extra={"also": "satisfaction neutral: she leaves without deciding"},
    ),
    Case(
        "ho-asr-flat-iron-unanswered",
        "confused shopper",
        (
            "U: hi i'm looking for the uh press on flatten",
            "A: Sorry, I didn't catch that. Which product are you looking for?",
            "U: the silk press flat iron the the hair straightener",
            "A: I found the Silk Press Ceramic Flat Iron for $49.99. Would you like to order it?",
            "U: does it go to four fifty degrees",
            "A: Sorry, I don't have the temperature range for that product.",
            "U: okay i'll look it up on the website then",
        ),
        "neutral",
        "not satisfied",
        2,
        "product_question",
        tools=(
            _tool("search_products", query="press on flatten"),
            _tool("get_product", product_id=79),
        ),
    ),
    # ---- damaged or faulty items ------------------------------------------------
    Case(
        "ho-headphones-crackle-wait",
        "polite but unsatisfied",
        (
            "U: Hi, the left ear cup on my Nimbus headphones crackles whenever I move my head. "
            "I've had them ten days.",
            "A: I'm sorry to hear that. They're under warranty. I can email you a prepaid return "
            "label, and a replacement ships once we receive them, usually within two weeks.",
            "U: Two weeks without headphones... I travel for work next week. Is there no way to "
            "send the replacement first?",
            "A: I'm afraid replacements only ship after the return arrives.",
            "U: Alright. Please send the label then. Thanks for your help.",
        ),
        "neutral",
        "not satisfied",
        3,
        "damaged_item",
    ),
    Case(
        "ho-asr-tent-pole",
        "damaged item",
        (
            "U: yeah so the some it two person tent one of the poles snapped the first time "
            "i put it up",
            "A: I'm sorry about that. Could you give me the order number?",
            "U: its five five oh one two two eight nine",
            "A: Thanks, I found order 55012289. I'll send a replacement pole set by express "
            "shipping at no charge; it should arrive Thursday, before the weekend.",
            "U: oh sweet okay that saves my camping trip thank you",
        ),
        "positive",
        "satisfied",
        5,
        "damaged_item",
        tools=(_tool("get_order", order_id="55012289"),),
    ),
    Case(
        "ho-serum-leaking-again",
        "angry shopper",
        (
            "U: This is the second time the vitamin C serum shows up leaking all over the box. "
            "Second time!",
            "A: I'm really sorry. I've refunded the $24 to your card and you don't need to send "
            "anything back.",
            "U: I don't want a refund, I want a bottle that isn't broken. Whatever. I'll buy it "
            "somewhere else.",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
    ),
    Case(
        "ho-camera-lens-error-repair",
        "escalation",
        (
            "U: My mirrorless camera shows lens error every time I turn it on. I've already "
            "tried another lens.",
            "A: Thanks for checking that. It points to the camera body, so it needs our repair "
            "centre. I've opened a warranty repair and you'll get a shipping box within three "
            "days.",
            "U: Okay. How long does the repair take?",
            "A: Usually ten to fourteen days once it arrives.",
            "U: That's a while, but okay. Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "damaged_item",
    ),
    Case(
        "ho-heating-pad-scorch",
        "escalation",
        (
            "U: The Comfort Plus heating pad got so hot it left a scorch mark on my couch. "
            "That could have started a fire.",
            "A: I'm very sorry, and I'm glad you're safe. Please unplug it and stop using it. "
            "I'm escalating this to our product safety team; they'll call you within one "
            "business day about a refund and the damage.",
            "U: I should hope so. I want that in writing.",
            "A: You'll get an email confirming case S-4471 in a few minutes.",
            "U: Fine.",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        extra={"also": "reason complaint"},
    ),
    # ---- deliveries and order status ----------------------------------------------
    Case(
        "ho-sarcastic-delay-cancel",
        "sarcasm",
        (
            "U: Hi, checking on order 41236587, the sleeping bag.",
            "A: That order has been held up at the carrier's hub; the new estimate is next "
            "Wednesday.",
            "U: Oh fantastic. Wonderful. I leave for my trip on Saturday, so that's just perfect.",
            "A: I'm sorry. I can cancel it and refund you if it won't arrive in time.",
            "U: Sure, great, yeah, do that. Amazing service as always.",
            "A: Order 41236587 is cancelled and the refund reaches your card in five business "
            "days.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(
            _tool("get_order", order_id="41236587"),
            _tool("cancel_order", order_id="41236587"),
        ),
        extra={"also": "reason cancellation"},
    ),
    Case(
        "ho-asr-tracking-reread",
        "late delivery",
        (
            "U: where's my stuff i ordered the foam roller and the jump rope like a week ago",
            "A: Could you give me the order number or the tracking number?",
            "U: tracking is one zed nine nine eight a b",
            "A: Sorry, I couldn't find 1Z998AB. Could you read it again?",
            "U: one Z nine nine eight eight A B",
            "A: Got it. It's in transit and scheduled for delivery tomorrow by 8 pm.",
            "U: ok fine",
        ),
        "neutral",
        "neutral",
        3,
        "order_status",
        tools=(
            _tool("track_shipment", ok=False, tracking_number="1Z998AB"),
            _tool("track_shipment", tracking_number="1Z9988AB"),
        ),
        extra={"also": "reason delivery_issue (a week may already be late)"},
    ),
    Case(
        "ho-cooler-marked-delivered",
        "escalation",
        (
            "U: Hello, the tracking for my cooler says delivered yesterday, but there's nothing "
            "on my porch and my neighbours haven't seen it.",
            "A: I'm sorry. It was marked delivered at 2:14 pm. I've opened a missing-parcel "
            "claim and a specialist will call you within 24 hours.",
            "U: Okay. It was quite expensive, so I hope it turns up. Thank you.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="1Z5521CC"),),
    ),
    Case(
        "ho-kayak-third-call",
        "angry shopper",
        (
            "U: this is the third time i'm calling about the same order the kayak was supposed "
            "to be here two weeks ago",
            "A: I'm sorry for the trouble. What's the order number?",
            "U: i gave it to the last guy and the guy before that. nobody there knows what "
            "they're doing",
            "A: I understand your frustration. I'll transfer you to a supervisor who can see "
            "your previous calls.",
            "U: yeah you do that",
        ),
        "negative",
        "not satisfied",
        1,
        "delivery_issue",
    ),
    Case(
        "ho-sarcastic-robot-status",
        "sarcasm",
        (
            "U: Great, a robot. Just what I wanted. Where's order 70021455?",
            "A: Order 70021455, the Glacier 20F Sleeping Bag, shipped yesterday and arrives "
            "Thursday.",
            "U: Huh. Okay, that was faster than waiting for a person, I'll give you that.",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("get_order", order_id="70021455"),),
    ),
    Case(
        "ho-asr-cancel-wrong-colour",
        "returns or cancellation",
        (
            "U: hey can i cancel an order i placed this morning i ordered the wrong colour",
            "A: Sure, what's the order number?",
            "U: eight one two three four five six seven",
            "A: Order 81234567 hadn't shipped yet, so I've cancelled it; the refund shows within "
            "five days. Would you like to order the right colour?",
            "U: no that's ok i'll do it online later. thanks for the quick help",
        ),
        "positive",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("get_order", order_id="81234567"),
            _tool("cancel_order", order_id="81234567"),
        ),
    ),
    # ---- returns, refunds and policies ----------------------------------------------
    Case(
        "ho-boots-exchange",
        "returns or cancellation",
        (
            "U: I got the Chelsea boots but they're half a size too small. How do I swap them?",
            "A: Unworn items can be returned within 30 days. I'll email you a prepaid return "
            "label, and you can order the bigger size now so it isn't delayed.",
            "U: Okay, let's order the ten and a half then.",
            "A: Order 31456790 is placed for the Timberline Leather Chelsea Boot in 10.5, and "
            "the return label is on its way.",
            "U: Great, thanks, that was painless.",
        ),
        "positive",
        "satisfied",
        5,
        "return_refund",
        tools=(_order(18),),
        links=(("order", "31456790"),),
        extra={"also": "reason purchase (a new order was placed)"},
    ),
    Case(
        "ho-used-toothbrush-return",
        "returns or cancellation",
        (
            "U: Can I return the Sonic toothbrush if I've already used it once? It's too "
            "strong for my gums.",
            "A: For hygiene reasons, used personal care items can't be returned. It does have "
            "a sensitive mode: hold the power button for two seconds to switch.",
            "U: Oh, I didn't know about the sensitive mode. I'll try that. Thanks.",
        ),
        "positive",
        "satisfied",
        4,
        "return_refund",
        extra={"also": "reason policy_question"},
    ),
    Case(
        "ho-asr-refund-when",
        "returns or cancellation",
        (
            "U: hi i sent back the denim jacket last week when do i get my money back",
            "A: Could you give me the order number?",
            "U: yeah its um six seven three three two one oh nine",
            "A: Thanks. We received the return on Tuesday; the $79.99 refund was issued today "
            "and usually shows on your card in three to five business days.",
            "U: perfect thank you",
        ),
        "positive",
        "satisfied",
        5,
        "return_refund",
        tools=(_tool("get_order", order_id="67332109"),),
    ),
    Case(
        "ho-perfume-gift-exchange",
        "returns or cancellation",
        (
            "U: I got the Cedar and Sage perfume as a gift but I'm allergic to it. Can I "
            "exchange it without a receipt?",
            "A: If it's unopened, we can give store credit at the current price, even without "
            "the gift giver's order number.",
            "U: It's still sealed. Store credit is fine, I'll find something else. That's helpful.",
        ),
        "positive",
        "satisfied",
        4,
        "return_refund",
    ),
    Case(
        "ho-alaska-surcharge",
        "policy question",
        (
            "U: Do you charge extra to ship to Alaska?",
            "A: Standard shipping to Alaska and Hawaii has a $15 surcharge and takes 7 to 10 "
            "business days.",
            "U: Fifteen dollars on top? Ugh. That's a lot for a pair of socks.",
            "A: I understand. Orders over $75 ship there with the surcharge waived.",
            "U: I'm not spending 75 dollars on socks. Never mind.",
        ),
        "negative",
        "not satisfied",
        2,
        "policy_question",
        tools=(_tool("search_knowledge", query="shipping Alaska surcharge"),),
    ),
    Case(
        "ho-monitor-price-drop",
        "polite but unsatisfied",
        (
            "U: I bought the Horizon 27-inch monitor eight days ago and today it's forty "
            "dollars cheaper. Can I get the difference back?",
            "A: I'm sorry, we don't adjust prices after purchase. You could return it within "
            "30 days and buy it again at the new price.",
            "U: So I have to box up a monitor and ship it back to save forty bucks. That's "
            "pretty silly.",
            "A: I understand it's inconvenient.",
            "U: Yeah. Okay. Thanks I guess.",
        ),
        "negative",
        "not satisfied",
        2,
        "policy_question",
        extra={"also": "reason return_refund"},
    ),
    Case(
        "ho-double-charge",
        "angry shopper",
        (
            "U: You people charged my card twice for the same air fryer. I want my money back "
            "today.",
            "A: I'm sorry. I can see one order, 90817263, for the Crisp 5-Quart Air Fryer. "
            "Billing can check the second charge; I've raised a ticket and they'll email you "
            "within one business day.",
            "U: One business day. Right. And I'm supposed to just trust that.",
            "A: I understand. The ticket number is B-20931.",
            "U: Whatever. If it's not fixed by Friday I'm disputing it with my bank.",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(_tool("get_order", order_id="90817263"),),
        extra={"also": "reason complaint (billing error)"},
    ),
    # ---- other --------------------------------------------------------------------
    Case(
        "ho-wrong-number-pizza",
        "other",
        (
            "U: Yeah hi, I'd like a large pepperoni for delivery.",
            "A: I'm sorry, this is the Contoso store's shopping assistant; we don't sell food.",
            "U: Oh. Wrong number, my bad. Bye.",
        ),
        "neutral",
        "neutral",
        3,
        "other",
    ),
    # ---- abandoned calls ------------------------------------------------------------
    Case(
        "ho-abandoned-breaking-up",
        "abandoned",
        (
            "U: hello yeah can you hear me i'm calling about the",
            "A: Hi, I can hear you. How can I help?",
            "U: sorry you're breaking up the the order it",
        ),
        "neutral",
        "neutral",
        2,
        "order_status",
        status="abandoned",
        extra={"also": "reason other (too little said)"},
    ),
    Case(
        "ho-abandoned-on-hold",
        "abandoned",
        (
            "U: I need to return the cookware set, one of the pans is warped.",
            "A: I'm sorry about that. Let me pull up your order, one moment.",
            "U: Hello? It's been five minutes. This is ridiculous, I'm hanging up.",
        ),
        "negative",
        "not satisfied",
        1,
        "damaged_item",
        status="abandoned",
        extra={"also": "reason return_refund"},
    ),
    Case(
        "ho-abandoned-robot-kit",
        "abandoned",
        (
            "U: Hi! What would you recommend for a curious seven-year-old who loves building "
            "things?",
            "A: The CodeBot STEM Robot Kit is a favourite at $89.99, and the Spectrum Magnetic "
            "Tile Set is $49.99.",
            "U: Ooh, the robot kit sounds fun. Does it need batteries or",
        ),
        "positive",
        "neutral",
        3,
        "product_question",
        tools=(_tool("search_products", query="building toys age 7"),),
        status="abandoned",
    ),
)

__all__ = ["HELDOUT"]
