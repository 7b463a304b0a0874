"""Blind held-out call transcripts for judging the call analysers once.

Written on 2026-12-03 by a separate writer, blind to the analyser: its code, lexicon,
training data, earlier held-out set and benchmark were not opened, and no analyser was
run over these calls. Every label was set by hand, as a careful human reviewer would,
before any analyser output existed. The situations and wording are new; only the data
format (``Case``) comes from ``bench/analysis_cases.py``. Product names, ids, prices and
store policies (30-day returns, free US standard shipping from $50, 7 days to report
damage, warranties, own-price adjustments within 14 days, US and Canada only) follow
the shipped Contoso catalog and knowledge documents so the assistant turns are
plausible. Shopper turns are written the way speech-to-text renders a phone call:
fillers, restarts, short replies, spoken numbers and addresses.

Labelling guide followed for every case:

- ``sentiment`` (customer_sentiment): the shopper's overall feeling over the call,
  weighing how it ends more than how it starts. ``positive`` when they end pleased or
  warm; ``negative`` when they end annoyed, let down, sarcastic or cold, even if they
  stay polite or never use an angry word; ``neutral`` when they are matter-of-fact or
  the call never shows a clear feeling.
- ``satisfaction``: how the call left them. ``satisfied`` when they got what they came
  for (or an acceptable fix) and accept it; ``not satisfied`` when the need was not met
  or the answer was unwelcome and not accepted; ``neutral`` when it was partly met,
  left open (handed on with the outcome still unsettled, "I'll think about it") or we
  cannot tell. A hand-over to customer care with the fix already agreed counts as met.
- ``rating`` 1-5: how well the call served the shopper, from their perspective.
  5 = need fully met and they are pleased; 4 = met with small friction or no warmth;
  3 = partly met, left open or handed on unsettled; 2 = mostly not met, or met in a way that
  left them unhappy; 1 = a failure that wasted their time or drove them away.
- ``reason``: the one category of why they called, from purchase, product_question,
  order_status, delivery_issue, damaged_item (damaged, defective, faulty or incomplete
  item), return_refund, cancellation, policy_question, complaint, other. The reason is
  what they called about, not how the call ended.

``kind`` describes the situation for reading the results by group. Turns are
"U: ..." (shopper) or "A: ..." (assistant); ``extra["language"]`` marks calls held in
another language.
"""

from __future__ import annotations

from bench.analysis_cases import Case, _order, _tool

BLIND: tuple[Case, ...] = (
    # ---- purchases -----------------------------------------------------------
    Case(
        "blind-buy-headlamps-camping",
        "happy purchase",
        (
            "U: Hey! So we're going camping next weekend, first time with the kids, and I need "
            "headlamps. Like two of them.",
            "A: The Firefly Rechargeable LED Headlamp is $24.99 each and charges over USB-C. Two "
            "come to $49.98. Shall I order two?",
            "U: Oh yes, rechargeable is perfect, I always forget batteries. Yes please.",
            "A: Order 6 2 0 4 1 1 8 5 is placed. Where should I ship it?",
            "U: Um, 2210 Alder Court, Boise, Idaho, 8 3 7 0 2.",
            "A: Shipping by standard to 2210 Alder Court, Boise, Idaho 83702. It should arrive "
            "Tuesday.",
            "U: Tuesday, amazing, that's way before the trip. You're a lifesaver, thank you!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="headlamp"),
            _order(53, 2),
            _tool(
                "create_shipment", order_id="62041185", address="2210 Alder Court, Boise, ID 83702"
            ),
        ),
        links=(("order", "62041185"), ("shipment", "SH0000004410")),
    ),
    Case(
        "blind-buy-kettlebell-terse",
        "businesslike purchase",
        (
            "U: Kettlebell. The sixteen kilo one.",
            "A: The Iron Core Kettlebell 16 kg is $54.99 and in stock. Order one?",
            "U: Yep.",
            "A: Done, order 3 0 9 5 7 7 2 1. Standard shipping is free on this order. Same address"
            " as last time?",
            "U: Yeah.",
            "A: It ships to 88 Mercer Street and arrives Friday.",
            "U: Ok.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _order(70),
            _tool("create_shipment", order_id="30957721", address="88 Mercer Street"),
        ),
        links=(("order", "30957721"), ("shipment", "SH0000004411")),
    ),
    Case(
        "blind-buy-racket-after-questions",
        "happy purchase",
        (
            "U: Hi, I'm getting back into tennis after like ten years and I'm looking at the Ace "
            "graphite racket. Is it okay for someone who's, uh, rusty?",
            "A: Yes, the Ace Graphite Tennis Racket has a large head and a light frame, which is "
            "forgiving for returning players. It's $89.99.",
            "U: Does it come strung? My old one didn't.",
            "A: It comes pre-strung, so you can play with it right away.",
            "U: Oh nice. Okay, let's do it.",
            "A: Order 7 1 8 8 0 2 4 3 is placed for one Ace Graphite Tennis Racket.",
            "U: Sweet. Honestly that was easier than going to the store. Thanks a bunch.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(_tool("get_product", product_id=67), _order(67)),
        links=(("order", "71880243"),),
    ),
    Case(
        "blind-buy-multicooker-overnight",
        "happy purchase",
        (
            "U: I need the Hearth multi-cooker and I need it by tomorrow if that's even possible, "
            "my sister's staying with us and ours just died.",
            "A: It's possible. The Hearth 6-Quart Multi-Cooker is $99.99, and overnight shipping "
            "to you would be $31.40. Would you like both?",
            "U: Yes. Yes, do it.",
            "A: Order 4 4 1 9 0 3 6 8 is placed. What's the delivery address?",
            "U: 57 Birchwood Drive, apartment 3B, Columbus, Ohio 43215.",
            "A: Overnight to 57 Birchwood Drive, Apartment 3B, Columbus, Ohio 43215. It arrives "
            "tomorrow by early afternoon. Your tracking number starts with TX.",
            "U: Oh thank goodness. You just saved my week. Thank you so much.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _order(39),
            _tool(
                "create_shipment",
                order_id="44190368",
                address="57 Birchwood Drive Apt 3B, Columbus, OH 43215",
                speed="overnight",
            ),
        ),
        links=(("order", "44190368"), ("shipment", "SH0000004412")),
    ),
    Case(
        "blind-buy-socks-businesslike",
        "businesslike purchase",
        (
            "U: Hi. Three packs of the Trail merino hiking socks, please.",
            "A: Three Trail Merino Hiking Socks 3-Packs come to $59.97 with free standard "
            "shipping. Shall I place it?",
            "U: Correct.",
            "A: Order 9 0 2 2 6 1 1 4. Where should it go?",
            "U: 4 0 1 West Elm, Missoula, Montana 5 9 8 0 1.",
            "A: I have 401 West Elm Street, Missoula, Montana 59801. Is that right?",
            "U: That's right.",
            "A: It's booked and should arrive Wednesday. Anything else?",
            "U: No, that's it.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _order(8, 3),
            _tool(
                "create_shipment",
                order_id="90226114",
                address="401 West Elm Street, Missoula, MT 59801",
            ),
        ),
        links=(("order", "90226114"), ("shipment", "SH0000004413")),
    ),
    Case(
        "blind-buy-kayak-sold-out-midcall",
        "mixed good then bad",
        (
            "U: Hi there, I'd love to get the Tidepool inflatable kayak. Is it in stock?",
            "A: Yes, there are a couple left. It's $429. Would you like to order one?",
            "U: Yes! I've been eyeing it all summer.",
            "A: I'm sorry, the order didn't go through. The last units were just reserved and it's"
            " now out of stock.",
            "U: Wait, what? You literally just said there were some left.",
            "A: I'm sorry, they sold while we were talking. I don't have a restock date yet.",
            "U: Wow. Okay. So that's that, I guess.",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(
            _tool("get_product", product_id=60),
            _tool("create_order", ok=False, lines=[{"product_id": 60, "quantity": 1}]),
        ),
    ),
    Case(
        "blind-buy-chair-canada-shipping-cancel",
        "mixed good then bad",
        (
            "U: Hello, I want one of the Lakeside folding camp chairs.",
            "A: The Lakeside Folding Camp Chair is $39.99. I've placed order 5 5 3 0 8 1 9 6. "
            "Where should I ship it?",
            "U: Saskatoon, Saskatchewan. 12 Spadina Crescent East, S7K 3G9.",
            "A: To Canada, standard shipping for this chair is $27.49 and takes about seven "
            "business days.",
            "U: Twenty seven fifty? For a forty dollar chair?",
            "A: Yes, shipping to Canada is charged by weight and free shipping applies only in the"
            " US.",
            "U: No. That's silly. Just cancel the whole thing.",
            "A: Order 55308196 is cancelled and you won't be charged.",
            "U: Fine.",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(_order(54), _tool("cancel_order", order_id="55308196", reason="shipping cost")),
        links=(("order", "55308196"),),
    ),
    Case(
        "blind-buy-magnetic-tiles-out",
        "out of stock",
        (
            "U: Yeah hi, I'd like to order the magnetic tile set, the sixty piece one.",
            "A: I'm sorry, the Spectrum Magnetic Tile Set 60-Piece is out of stock right now and I"
            " don't have a restock date.",
            "U: Oh. Hm. Do you have anything kind of like it?",
            "A: The Maple Wooden Building Blocks 100-Piece are in stock at $34.99, though they "
            "aren't magnetic.",
            "U: Nah, he really wants the magnet ones. Okay, I'll check back another time.",
        ),
        "neutral",
        "neutral",
        3,
        "purchase",
        tools=(
            _tool("get_product", product_id=88),
            _tool("search_products", query="building toys"),
        ),
    ),
    Case(
        "blind-confused-grandmother-helped",
        "confused shopper",
        (
            "U: Hello? Is this the store? I'm, my grandson said I could just talk to it.",
            "A: Yes, this is the Contoso assistant. How can I help you today?",
            "U: Well it's his birthday, he's turning eight, and he likes, oh, robots and computers"
            " and such. I don't know what they call it.",
            "A: The CodeBot STEM Robot Kit is popular for ages eight and up. Kids build a small "
            "robot and program it. It's $89.99.",
            "U: Program it? Goodness. Would an eight year old manage that?",
            "A: Yes, it uses simple picture blocks on a tablet, no typing needed.",
            "U: Oh well that sounds just right. Can you send it to me?",
            "A: Of course. I've placed order 2 8 8 4 0 5 1 7. What's your address?",
            "U: It's 19 Lilac Lane, Dover, Delaware. The zip is 19901.",
            "A: It will arrive at 19 Lilac Lane, Dover, Delaware 19901 on Monday, in time for his "
            "birthday.",
            "U: You've been so patient with me, dear. Thank you ever so much.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="robot toy for 8 year old"),
            _order(92),
            _tool("create_shipment", order_id="28840517", address="19 Lilac Lane, Dover, DE 19901"),
        ),
        links=(("order", "28840517"), ("shipment", "SH0000004414")),
    ),
    Case(
        "blind-asr-mishears-watch",
        "misunderstood shopper",
        (
            "U: I want to buy the Tempo watch.",
            "A: Sorry, we don't carry tempura. Could you tell me the product again?",
            "U: Tempo. The fitness watch. Tempo.",
            "A: Sorry, did you mean the Trekker Carbon Trekking Poles?",
            "U: No. Watch. Smart watch.",
            "A: I'm sorry, I didn't catch that. Could you repeat the product name?",
            "U: I've said it four times. Never mind.",
        ),
        "negative",
        "not satisfied",
        1,
        "purchase",
        tools=(
            _tool("search_products", query="tempura"),
            _tool("search_products", query="tempo trekking"),
        ),
    ),
    Case(
        "blind-buy-then-rewards-expired",
        "mixed good then bad",
        (
            "U: Hi, can I get the Sonic toothbrush? The rechargeable one.",
            "A: Sure. The Sonic Rechargeable Toothbrush is $49.99. Order 1 6 6 0 3 2 9 8 is "
            "placed.",
            "U: Great. Oh, and can I use my rewards points on that? I've got like a thousand.",
            "A: I'm sorry, your points expired because the account had no purchase for twelve "
            "months.",
            "U: They what? I've shopped with you for years. Nobody told me that.",
            "A: I understand. Points expire after twelve months without a purchase, and you'll "
            "earn new points on this order.",
            "U: That's pretty lousy honestly. Whatever. Bye.",
        ),
        "negative",
        "not satisfied",
        3,
        "purchase",
        tools=(_order(85), _tool("search_knowledge", query="rewards points expire")),
        links=(("order", "16603298"),),
    ),
    # ---- product questions ---------------------------------------------------
    Case(
        "blind-pq-boot-waterproof",
        "product question",
        (
            "U: Quick question about the Rainier hiking boot. Is it actually waterproof or just, "
            "like, water resistant?",
            "A: The Rainier Waterproof Hiking Boot has a waterproof membrane and sealed seams, so "
            "it's rated for stream crossings and wet trails.",
            "U: Okay, and do they run small? I'm usually a ten and a half.",
            "A: They run true to size, so a 10.5 should fit. There's room for a thick hiking sock.",
            "U: Perfect, that's exactly what I wanted to know. Thanks!",
        ),
        "positive",
        "satisfied",
        4,
        "product_question",
        tools=(
            _tool("get_product", product_id=14),
            _tool("search_knowledge", query="Rainier boot sizing"),
        ),
    ),
    Case(
        "blind-pq-webcam-mac-unsure",
        "product question",
        (
            "U: Does the Clarity webcam work with a Mac? Like a 2019 MacBook Pro?",
            "A: The Clarity 1080p Webcam connects over USB and works with most computers.",
            "U: Most? So is that a yes for a Mac or not?",
            "A: I don't have confirmed compatibility details for that specific model.",
            "U: Hm. Okay. I'll look it up somewhere else then.",
        ),
        "neutral",
        "not satisfied",
        2,
        "product_question",
        tools=(
            _tool("get_product", product_id=32),
            _tool("search_knowledge", query="Clarity webcam mac compatibility"),
        ),
    ),
    Case(
        "blind-pq-compare-fryer-cooker",
        "product question",
        (
            "U: So I'm trying to decide between the air fryer and the multi-cooker thing. What's "
            "the difference, basically?",
            "A: The Crisp 5-Quart Air Fryer at $79.99 is for crisping and roasting. The Hearth "
            "6-Quart Multi-Cooker at $99.99 pressure cooks, slow cooks and steams, but doesn't "
            "crisp.",
            "U: Uh huh. And which one's easier to clean?",
            "A: Both have dishwasher-safe inner parts. The air fryer basket is smaller, so it's a "
            "bit quicker.",
            "U: Okay. Let me talk to my husband and I'll call back.",
        ),
        "neutral",
        "neutral",
        3,
        "product_question",
        tools=(_tool("get_product", product_id=40), _tool("get_product", product_id=39)),
    ),
    Case(
        "blind-pq-sleeping-bag-temp",
        "product question",
        (
            "U: Hey, the Glacier sleeping bag says twenty F. Is that like, comfortable at twenty, "
            "or survive at twenty?",
            "A: Twenty degrees is the lower limit, where an average sleeper stays warm curled up. "
            "It's comfortable down to about thirty degrees.",
            "U: Ahh, okay, that's actually really helpful. We'll be around thirty-five so sounds "
            "like it's fine.",
            "A: It should be comfortable for that. Would you like to order one?",
            "U: Not today, I'm just researching. But thanks, that cleared it up.",
        ),
        "positive",
        "satisfied",
        4,
        "product_question",
        tools=(_tool("search_knowledge", query="Glacier 20F sleeping bag temperature rating"),),
    ),
    # ---- order status --------------------------------------------------------
    Case(
        "blind-status-birthday-gift",
        "order status",
        (
            "U: Hi, I just want to make sure my order shipped. It's a gift for my wife's birthday "
            "on Saturday. Order number is 7 7 3 1, 0 4 5 9.",
            "A: Order 77310459 shipped yesterday with Northwind Parcel and is due Thursday.",
            "U: Thursday. Oh thank god. Okay, perfect.",
            "A: Would you like the tracking number?",
            "U: Sure, yeah.",
            "A: It's N W, then 4 8 1 0 2 2 7 3 9 5 0 6 1 1 8.",
            "U: Got it. Thanks so much, that's a load off my mind.",
        ),
        "positive",
        "satisfied",
        5,
        "order_status",
        tools=(_tool("get_order", order_id="77310459"),),
    ),
    Case(
        "blind-status-plain",
        "order status",
        (
            "U: Checking on an order. Six one two zero, nine nine four three.",
            "A: Order 61209943 is in transit and should arrive Wednesday.",
            "U: Wednesday. Ok.",
            "A: Is there anything else?",
            "U: No.",
        ),
        "neutral",
        "neutral",
        4,
        "order_status",
        tools=(
            _tool("get_order", order_id="61209943"),
            _tool("track_shipment", tracking_number="NW302918475566120"),
        ),
    ),
    Case(
        "blind-status-wrong-number",
        "order status",
        (
            "U: Can you tell me where my order is? It's, um, 3 4 8 8 2 1.",
            "A: Order numbers have eight digits. Could you read me the whole number?",
            "U: Oh. Uh, 3 4 8 8 2 1 0 7?",
            "A: I couldn't find an order with the number 34882107.",
            "U: Ugh. I'm reading it off a screenshot, maybe I cropped it. Hang on. No, I'll find "
            "the email and call back.",
        ),
        "neutral",
        "not satisfied",
        2,
        "order_status",
        tools=(_tool("get_order", ok=False, order_id="34882107"),),
    ),
    # ---- late and lost deliveries ---------------------------------------------
    Case(
        "blind-late-out-for-delivery",
        "late delivery",
        (
            "U: Hi, my hoodie was supposed to come Friday and it's Monday now. Can you see where "
            "it is?",
            "A: Sure, what's the order number?",
            "U: 2 0 5 5, 6 1 3 8.",
            "A: Order 20556138 was held up at the Portland hub over the weekend. It's out for "
            "delivery this morning.",
            "U: Oh, today? Great, okay. Thanks for checking, I appreciate it.",
        ),
        "positive",
        "satisfied",
        4,
        "delivery_issue",
        tools=(
            _tool("get_order", order_id="20556138"),
            _tool("track_shipment", tracking_number="NW117204938820551"),
        ),
    ),
    Case(
        "blind-late-sarcasm",
        "sarcastic shopper",
        (
            "U: Yeah, I'm calling about my blender. The one that was supposed to be here last "
            "Tuesday.",
            "A: Let me check. The carrier shows a delay, with a new estimated delivery of next "
            "Monday.",
            "U: Oh great. Just what I needed, another estimated delivery date. That's the third "
            "one.",
            "A: I'm sorry about the delays. If there's no update by Monday, we can open a trace "
            "with the carrier.",
            "U: Wonderful. Can't wait for Monday then. Really looking forward to it.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="NW640021873309912"),),
    ),
    Case(
        "blind-late-one-day",
        "late delivery",
        (
            "U: Hey, my order was meant to show up today and it didn't. Number's 8 1 3 7 2 2 0 9.",
            "A: The parcel missed a scan and is now due tomorrow.",
            "U: Tomorrow. Alright, whatever works I guess.",
            "A: I'm sorry for the wait. Anything else I can help with?",
            "U: Nope.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(
            _tool("get_order", order_id="81372209"),
            _tool("track_shipment", tracking_number="NW559013284470136"),
        ),
    ),
    Case(
        "blind-lost-marked-delivered",
        "lost delivery",
        (
            "U: It says my package was delivered yesterday. It was not. I've looked everywhere.",
            "A: I'm sorry. Have you checked with neighbours and around the delivery spot?",
            "U: Yes. Twice. And the mail room.",
            "A: Carriers sometimes mark parcels delivered early. If it doesn't turn up by the end "
            "of today, we can report it and send a replacement.",
            "U: So I just wait around and hope. Okay.",
            "A: Yes, and if it's still missing tonight, call back and we'll take care of it.",
            "U: Sure.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="NW902281736645012"),),
    ),
    Case(
        "blind-lost-trace-polite",
        "polite but dissatisfied",
        (
            "U: Hi, sorry to bother you. I ordered a rain jacket two weeks ago for a trip, and the"
            " tracking hasn't changed in, I think, six days?",
            "A: I see it. The last scan was six days ago in Sacramento. I've asked customer care "
            "to open a trace with the carrier, which can take up to five business days.",
            "U: Oh. Five days. I leave on Friday, so that doesn't really help me, unfortunately.",
            "A: I'm sorry. If you like, you can order a new jacket with overnight shipping and "
            "we'll refund the first one once the trace closes.",
            "U: I'd have to pay for overnight though, right?",
            "A: Yes, overnight shipping isn't free.",
            "U: Right. Well, I appreciate you trying. I'll figure something out.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="NW330984721156093"),),
    ),
    Case(
        "blind-address-typo-escalated",
        "escalation",
        (
            "U: I think I put the wrong apartment number on my order. It's going to 12 instead of "
            "21.",
            "A: Let me look. Order 40981273 has shipped to 880 Harbor Way, Apartment 12. The label"
            " is already printed, so I can't redirect it.",
            "U: Okay. So what happens now?",
            "A: Customer care can contact the carrier, and if the parcel comes back we'll reship "
            "it to the right apartment. Shall I transfer you?",
            "U: Sure, put me through.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(_tool("get_order", order_id="40981273"),),
    ),
    # ---- damaged, defective, incomplete ----------------------------------------
    Case(
        "blind-damaged-blender-jar-mixed",
        "mixed bad then good",
        (
            "U: Okay so my Velocity blender came on Saturday and the jar has a crack down the "
            "side. I made one smoothie and it leaked all over my counter. I'm really not happy.",
            "A: I'm so sorry. That's within the seven days to report damage. Can I have the order "
            "number?",
            "U: 6 9 0 4 4 1 2 8.",
            "A: Thanks. I've logged the damage report. A new jar-and-base set ships at no charge "
            "by your original shipping speed, and you don't need to send the broken one back.",
            "U: Oh, I don't have to ship it back? Okay, that's actually much easier than I "
            "expected.",
            "A: Just take a photo of the crack for our records. You'll get an email with the "
            "tracking number today.",
            "U: Okay, great. Thank you, I appreciate it.",
        ),
        "positive",
        "satisfied",
        4,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="69044128"),
            _tool("search_knowledge", query="damaged item report replacement"),
        ),
    ),
    Case(
        "blind-defect-headphones-crackle",
        "defective item",
        (
            "U: Hi, my Nimbus headphones, the left side started crackling, like a static sound, "
            "whenever noise cancelling is on. I got them in March.",
            "A: I'm sorry. The Nimbus Noise-Cancelling Headphones have a two-year warranty, so "
            "this is covered. I'll transfer you to customer care to set up the claim and a prepaid"
            " label.",
            "U: Oh good, I was worried it'd be out of warranty.",
            "A: You're well within it. Connecting you now.",
            "U: Okay, great, thanks.",
        ),
        "positive",
        "satisfied",
        4,
        "damaged_item",
        tools=(_tool("search_knowledge", query="Nimbus headphones warranty"),),
    ),
    Case(
        "blind-defect-smartwatch-lookup-fails",
        "defective item",
        (
            "U: My Tempo watch won't hold a charge anymore. Full at night, dead by lunch. It's "
            "like four months old.",
            "A: I'm sorry. Could you give me the order number so I can check the warranty?",
            "U: 5 1 7 7 3 0 8 2.",
            "A: I'm sorry, I can't reach the order system right now.",
            "U: So what, I call back later?",
            "A: You could try again later, or I can transfer you to customer care.",
            "U: I already waited twenty minutes to get through to you. This is ridiculous.",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        tools=(_tool("get_order", ok=False, order_id="51773082"),),
    ),
    Case(
        "blind-skillet-rust-dispute",
        "defective item",
        (
            "U: The cast iron skillet I got has orange spots all over the cooking surface. That's "
            "rust, right? It's brand new.",
            "A: Light surface rust can appear on cast iron in transit. You can scrub it with steel"
            " wool, rinse, dry and re-season it with oil.",
            "U: I'm not scrubbing rust off a pan I bought three days ago.",
            "A: I understand. If you'd prefer, customer care can review it as a damaged item.",
            "U: I'd prefer it to not be rusty. I'll send it back. Not impressed.",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        tools=(_tool("search_knowledge", query="cast iron skillet rust care"),),
    ),
    Case(
        "blind-dollhouse-missing-piece",
        "incomplete item",
        (
            "U: Hi. The Willow Lane dollhouse, we're halfway through building it and there's no "
            "staircase piece in the box. The instructions say step eleven, part K.",
            "A: I'm sorry about that. Missing parts are covered if you report them within seven "
            "days of delivery. When did it arrive?",
            "U: Thursday.",
            "A: Then you're within the window. Customer care can send the missing part. I'll "
            "transfer you now.",
            "U: Alright. Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "damaged_item",
        tools=(_tool("search_knowledge", query="missing part report"),),
    ),
    Case(
        "blind-thermometer-wrong-readings",
        "defective item",
        (
            "U: The infrared thermometer reads ninety-three degrees on everybody. Me, my kids, the"
            " dog. Nobody is ninety-three.",
            "A: That sounds like a faulty sensor. Is the lens clean and are you measuring from "
            "about two inches away?",
            "U: Yes. Did all that. Changed the batteries too.",
            "A: Thank you. It's covered by the one-year warranty, so customer care will send a "
            "replacement. I'll transfer you.",
            "U: Ok. Fine.",
        ),
        "neutral",
        "satisfied",
        4,
        "damaged_item",
        tools=(_tool("search_knowledge", query="QuickRead thermometer troubleshooting"),),
    ),
    Case(
        "blind-speaker-crackle-swearing",
        "angry shopper",
        (
            "U: The damn Pulse speaker crackles the second you go past half volume. Second one "
            "I've had. This is a joke.",
            "A: I'm sorry. The Pulse speaker has a one-year warranty. Customer care can arrange a "
            "replacement or a refund.",
            "U: I don't want a third one. I want my money back.",
            "A: Understood. I'll transfer you to customer care for a refund under the warranty.",
            "U: Great. More waiting. Fantastic.",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
    ),
    # ---- returns and refunds ---------------------------------------------------
    Case(
        "blind-return-running-shoes",
        "return",
        (
            "U: Hey, so I got the Switchback trail runners and they just don't fit right, they're "
            "tight across the top. Can I send them back?",
            "A: Yes. If you've only tried them on indoors, you can return them within 30 days of "
            "delivery, and returns are free from US addresses.",
            "U: Yeah, only tried them in the living room. They got here last week.",
            "A: Then you're well within the window. Customer care will email you a prepaid label, "
            "and the refund arrives five to seven business days after we receive them. I'll "
            "transfer you to finish it.",
            "U: Awesome, that's super easy. Thank you!",
        ),
        "positive",
        "satisfied",
        4,
        "return_refund",
        tools=(_tool("search_knowledge", query="return shoes tried on"),),
    ),
    Case(
        "blind-return-opened-serum",
        "polite but dissatisfied",
        (
            "U: Hi, I'd like to return the vitamin C serum. I used it twice and it just, it made "
            "my skin a bit red.",
            "A: I'm sorry to hear that. Opened beauty products are final sale, so it can't be "
            "returned for a refund. I can log the reaction report with customer care so they "
            "review your case.",
            "U: Oh. I didn't know that. So I'm just stuck with it.",
            "A: I understand it's disappointing. Would you like me to pass on the reaction report?",
            "U: I suppose. Okay. Thanks anyway.",
        ),
        "neutral",
        "not satisfied",
        2,
        "return_refund",
        tools=(_tool("search_knowledge", query="return opened beauty product"),),
    ),
    Case(
        "blind-refund-timing",
        "refund question",
        (
            "U: Yeah I sent back a sweater last week. When do I get the money?",
            "A: Refunds go to your original payment method five to seven business days after the "
            "return reaches our warehouse. Do you have the order number?",
            "U: 3 3 9 0 1 2 7 4.",
            "A: Your return was delivered to the warehouse on Tuesday, so the refund should appear"
            " by the end of next week.",
            "U: End of next week. Ok.",
        ),
        "neutral",
        "neutral",
        3,
        "return_refund",
        tools=(_tool("get_order", order_id="33901274"),),
    ),
    Case(
        "blind-third-call-refund",
        "angry shopper",
        (
            "U: This is the third time I'm calling about this refund.",
            "A: I'm sorry. Could you give me the order number?",
            "U: 8 4 0 2 2 6 7 1. Same as the last two times.",
            "A: I see the return arrived on the 3rd. The refund is still pending.",
            "U: Pending. It was pending two weeks ago too.",
            "A: I understand. I'll transfer you to customer care so they can check with billing.",
            "U: Last time they said it'd be sorted in two days. I want someone to actually fix it "
            "this time.",
            "A: Connecting you now.",
        ),
        "negative",
        "not satisfied",
        1,
        "return_refund",
        tools=(_tool("get_order", order_id="84022671"),),
    ),
    # ---- cancellations ---------------------------------------------------------
    Case(
        "blind-cancel-wrong-colour-reorder",
        "cancellation",
        (
            "U: Hi! I ordered the Weekend hoodie an hour ago in gray but I actually wanted navy. "
            "Can I cancel it?",
            "A: Yes, it hasn't shipped yet. I've cancelled order 1 2 5 5 8 0 3 6. Would you like "
            "me to order it in navy?",
            "U: Yes please, medium.",
            "A: Done, order 1 2 5 5 8 1 1 9 for the Weekend Zip-Up Hoodie in navy, size medium.",
            "U: Oh awesome, that was painless. Thank you!",
        ),
        "positive",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("cancel_order", order_id="12558036", reason="wrong colour"),
            _order(11),
        ),
        links=(("order", "12558119"),),
    ),
    Case(
        "blind-cancel-businesslike",
        "cancellation",
        (
            "U: I need to cancel order 7 0 0 6, 2 3 5 1.",
            "A: Order 70062351 for a Horizon 27-Inch 4K Monitor hasn't shipped. Shall I cancel it?",
            "U: Yes.",
            "A: It's cancelled. The full $379.99 goes back to your card, usually within five to "
            "seven business days.",
            "U: Okay. Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(_tool("get_order", order_id="70062351"), _tool("cancel_order", order_id="70062351")),
    ),
    Case(
        "blind-cancel-already-shipped",
        "cancellation",
        (
            "U: Hi, can I cancel the camera kit I ordered? I found out my brother's getting me "
            "one.",
            "A: I'm sorry, order 93318460 shipped this morning, so it can't be cancelled. You can "
            "refuse it at the door or return it free within 30 days of delivery.",
            "U: Oh, okay. If I refuse it, do I still get the full refund?",
            "A: Yes, it comes back to us and is refunded as a return.",
            "U: Alright, I'll just do that then.",
        ),
        "neutral",
        "neutral",
        3,
        "cancellation",
        tools=(_tool("cancel_order", ok=False, order_id="93318460"),),
    ),
    # ---- policy questions --------------------------------------------------------
    Case(
        "blind-policy-price-drop",
        "policy question",
        (
            "U: Hi, so I bought the Beacon smart display like ten days ago and now it's twenty "
            "dollars cheaper on your site. Is there anything you can do?",
            "A: Yes. If Contoso lowers the price within 14 days of your purchase, we refund the "
            "difference, and you don't need to return anything. Customer care processes it with "
            "your order number.",
            "U: Oh really? That's great, I thought I'd just missed out.",
            "A: You're within the window. I'll transfer you and they'll refund the twenty dollars.",
            "U: Amazing, thank you so much!",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
        tools=(_tool("search_knowledge", query="price adjustment after purchase"),),
    ),
    Case(
        "blind-policy-canada-shipping",
        "policy question",
        (
            "U: How much does it cost to ship to Vancouver? And how long?",
            "A: Standard to British Columbia takes about six business days and costs $14.99 plus "
            "$2.50 per pound. Expedited takes four business days.",
            "U: Is there free shipping over some amount, like in the States?",
            "A: No, free shipping applies only to US orders.",
            "U: Okay. Kind of steep, but fine. Thanks.",
        ),
        "neutral",
        "neutral",
        3,
        "policy_question",
        tools=(_tool("search_knowledge", query="shipping to Canada cost"),),
    ),
    Case(
        "blind-policy-competitor-match",
        "policy question",
        (
            "U: Do you price match? Northwind Outfitters has the Frost cooler for forty bucks "
            "less.",
            "A: I'm sorry, we only adjust for Contoso's own price drops, not other stores' prices.",
            "U: So no.",
            "A: That's right, though we do have sales throughout the year.",
            "U: Then I'll buy it there. Bye.",
        ),
        "negative",
        "not satisfied",
        2,
        "policy_question",
        tools=(_tool("search_knowledge", query="price match competitor"),),
    ),
    Case(
        "blind-policy-return-window",
        "policy question",
        (
            "U: How long do I have to return stuff?",
            "A: Thirty days from delivery, for unused items in their original packaging. Returns "
            "from US addresses are free.",
            "U: Okay, got it.",
        ),
        "neutral",
        "neutral",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="return window"),),
    ),
    Case(
        "blind-policy-blender-warranty",
        "policy question",
        (
            "U: Before I buy it, what's the warranty on the Velocity blender? My last one died "
            "right after a year.",
            "A: The Velocity High-Speed Blender has a five-year warranty, starting on the day it's"
            " delivered. Contoso handles claims for you.",
            "U: Five years? Oh wow, that's way better than I expected. That basically sells it for"
            " me.",
            "A: Glad to hear it. Would you like to order one now?",
            "U: I'll order it tonight on the app, but that's great, thank you!",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
        tools=(_tool("search_knowledge", query="Velocity blender warranty"),),
    ),
    # ---- complaints --------------------------------------------------------------
    Case(
        "blind-complaint-shipping-fee",
        "complaint",
        (
            "U: Why was I charged eight dollars shipping? My order was forty-eight dollars.",
            "A: Standard shipping is free on US orders of $50 or more before shipping. Your "
            "subtotal was $48.98, so shipping applied.",
            "U: So I was a dollar short and that's eight bucks. Nice.",
            "A: I understand that's frustrating. For future orders, adding a small item can bring "
            "it over $50.",
            "U: Right. Very helpful.",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
        tools=(_tool("search_knowledge", query="free shipping threshold"),),
    ),
    Case(
        "blind-complaint-double-charge-resolved",
        "mixed bad then good",
        (
            "U: You charged my card twice for the same order and I want that fixed right now.",
            "A: I'm sorry for the worry. Let me check. What's the order number?",
            "U: 2 6 6 1 9 0 4 5.",
            "A: I only see one order and one payment of $64.99. The second line on your statement "
            "is likely a temporary authorization that your bank drops within a few days.",
            "U: Oh. So it's not actually two charges.",
            "A: That's right, only one charge will go through. If it's still there after five "
            "business days, customer care will sort it out.",
            "U: Okay, that makes sense. Sorry for snapping at you. Thanks for explaining.",
        ),
        "positive",
        "satisfied",
        4,
        "complaint",
        tools=(_tool("get_order", order_id="26619045"),),
    ),
    Case(
        "blind-complaint-hold-times",
        "complaint",
        (
            "U: I'd like to leave some feedback. I called customer care yesterday and was on hold "
            "for fifty minutes before I gave up.",
            "A: I'm sorry about that wait. I'll pass your feedback on to the customer care team.",
            "U: Is there anything that can actually be done, or is it just, passed on?",
            "A: I can note it on your account, and customer care lines are usually shortest in the"
            " early morning.",
            "U: I see. Well. I'd hoped for more than that, honestly. Thank you for listening, I "
            "suppose.",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
    ),
    Case(
        "blind-escalate-agent-clipped",
        "escalation",
        (
            "U: Representative.",
            "A: I can help with orders, shipping and product questions. What can I do for you?",
            "U: Agent. A person.",
            "A: Of course. I'll transfer you to customer care.",
            "U: Thank you.",
        ),
        "negative",
        "neutral",
        3,
        "other",
    ),
    Case(
        "blind-gift-card-balance",
        "other",
        (
            "U: Hi, um, I got a Contoso gift card for Christmas and I don't know how much is on "
            "it. Can you check?",
            "A: I can't see gift card balances, but customer care can check it for you. Would you "
            "like me to transfer you?",
            "U: Oh. Hm, okay, sure, I guess.",
        ),
        "neutral",
        "neutral",
        3,
        "other",
    ),
    # ---- abandoned calls ----------------------------------------------------------
    Case(
        "blind-abandoned-hold-impatient",
        "abandoned",
        (
            "U: I need to know where order 5 9 2 0 7 7 1 3 is.",
            "A: One moment while I look that up.",
            "U: Hello?",
            "A: Still checking, thanks for waiting.",
            "U: This is taking forever. I'll just check the website.",
        ),
        "negative",
        "not satisfied",
        1,
        "order_status",
        tools=(_tool("get_order", ok=False, order_id="59207713"),),
        status="abandoned",
    ),
    Case(
        "blind-abandoned-doorbell",
        "abandoned",
        (
            "U: Hi, I'd like to order the Plush bath towel set, please.",
            "A: The Plush Cotton Bath Towel Set is $39.99. Shall I place the order?",
            "U: Yes, and, oh, hang on, someone's at the door, one sec",
        ),
        "neutral",
        "neutral",
        2,
        "purchase",
        status="abandoned",
    ),
    Case(
        "blind-abandoned-browsing-lanterns",
        "abandoned",
        (
            "U: What kind of lanterns do you have? For camping.",
            "A: The Solstice Solar Camping Lantern is $19.99, and the Firefly Rechargeable LED "
            "Headlamp is $24.99 if you'd like hands-free light.",
            "U: Solar, huh. How long does it",
        ),
        "neutral",
        "neutral",
        3,
        "product_question",
        tools=(_tool("search_products", query="camping lantern"),),
        status="abandoned",
    ),
    Case(
        "blind-abandoned-after-exchange-answer",
        "abandoned",
        (
            "U: If my kid's sneakers don't fit, can I swap them for a bigger size?",
            "A: Yes, size exchanges are free within 30 days of delivery, and we ship the new pair "
            "as soon as the return is scanned.",
            "U: Oh perfect, that's all I needed!",
        ),
        "positive",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="exchange size"),),
        status="abandoned",
    ),
    # ---- other languages ------------------------------------------------------------
    Case(
        "blind-es-compra-toallas",
        "non-English purchase",
        (
            "U: Hola, buenas. Quiero comprar el juego de toallas de algodón, el Plush.",
            "A: Claro. El Plush Cotton Bath Towel Set cuesta 39,99 dólares. ¿Lo pido?",
            "U: Sí, por favor. Y también el juego de tazas, el de cuatro.",
            "A: Listo. Pedido 4 7 7 0 2 3 1 8 con las toallas y el Stoneware Coffee Mug Set of 4, "
            "en total 69,98 dólares, con envío estándar gratis.",
            "U: Ay, qué bien, muchísimas gracias. Muy amable.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            {
                "name": "create_order",
                "arguments": {
                    "lines": [{"product_id": 48, "quantity": 1}, {"product_id": 45, "quantity": 1}]
                },
            },
        ),
        links=(("order", "47702318"),),
        extra={"language": "es"},
    ),
    Case(
        "blind-fr-suivi-colis",
        "non-English order status",
        (
            "U: Bonjour, je voudrais savoir où en est ma commande. Le numéro c'est le 3 8 1 5 0 6 "
            "2 2.",
            "A: Bonjour. La commande 38150622 est partie hier avec Wide World Post vers Montréal. "
            "La livraison est prévue dans environ huit jours ouvrables.",
            "U: D'accord. Et je peux suivre le colis ?",
            "A: Oui, le numéro de suivi est C P 5 0 2 7 7 1 9 3 4 U S.",
            "U: Parfait, merci beaucoup, c'est très clair.",
        ),
        "positive",
        "satisfied",
        4,
        "order_status",
        tools=(
            _tool("get_order", order_id="38150622"),
            _tool("track_shipment", tracking_number="CP502771934US"),
        ),
        extra={"language": "fr"},
    ),
    Case(
        "blind-de-lieferung-verspaetet",
        "non-English late delivery",
        (
            "U: Guten Tag. Ich warte jetzt seit zwei Wochen auf meine Bestellung. Die Nummer ist 6"
            " 0 4 4 8 1 9 7.",
            "A: Guten Tag. Die Sendung ist unterwegs, aber seit sieben Werktagen gab es keine neue"
            " Meldung.",
            "U: Das weiß ich. Deshalb rufe ich an.",
            "A: Ich verstehe. Ich leite eine Nachforschung beim Versanddienst ein. Das kann bis zu"
            " fünf Werktage dauern.",
            "U: Noch fünf Tage. Na toll. Das ist wirklich enttäuschend.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(
            _tool("get_order", order_id="60448197"),
            _tool("track_shipment", tracking_number="NW771209384456021"),
        ),
        extra={"language": "de"},
    ),
    Case(
        "blind-es-devolucion-plazo",
        "non-English return",
        (
            "U: Hola, eh, compré unas botas Chelsea y me quedan grandes. ¿Cuánto tiempo tengo para"
            " devolverlas?",
            "A: Tiene 30 días desde la entrega, si no las ha usado fuera de casa. La devolución "
            "desde Estados Unidos es gratis.",
            "U: Vale. ¿Y cómo lo hago?",
            "A: Servicio al cliente le envía una etiqueta prepagada por correo. ¿Quiere que le "
            "transfiera?",
            "U: No, ahora no. Lo hago más tarde. Gracias.",
        ),
        "neutral",
        "neutral",
        4,
        "return_refund",
        tools=(_tool("search_knowledge", query="plazo de devolución"),),
        extra={"language": "es"},
    ),
)

__all__ = ["BLIND"]
