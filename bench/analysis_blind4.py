"""Blind evaluation set b4: 60 labelled Contoso calls for judging a call analyser.

Written by writer D (blind 4) on 2026-12-03.

Written blind. While writing, the writer did not open, search or run the analyser
package (voicecart/analysis/), its training calls (voicecart/data/analysis_training/),
the benchmark scripts (bench/analysis.py, bench/analysis_blind.py, bench/analysis_blind2.py,
bench/analysis_heldout.py, any other writer's bench/analysis_blind*.py), tests about
analysis, or docs/benchmarks.md, and ran no analyser. Of bench/analysis_cases.py only the
part above ``CASES`` was read, for ``Case`` and the ``_order`` / ``_tool`` helpers. Product
names, ids and prices come from the catalog, and the assistant's answers follow the
knowledge documents (returns, damage reports, warranty, price adjustments, shipping).

Use the set once, to judge an analyser; do not tune against it. Once an analyser has been
changed because of what it got wrong here, these calls no longer measure it fairly.

Turns: each call is a tuple of lines, "U: ..." for the shopper and "A: ..." for the
assistant. Shopper lines are written the way speech-to-text hands them over: some lower
case, with fillers, run-on sentences, spoken digits and the odd misheard word; others
clean. ``tools`` lists the tool calls the assistant made (``ok`` False when a tool
failed); ``links`` names the orders and shipments created during the call; ``status`` is
"abandoned" when the shopper hung up or the line dropped mid-call; ``extra["language"]``
marks the six calls not in English (Spanish, French, German, Portuguese).

How the calls were labelled, by a reviewer reading only the transcript, one call at a
time, straight after writing it:

- sentiment, the shopper's feeling over the whole call with the most weight on how it
  ends. "positive" needs visible pleasure, enthusiasm or warm thanks; a courteous "thanks"
  or a brisk, businesslike call is "neutral"; "negative" is frustration, anger,
  disappointment, sarcasm or distrust that is still there at the end. Someone who starts
  angry and finishes genuinely relieved and warm is neutral or positive; someone who
  finishes resigned is negative.
- satisfaction: "satisfied" when the shopper got what they came for and accepts it;
  "neutral" when they got part of it, when nothing shows either way, or when they were
  handed to customer care and the outcome is still open; "not satisfied" when the need
  was not met, they left unhappy, or they hung up while waiting.
- rating, 1 to 5, as the shopper would score the call: 5 solved and happy, 4 solved and
  polite or neutral, 3 partly solved or lukewarm, 2 unsolved or unhappy, 1 a bad
  experience, angry, with nothing solved.
- reason, the single main reason for the call: purchase, product_question, order_status,
  delivery_issue, damaged_item (damaged, defective or wrong item), return_refund,
  cancellation, policy_question, complaint or other.
"""

from __future__ import annotations

from typing import Any

from bench.analysis_cases import Case, _order, _tool


def _lines(*pairs: tuple[int, int]) -> dict[str, Any]:
    """A create_order call with several lines, given as (product_id, quantity) pairs."""
    lines = [{"product_id": pid, "quantity": qty} for pid, qty in pairs]
    return {"name": "create_order", "arguments": {"lines": lines}}


BLIND4: tuple[Case, ...] = (
    Case(
        "b4-01",
        "happy_purchase",
        (
            (
                "U: hi hello yes um i'm looking for a teddy bear for my grandson he's turning one "
                "next week and my daughter said absolutely no small parts so i thought i'd better "
                "ask somebody"
            ),
            (
                "A: Happy early birthday to him! Honey the Plush Teddy Bear is suitable from "
                "birth: the eyes and nose are embroidered, so there are no small parts. It's "
                "$19.99 and comes in brown or cream."
            ),
            (
                "U: oh embroidered that's perfect. the brown one. and um is there anything else "
                "little i could put in with it, something wooden maybe, he loves banging things "
                "together haha"
            ),
            (
                "A: The Maple Wooden Building Blocks 100-Piece are finished with non-toxic, "
                "water-based paint, but they're meant for ages 2 and up, so they'd be one for him "
                "to grow into. They're $34.99."
            ),
            (
                "U: well his sister is three so they can share, and i'll keep an eye. yes put "
                "those in too"
            ),
            (
                "A: One brown teddy bear and one set of blocks comes to $54.98, and because "
                "that's over $50, standard shipping is free. Shall I place the order?"
            ),
            "U: yes please dear",
            (
                "A: Done. Your order number is three one seven, four four zero, two six. Where "
                "should I send it?"
            ),
            (
                "U: to my daughter's house it's um forty eight maple ridge drive dublin ohio four "
                "three zero one seven"
            ),
            (
                "A: I have 48 Maple Ridge Drive, Dublin, Ohio 43017, by free standard shipping. "
                "Is that right?"
            ),
            "U: that's it exactly",
            (
                "A: It's booked with Northwind Parcel and estimated for next Thursday, so it "
                "should arrive in time. You'll get a tracking email too."
            ),
            (
                "U: oh wonderful. you've been so helpful, thank you so much sweetheart, i was "
                "dreading doing all this on the computer"
            ),
            "A: You're very welcome. I hope he loves them!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="teddy bear for a one year old"),
            _tool("search_knowledge", query="teddy bear small parts age", category="toys"),
            _tool("search_products", query="wooden toy blocks"),
            _lines((86, 1), (87, 1)),
            _tool(
                "create_shipment",
                order_id="31744026",
                address="48 Maple Ridge Drive, Dublin, Ohio 43017",
            ),
        ),
        links=(
            ("order", "31744026"),
            ("shipment", "SH00000B4T7K"),
        ),
    ),
    Case(
        "b4-02",
        "terse_purchase",
        (
            "U: power bank",
            ("A: The Volt 10000 mAh Power Bank is $29.99, in black or white. Would you like one?"),
            "U: black. one.",
            "A: One black Volt power bank, $29.99. Shall I order it?",
            "U: yep",
            (
                "A: Ordered. Your order number is five zero two, eight one one, nine three. "
                "What's the delivery address?"
            ),
            "U: fourteen twenty one fifty sixth ave ne redmond wa nine eight zero five two",
            (
                "A: 1420 156th Avenue Northeast, Redmond, Washington 98052. The order is under "
                "$50, so standard shipping is $6.49, arriving in 2 business days. Go ahead?"
            ),
            "U: yes",
            (
                "A: Booked with Northwind Parcel. The tracking number is in your email. Anything "
                "else?"
            ),
            "U: no",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="power bank"),
            _order(28, 1),
            _tool(
                "create_shipment",
                order_id="50281193",
                address="1420 156th Ave NE, Redmond, WA 98052",
            ),
        ),
        links=(
            ("order", "50281193"),
            ("shipment", "SH00000C2M9P"),
        ),
    ),
    Case(
        "b4-03",
        "product_question",
        (
            (
                "U: yo so like the pulse speaker thing can it actually go in the pool like in the "
                "water or just like near the pool"
            ),
            (
                "A: It can go in. The Pulse Portable Bluetooth Speaker is rated IPX7, so it "
                "survives being under 1 metre of fresh water for 30 minutes, and it floats. Just "
                "make sure the rubber flap over the charging port is sealed."
            ),
            (
                "U: wait it floats?? thats sick. ok and how long does the battery go cuz we do "
                "like all day pool stuff in the summer"
            ),
            (
                "A: Up to 12 hours on a full charge, and charging takes about 3 hours. Don't "
                "charge it while it's still wet, and rinse it in fresh water if it's been in salt "
                "water."
            ),
            "U: ok bet. and can you do two of them like one left one right",
            (
                "A: Yes. Connect your phone to one speaker, hold its Bluetooth and volume up "
                "buttons together for 3 seconds, then turn on the second one. The first plays "
                "left and the second plays right."
            ),
            (
                "U: ok cool cool cool. i gotta ask my mom for her card lol so ill call back or "
                "whatever. thanks"
            ),
            ("A: No problem. They're $49.99 each, in black, blue, red or teal. Have a great day!"),
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool("search_knowledge", query="pulse speaker waterproof pool", product_id=27),
            _tool(
                "search_knowledge", query="pulse speaker stereo pairing two speakers", product_id=27
            ),
        ),
    ),
    Case(
        "b4-04",
        "order_status",
        (
            (
                "U: Good afternoon. I'm calling to check on an order I placed on Monday. The "
                "number is 6 2 0 4 1 8 7 3."
            ),
            (
                "A: Thank you. Order six two zero, four one eight, seven three shipped on Tuesday "
                "with Northwind Parcel Ground. It's in transit and estimated to arrive on Monday."
            ),
            "U: Monday. All right. Is there any way to have it come sooner?",
            (
                "A: I'm afraid not. It's already with the carrier, so I can't change the shipping "
                "speed now. On Monday morning it should show as out for delivery."
            ),
            "U: That's fine, I just wanted to know where it was. Thank you.",
            "A: You're welcome. Have a good afternoon.",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="62041873"),),
    ),
    Case(
        "b4-05",
        "late_delivery_escalation",
        (
            (
                "U: yeah hi i'm calling because my order is like a week late now and the tracking "
                "hasn't moved since last wednesday. order number is seven seven one three zero "
                "nine five two"
            ),
            (
                "A: I'm sorry about that. Order seven seven one, three zero nine, five two was "
                "last scanned in transit last Wednesday and was due last Friday. With no update "
                "for more than 5 business days, customer care can open a trace with the carrier."
            ),
            (
                "U: a trace. okay so what does that even mean, like when do i get my stuff? i "
                "need it for a trip on saturday"
            ),
            (
                "A: A trace asks Northwind Parcel to locate the parcel. If it can't be found, "
                "customer care will send a replacement or a refund. I can't promise it'll arrive "
                "before Saturday, I'm sorry."
            ),
            (
                "U: unbelievable. honestly unbelievable. i paid for this two weeks ago. you know "
                "what fine just put me through to someone"
            ),
            (
                "A: Of course. I'm transferring you to customer care now with your order number, "
                "so you won't need to repeat it."
            ),
            "U: whatever. this is the last time i order anything before a trip from you guys",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="77130952"),
            _tool(
                "transfer_to_agent", reason="no tracking update for 6 business days, trace needed"
            ),
        ),
    ),
    Case(
        "b4-06",
        "damaged_item",
        (
            (
                "U: Hi there, sorry to bother you. My mug set arrived this morning and two of the "
                "four mugs are cracked. I think the box got dropped, it's quite dented on one "
                "corner."
            ),
            (
                "A: I'm sorry to hear that. Because you're telling us within 7 days of delivery, "
                "we'll send a free replacement or give you a full refund, whichever you prefer. "
                "If you can, take a photo of the mugs, the outside of the box and the shipping "
                "label."
            ),
            (
                "U: Oh, okay, that's good. I'd like a replacement, please. The order number is 4 "
                "0 9 2 2 6 1 8."
            ),
            (
                "A: Thank you. That's the Stoneware Coffee Mug Set of 4 in blue. Damage reports "
                "are handled by customer care, so I'll connect you and pass on your order number."
            ),
            "U: Lovely. Should I throw the broken ones away?",
            (
                "A: Keep them and the packaging for now. Usually the photo is enough, and "
                "customer care will then tell you that you can dispose of them safely."
            ),
            "U: Perfect. Thanks.",
            "A: You're welcome. Transferring you now.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("search_knowledge", query="damaged item arrived broken", kind="policy"),
            _tool("get_order", order_id="40922618"),
            _tool("transfer_to_agent", reason="damaged on arrival, wants replacement"),
        ),
    ),
    Case(
        "b4-07",
        "return_request",
        (
            ("U: i want to return a hoodie. got it about three weeks ago. too big. never worn it"),
            (
                "A: I can check that for you. What's the 8-digit order number? And if it's only "
                "the size, a free exchange for a smaller one is also an option."
            ),
            "U: no just the money back. three five five zero one two nine four",
            (
                "A: Thanks. That's the Weekend Zip-Up Hoodie, delivered 18 days ago, so you're "
                "inside the 30-day window. It needs to be unworn with the tags on and in its "
                "original packaging."
            ),
            "U: tags are on. how do i do it",
            (
                "A: In your Contoso account, go to Orders and choose Return items, or I can "
                "connect you to customer care. We email a free prepaid label, and the refund goes "
                "to your original payment method within 5 to 7 business days after the parcel "
                "reaches our warehouse."
            ),
            "U: i'll do it in the app. thanks",
            "A: You're welcome. Bye for now.",
        ),
        "neutral",
        "satisfied",
        4,
        "return_refund",
        tools=(_tool("track_shipment", order_id="35501294"),),
    ),
    Case(
        "b4-08",
        "cancel_and_reorder",
        (
            (
                "U: hi okay so um i just placed an order like ten minutes ago for the cloud step "
                "walking shoes and i picked size nine but i meant nine and a half, i'm such an "
                "idiot, can you fix it please"
            ),
            (
                "A: No problem at all. I can't edit an order, but if it hasn't shipped I can "
                "cancel it and place a new one in size 9.5. What's the order number?"
            ),
            "U: uh it's, hang on it's in my email, two eight eight one four zero five seven",
            (
                "A: Found it: one pair of Cloudstep Walking Shoes, size 9, white, $79.99, not "
                "shipped yet. Shall I cancel it and order size 9.5 in white instead?"
            ),
            "U: yes yes please",
            (
                "A: The first order is cancelled and fully refunded today. The new order for size "
                "9.5 in white is two eight eight, one nine three, zero two, also $79.99. Where "
                "should it go?"
            ),
            (
                "U: oh thank god. same address, twelve harbor view lane apartment three boston "
                "mass oh two one one oh"
            ),
            (
                "A: 12 Harbor View Lane, Apartment 3, Boston, Massachusetts 02110. Standard "
                "shipping is free, estimated six business days. Shall I book it?"
            ),
            "U: yes",
            "A: Booked. You'll get the tracking number by email.",
            "U: amazing thank you so much, you totally saved me",
        ),
        "positive",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("get_order", order_id="28814057"),
            _tool("cancel_order", order_id="28814057", reason="wrong size"),
            _order(16, 1),
            _tool(
                "create_shipment",
                order_id="28819302",
                address="12 Harbor View Lane Apt 3, Boston, MA 02110",
            ),
        ),
        links=(
            ("order", "28819302"),
            ("shipment", "SH00000D8W3N"),
        ),
    ),
    Case(
        "b4-09",
        "cancel_too_late",
        (
            "U: I need to cancel order 5 1 6 6 0 3 8 9. I don't want it anymore.",
            (
                "A: Let me check. I'm sorry, order five one six, six zero three, eight nine "
                "shipped yesterday, so it can't be cancelled now."
            ),
            (
                "U: it shipped? i only ordered it yesterday morning. you couldn't wait one day? "
                "so now i have to deal with a package i don't even want"
            ),
            (
                "A: I understand. You have two options: refuse the parcel at the door and it "
                "comes back to us and is refunded as a return, or accept it and return it free "
                "within 30 days of delivery."
            ),
            "U: whatever. fine. i'll refuse it. this is such a hassle",
            (
                "A: Understood. Once it's back with us, the refund goes to your original payment "
                "method within 5 to 7 business days."
            ),
            "U: yeah. bye.",
        ),
        "negative",
        "not satisfied",
        2,
        "cancellation",
        tools=(
            _tool("get_order", order_id="51660389"),
            _tool("cancel_order", ok=False, order_id="51660389", reason="changed mind"),
        ),
    ),
    Case(
        "b4-10",
        "price_match_refused",
        (
            (
                "U: hey so i bought the nimbus headphones from you guys last week for like two "
                "hundred and now i'm seeing them at another store for one seventy nine, can you "
                "match that"
            ),
            (
                "A: I'm sorry, we only match Contoso's own price drops. If Contoso lowers the "
                "price within 14 days of your order, we refund the difference, but we can't match "
                "other stores. Our price is still $199.99."
            ),
            "U: seriously? every store does price matching now",
            (
                "A: I understand it's disappointing. If they're unused and in the original "
                "packaging, you can return them within 30 days of delivery, and returns from US "
                "addresses are free."
            ),
            (
                "U: yeah they're still in the box. ugh. okay so i guess i'll just return them and "
                "buy them over there. kind of annoying honestly"
            ),
            (
                "A: That's up to you. In your account, go to Orders and choose Return items, and "
                "we'll email you a prepaid label."
            ),
            "U: yeah. fine.",
        ),
        "negative",
        "not satisfied",
        2,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="price match other store", kind="policy"),
            _tool("get_product", product_id=26),
        ),
    ),
    Case(
        "b4-11",
        "price_adjustment",
        (
            (
                "U: Hi! Quick question. I bought the Crisp air fryer on the 24th for eighty-nine "
                "ninety-nine, and this morning I got an email saying it's on sale. Is there "
                "anything you can do, or am I just out of luck?"
            ),
            (
                "A: Good news: if Contoso lowers the price within 14 days of your purchase, we "
                "refund the difference, and you don't have to return anything. It's $79.99 now, "
                "so that's $10 back, and the 24th is well within 14 days."
            ),
            "U: Oh, really? How do I get it?",
            (
                "A: In your Contoso account, go to Orders and choose Price adjustment, or call "
                "customer care from 7 am to 9 pm Pacific. The $10 goes back to your original "
                "payment method within 5 to 7 business days."
            ),
            (
                "U: Oh that's fantastic, I had no idea you did that. I'll do it in the app "
                "tonight. You've made my day!"
            ),
            "A: Glad to help. Enjoy the air fryer!",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
        tools=(
            _tool("get_product", product_id=40),
            _tool("search_knowledge", query="price dropped after I bought", kind="policy"),
        ),
    ),
    Case(
        "b4-12",
        "shipping_cost_canada",
        (
            (
                "U: hi i'm in winnipeg, do you guys ship to canada? and how much is it, i'm "
                "looking at the merino sweater the fairhaven one"
            ),
            (
                "A: Yes, we ship to Canada with Wide World Post. The sweater is charged as 2 "
                "pounds once packed, so standard shipping is $19.99, about 8 business days to "
                "Manitoba, or expedited is $37.99 and takes 4 business days."
            ),
            "U: oof. and is that canadian or",
            (
                "A: All our prices are in US dollars, and free shipping only applies to US "
                "orders. Canadian duties and GST aren't included at checkout; Wide World Post may "
                "collect them on delivery."
            ),
            "U: hm. so twenty us on a seventy dollar sweater plus maybe duties. that's a lot",
            (
                "A: I understand. The sweater itself is $69.99, in navy, charcoal, burgundy or "
                "cream, if you decide to go ahead."
            ),
            "U: yeah i'll think about it. thanks for the info",
        ),
        "neutral",
        "neutral",
        3,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="shipping to Canada cost", kind="policy"),
            _tool("get_product", product_id=2),
        ),
    ),
    Case(
        "b4-13",
        "warranty_question",
        (
            (
                "U: Hello. I'm considering the Tri-Ply stainless cookware set, the ten-piece, and "
                "before I spend two hundred and fifty dollars I'd like to know about the "
                "warranty."
            ),
            (
                "A: The Tri-Ply Stainless Cookware Set 10-Piece has a 25-year warranty from the "
                "day it's delivered. It covers defects in materials and workmanship under normal "
                "household use, but not accidental damage or normal wear."
            ),
            (
                "U: Twenty-five years! Goodness, that will outlast me. And if something does go "
                "wrong, do I have to chase the manufacturer?"
            ),
            (
                "A: No. Contoso handles every warranty claim for you, whichever brand made the "
                "item. You'd just call customer care with your 8-digit order number."
            ),
            (
                "U: Splendid. That settles it. My son will help me order it on the website this "
                "weekend. Thank you, you've been very clear."
            ),
            "A: You're welcome. Enjoy your cooking!",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
        tools=(_tool("search_knowledge", query="cookware set warranty", kind="policy"),),
    ),
    Case(
        "b4-14",
        "abandoned_line_drop",
        (
            (
                "U: hi um yeah i'm trying to find out where my order is, it's uh, the number is "
                "nine one zero four, hang on, nine one zero four seven"
            ),
            (
                "A: Thanks. I have nine one zero four seven so far. Order numbers have 8 digits; "
                "what are the last three?"
            ),
            (
                "U: yeah it's nine one zero four seven three and then uh sorry you're breaking up "
                "i'm in the car, hello?"
            ),
            (
                "A: I'm still here. I have nine one zero, four seven three. Could you give me the "
                "last two digits?"
            ),
        ),
        "neutral",
        "not satisfied",
        2,
        "order_status",
        status="abandoned",
    ),
    Case(
        "b4-15",
        "abandoned_angry",
        (
            (
                "U: this is the third time i'm calling about my parcel. the third time. order "
                "eight four four oh two one seven six"
            ),
            (
                "A: I'm sorry you've had to call again. Order eight four four, zero two one, "
                "seven six is in transit with Northwind Parcel. It was due yesterday, so it's "
                "running one day behind its estimate."
            ),
            (
                "U: one day. i was told monday then i was told tuesday and now it's yesterday. so "
                "when"
            ),
            (
                "A: A quiet day between scans is normal. If it's 5 business days late or tracking "
                "doesn't move for 5 business days, customer care will open a trace. I can connect "
                "you to customer care now if you'd like."
            ),
            (
                "U: five business days? are you kidding me. no you know what forget it. i'm done. "
                "i'll just dispute it with my bank"
            ),
        ),
        "negative",
        "not satisfied",
        1,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="84402176"),),
        status="abandoned",
    ),
    Case(
        "b4-16",
        "confused_elderly_purchase",
        (
            (
                "U: hello? is this the con toso? i can never tell with these machines. i need the "
                "um the thing for the blood pressure, the doctor says i have to check it at home "
                "every morning now"
            ),
            (
                "A: Yes, this is the Contoso voice assistant. We have the Vital Upper Arm Blood "
                "Pressure Monitor for $49.99. It measures blood pressure and pulse automatically "
                "and has a large backlit display."
            ),
            (
                "U: a large display that's good, my eyes aren't what they were. now does it go on "
                "the wrist or the, the arm? because i'm a big fellow"
            ),
            (
                "A: It goes on the upper arm. The cuff fits arms from 22 to 42 centimetres "
                "around, which is about 8 and a half to 16 and a half inches, measured around the "
                "middle of the upper arm."
            ),
            (
                "U: hold on. martha! martha where's the, the measuring, okay she says it's about "
                "fifteen inches"
            ),
            "A: Then it will fit. It runs on 4 AA batteries or a USB power adapter.",
            "U: batteries we've got a whole drawer of. all right i'll take one of those",
            "A: One Vital Upper Arm Blood Pressure Monitor, $49.99. Shall I place the order?",
            "U: yes yes go ahead",
            (
                "A: Done. Your order number is six four one, zero two two, eight seven. Where "
                "should I send it?"
            ),
            "U: two one seven palmetto court sarasota florida three four two three six",
            (
                "A: 217 Palmetto Court, Sarasota, Florida 34236. The order is just under $50, so "
                "standard shipping is $11.89 and takes about six business days. Shall I book it?"
            ),
            "U: eleven dollars hm. well the doctor wants me to start. yes go on",
            "A: It's booked with Northwind Parcel. Tracking will come by email.",
            "U: you've been very patient with an old man. thank you kindly, i mean that",
            "A: It was a pleasure. Take care of yourself.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="blood pressure machine"),
            _tool(
                "search_knowledge",
                query="blood pressure monitor cuff size batteries",
                product_id=104,
            ),
            _order(104, 1),
            _tool(
                "create_shipment",
                order_id="64102287",
                address="217 Palmetto Court, Sarasota, Florida 34236",
            ),
        ),
        links=(
            ("order", "64102287"),
            ("shipment", "SH00000F5R2V"),
        ),
    ),
    Case(
        "b4-17",
        "sarcastic_order_status",
        (
            (
                "U: oh good, a robot. my favourite. okay robot, where's my order. three zero zero "
                "six five five one two"
            ),
            (
                "A: Order three zero zero, six five five, one two is in transit with Northwind "
                "Parcel and is estimated to arrive tomorrow, Friday."
            ),
            "U: wow. tomorrow. incredible. the email said today but sure, tomorrow, why not",
            (
                "A: I'm sorry if it showed an earlier date before. The carrier's current estimate "
                "is tomorrow."
            ),
            (
                "U: you're sorry. the robot is sorry. that's genuinely touching. is there a human "
                "i can yell at or"
            ),
            (
                "A: I can connect you to customer care; they're open until 9 pm Pacific. Would "
                "you like that?"
            ),
            (
                "U: nah. i'll just sit here and wait for my box like a good little customer. "
                "thanks for nothing"
            ),
        ),
        "negative",
        "not satisfied",
        2,
        "order_status",
        tools=(_tool("track_shipment", order_id="30065512"),),
    ),
    Case(
        "b4-18",
        "sarcastic_then_won_over",
        (
            (
                "U: let me guess, you're going to tell me to go to the website. my physio says i "
                "need a foam roller and some resistance bands. can you actually do that or not"
            ),
            (
                "A: I can. The Recovery Foam Roller is $24.99 in black, blue or orange, and the "
                "Resistance Band Set 5-Piece is $19.99 in green, blue, red, yellow or black. "
                "Would you like both?"
            ),
            (
                "U: huh. okay. black roller. and the bands in black too. black everything. my "
                "soul is black. kidding. mostly"
            ),
            (
                "A: One black foam roller and one black band set, $44.98 in total. Shall I order "
                "them?"
            ),
            "U: go for it",
            (
                "A: Done. Your order number is seven seven two, zero five eight, one four. Where "
                "should it go?"
            ),
            "U: eighty eight kirkland avenue kirkland washington nine eight zero three three",
            (
                "A: 88 Kirkland Avenue, Kirkland, Washington 98033. The order is under $50, so "
                "standard shipping is $7.49, arriving in 2 business days. Book it?"
            ),
            "U: yeah",
            "A: Booked. You'll get the tracking number by email.",
            "U: two days. okay. that was actually painless. did not expect that. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="foam roller"),
            _tool("search_products", query="resistance bands"),
            _lines((68, 1), (66, 1)),
            _tool(
                "create_shipment",
                order_id="77205814",
                address="88 Kirkland Avenue, Kirkland, WA 98033",
            ),
        ),
        links=(
            ("order", "77205814"),
            ("shipment", "SH00000G7H4X"),
        ),
    ),
    Case(
        "b4-19",
        "out_of_stock_gives_up",
        (
            (
                "U: hi i'm looking for the spectrum magnetic tiles, the sixty piece set, it's for "
                "christmas, my son has been asking for them for literally months"
            ),
            (
                "A: I'm sorry, the Spectrum Magnetic Tile Set 60-Piece is out of stock right now, "
                "so I can't order it."
            ),
            "U: oh no. do you know when it'll be back",
            (
                "A: I don't have a restock date. If you'd like something similar, the Maple "
                "Wooden Building Blocks 100-Piece are $34.99, or for a child who likes building "
                "and gadgets there's the CodeBot STEM Robot Kit at $89.99."
            ),
            (
                "U: no he specifically wants the magnetic ones, his friend has them. ugh. "
                "everywhere is sold out. okay. never mind then"
            ),
            "A: I'm sorry I couldn't help with that one.",
            "U: yeah me too. bye",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(
            _tool("search_products", query="spectrum magnetic tiles 60 piece"),
            _tool("search_products", query="building toys", category="toys"),
        ),
    ),
    Case(
        "b4-20",
        "complaint_hold_time",
        (
            (
                "U: i want to make a complaint. yesterday i called customer care about a refund "
                "and i was on hold for forty minutes and then it just hung up on me. and nobody "
                "called me back. nobody"
            ),
            (
                "A: I'm really sorry, that shouldn't have happened. I can transfer you to "
                "customer care now. Calls are usually quickest before 10 am and after 6 pm "
                "Pacific."
            ),
            (
                "U: so you want me to go back into the same queue that hung up on me. brilliant. "
                "great plan"
            ),
            (
                "A: I understand. If you'd rather not wait on the phone, you can use Contact us "
                "in your Contoso account; the team replies within 1 business day."
            ),
            "U: fine i'll write it. but i want it on record that this is terrible service",
            (
                "A: I'm sorry again. This call is recorded, and calls are reviewed to improve our "
                "service."
            ),
            "U: yeah. great. bye",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
    ),
    Case(
        "b4-21",
        "complaint_packaging",
        (
            (
                "U: hi so this isn't urgent or anything, i just wanted to give some feedback? i "
                "ordered a headlamp which is like tiny and it came in a box the size of a "
                "microwave with a mountain of paper in it. it just seems really wasteful"
            ),
            (
                "A: Thanks for telling us, that's fair feedback. I can't change how parcels are "
                "packed myself, but calls are reviewed to improve our service, and customer care "
                "can also log it formally if you'd like."
            ),
            (
                "U: no that's okay i don't need a person. the headlamp's great by the way. just, "
                "you know. smaller boxes"
            ),
            ("A: Understood, and I'm glad the headlamp works well. Anything else I can help with?"),
            "U: nope that's it",
        ),
        "neutral",
        "neutral",
        3,
        "complaint",
    ),
    Case(
        "b4-22",
        "marked_delivered_missing",
        (
            (
                "U: um hi so my tracking says delivered today at like noon but there's nothing "
                "here, i checked the porch and behind the plant and everything. order six six one "
                "eight zero three four two"
            ),
            (
                "A: I'm sorry. Order six six one, eight zero three, four two is marked delivered "
                "today at 12:05. Please check around the delivery spot, with neighbours and at "
                "any mail room. Carriers sometimes mark a parcel delivered a little early, so it "
                "can still turn up by the end of the next business day."
            ),
            (
                "U: okay. i mean it's a townhouse so maybe the neighbour took it in. it's a gift "
                "though so i'm kinda stressed"
            ),
            (
                "A: That's understandable. If it hasn't turned up by the end of tomorrow, call "
                "back and report it, within 7 days of the delivery date, and customer care will "
                "send a replacement or a refund."
            ),
            "U: okay. i'll go knock on some doors i guess. thanks",
            "A: Good luck, I hope it's next door.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="66180342"),),
    ),
    Case(
        "b4-23",
        "missing_parcel_arrives",
        (
            (
                "U: hello yes i'm calling about my package, it was supposed to come today and "
                "it's like four pm and nothing, and i'm leaving tomorrow morning so i kind of "
                "really need it. order one nine two seven five oh eight eight"
            ),
            (
                "A: Let me look. Order one nine two, seven five zero, eight eight went out for "
                "delivery this morning, so it's on the delivery vehicle now. Most deliveries "
                "happen by early afternoon, but some run later."
            ),
            (
                "U: ugh okay but it's four. like how late do they, oh wait. hold on. someone's at "
                "the door"
            ),
            "A: Sure, I'll wait.",
            (
                "U: IT'S HERE. oh my god it's here. the guy literally just walked up the steps "
                "haha. sorry"
            ),
            "A: Perfect timing! Is there anything else I can help with?",
            "U: no that's it, thank you! sorry for the panic. have a great night",
        ),
        "positive",
        "satisfied",
        5,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="19275088"),),
    ),
    Case(
        "b4-24",
        "purchase_spanish",
        (
            (
                "U: hola buenas eh quería comprar unas zapatillas para correr las trailblazer "
                "para mí y para mi hijo"
            ),
            (
                "A: ¡Hola! Las Trailblazer Running Shoe cuestan $44.99 el par. Vienen en negro, "
                "azul, rojo, gris y blanco, en tallas de hombre de EE. UU. del 7 al 13. ¿Qué "
                "tallas y colores quieren?"
            ),
            (
                "U: yo uso un diez y mi hijo un ocho y medio, las dos en azul, bueno no, la de él "
                "en negro que el azul no le gusta jaja"
            ),
            (
                "A: Perfecto: un par talla 10 en azul y un par talla 8.5 en negro, $89.98 en "
                "total. Son fieles a la talla; dejen un dedo de espacio delante. ¿Hago el pedido?"
            ),
            "U: sí, dale",
            (
                "A: Listo. Su número de pedido es cuatro cinco uno, dos dos ocho, seis cero. ¿A "
                "qué dirección lo envío?"
            ),
            (
                "U: mil quinientos tres east yandell drive el paso texas setenta y nueve nueve "
                "cero uno"
            ),
            (
                "A: 1503 East Yandell Drive, El Paso, Texas 79901. El envío estándar es gratis "
                "porque el pedido supera los $50, y tarda unos cinco días hábiles. ¿Lo confirmo?"
            ),
            "U: sí perfecto",
            "A: Hecho. Le llegará el número de seguimiento por correo electrónico.",
            "U: muchísimas gracias, qué fácil fue, de verdad",
            "A: ¡De nada! Que disfruten las carreras.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="zapatillas trailblazer"),
            _order(13, 2),
            _tool(
                "create_shipment",
                order_id="45122860",
                address="1503 East Yandell Drive, El Paso, TX 79901",
            ),
        ),
        links=(
            ("order", "45122860"),
            ("shipment", "SH00000J3K8L"),
        ),
        extra={"language": "es"},
    ),
    Case(
        "b4-25",
        "return_window_expired_french",
        (
            (
                "U: bonjour euh j'ai acheté des bottes de randonnée les rainier et finalement "
                "elles ne me vont pas du tout, je voudrais les retourner. la commande c'est cinq "
                "sept trois zéro neuf un quatre quatre"
            ),
            (
                "A: Bonjour. La commande cinq sept trois, zéro neuf un, quatre quatre a été "
                "livrée il y a 41 jours. Le délai de retour est de 30 jours après la livraison, "
                "il est donc dépassé et je ne peux malheureusement pas lancer de retour."
            ),
            (
                "U: quarante et un jours? mais je ne les ai portées qu'à la maison, elles sont "
                "comme neuves. personne ne m'a dit ça"
            ),
            (
                "A: Je comprends, et je suis désolée. La règle des 30 jours s'applique même aux "
                "articles neufs. Si un défaut apparaissait, la Promesse Qualité Contoso couvre "
                "les défauts pendant 90 jours après la livraison, mais ce n'est pas le cas pour "
                "une question de taille."
            ),
            (
                "U: non, c'est juste la taille. bon. laissez tomber. c'est vraiment dommage, tant "
                "pis"
            ),
            "A: Je suis désolée de ne pas pouvoir faire mieux. Bonne journée.",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(
            _tool("track_shipment", order_id="57309144"),
            _tool("search_knowledge", query="délai de retour 30 jours", kind="policy"),
        ),
        extra={"language": "fr"},
    ),
    Case(
        "b4-26",
        "order_status_german",
        (
            (
                "U: Guten Tag. Ich möchte wissen, wo meine Sendung ist. Bestellnummer 2 4 6 8 1 3 "
                "5 7."
            ),
            (
                "A: Guten Tag. Die Bestellung zwei vier sechs, acht eins drei, fünf sieben ist "
                "heute Morgen in die Zustellung gegangen. Das Paket ist auf dem Lieferfahrzeug "
                "und kommt voraussichtlich heute."
            ),
            "U: Heute noch. Gut. Die Sendungsnummer bitte.",
            (
                "A: Die Sendungsnummer beginnt mit NW und lautet N W 7 0 2 4 1 5 5 8 3 0 9 1 6 6 "
                "4. Sie steht auch in Ihrer Versandbestätigung."
            ),
            "U: Danke. Das war's.",
            "A: Gern geschehen. Auf Wiederhören.",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="24681357"),),
        extra={"language": "de"},
    ),
    Case(
        "b4-27",
        "damaged_portuguese",
        (
            (
                "U: oi boa tarde, recebi o liquidificador velocity ontem e o copo veio rachado, "
                "dá pra ver a rachadura de fora. tô bem chateada porque era presente pro meu "
                "marido"
            ),
            (
                "A: Sinto muito. Como chegou ontem, está dentro do prazo de 7 dias: mandamos uma "
                "reposição grátis ou fazemos o reembolso total, como preferir. Se puder, tire "
                "fotos do copo, da caixa por fora e da etiqueta. Tem o número do pedido?"
            ),
            (
                "U: tenho, é três oito dois zero seis seis um cinco. eu quero outro, não quero o "
                "dinheiro de volta, o aniversário dele é sábado"
            ),
            (
                "A: Obrigada. A reposição vai pela mesma velocidade de envio do pedido original, "
                "sem custo, mas não posso garantir que chegue até sábado. Danos são tratados pelo "
                "atendimento ao cliente; posso transferir você agora."
            ),
            "U: sábado não vai dar então. tá bom, fazer o quê. me passa pra alguém",
            "A: Claro, estou transferindo com o número do pedido.",
        ),
        "negative",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="38206615"),
            _tool("transfer_to_agent", reason="blender jar cracked on arrival, wants replacement"),
        ),
        extra={"language": "pt"},
    ),
    Case(
        "b4-28",
        "shipping_mexico_spanish",
        (
            "U: hola una pregunta, ¿ustedes envían a méxico? a guadalajara",
            (
                "A: Lo siento, solo enviamos a Estados Unidos y Canadá, así que no podemos enviar "
                "a Guadalajara."
            ),
            "U: ¿y nada, ni pagando el envío más caro?",
            (
                "A: No, lo siento. Ninguna opción de envío llega fuera de Estados Unidos y "
                "Canadá, y tampoco enviamos a servicios de reenvío al extranjero."
            ),
            (
                "U: ay qué lástima, quería la tienda de campaña para ir a la sierra. bueno, "
                "gracias de todos modos"
            ),
            "A: De nada, y disculpe las molestias.",
        ),
        "negative",
        "not satisfied",
        2,
        "policy_question",
        tools=(_tool("search_knowledge", query="envíos a México", kind="policy"),),
        extra={"language": "es"},
    ),
    Case(
        "b4-29",
        "terse_overnight_purchase",
        (
            "U: Swift 65 watt charger. Need it by tomorrow. Boston.",
            (
                "A: The Swift 65W USB-C Charger is $34.99 in white or black. If I create the "
                "shipment today, overnight delivery to Boston arrives tomorrow, Friday. Which "
                "colour?"
            ),
            "U: Black.",
            (
                "A: Ordered. Your order number is nine three zero, four four one, two eight. "
                "What's the street address?"
            ),
            "U: 200 Clarendon Street, Boston, MA 02116.",
            (
                "A: 200 Clarendon Street, Boston, Massachusetts 02116. Overnight with Tailspin "
                "Express is $42.89, arriving tomorrow. Book it?"
            ),
            "U: Pricey. Yes.",
            "A: Booked. The tracking number starts with TX and is in your email.",
            "U: Fine. Bye.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="Swift 65 watt charger"),
            _order(33, 1),
            _tool(
                "create_shipment",
                order_id="93044128",
                address="200 Clarendon Street, Boston, MA 02116",
                speed="overnight",
            ),
        ),
        links=(
            ("order", "93044128"),
            ("shipment", "SH00000K9M2Q"),
        ),
    ),
    Case(
        "b4-30",
        "sizing_question",
        (
            (
                "U: quick one, the rainier hiking boots. i'm a ten in normal sneakers but i wear "
                "those thick wool hiking socks, do i go up or what"
            ),
            (
                "A: For the Rainier Waterproof Hiking Boot, order your usual size with thin "
                "socks, and go up half a size for thick hiking socks, so a 10.5 for you."
            ),
            "U: ten and a half okay. and if they're still wrong can i swap them",
            (
                "A: Yes, size exchanges are free within 30 days of delivery. Just try them on "
                "indoors only, so they can be exchanged."
            ),
            "U: perfect, i'll grab them on the site later. cheers",
            "A: You're welcome. Happy hiking!",
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="rainier hiking boot sizing thick socks",
                category="footwear",
            ),
        ),
    ),
    Case(
        "b4-31",
        "care_question_relief",
        (
            (
                "U: okay so this is a little embarrassing but my husband put our new cast iron "
                "pan in the dishwasher and now it's got like orange spots all over it. did he "
                "ruin it? it was a gift from my mom"
            ),
            (
                "A: It's not ruined. A few rust spots aren't a problem. Scrub them off with steel "
                "wool, rinse, dry it straight away, and then re-season it."
            ),
            "U: oh thank god. okay and re-season means what exactly, sorry, i'm new to this",
            (
                "A: Rub a thin layer of vegetable oil over the whole pan, inside and out, and "
                "wipe off as much as you can. Bake it upside down at 450 F for one hour with foil "
                "on the rack below, then let it cool in the oven."
            ),
            (
                "U: steel wool, oil, oven upside down four fifty. okay i'm writing this down. and "
                "i'm putting a sign on the dishwasher lol"
            ),
            "A: Good idea. Cast iron should never go in the dishwasher or be left soaking.",
            "U: you're a lifesaver, seriously, thank you. my mom will never know haha",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(_tool("search_knowledge", query="cast iron rust dishwasher", product_id=43),),
    ),
    Case(
        "b4-32",
        "unshipped_order",
        (
            (
                "U: hi i ordered a kettle three days ago and i haven't gotten any tracking email "
                "or anything. order seven oh three three one eight two five. is something wrong"
            ),
            (
                "A: Let me check. Order seven zero three, three one eight, two five for the "
                "Pour-Over Gooseneck Electric Kettle is placed, but no shipment was ever created "
                "for it, so it hasn't left the warehouse. It looks like the delivery step wasn't "
                "finished when it was ordered."
            ),
            (
                "U: what? so it's just been sitting there for three days? nobody told me "
                "anything. unreal"
            ),
            (
                "A: I'm sorry about that. I can ship it right now. Standard shipping is free "
                "because the order is over $50. What's the delivery address?"
            ),
            "U: fourteen citrus grove lane orlando florida three two eight oh one. how long",
            (
                "A: 14 Citrus Grove Lane, Orlando, Florida 32801. Standard is estimated at six "
                "business days. Expedited, 2 business days, would be $27.19."
            ),
            (
                "U: six days. great. no, standard, i'm not paying extra for something that wasn't "
                "my fault"
            ),
            (
                "A: Understood. It's booked by standard shipping with Northwind Parcel, and "
                "you'll get the tracking number by email."
            ),
            "U: okay. at least it's moving now. thanks",
        ),
        "neutral",
        "satisfied",
        3,
        "order_status",
        tools=(
            _tool("track_shipment", order_id="70331825"),
            _tool("get_order", order_id="70331825"),
            _tool(
                "create_shipment",
                order_id="70331825",
                address="14 Citrus Grove Lane, Orlando, FL 32801",
            ),
        ),
        links=(("shipment", "SH00000L4N6R"),),
    ),
    Case(
        "b4-33",
        "angry_then_relieved",
        (
            (
                "U: listen i have been tracking this thing ALL week and it's STILL not here and "
                "it's my daughter's birthday tomorrow and if it doesn't show up i swear to god. "
                "order five five two oh seven nine one three"
            ),
            (
                "A: I understand, let me look right away. Order five five two, zero seven nine, "
                "one three is out for delivery: it's on the delivery vehicle this morning and is "
                "expected today."
            ),
            "U: wait. today? like today today?",
            (
                "A: Yes, today. It left on the delivery vehicle this morning, and most deliveries "
                "happen by early afternoon."
            ),
            (
                "U: oh. oh thank god. okay. sorry, i didn't mean to bite your head off, it's been "
                "a really long week. thank you, really, you're a lifesaver"
            ),
            "A: No need to apologise. I hope she has a wonderful birthday!",
        ),
        "positive",
        "satisfied",
        5,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="55207913"),),
    ),
    Case(
        "b4-34",
        "damaged_replacement_escalation",
        (
            (
                "U: Yeah I need to speak to a real person. The replacement monitor you sent "
                "arrived today and the screen is cracked. AGAIN. Exactly like the first one."
            ),
            (
                "A: I'm really sorry. Because it's within 7 days of delivery, customer care will "
                "replace or refund it, and for a large item like a monitor we send a prepaid "
                "label and collect it. What's the order number?"
            ),
            (
                "U: six oh nine one seven seven four two and i swear if you tell me to take a "
                "photo one more time"
            ),
            (
                "A: Thank you. I've found the Horizon 27-Inch 4K Monitor order. I'm transferring "
                "you to customer care now with the order number and a note that this is the "
                "second damaged monitor."
            ),
            (
                "U: whatever. honestly after this i'm done with contoso. two broken monitors, "
                "four hundred bucks and three weeks of my life"
            ),
            "A: I understand, and I'm sorry. Connecting you now.",
        ),
        "negative",
        "not satisfied",
        1,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="60917742"),
            _tool("transfer_to_agent", reason="replacement monitor also arrived cracked"),
        ),
    ),
    Case(
        "b4-35",
        "refund_after_return",
        (
            (
                "U: hello, i sent back a jacket two weeks ago, the cascade rain jacket, and i "
                "still haven't got my refund. order one one eight four six two three oh"
            ),
            (
                "A: I can see the order, but not how far the return has got. Refunds go out "
                "within 5 to 7 business days after the return reaches our warehouse in Redmond, "
                "and your bank may take a couple of extra days."
            ),
            (
                "U: two weeks is already ten business days. and you can't even see it? what's the "
                "point of you then"
            ),
            (
                "A: I'm sorry. Customer care can see where the return parcel is and check the "
                "refund. I can transfer you now."
            ),
            "U: fine. put me through. this better not take another hour",
            "A: Transferring you now with your order number.",
        ),
        "negative",
        "neutral",
        2,
        "return_refund",
        tools=(
            _tool("get_order", order_id="11846230"),
            _tool("transfer_to_agent", reason="refund not received two weeks after return"),
        ),
    ),
    Case(
        "b4-36",
        "happy_camping_purchase",
        (
            (
                "U: hiii okay so me and my girlfriend are going on our first ever camping trip in "
                "like three weeks and we have literally nothing. i need a tent, something not too "
                "heavy cause we hike in like two miles to the site"
            ),
            (
                "A: Fun! The Summit 2-Person Tent is a freestanding backpacking tent with a trail "
                "weight of 2.1 kg, about 4.6 pounds, with two doors and two vestibules. It's "
                "$189.99, in green or orange."
            ),
            (
                "U: two doors so we don't have to climb over each other, love that. what does "
                "three season mean, it says three season"
            ),
            (
                "A: It's made for spring, summer and autumn. It handles rain and moderate wind, "
                "but it isn't designed for heavy snow or winter storms."
            ),
            "U: perfect it's gonna be april. orange! and like, lights? we need lights",
            (
                "A: The Firefly Rechargeable LED Headlamp is $24.99, up to 400 lumens with a "
                "red-light mode, and it lasts up to 40 hours on low. It charges over USB-C and "
                "comes in black or orange."
            ),
            "U: two headlamps, orange, we're gonna match haha",
            (
                "A: One orange Summit tent and two orange Firefly headlamps comes to $239.97. "
                "Shall I place the order?"
            ),
            "U: yesss",
            (
                "A: Done, order number one five eight, three three zero, four one. Where should "
                "it go?"
            ),
            "U: forty four ten palm avenue tampa florida three three six oh five",
            (
                "A: 4410 Palm Avenue, Tampa, Florida 33605, with free standard shipping, "
                "estimated six business days. One tip: pitch the tent once at home before the "
                "trip; it's much easier to learn in daylight."
            ),
            ("U: omg that's such a good idea. yes ship it. thank you so much this was so easy!!"),
            "A: It's booked. Have a wonderful first trip!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="lightweight tent for two"),
            _tool("search_knowledge", query="three season tent meaning", product_id=49),
            _tool("search_products", query="headlamp"),
            _lines((49, 1), (53, 2)),
            _tool(
                "create_shipment", order_id="15833041", address="4410 Palm Avenue, Tampa, FL 33605"
            ),
        ),
        links=(
            ("order", "15833041"),
            ("shipment", "SH00000M2P5S"),
        ),
    ),
    Case(
        "b4-37",
        "businesslike_bulk_purchase",
        (
            (
                "U: Hi. I need three webcams for our office. Something decent for video calls, "
                "under a hundred dollars each."
            ),
            (
                "A: The Clarity 1080p Webcam is $59.99, in black, with a 2-year warranty. Three "
                "would be $179.97."
            ),
            ("U: Three of those. Ship to 11400 Willows Road Northeast, Redmond, Washington 98052."),
            (
                "A: Order placed, number two six six, nine zero one, four eight. 11400 Willows "
                "Road Northeast, Redmond, Washington 98052, free standard shipping, 2 business "
                "days. Shall I book the shipment?"
            ),
            "U: Yes.",
            "A: Booked with Northwind Parcel. The tracking number is in your email.",
            "U: Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="webcam for video calls", max_price=100),
            _order(32, 3),
            _tool(
                "create_shipment",
                order_id="26690148",
                address="11400 Willows Road NE, Redmond, WA 98052",
            ),
        ),
        links=(
            ("order", "26690148"),
            ("shipment", "SH00000N8Q3T"),
        ),
    ),
    Case(
        "b4-38",
        "stock_failure_purchase",
        (
            (
                "U: hey, i want two pairs of the timberline chelsea boots, one brown one black, "
                "size nine"
            ),
            (
                "A: I'm sorry, I tried to order two pairs, but there's only one pair of the "
                "Timberline Leather Chelsea Boot left in stock. Would you like that one, in brown "
                "or black?"
            ),
            (
                "U: ah man. only one? okay uh, brown then. the brown's the one i really wanted "
                "anyway"
            ),
            (
                "A: One pair in brown, size 9, $159.00. Ordered, number eight one zero, five five "
                "two, three six. Where should it go?"
            ),
            (
                "U: same as always, three fifty west forty second street apartment twelve b new "
                "york new york one zero zero three six"
            ),
            (
                "A: 350 West 42nd Street, Apartment 12B, New York, New York 10036, free standard "
                "shipping, estimated six business days. Go ahead?"
            ),
            "U: yeah",
            "A: Booked. Tracking is on its way by email.",
            "U: cool. bummer about the black one but whatever. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("create_order", ok=False, lines=[{"product_id": 18, "quantity": 2}]),
            _order(18, 1),
            _tool(
                "create_shipment",
                order_id="81055236",
                address="350 West 42nd Street Apt 12B, New York, NY 10036",
            ),
        ),
        links=(
            ("order", "81055236"),
            ("shipment", "SH00000P6R7W"),
        ),
    ),
    Case(
        "b4-39",
        "tracking_number_misheard",
        (
            (
                "U: I've got a tracking number, can you tell me where it is. N W 4 4 0 1 9 2 8 3 "
                "7 7 1 0 6 5 2."
            ),
            (
                "A: That number didn't pass the check, so a digit may have been misheard. Could "
                "you read it again, slowly?"
            ),
            (
                "U: ugh. N W. four four zero one nine two eight, eight, seven seven one zero six "
                "five two"
            ),
            (
                "A: Thanks, that one works. It's in transit with Northwind Parcel and estimated "
                "for Tuesday."
            ),
            "U: Tuesday. Fine. I did say it right the first time, you know.",
            "A: Sorry about that. Is there anything else I can help with?",
            "U: No. OK, thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(
            _tool("track_shipment", ok=False, tracking_number="NW440192837710652"),
            _tool("track_shipment", tracking_number="NW440192887710652"),
        ),
    ),
    Case(
        "b4-40",
        "after_hours_exchange",
        (
            (
                "U: hi i know it's like eleven at night but i need to exchange my kid's hoodie "
                "for a smaller size, can i talk to an actual person"
            ),
            (
                "A: I'm sorry, customer care is open from 7 am to 9 pm Pacific, so nobody is "
                "available right now. Exchanges are free within 30 days of delivery, and you can "
                "start one in your Contoso account under Orders, then Exchange."
            ),
            (
                "U: i tried the app, it keeps erroring out when i pick the size. that's literally "
                "why i'm calling"
            ),
            (
                "A: I'm sorry about that. I can't do exchanges myself, but you can leave a "
                "message for a call back tomorrow, or call 1-800-555-0142 from 7 am Pacific."
            ),
            "U: great. so nothing tonight. fine, have them call me back i guess",
            "A: I'll set that up. Someone from customer care will call you back tomorrow.",
            "U: yeah. okay. night",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(
            _tool("transfer_to_agent", ok=False, reason="size exchange, app error"),
            _tool("search_knowledge", query="exchange different size", kind="policy"),
        ),
    ),
    Case(
        "b4-41",
        "wrong_number",
        (
            "U: yeah hi can i get a large pepperoni for pickup, and uh garlic knots",
            (
                "A: I'm afraid you've reached the Contoso store's voice assistant, so I can't "
                "order pizza. I can help with Contoso products, orders and deliveries."
            ),
            "U: oh crap. wrong number. sorry! bye",
        ),
        "neutral",
        "neutral",
        3,
        "other",
    ),
    Case(
        "b4-42",
        "final_sale_lipstick",
        (
            (
                "U: hi um so i bought the velvet matte lipstick in coral and i opened it and "
                "tried it and it's like, way more orange than the picture. can i send it back?"
            ),
            (
                "A: I'm sorry it wasn't the shade you hoped for. Opened beauty products are final "
                "sale for hygiene reasons, so I can't accept it back. Unopened ones, with the "
                "seal intact, can be returned within 30 days of delivery."
            ),
            (
                "U: yeah i kinda figured. hygiene and stuff. it's only twelve bucks, it's fine, "
                "i'll give it to my sister, orange is more her thing anyway"
            ),
            (
                "A: That's a kind idea. If you'd like another shade, it also comes in red, pink, "
                "brown and burgundy."
            ),
            "U: nah i'm good for now, thanks",
        ),
        "neutral",
        "neutral",
        3,
        "return_refund",
        tools=(_tool("search_knowledge", query="return opened lipstick", kind="policy"),),
    ),
    Case(
        "b4-43",
        "gift_return_policy",
        (
            (
                "U: Hi, I'm buying a few presents early this year. If I order now and somebody "
                "doesn't like theirs, can they return it after Christmas?"
            ),
            (
                "A: Returns are accepted within 30 days from the day the order is delivered. So "
                "something delivered around the 10th of December could be returned until around "
                "the 9th of January, as long as it's unused, with tags and in its original "
                "packaging."
            ),
            "U: And if I ship it straight to my sister, does she get the refund?",
            (
                "A: Refunds always go back to the person who paid, so it would come back to you. "
                "The packing slip doesn't show prices, so it's fine to send it to her directly."
            ),
            "U: Oh, that's handy about the prices. OK, that answers it, thanks.",
            "A: You're welcome. Happy shopping!",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="return window gifts", kind="policy"),
            _tool("search_knowledge", query="ship to someone else refund", kind="policy"),
        ),
    ),
    Case(
        "b4-44",
        "po_box_gives_up",
        (
            (
                "U: yes hello, i live out on a ranch outside of, well it doesn't matter where, "
                "and we only get our mail at a p o box in town. can you ship to a p o box"
            ),
            (
                "A: I'm sorry, we can't deliver to PO boxes. We need a street address in the US "
                "or Canada."
            ),
            (
                "U: we don't have a street address anybody delivers to, that's the whole point. "
                "the trucks don't come out here"
            ),
            (
                "A: I understand. You can send an order to any street address we can reach, for "
                "example a friend's, a relative's or your workplace in town."
            ),
            (
                "U: no. i'm not having the neighbours take my packages. this is exactly why "
                "nobody out here shops with you people. forget it"
            ),
            "A: I'm sorry we can't help with that.",
        ),
        "negative",
        "not satisfied",
        2,
        "policy_question",
        tools=(_tool("search_knowledge", query="ship to PO box", kind="policy"),),
    ),
    Case(
        "b4-45",
        "confused_order_lookup",
        (
            (
                "U: hello dear, i'm trying to find out about my order, i have the number written "
                "here, it's four four seven one two zero"
            ),
            (
                "A: Thank you. Order numbers have 8 digits, and I have four four seven, one two "
                "zero. Are there two more digits?"
            ),
            (
                "U: oh, well that's all that's on this bit of paper. oh wait, that might be the, "
                "no that's my library card. hold on. here's the email my grandson printed for me. "
                "four four seven one two zero nine nine"
            ),
            (
                "A: I couldn't find an order with the number four four seven, one two zero, nine "
                "nine. Could you read it once more?"
            ),
            (
                "U: four four seven one two zero nine nine. that's what it says. or is that a "
                "six. it could be a six, the printer was running out"
            ),
            (
                "A: I tried four four seven, one two zero, six six as well, and that didn't match "
                "either. Customer care can find the order from your name and email. Would you "
                "like me to transfer you?"
            ),
            "U: oh dear. yes, i suppose that's best. i'm sorry to be such a bother",
            "A: You're no bother at all. Transferring you now.",
        ),
        "neutral",
        "neutral",
        3,
        "order_status",
        tools=(
            _tool("get_order", ok=False, order_id="44712099"),
            _tool("get_order", ok=False, order_id="44712066"),
            _tool("transfer_to_agent", reason="order number unreadable, look up by name"),
        ),
    ),
    Case(
        "b4-46",
        "compare_then_buy",
        (
            (
                "U: hey so i fly a lot for work like every single week and i'm trying to decide "
                "between the aria earbuds and the nimbus headphones, which is better on planes"
            ),
            (
                "A: Both have active noise cancelling. The Nimbus Noise-Cancelling Headphones are "
                "over-ear, play up to 30 hours with noise cancelling on, and come with a 3.5 mm "
                "cable for seat screens. They're $199.99. The Aria Wireless Earbuds play 8 hours "
                "per charge, 32 with the case, and are $79.99."
            ),
            (
                "U: oh the cable thing is clutch, i always wanna watch the movies. does the cable "
                "work if the battery dies"
            ),
            (
                "A: Yes, the cable works even with a flat battery, though noise cancelling needs "
                "power. And a 10-minute charge gives about 5 hours of listening."
            ),
            "U: sold. nimbus. navy if you got it",
            (
                "A: Navy it is, $199.99. Ordered, number three nine one, seven seven zero, five "
                "two. Where should it go?"
            ),
            (
                "U: i'm flying out next thursday so it has to be here before that. nine oh one "
                "brickell key boulevard miami florida three three one three one"
            ),
            (
                "A: 901 Brickell Key Boulevard, Miami, Florida 33131. Free standard shipping is "
                "estimated at six business days, which would be next Friday, too late. Expedited "
                "with Tailspin Express is $24.79 and arrives Monday."
            ),
            "U: yeah do expedited",
            "A: Booked. The tracking number starts with TX and is in your email.",
            "U: sweet. honestly that was way easier than the website, thanks a ton",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("get_product", product_id=25),
            _tool("get_product", product_id=26),
            _tool("search_knowledge", query="nimbus headphones cable flat battery", product_id=26),
            _order(26, 1),
            _tool(
                "create_shipment",
                order_id="39177052",
                address="901 Brickell Key Blvd, Miami, FL 33131",
                speed="expedited",
            ),
        ),
        links=(
            ("order", "39177052"),
            ("shipment", "SH00000Q3S8X"),
        ),
    ),
    Case(
        "b4-47",
        "troubleshooting_fixed",
        (
            (
                "U: hi so my aria earbuds, only the left one is playing, the right one is just "
                "dead silent. i've had them like a month"
            ),
            (
                "A: That usually means the two earbuds have lost their link. Put both back in the "
                "case, close the lid for 10 seconds, then take them out again."
            ),
            "U: ok hang on. okay did it. nope. still just left",
            (
                "A: Then let's reset them. Remove Aria Earbuds from your phone's Bluetooth list. "
                "Then, with the lid open, hold the case button for 15 seconds until the light "
                "flashes amber three times, and pair again."
            ),
            "U: ok forgetting it. holding. it's blinking orange, one two three. okay. pairing",
            "A: Take your time.",
            (
                "U: OH it's working! both sides! you're amazing, thank you, i was literally about "
                "to throw them in the trash"
            ),
            "A: Glad that worked! If it happens again, they're covered by a 1-year warranty.",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool("search_knowledge", query="aria earbuds only one earbud plays", product_id=25),
        ),
    ),
    Case(
        "b4-48",
        "defect_warranty_handover",
        (
            (
                "U: my harbor coffee maker has started leaking water all over the counter. i've "
                "had it about five months. and i've already tried everything on your website"
            ),
            (
                "A: I'm sorry. Please check that the tank isn't filled above the 12-cup line and "
                "that the carafe lid is on."
            ),
            (
                "U: yes i've checked the line. yes the lid is on. i'm not an idiot. it's pooling "
                "under the base"
            ),
            (
                "A: Sorry, I had to ask. If water keeps pooling under the base, please stop using "
                "it and unplug it. The Harbor 12-Cup Coffee Maker has a 2-year warranty, so this "
                "should be covered. Customer care handles warranty claims; I can transfer you "
                "now."
            ),
            "U: five months. that's how long your stuff lasts now. fine, transfer me",
            "A: Transferring you now. Have your 8-digit order number ready.",
        ),
        "negative",
        "neutral",
        2,
        "damaged_item",
        tools=(
            _tool(
                "search_knowledge", query="harbor coffee maker leaking under base", product_id=37
            ),
            _tool("transfer_to_agent", reason="coffee maker leaking, warranty claim"),
        ),
    ),
    Case(
        "b4-49",
        "businesslike_cancellation",
        (
            (
                "U: Hi, I'd like to cancel order 8 1 2 2 0 4 6 7. Found it cheaper elsewhere, "
                "honestly."
            ),
            (
                "A: Order eight one two, two zero four, six seven is one pair of Trekker Carbon "
                "Trekking Poles for $79.99, and it hasn't shipped yet. Shall I cancel it?"
            ),
            "U: Yes.",
            (
                "A: It's cancelled. The full refund is issued today and usually appears within 5 "
                "to 7 business days."
            ),
            "U: Great, thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("get_order", order_id="81220467"),
            _tool("cancel_order", order_id="81220467", reason="found it cheaper elsewhere"),
        ),
    ),
    Case(
        "b4-50",
        "cancel_to_drop_item",
        (
            (
                "U: hey so i ordered a hoodie and a t-shirt yesterday but i want to drop the "
                "t-shirt and just keep the hoodie. order six three five oh seven seven two one"
            ),
            (
                "A: Order six three five, zero seven seven, two one hasn't shipped. I can't take "
                "one item out of an order, but I can cancel it and place a new one with just the "
                "gray hoodie in medium. Would you like that?"
            ),
            "U: ugh that's so clunky. fine do it",
            (
                "A: Done. The old order is cancelled and refunded in full, and the new one for "
                "the Weekend Zip-Up Hoodie, $39.99, is number six three five, two two zero, eight "
                "four. Where should it go?"
            ),
            "U: same place, nine lakeview drive redmond nine eight zero five two",
            (
                "A: 9 Lakeview Drive, Redmond, Washington 98052. The new order is under $50, so "
                "standard shipping is $6.99, arriving in 2 business days. Shall I book it?"
            ),
            (
                "U: wait what. so now i pay shipping because i'm buying less stuff? lol okay. "
                "that's dumb but fine. the shirt was ugly anyway"
            ),
            "A: Booked. You'll get tracking by email.",
        ),
        "neutral",
        "satisfied",
        3,
        "cancellation",
        tools=(
            _tool("get_order", order_id="63507721"),
            _tool("cancel_order", order_id="63507721", reason="remove t-shirt"),
            _order(11, 1),
            _tool(
                "create_shipment",
                order_id="63522084",
                address="9 Lakeview Drive, Redmond, WA 98052",
            ),
        ),
        links=(
            ("order", "63522084"),
            ("shipment", "SH00000R5T2Y"),
        ),
    ),
    Case(
        "b4-51",
        "abandoned_busy_parent",
        (
            (
                "U: hi um i wanted to order the um the bubble machine, the bubble storm one, for "
                "my, MASON PUT THAT DOWN, sorry, for my son's party on sunday"
            ),
            (
                "A: No problem. The Bubble Storm Bubble Machine is $24.99 and runs on 4 AA "
                "batteries or a USB cable. How many would you like?"
            ),
            (
                "U: two i think. no wait three. hold on. MASON. no. okay i'm so sorry i have to "
                "go, i'll call back"
            ),
        ),
        "neutral",
        "neutral",
        3,
        "purchase",
        tools=(_tool("search_products", query="bubble storm bubble machine"),),
        status="abandoned",
    ),
    Case(
        "b4-52",
        "complaint_shipping_charge",
        (
            (
                "U: why was i charged nine dollars shipping on my order? i thought you guys had "
                "free shipping"
            ),
            (
                "A: Let me check. Free standard shipping applies to US orders with a subtotal of "
                "$50 or more. This order was the Metro Slim Chino Pants at $44.99, so standard "
                "shipping of $9.09 was added."
            ),
            (
                "U: that's a scam. five dollars short and you charge me nine? every other site "
                "does free shipping on everything"
            ),
            (
                "A: I understand it's frustrating. I can't refund a shipping charge myself, but I "
                "can connect you to customer care if you'd like to ask them."
            ),
            (
                "U: no. i'm not wasting any more of my time on this. just so you know i won't be "
                "ordering from you again"
            ),
            "A: I'm sorry to hear that.",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
        tools=(_tool("get_order", order_id="49016633"),),
    ),
    Case(
        "b4-53",
        "polite_late_delivery",
        (
            (
                "U: Hello, good morning. I hope you're well. I'm calling about a parcel that "
                "seems to be stuck. The order is 2 9 9 0 4 1 1 7. It was due last Wednesday."
            ),
            (
                "A: Good morning. Order two nine nine, zero four one, one seven was last scanned "
                "in transit the day before it was due and hasn't moved since. It's now more than "
                "5 business days late, so customer care can open a trace with the carrier and, if "
                "it can't be found, send a replacement or a refund."
            ),
            (
                "U: Oh dear. Well, these things happen. It's only some socks, there's no great "
                "rush. Would you put me through?"
            ),
            "A: Of course. I'm transferring you now with your order number.",
            "U: Thank you, you've been very kind.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="29904117"),
            _tool("transfer_to_agent", reason="parcel 6 business days late, trace"),
        ),
    ),
    Case(
        "b4-54",
        "wrong_colour_received",
        (
            (
                "U: hiya so i ordered the pro grip yoga mat in blue, wait is it blue, hang on, "
                "teal. i ordered teal and it came pink. like very very pink. it came yesterday"
            ),
            "A: Sorry about that. Can you give me the order number so I can check?",
            "U: yeah it's one seven four four two nine oh three",
            (
                "A: Thanks. The order was for the ProGrip Yoga Mat in teal, so you received the "
                "wrong item. Because you're within 7 days of delivery, we'll send the right one "
                "free or give you a full refund. Customer care handles this and may ask for a "
                "photo; I can transfer you."
            ),
            (
                "U: lol okay. my daughter's already claimed the pink one to be honest but no, i "
                "want my teal one. yeah put me through"
            ),
            "A: Transferring you now.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="17442903"),
            _tool("transfer_to_agent", reason="wrong colour received, wants teal"),
        ),
    ),
    Case(
        "b4-55",
        "purchase_french_canada",
        (
            (
                "U: Bonjour! Je voudrais commander les écouteurs Nimbus, le casque avec la "
                "réduction de bruit, pour mon copain, c'est pour Noël"
            ),
            (
                "A: Avec plaisir! Le casque Nimbus Noise-Cancelling Headphones coûte 199,99 "
                "dollars américains. Il existe en noir, argent ou bleu marine."
            ),
            "U: bleu marine. et vous livrez à Montréal?",
            (
                "A: Oui, avec Wide World Post. L'envoi standard coûte 19,99 dollars et prend "
                "environ 10 jours ouvrables pour le Québec; l'express coûte 37,99 dollars et "
                "prend 4 jours ouvrables. Les droits et taxes canadiens peuvent être perçus à la "
                "livraison."
            ),
            "U: dix jours ça va, on est le trois, ça arrive avant Noël. standard alors",
            (
                "A: Parfait. Commande passée, numéro sept deux six, un huit huit, zéro trois. "
                "Quelle est l'adresse?"
            ),
            (
                "U: mille deux cent cinquante rue Saint-Denis, appartement quatre, Montréal, "
                "Québec, H2X 3J6"
            ),
            (
                "A: 1250 rue Saint-Denis, appartement 4, Montréal, Québec H2X 3J6, en standard. "
                "C'est bien ça?"
            ),
            "U: oui c'est ça",
            (
                "A: C'est réservé. Vous recevrez le numéro de suivi, qui commence par CP, par "
                "courriel."
            ),
            "U: parfait, merci beaucoup, vous êtes géniale!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="casque Nimbus"),
            _tool("search_knowledge", query="livraison Canada Montréal", kind="policy"),
            _order(26, 1),
            _tool(
                "create_shipment",
                order_id="72618803",
                address="1250 rue Saint-Denis, app. 4, Montréal, QC H2X 3J6",
            ),
        ),
        links=(
            ("order", "72618803"),
            ("shipment", "SH00000S7V4Z"),
        ),
        extra={"language": "fr"},
    ),
    Case(
        "b4-56",
        "thermometer_question",
        (
            (
                "U: hi the quickread thermometer is showing celsius and i'm american, i don't "
                "know what thirty seven point two means. how do i switch it"
            ),
            (
                "A: With the thermometer off, hold the power button for 3 seconds to switch "
                "between Celsius and Fahrenheit. 37.2 C is about 99 F, which is in the green, "
                "normal range; that goes up to 99.5 F."
            ),
            "U: okay so she's fine. phew. okay holding. there, it says F now. thanks",
            ("A: You're welcome. If you're ever worried about a reading, do check with a doctor."),
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="quickread thermometer change to fahrenheit",
                product_id=101,
            ),
        ),
    ),
    Case(
        "b4-57",
        "rewards_question",
        (
            (
                "U: hey how do the rewards points work, the app says i've got like four hundred "
                "eighty points"
            ),
            (
                "A: Every 500 points automatically becomes a $5 Rewards certificate in your "
                "account, valid for 90 days. At the Member tier you earn 1 point for every dollar "
                "you spend on items, and points appear once an order is delivered."
            ),
            (
                "U: so twenty more points and i get five bucks. ha. okay so if i buy like a "
                "twenty dollar thing i'm there"
            ),
            "A: Yes, $20 of items would earn 20 points once that order is delivered.",
            "U: okay got it. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="rewards points how they work", kind="policy"),),
    ),
    Case(
        "b4-58",
        "distrustful_purchase",
        (
            (
                "U: Before I say anything. How do I know this is really Contoso? I got a call "
                "last month from somebody saying they were a store and asking for my card number."
            ),
            (
                "A: That's a sensible thing to ask. The Contoso voice assistant never asks for a "
                "full card number, a card's security code, a gift card PIN or a password. If "
                "anyone does, end the call and contact customer care on 1-800-555-0142."
            ),
            (
                "U: Hm. Okay. I want that lavender neck wrap thing. But I'm not giving you any "
                "card number."
            ),
            (
                "A: I won't ask for one. The Lavender Microwavable Neck Wrap is $21.99, in purple "
                "or gray."
            ),
            "U: Gray.",
            (
                "A: One gray neck wrap, $21.99. Ordered, number five eight three, three zero "
                "nine, one four. Where should it go?"
            ),
            "U: 75 Prospect Park West, Brooklyn, New York 11215.",
            (
                "A: 75 Prospect Park West, Brooklyn, New York 11215. The order is under $50, so "
                "standard shipping is $13.09, about six business days. Book it?"
            ),
            "U: Thirteen dollars shipping on a twenty-two dollar thing. Hm. Fine.",
            "A: Booked. Tracking will come by email.",
            "U: All right. You didn't ask for my card. That's something. Thank you.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="lavender neck wrap"),
            _order(108, 1),
            _tool(
                "create_shipment",
                order_id="58330914",
                address="75 Prospect Park West, Brooklyn, NY 11215",
            ),
        ),
        links=(
            ("order", "58330914"),
            ("shipment", "SH00000T2W9A"),
        ),
    ),
    Case(
        "b4-59",
        "chatty_order_status",
        (
            (
                "U: oh hello love, i've got two orders on the go and i can't keep them straight. "
                "one's a jigsaw for me and the other is the wooden train set for the little ones. "
                "the numbers are three three eight one oh two four five and, hang on, three three "
                "eight one five five oh nine"
            ),
            (
                "A: Happy to help. Order three three eight, one zero two, four five, the "
                "Lighthouse at Dusk jigsaw, was delivered yesterday at 1:40 in the afternoon. "
                "Order three three eight, one five five, zero nine, the Railway Junction Wooden "
                "Train Set, is in transit and estimated for Monday."
            ),
            (
                "U: delivered yesterday? well i never. oh, that'll be the box my husband put in "
                "the garage, the rascal. and monday for the train, that's plenty of time before "
                "christmas"
            ),
            "A: It is. You'll get an email when it's out for delivery.",
            "U: wonderful. you're a treasure, thank you so much dear",
            "A: You're very welcome. Enjoy the puzzle!",
        ),
        "positive",
        "satisfied",
        5,
        "order_status",
        tools=(
            _tool("track_shipment", order_id="33810245"),
            _tool("track_shipment", order_id="33815509"),
        ),
    ),
    Case(
        "b4-60",
        "refund_wait_resigned",
        (
            (
                "U: so i cancelled an order on monday and the money still isn't back on my card. "
                "order five oh four four one nine three eight"
            ),
            (
                "A: Order five zero four, four one nine, three eight was cancelled on Monday, and "
                "the full refund was issued that same day. It usually appears within 5 to 7 "
                "business days, depending on your bank."
            ),
            (
                "U: five to seven business days. so i just wait. for my own money. cool. love "
                "that for me"
            ),
            (
                "A: I'm sorry it takes a while. It should show by the middle of next week at the "
                "latest; if it doesn't, customer care can check it for you."
            ),
            "U: yeah yeah. sure. bye",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(_tool("get_order", order_id="50441938"),),
    ),
)
