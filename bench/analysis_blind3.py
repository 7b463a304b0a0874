"""Blind evaluation set b3: 60 labelled Contoso call transcripts.

Written by writer C (blind 3) on 2026-12-03, blind: while writing it I did not open,
search or run anything under voicecart/analysis/ or voicecart/data/analysis_training/,
nor bench/analysis.py, bench/analysis_blind.py, bench/analysis_blind2.py,
bench/analysis_heldout.py, any other writer's bench/analysis_blind*.py, tests about the
analysis, or docs/benchmarks.md, and I ran no analyser. From bench/analysis_cases.py I read
only the head (the ``Case`` dataclass and the ``_order`` / ``_tool`` helpers). Product
names, ids and prices come from the catalog, and what the assistant says follows the
store's knowledge documents (returns, damage reports, warranty, price adjustments,
shipping and so on). Shipping quotes were worked out with the project's own rate tables.

Use the set once, to judge an analyser; do not tune against it. Once a set has been
used to adjust prompts, thresholds or rules it no longer says anything about calls the
analyser has not seen.

Turn format: every turn is a string starting "U: " (the shopper, written as
speech-to-text hands it over: some calls in lower case with fillers, run-on sentences
and missing punctuation, others clean) or "A: " (the Contoso voice assistant). ``tools``
lists the tool calls the assistant made in order (``ok=False`` marks a call that
failed), ``links`` the orders and shipments the call created, ``status`` is "ended" or
"abandoned" (the shopper hung up or the line dropped mid-call), and ``extra`` carries
the language of calls that are not in English.

How each call was labelled, judging only what a reviewer reading the transcript sees:

- sentiment is the shopper's feeling across the whole call, with the ending weighing
  most. "positive" needs visible pleasure, enthusiasm or warm thanks; a courteous
  "thanks" or a brisk, businesslike call stays "neutral"; "negative" means
  frustration, anger, disappointment, sarcasm or distrust that is still there at the
  end. Someone who starts angry and ends genuinely relieved and warm may be "neutral"
  or "positive"; someone who ends resigned is "negative".
- satisfaction is "satisfied" when the shopper got what they came for and accepts it,
  "neutral" when they got part of it, gave no sign either way, or were handed over to
  customer care with the outcome still open, and "not satisfied" when the need went
  unmet, they left unhappy, or they hung up while waiting.
- rating is 1 to 5 as the shopper would give it: 5 solved and happy, 4 solved and
  polite or neutral, 3 partly solved or lukewarm, 2 unsolved or unhappy, 1 a bad
  experience, angry, with nothing solved.
- reason is the single main reason for the call, one of: purchase, product_question,
  order_status, delivery_issue, damaged_item, return_refund, cancellation,
  policy_question, complaint, other.
"""

from __future__ import annotations

from bench.analysis_cases import Case, _order, _tool

BLIND3: tuple[Case, ...] = (
    Case(
        "b3-01",
        "happy_purchase_gift",
        (
            "U: hi there um I'm looking for a teddy bear for my niece she turns one next week",
            "A: How lovely. Let me have a look for you.",
            "A: We have Honey the Plush Teddy Bear at $19.99, in brown or cream. It's suitable "
            "from birth, with embroidered eyes and nose, so it's fine for a one-year-old.",
            "U: oh she'll love that. the cream one please just one",
            "A: One Honey the Plush Teddy Bear in cream, $19.99. Shall I place the order?",
            "U: yes please",
            "A: Done. Your order number is eight six five, four eight one, eight five. Where "
            "should it go?",
            "U: can it go straight to my sister it's 48 willow creek road boise idaho 83702",
            "A: I have 48 Willow Creek Road, Boise, Idaho 83702. Standard shipping with "
            "Northwind Parcel is $9.09 and takes about 3 business days. Shall I ship it?",
            "U: yes that's perfect it'll get there before the party",
            "A: It's booked. Your tracking number is N W 0 3 3 1 9 9 4 9 8 6 2 6 7 9 6. The "
            "packing slip doesn't show prices, so it's gift-ready.",
            "U: oh that's so thoughtful, thank you so much, you've been wonderful",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="teddy bear for a one year old"),
            _order(86, 1),
            _tool(
                "create_shipment",
                order_id="86548185",
                address="48 Willow Creek Road, Boise, Idaho 83702",
                speed="standard",
            ),
        ),
        links=(("order", "86548185"), ("shipment", "SH0000041207")),
    ),
    Case(
        "b3-02",
        "terse_purchase",
        (
            "U: trail merino socks three pack size large gray two of them",
            "A: Two Trail Merino Hiking Socks 3-Packs, size L, gray, at $19.99 each, $39.98 in "
            "total. Shall I order them?",
            "U: yes",
            "A: Ordered. Order number three two four, four eight four, one eight. Where "
            "should I send them?",
            "U: 2210 lakeview avenue madison wisconsin 53704 standard",
            "A: 2210 Lakeview Avenue, Madison, Wisconsin 53704, standard shipping with "
            "Northwind Parcel: $10.09, about 5 business days. Confirm?",
            "U: yep",
            "A: Shipped. Tracking number N W 1 4 8 8 0 9 1 6 2 7 4 0 9 6 0.",
            "U: ok bye",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="trail merino hiking socks three pack"),
            _order(8, 2),
            _tool(
                "create_shipment",
                order_id="32448418",
                address="2210 Lakeview Avenue, Madison, Wisconsin 53704",
                speed="standard",
            ),
        ),
        links=(("order", "32448418"), ("shipment", "SH0000041219")),
    ),
    Case(
        "b3-03",
        "product_comparison",
        (
            "U: Hi. I fly a lot for work and I'm trying to decide between your Aria earbuds "
            "and the Nimbus headphones. Which is better for long flights?",
            "A: For long flights the Nimbus Noise-Cancelling Headphones are the stronger "
            "choice: they're over-ear, with stronger noise cancelling and about 30 hours of "
            "battery, and they come with a 3.5 mm cable for seat-back screens. They're "
            "$199.99. The Aria Wireless Earbuds are $79.99, smaller, with 8 hours per charge "
            "and 32 hours with the case.",
            "U: Does the cable work if the battery dies?",
            "A: Yes. The cable works even with a flat battery, but noise cancelling needs "
            "power. A 10-minute charge gives about 5 hours.",
            "U: And can I bring them on the plane? Silly question probably.",
            "A: Not silly at all. Headphones are fine in your carry-on. It's power banks that "
            "have rules: carry-on only.",
            "U: Okay. I'll think it over and maybe order later this week. Thanks for the help.",
            "A: You're welcome. Have a good trip.",
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(
            _tool("search_knowledge", query="which earbuds or headphones for flights"),
            _tool("search_knowledge", query="Nimbus cable flat battery", product_id=26),
        ),
    ),
    Case(
        "b3-04",
        "order_status_simple",
        (
            "U: hey just checking on an order number is 9 4 8 5 6 8 7 6",
            "A: Let me check order nine four eight, five six eight, seven six.",
            "A: It shipped on Monday with Northwind Parcel and is in transit. The estimated "
            "delivery is Thursday.",
            "U: ok cool so thursday",
            "A: That's right, Thursday. Deliveries usually arrive by early afternoon.",
            "U: alright thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="94856876"),),
    ),
    Case(
        "b3-05",
        "late_delivery_not_won_back",
        (
            "U: my order was supposed to be here last week it's for my son's birthday which "
            "was yesterday so thanks for that. order 41301950",
            "A: I'm sorry. Let me look at order four one three, zero one nine, five zero.",
            "A: It shipped by standard shipping and was due last Tuesday. The last tracking "
            "update was six business days ago, when it left a Northwind Parcel hub in Ohio.",
            "U: so where is it",
            "A: The carrier hasn't scanned it since then. Since there's been no update for "
            "more than 5 business days, customer care can open a trace with the carrier and "
            "send a replacement or a refund. I can transfer you now.",
            "U: a trace. great. the birthday's over. I don't want a replacement I want to "
            "know why nobody told me",
            "A: I understand, and I'm sorry it missed the birthday. Customer care can arrange a "
            "full refund instead of a replacement. Would you like me to connect you?",
            "U: no. I've wasted enough time. I'll call back when I feel like dealing with "
            "this again",
            "A: Understood. When you call, quote order four one three, zero one nine, five "
            "zero, and they can open the trace straight away.",
        ),
        "negative",
        "not satisfied",
        1,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="41301950"),),
    ),
    Case(
        "b3-06",
        "damaged_mugs_handover",
        (
            "U: Hello, good afternoon. I received the stoneware mug set yesterday and two of "
            "the four mugs are broken. The box looked fine from the outside.",
            "A: I'm sorry about that. Could you give me your order number?",
            "U: Yes, it's 47217348.",
            "A: Thank you. Order four seven two, one seven three, four eight, the Stoneware "
            "Coffee Mug Set of 4, delivered yesterday. You're well inside the 7 days for "
            "reporting damage, so you can have a free replacement or a full refund.",
            "U: A replacement would be nice. Do I need to send the broken ones back?",
            "A: Usually not. A photo of the damage, the box and the label is enough, and then "
            "you can dispose of the pieces safely. Damage reports are handled by customer "
            "care, so I'll transfer you now. They're open until 9 pm Pacific.",
            "U: All right. I'll take photos while I wait. Thank you.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="47217348"),
            _tool("transfer_to_agent", reason="damaged item, two mugs broken, wants replacement"),
        ),
    ),
    Case(
        "b3-07",
        "spanish_purchase",
        (
            "U: hola buenas quería comprar unas zapatillas para correr las trailblazer en "
            "talla 9 en azul",
            "A: ¡Hola! Las Trailblazer Running Shoe cuestan 44,99 dólares y hay talla 9 en "
            "azul. Son de talla normal. ¿Hago el pedido de un par?",
            "U: sí un par por favor",
            "A: Listo. Su número de pedido es siete cuatro dos, ocho cinco ocho, siete seis. "
            "¿A qué dirección lo enviamos?",
            "U: 915 southwest 8th street apartamento 12 miami florida 33130",
            "A: 915 SW 8th Street, apartamento 12, Miami, Florida 33130. El envío estándar "
            "cuesta 11,89 dólares y tarda unos 6 días hábiles; el envío de 2 días cuesta "
            "24,79. ¿Cuál prefiere?",
            "U: el estándar está bien no tengo prisa",
            "A: Enviado con Northwind Parcel. Su número de seguimiento es N W 4 0 3 3 5 2 2 3 "
            "9 4 1 3 8 4 0.",
            "U: perfecto muchísimas gracias qué amable de verdad me ha encantado lo fácil "
            "que ha sido",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="zapatillas trailblazer"),
            _order(13, 1),
            _tool(
                "create_shipment",
                order_id="74285876",
                address="915 Southwest 8th Street, apartment 12, Miami, Florida 33130",
                speed="standard",
            ),
        ),
        links=(("order", "74285876"), ("shipment", "SH0000041233")),
        extra={"language": "es"},
    ),
    Case(
        "b3-08",
        "return_to_exchange",
        (
            "U: yeah hi so I got a hoodie from you guys like three weeks ago the zip-up one and "
            "it's too big can I send it back",
            "A: Yes. Items can be returned within 30 days of delivery if they're unworn and "
            "unwashed with the tags on. Do you have the order number? I can check the date.",
            "U: uh 97491163",
            "A: Order nine seven four, nine one one, six three: a Weekend Zip-Up Hoodie in "
            "size L, delivered 20 days ago, so you have 10 days left. If you'd just like it in "
            "a smaller size, an exchange is free and quicker than a return and new order.",
            "U: oh yeah I'd do the medium then tags are still on it",
            "A: Exchanges are done by customer care, or in your Contoso account under Orders, "
            "then Exchange. We send a prepaid label and ship the medium as soon as the carrier "
            "scans your parcel.",
            "U: ok I'll just do it in the app tonight that's easy enough",
            "A: Great. Drop the parcel off within 14 days of getting the label.",
            "U: will do thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "return_refund",
        tools=(_tool("get_order", order_id="97491163"),),
    ),
    Case(
        "b3-09",
        "cancel_and_reorder",
        (
            "U: I placed an order about an hour ago, 81494521, and I picked the wrong colour. "
            "Can you change it to the black one?",
            "A: Orders can't be edited once placed, but since it hasn't shipped I can cancel "
            "it and place a new one. It's the Pulse Portable Bluetooth Speaker in red, $49.99. "
            "Shall I cancel that and order it in black?",
            "U: Yes, do that.",
            "A: Order eight one four, nine four five, two one is cancelled, and the full "
            "$49.99 goes back to your card, usually within 5 to 7 business days. The new "
            "order for the speaker in black is eight zero seven, eight one one, four six.",
            "U: Fine. Shipping the same address as before, I'll do that in the app.",
            "A: No problem. Anything else?",
            "U: No, that's it.",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("get_order", order_id="81494521"),
            _tool("cancel_order", order_id="81494521", reason="wrong colour"),
            _order(27, 1),
        ),
        links=(("order", "80781146"),),
    ),
    Case(
        "b3-10",
        "cancel_too_late",
        (
            "U: i need to cancel order 35033291 i don't want it anymore",
            "A: Let me check order three five zero, three three two, nine one.",
            "A: I'm sorry, that order has already shipped; the label was printed this "
            "morning, so it can no longer be cancelled. When it arrives you can return it "
            "within 30 days of delivery, and returns from US addresses are free. You can also "
            "refuse it at the door and it's refunded as a return.",
            "U: it was ordered like yesterday how is it already shipped",
            "A: Orders ship quickly from our warehouse in Redmond. Once the shipment is "
            "created it can't be stopped, even before the carrier collects it.",
            "U: ugh. whatever. fine I'll refuse it I guess",
            "A: That works. Once it's back with us you'll get the refund to your original "
            "payment method.",
            "U: yeah. bye",
        ),
        "negative",
        "neutral",
        2,
        "cancellation",
        tools=(
            _tool("get_order", order_id="35033291"),
            _tool("cancel_order", ok=False, order_id="35033291", reason="changed mind"),
        ),
    ),
    Case(
        "b3-11",
        "price_match_competitor",
        (
            "U: Hi there. I'm looking at the Horizon 27-inch monitor. Another website has it "
            "for $339. Do you match that?",
            "A: I'm sorry, we only match Contoso's own price drops: if our price falls within "
            "14 days of your purchase, we refund the difference. We don't match other stores "
            "or websites. The Horizon 27-Inch 4K Monitor is $379.99 with us, with free "
            "standard shipping and a 3-year warranty.",
            "U: Hm. That's a shame. I'd rather buy it from you, but forty dollars is forty "
            "dollars.",
            "A: I understand. If you do buy it here and our price drops within 14 days, you "
            "can ask for the difference back.",
            "U: Okay. I'll have a think about it. Thanks anyway.",
        ),
        "neutral",
        "neutral",
        3,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="do you price match other websites", kind="policy"),
            _tool("get_product", product_id=35),
        ),
    ),
    Case(
        "b3-12",
        "browsing_line_drops",
        (
            "U: hi yeah I wanna buy a tent for two people for backpacking nothing too heavy",
            "A: The Summit 2-Person Tent is $189.99. It's a freestanding three-season tent "
            "with two doors and two vestibules, and it weighs 2.1 kg on the trail. We have "
            "it in green or orange.",
            "U: ok and is it like actually waterproof cause last time my tent",
            "A: Yes, the rainfly is rated 3,000 mm waterproof with factory-taped seams. Were "
            "you saying something happened with your last tent?",
        ),
        "neutral",
        "neutral",
        3,
        "purchase",
        tools=(
            _tool("search_products", query="two person backpacking tent", category="outdoor"),
            _tool("search_knowledge", query="is the tent waterproof", product_id=49),
        ),
        status="abandoned",
    ),
    Case(
        "b3-13",
        "angry_damaged_blender_won_back",
        (
            "U: ok this is the second time I'm calling about this. the blender I got the jug "
            "has a crack all the way down the side it came like that on tuesday",
            "A: I'm sorry, that shouldn't have happened. What's your order number?",
            "U: 97473331 and please don't tell me to wait on hold again the last call just "
            "dropped after twenty minutes",
            "A: Order nine seven four, seven three three, three one: the Velocity High-Speed "
            "Blender, delivered Tuesday. That's inside the 7 days for reporting damage, so "
            "you can have a free replacement or a full refund, whichever you prefer.",
            "U: and will they actually send a new one or am I gonna have to argue about it",
            "A: No argument needed. Shipping damage is always replaced or refunded. Have a "
            "photo of the crack, the box and the label ready; usually the photo is enough. "
            "A replacement ships at the speed you originally chose, at no charge. Customer "
            "care is open now; I'll transfer you with your order number so you don't have to "
            "explain again.",
            "U: ok. alright. that's actually what I needed to hear. thanks for being straight "
            "with me",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="97473331"),
            _tool("transfer_to_agent", reason="blender pitcher arrived cracked; second call"),
        ),
    ),
    Case(
        "b3-14",
        "french_returns_window",
        (
            "U: bonjour j'ai acheté des chaussures cloudstep la semaine dernière est-ce que "
            "je peux les retourner si je les ai déjà essayées à la maison",
            "A: Bonjour ! Oui. Vous avez 30 jours après la livraison. Les essayer à "
            "l'intérieur, sur un sol propre, ne pose aucun problème ; il faut seulement "
            "qu'elles n'aient pas été portées dehors et qu'elles soient dans leur boîte "
            "d'origine. Les retours depuis les États-Unis sont gratuits.",
            "U: d'accord et si je veux juste une demi-pointure de plus",
            "A: Dans ce cas, un échange est gratuit dans les 30 jours suivant la livraison. "
            "Le service client ou la rubrique Commandes de votre compte s'en occupe. Le "
            "Cloudstep existe aussi en largeur normale et large, si elles vous serrent.",
            "U: ah c'est bien à savoir. parfait merci beaucoup bonne journée",
            "A: Bonne journée à vous !",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="retour chaussures essayées à la maison"),
            _tool("search_knowledge", query="échange de pointure", kind="policy"),
        ),
        extra={"language": "fr"},
    ),
    Case(
        "b3-15",
        "sarcastic_stalled_tracking",
        (
            "U: so my tracking hasn't moved in three days. love that. it's NW 8304 4251 7248 217",
            "A: Let me look. It's in transit with Northwind Parcel. The last scan was at the "
            "Salt Lake City hub three days ago, and it's still due tomorrow.",
            "U: oh wonderful. so it's just vibing in salt lake city",
            "A: Tracking doesn't update while a parcel is on a truck between scans, so a "
            "quiet day or two is normal. If there's no update for 5 business days, or it's 5 "
            "business days late, we open a trace with the carrier.",
            "U: five business days. amazing. really cutting-edge logistics you got there",
            "A: I know it's frustrating to see no movement. For now it's on schedule for "
            "tomorrow, and if it doesn't come, customer care can start the trace.",
            "U: yeah yeah super reassuring. bye",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="NW 8304 4251 7248 217"),),
    ),
    Case(
        "b3-16",
        "elderly_order_status",
        (
            "U: hello? yes hello dear um I ordered a heating pad for my back from you and I "
            "wanted to know when it's coming my granddaughter helped me do it on the computer",
            "A: Hello. I can check that for you. Do you have the order number? It has 8 "
            "digits and it's in the confirmation email.",
            "U: oh let me find it hold on. my glasses. ok it says five three zero eight three "
            "two five one is that the one",
            "A: That's it: five three zero, eight three two, five one, the Comfort Plus "
            "Electric Heating Pad. Good news, it's out for delivery today. Parcels usually "
            "arrive by early afternoon.",
            "U: today oh how wonderful. and it switches itself off doesn't it I do nod off "
            "sometimes",
            "A: It does switch off after 2 hours, but the guide is clear that you should "
            "never sleep on it or with it switched on, even with the auto shut-off. Use it "
            "for 15 to 20 minutes at a time, and start on a low setting.",
            "U: oh I'd better be careful then. thank you dear you've been so patient with me "
            "I do appreciate it",
            "A: It was a pleasure. I hope it helps your back.",
        ),
        "positive",
        "satisfied",
        5,
        "order_status",
        tools=(
            _tool("track_shipment", order_id="53083251"),
            _tool("search_knowledge", query="heating pad auto shut off sleep", product_id=99),
        ),
    ),
    Case(
        "b3-17",
        "cast_iron_rust",
        (
            "U: um my cast iron pan's got some rust spots on it did I ruin it",
            "A: No, a few rust spots aren't a problem. Scrub them off with steel wool, "
            "rinse, dry it, then re-season it: rub a thin layer of vegetable oil over the "
            "whole pan, wipe off as much as you can, and bake it upside down at 450 F for an "
            "hour with foil on the rack below.",
            "U: ok and do I use soap on it or no",
            "A: A small drop of dish soap is fine. Just never put it in the dishwasher or "
            "leave it soaking, and dry it straight away, then warm it on the hob for a minute.",
            "U: ok got it thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(_tool("search_knowledge", query="cast iron pan rust spots", product_id=43),),
    ),
    Case(
        "b3-18",
        "warranty_relief",
        (
            "U: Hi. My Harbor coffee maker has stopped heating the water. I bought it maybe "
            "fourteen months ago. Is that still covered by anything?",
            "A: It should be. The Harbor 12-Cup Coffee Maker has a 2-year warranty from the "
            "delivery date, and a heating element that fails under normal use is exactly "
            "what it covers. Have you tried unplugging it for a minute to reset it?",
            "U: Yeah, I did that twice. Nothing.",
            "A: Then it's a warranty claim. Customer care handles those for every brand, so "
            "you don't need to contact the manufacturer. Have your 8-digit order number "
            "ready; they may ask for a quick check or a photo, then send a prepaid label and "
            "repair it, replace it or refund it. Shall I transfer you?",
            "U: Oh, thank goodness. I was sure I'd have to buy a new one. Yes please, put me "
            "through.",
        ),
        "positive",
        "neutral",
        4,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="coffee maker warranty not heating", product_id=37),
            _tool("transfer_to_agent", reason="warranty claim, Harbor coffee maker not heating"),
        ),
    ),
    Case(
        "b3-19",
        "german_terse_purchase",
        (
            "U: Guten Tag. Ich möchte die Nimbus Kopfhörer bestellen, in Schwarz.",
            "A: Gerne. Die Nimbus Noise-Cancelling Headphones in Schwarz kosten 199,99 "
            "Dollar. Soll ich einen bestellen?",
            "U: Ja.",
            "A: Bestellt. Ihre Bestellnummer ist neun zwei acht, zwei acht null, sieben acht. "
            "Wohin soll die Lieferung gehen?",
            "U: 1440 North Dearborn Street, Chicago, Illinois 60610. Standardversand.",
            "A: 1440 North Dearborn Street, Chicago, Illinois 60610. Der Standardversand ist "
            "bei dieser Bestellung kostenlos und dauert etwa 5 Werktage. Die Sendungsnummer "
            "ist N W 2 7 1 2 6 0 5 9 3 2 1 6 0 1 5.",
            "U: Gut. Danke. Auf Wiederhören.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="Nimbus Kopfhörer"),
            _order(26, 1),
            _tool(
                "create_shipment",
                order_id="92828078",
                address="1440 North Dearborn Street, Chicago, Illinois 60610",
                speed="standard",
            ),
        ),
        links=(("order", "92828078"), ("shipment", "SH0000041262")),
        extra={"language": "de"},
    ),
    Case(
        "b3-20",
        "marked_delivered_missing",
        (
            "U: Hi, sorry to bother you. My tracking says my package was delivered this "
            "morning but it isn't here. I've looked all over the porch.",
            "A: No bother at all. Could you give me the order number or the tracking number?",
            "U: The order is 77564377.",
            "A: Thank you. Northwind Parcel marked it delivered at 11:40 this morning. Please "
            "check around the delivery spot, with your neighbours and at any mail room. "
            "Carriers sometimes mark a parcel delivered a little early, so it's worth waiting "
            "until the end of the next business day.",
            "U: Okay. It's a present, so I'm a bit nervous. And if it still doesn't come?",
            "A: Then call us and report it; you have 7 days from the delivery date. Customer "
            "care will send a replacement or a refund.",
            "U: All right. I'll ask next door. Thank you for explaining.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="77564377"),),
    ),
    Case(
        "b3-21",
        "after_hours_handover_request",
        (
            "U: agent. representative. I want to talk to a person",
            "A: I can connect you to customer care between 7 am and 9 pm Pacific time. It's "
            "after 9 pm Pacific now, so they're closed, but I may be able to help. What's it "
            "about?",
            "U: my gift card. it's a physical one and the website keeps saying invalid when I "
            "try to check the balance",
            "A: I'm sorry. I can't see gift card balances; customer care can check it and "
            "sort out a card that won't work. Please don't read the PIN out to me. I can leave "
            "a message for them to call you back tomorrow, or you can call 1-800-555-0142 "
            "from 7 am Pacific.",
            "U: great. a twenty four hour assistant that can't do anything after nine. perfect",
            "A: I understand it's frustrating. Would you like me to leave the call-back message?",
            "U: yeah leave the message I guess. whatever",
            "A: Done. Customer care will call you back tomorrow about the gift card balance.",
        ),
        "negative",
        "not satisfied",
        2,
        "other",
        tools=(_tool("transfer_to_agent", ok=False, reason="gift card balance, card invalid"),),
    ),
    Case(
        "b3-22",
        "happy_quick_purchase",
        (
            "U: Hi! I'd love to order the ProGrip yoga mat in purple please!",
            "A: Of course. One ProGrip Yoga Mat in purple, $34.99. Shall I place the order?",
            "U: Yes!",
            "A: Done. Your order number is one nine four, nine eight nine, two three. Where "
            "should I send it?",
            "U: 3150 Larimer Street, Denver, Colorado 80205.",
            "A: 3150 Larimer Street, Denver, Colorado 80205. Standard shipping is $13.49 and "
            "takes about 5 business days. Shall I go ahead?",
            "U: Yes, that's great.",
            "A: It's on its way with Northwind Parcel. Tracking number N W 5 2 2 4 3 0 9 8 0 "
            "4 8 0 1 4 7.",
            "U: Awesome, thank you so much! I've had my eye on that one for ages.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="ProGrip yoga mat purple"),
            _order(61, 1),
            _tool(
                "create_shipment",
                order_id="19498923",
                address="3150 Larimer Street, Denver, Colorado 80205",
                speed="standard",
            ),
        ),
        links=(("order", "19498923"), ("shipment", "SH0000041275")),
    ),
    Case(
        "b3-23",
        "complaint_rude_agent",
        (
            "U: yeah I want to make a complaint about one of your people yesterday",
            "A: I'm sorry to hear that. Did you say you'd like to return something?",
            "U: no. COMPLAINT. I want to complain. the woman I spoke to yesterday about my "
            "refund was rude and then she hung up on me",
            "A: I'm sorry, that's not the service you should get. I can't file a complaint "
            "myself, but customer care can record it and look into yesterday's call. They're "
            "open now. Shall I transfer you?",
            "U: so you're sending me back to the same people who hung up on me. brilliant",
            "A: I understand why that feels wrong. You can ask for a supervisor when you're "
            "connected, and give them the time of yesterday's call.",
            "U: fine. put me through. but I'm asking for a supervisor and I'm not being nice "
            "about it",
        ),
        "negative",
        "neutral",
        2,
        "complaint",
        tools=(_tool("transfer_to_agent", reason="complaint about a customer care call"),),
    ),
    Case(
        "b3-24",
        "kayak_capacity_question",
        (
            "U: hey so we're thinking about the inflatable kayak the tidepool one can three "
            "of us fit me my wife and our son he's eight",
            "A: The Tidepool Inflatable Kayak is a two-person kayak with two adjustable seats. "
            "It holds up to 200 kg including gear, and everyone on board must wear a life "
            "jacket, which isn't included.",
            "U: ah man. he's pretty small though like 25 kilos",
            "A: Even if the weight fits, it's designed and seated for two, so I can't "
            "recommend taking three. It's $429, and there are only 2 left in stock.",
            "U: hm ok. well that kinda kills it for us. ok thanks for being honest I guess",
            "A: You're welcome. If you'd like, I can look for other things for a family day "
            "on the water.",
            "U: nah that's ok thanks",
        ),
        "neutral",
        "neutral",
        3,
        "product_question",
        tools=(
            _tool("get_product", product_id=60),
            _tool("search_knowledge", query="how many people fit in the kayak", product_id=60),
        ),
    ),
    Case(
        "b3-25",
        "portuguese_ship_to_brazil",
        (
            "U: oi tudo bem eu queria saber se vocês entregam no brasil em são paulo",
            "A: Olá! Infelizmente não. A Contoso só entrega nos Estados Unidos e no Canadá, e "
            "também não podemos enviar para um endereço nos Estados Unidos para "
            "redirecionamento ao exterior.",
            "U: nem se eu pagar o frete expresso",
            "A: Não, sinto muito. Não há nenhuma opção de envio para fora dos Estados Unidos "
            "e do Canadá, nem mesmo com frete expresso.",
            "U: poxa que pena eu queria muito aquela câmera. tá bom então obrigada",
            "A: Sinto muito mesmo. Obrigada pela ligação.",
        ),
        "negative",
        "not satisfied",
        2,
        "policy_question",
        tools=(_tool("search_knowledge", query="entregam no brasil", kind="policy"),),
        extra={"language": "pt"},
    ),
    Case(
        "b3-26",
        "refund_timing_handover",
        (
            "U: I sent back a sweater, the merino one, about ten days ago and I still don't "
            "have my money. Order 80902692.",
            "A: Let me look. Order eight zero nine, zero two six, nine two: the Fairhaven "
            "Merino Crewneck Sweater. I can see the order but not where the return is. "
            "Refunds are issued within 5 to 7 business days after the return arrives at our "
            "warehouse in Redmond, and we email you when it's issued. Your bank may take a "
            "couple more days.",
            "U: So it could be another week? It's been ten days already.",
            "A: It depends on when the parcel reached the warehouse. Customer care can see "
            "the return itself and tell you exactly where it is. Shall I transfer you?",
            "U: Fine, yes, put me through.",
        ),
        "neutral",
        "neutral",
        3,
        "return_refund",
        tools=(
            _tool("get_order", order_id="80902692"),
            _tool("transfer_to_agent", reason="refund not received for returned sweater"),
        ),
    ),
    Case(
        "b3-27",
        "angry_late_hangs_up",
        (
            "U: WHERE is my order I have been waiting two weeks order 74554041",
            "A: I'm sorry for the wait. Let me check order seven four five, five four zero, "
            "four one.",
            "A: It's in transit with Northwind Parcel. It was due last Friday, and the last "
            "update was four business days ago.",
            "U: last friday. so it's late and nobody did anything about it",
            "A: I'm sorry. If there's still no update tomorrow, that's 5 business days and "
            "customer care opens a trace with the carrier. I can also transfer you now so they "
            "can look into it.",
            "U: you know what forget it I'm done with you people",
        ),
        "negative",
        "not satisfied",
        1,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="74554041"),),
        status="abandoned",
    ),
    Case(
        "b3-28",
        "out_of_stock_gives_up",
        (
            "U: hi I need the polar parka in medium black please just order it",
            "A: I'm sorry, I couldn't place that order: the Polar Insulated Parka is out of "
            "stock in every size right now. The Cascade Packable Rain Jacket at $119 is in "
            "stock and cut with room for a fleece underneath, or there's the Ridgeline Fleece "
            "Pullover at $49.99.",
            "U: a rain jacket is not gonna cut it it's minus twenty here. when is the parka back",
            "A: I don't have a restock date for it, I'm afraid.",
            "U: ugh that's really annoying I've been waiting for it to come back for weeks. "
            "ok I'll just get one somewhere else",
            "A: I'm sorry I couldn't help with that one.",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(
            _tool("search_products", query="polar parka"),
            _tool("create_order", ok=False, lines=[{"product_id": 7, "quantity": 1}]),
        ),
    ),
    Case(
        "b3-29",
        "boots_expedited_purchase",
        (
            "U: Hi, I'd like the Rainier hiking boots in brown, size 10.5. I'm hiking in the "
            "Adirondacks next weekend, so I need them fast.",
            "A: Happy to help. One tip first: with thick hiking socks we suggest going up half "
            "a size. With thin socks, your usual size is right.",
            "U: Oh, good point, I wear the thick ones. Make it an 11 then.",
            "A: One Rainier Waterproof Hiking Boot, brown, size 11, $149.99. Shall I order it?",
            "U: Yes.",
            "A: Ordered: six nine seven, six zero nine, nine three. Where should I ship it?",
            "U: 77 Bedford Avenue, Brooklyn, New York 11211.",
            "A: 77 Bedford Avenue, Brooklyn, New York 11211. Standard is free and takes about "
            "6 business days; 2-Day is $29.59; Overnight is $54.59.",
            "U: Two-day, please.",
            "A: Done, with Tailspin Express 2-Day. Tracking number T X 4 2 6 7 7 8 2 2 8 3 0 "
            "1 7 2 4. Try to wear them around the house and on short walks before the hike.",
            "U: Great, thanks. That's helpful.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="Rainier hiking boots"),
            _tool("search_knowledge", query="Rainier boot sizing thick socks", kind="sizing"),
            _order(14, 1),
            _tool(
                "create_shipment",
                order_id="69760993",
                address="77 Bedford Avenue, Brooklyn, New York 11211",
                speed="expedited",
            ),
        ),
        links=(("order", "69760993"), ("shipment", "SH0000041288")),
    ),
    Case(
        "b3-30",
        "canada_shipping_cost",
        (
            "U: hi um do you ship to canada and how much would it be for like a t-shirt to toronto",
            "A: Yes, we ship to Canada with Wide World Post. One Everyday Cotton T-Shirt to "
            "Toronto costs $17.49 by standard shipping, about 10 business days to Ontario, or "
            "$33.99 by expedited, 4 business days. Free shipping is for US orders only, and "
            "prices are in US dollars; duties and GST or HST may be collected on delivery.",
            "U: oh ok so shipping's more than the shirt haha",
            "A: For a single shirt, yes. It's a base charge plus $2.50 per started pound, so "
            "several items in one parcel spread the base charge.",
            "U: makes sense ok thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="shipping cost to canada toronto", kind="policy"),),
    ),
    Case(
        "b3-31",
        "price_drop_adjustment",
        (
            "U: hi so I bought the nimbus headphones last week for 199.99 and now I'm seeing "
            "them on your site for 179.99 is there anything you can do",
            "A: There is. If Contoso lowers the price within 14 days of your purchase, we "
            "refund the difference, and you don't have to return anything. What's the order "
            "number?",
            "U: 84572439",
            "A: Order eight four five, seven two four, three nine, placed 8 days ago at "
            "$199.99, so you're inside the 14 days. At $179.99 that's $20 back to your "
            "original payment method, usually within 5 to 7 business days. Price adjustments "
            "are done by customer care; shall I transfer you?",
            "U: oh nice! I honestly didn't know you did that. yes please",
        ),
        "positive",
        "neutral",
        4,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="price dropped after I bought", kind="policy"),
            _tool("get_order", order_id="84572439"),
            _tool("transfer_to_agent", reason="price adjustment, Nimbus headphones"),
        ),
    ),
    Case(
        "b3-32",
        "spanish_order_status",
        (
            "U: hola quería saber dónde está mi pedido el número es cuatro dos nueve seis "
            "seis cuatro cero nueve",
            "A: Un momento. El pedido cuatro dos nueve, seis seis cuatro, cero nueve salió a "
            "reparto esta mañana con Northwind Parcel. Normalmente se entrega a primera hora "
            "de la tarde.",
            "U: ah vale perfecto gracias",
            "A: De nada. ¡Que tenga un buen día!",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="42966409"),),
        extra={"language": "es"},
    ),
    Case(
        "b3-33",
        "calm_carrier_complaint",
        (
            "U: Hi. Nothing's broken, I just want to tell someone. Your delivery driver threw "
            "my parcel over the gate this morning. I watched it on my doorbell camera.",
            "A: I'm sorry, that's not how your parcel should be handled, and I'm glad nothing "
            "broke. Could you give me the order number so I can see which carrier it was?",
            "U: 25738009.",
            "A: Thank you. It was delivered by Northwind Parcel at 10:15 this morning. I can't "
            "log a complaint with the carrier myself, but customer care can, and they're open "
            "until 9 pm Pacific. Would you like me to transfer you?",
            "U: No, I don't need all that. I just wanted somebody to know.",
            "A: Understood, and thank you for telling us. If anything inside turns out to be "
            "damaged, you have 7 days from delivery to report it.",
            "U: Okay. Well. Thanks for listening, I suppose.",
        ),
        "neutral",
        "neutral",
        3,
        "complaint",
        tools=(_tool("track_shipment", order_id="25738009"),),
    ),
    Case(
        "b3-34",
        "leaked_serum_relief",
        (
            "U: hi so my vitamin c serum came today and the bottle leaked all over the box and "
            "I wasn't sure if you can even return beauty stuff",
            "A: I'm sorry. Please don't use that bottle; wipe up the spill with a damp cloth "
            "and wash your hands. Opened beauty products are normally final sale, but an item "
            "that arrives leaking or damaged is always made right: a free replacement or a "
            "full refund if you report it within 7 days. Do you have the order number?",
            "U: yeah it's 17518817",
            "A: Order one seven five, one eight eight, one seven, the Radiance Vitamin C "
            "Serum, delivered today. Customer care handles damage reports; a photo of the "
            "bottle and the box helps. Shall I transfer you?",
            "U: oh that's such a relief thank you! yes please I'd love a replacement",
        ),
        "positive",
        "neutral",
        4,
        "damaged_item",
        tools=(
            _tool("search_knowledge", query="serum leaked in the box can I return beauty"),
            _tool("get_order", order_id="17518817"),
            _tool("transfer_to_agent", reason="leaking serum on arrival, wants replacement"),
        ),
    ),
    Case(
        "b3-35",
        "return_window_passed",
        (
            "U: i want to return the chelsea boots i bought they hurt my feet",
            "A: I'm sorry they're uncomfortable. What's the order number?",
            "U: 52857408",
            "A: Order five two eight, five seven four, zero eight: the Timberline Leather "
            "Chelsea Boot, delivered 45 days ago. I'm afraid returns are accepted within 30 "
            "days of delivery, so that window has closed.",
            "U: so I'm just stuck with 159 dollar boots that hurt",
            "A: I'm sorry. Leather stretches a little in width over time, though not in "
            "length. If there's a fault in how they're made, like a seam coming apart, the "
            "Contoso Quality Promise covers defects for 90 days from delivery.",
            "U: they're not broken they just hurt. great. well that's that then",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(
            _tool("track_shipment", order_id="52857408"),
            _tool("search_knowledge", query="return boots after 30 days", kind="policy"),
        ),
    ),
    Case(
        "b3-36",
        "teen_rc_car_purchase",
        (
            "U: yo does the turbo flip car need batteries",
            "A: The car has a rechargeable battery built in, and the remote takes 2 AA "
            "batteries, which aren't included. It runs about 20 minutes per charge at up to "
            "15 km/h, and a full charge takes about 90 minutes.",
            "U: sick ok can I get the red one",
            "A: One Turbo Flip Remote Control Stunt Car in red, $39.99. Shall I order it?",
            "U: yeah",
            "A: Ordered, number four two five, seven one seven, two zero. Where should it go?",
            "U: 604 west 35th street austin texas 78705",
            "A: 604 West 35th Street, Austin, Texas 78705. Standard shipping is $12.29, about "
            "5 business days. Go ahead?",
            "U: ok yeah",
            "A: Shipped. Tracking N W 3 8 2 6 0 7 8 2 9 2 9 1 1 7 8.",
            "U: sweet thanks dude",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_knowledge", query="does the turbo flip car need batteries"),
            _order(89, 1),
            _tool(
                "create_shipment",
                order_id="42571720",
                address="604 West 35th Street, Austin, Texas 78705",
                speed="standard",
            ),
        ),
        links=(("order", "42571720"), ("shipment", "SH0000041301")),
    ),
    Case(
        "b3-37",
        "wrong_number_pharmacy",
        (
            "U: hello yes I'm calling to refill my prescription it's for my blood pressure tablets",
            "A: I'm the voice assistant for the Contoso store. We don't have a pharmacy and "
            "can't fill prescriptions. We do sell a few health products, such as a blood "
            "pressure monitor and a weekly pill organizer, but not medicine. Your pharmacy "
            "will be able to refill it.",
            "U: oh dear I must have dialled the wrong number I'm so sorry",
            "A: No need to apologise at all.",
            "U: well thank you goodbye",
        ),
        "neutral",
        "neutral",
        3,
        "other",
    ),
    Case(
        "b3-38",
        "businesslike_cancellation",
        (
            "U: I'd like to cancel an order. Number 48176904.",
            "A: Order four eight one, seven six nine, zero four: one Lumen 10-Inch Tablet, "
            "$329.00, placed this morning and not shipped yet. Shall I cancel it?",
            "U: Yes. I found one locally.",
            "A: It's cancelled. The full $329.00 is refunded to your original payment method "
            "today and usually shows up within 5 to 7 business days.",
            "U: Okay. Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("get_order", order_id="48176904"),
            _tool("cancel_order", order_id="48176904", reason="found one locally"),
        ),
    ),
    Case(
        "b3-39",
        "stalled_parcel_trace_tired",
        (
            "U: hi um so my parcel hasn't moved in over a week the tracking hasn't changed "
            "since last monday order 38637057",
            "A: Let me check. It's with Northwind Parcel; the last scan was at the Denver hub "
            "7 business days ago, and it was due last Wednesday. That's past the 5 business "
            "days, so customer care can open a trace with the carrier and send you a "
            "replacement or a refund. Shall I transfer you?",
            "U: yeah ok. this is the second time this has happened with you guys honestly",
            "A: I'm sorry it's happened again. I'll pass your order number along so you don't "
            "have to repeat it.",
            "U: whatever just put me through. thanks I guess",
        ),
        "negative",
        "neutral",
        2,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="38637057"),
            _tool("transfer_to_agent", reason="parcel stalled 7 business days, open a trace"),
        ),
    ),
    Case(
        "b3-40",
        "opened_lipstick_final_sale",
        (
            "U: Hi, I bought the velvet matte lipstick in coral and the colour's just not me. "
            "I've only tried it on once. Can I return it?",
            "A: I'm sorry, once a beauty product has been opened it's final sale, for hygiene "
            "reasons. Unopened ones with the seal intact can be returned within 30 days of "
            "delivery. If it had arrived damaged or in a different shade from what you "
            "ordered, we'd replace or refund it.",
            "U: No, it's the shade I ordered, it just looks different on me. Oh well, that's "
            "fair, I suppose. Lesson learned.",
            "A: I'm sorry it didn't work out.",
            "U: No worries. Bye.",
        ),
        "neutral",
        "neutral",
        3,
        "return_refund",
        tools=(_tool("search_knowledge", query="return opened lipstick", kind="policy"),),
    ),
    Case(
        "b3-41",
        "chatty_grandpa_train_set",
        (
            "U: Well hello there. My grandson Eli, he's three, he's absolutely crazy about "
            "trains. Watches them from the window every morning, waves at the driver. My "
            "daughter tells me you have a wooden train set?",
            "A: We do: the Railway Junction Wooden Train Set, $59.99. It has 52 pieces, "
            "including a bridge, a crossing gate and three magnetic cars, it's made of beech "
            "wood, and it's for ages 3 and up, so it suits Eli.",
            "U: Oh, a bridge! He'll go wild for that. Does it come in different colours?",
            "A: Red, green or blue.",
            "U: Red, that's his favourite. Just the one set.",
            "A: One Railway Junction Wooden Train Set in red, $59.99. Shall I place the order?",
            "U: Yes indeed.",
            "A: Done. Your order number is five nine one, zero three two, six five. Where "
            "shall I send it?",
            "U: To my daughter's. 89 Maple Grove Lane, Columbus, Ohio 43214.",
            "A: 89 Maple Grove Lane, Columbus, Ohio 43214. Standard shipping is free on this "
            "order, and it takes about 6 business days. Shall I ship it?",
            "U: Splendid. Go right ahead.",
            "A: It's booked with Northwind Parcel. Tracking number N W 6 2 3 8 7 5 8 6 5 0 7 "
            "7 6 0 8.",
            "U: Marvellous. You've made an old man very happy today. Thank you kindly.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="wooden train set", category="toys"),
            _order(97, 1),
            _tool(
                "create_shipment",
                order_id="59103265",
                address="89 Maple Grove Lane, Columbus, Ohio 43214",
                speed="standard",
            ),
        ),
        links=(("order", "59103265"), ("shipment", "SH0000041314")),
    ),
    Case(
        "b3-42",
        "air_fryer_smoke_fixed",
        (
            "U: hi my air fryer is pouring out white smoke when I do chicken wings is it broken",
            "A: It's probably not broken. White smoke usually means grease from fatty food is "
            "burning in the basket. Pour off the fat and add a tablespoon of water to the "
            "basket, then carry on.",
            "U: oh my god there's like a pool of fat in there. ok hang on",
            "U: ok I did it and it stopped! oh thank you so much I was about to throw the "
            "thing out the window",
            "A: Glad it's sorted. Check the wings reach 165 F in the thickest part, and enjoy "
            "them.",
            "U: will do you're a lifesaver",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(_tool("search_knowledge", query="air fryer white smoke wings", kind="manual"),),
    ),
    Case(
        "b3-43",
        "terse_order_status",
        (
            "U: status order 2 6 5 3 3 3 2 4",
            "A: Order two six five, three three three, two four shipped on Tuesday with "
            "Northwind Parcel. It's in transit and due Friday.",
            "U: k",
            "A: Anything else?",
            "U: no",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="26533324"),),
    ),
    Case(
        "b3-44",
        "furious_damaged_monitor_after_hours",
        (
            "U: this is the third time I'm calling. my monitor came with the screen smashed on "
            "monday and the last person said someone would pick it up and nobody came. order "
            "18888976",
            "A: I'm very sorry. Order one eight eight, eight eight nine, seven six, the Horizon "
            "27-Inch 4K Monitor, delivered Monday. For a large item like this, customer care "
            "arranges a prepaid pickup, and you're entitled to a replacement or a full "
            "refund.",
            "U: I know what I'm entitled to. I want my money back today. not a pickup, not a "
            "label, today",
            "A: I understand. Refunds for damaged items are issued by customer care. It's after "
            "9 pm Pacific, so they're closed now; I can leave a message so they call you back "
            "first thing tomorrow.",
            "U: unbelievable. three calls and I still have a broken four hundred dollar "
            "monitor in my hallway. I'm disputing the charge with my bank. don't bother "
            "calling",
            "A: I'm sorry we let you down. Your order number is on record if you change your mind.",
        ),
        "negative",
        "not satisfied",
        1,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="18888976"),
            _tool("transfer_to_agent", ok=False, reason="damaged monitor, third call, refund"),
        ),
    ),
    Case(
        "b3-45",
        "warranty_question_line_drops",
        (
            "U: hi quick question how long is the warranty on the sonic toothbrush",
            "A: The Sonic Rechargeable Toothbrush has a 2-year warranty from the delivery "
            "date, covering defects in materials and workmanship. Brush heads wear out "
            "normally, so they aren't covered.",
            "U: ok and um does that cover if the MAX PUT THAT DOWN sorry does it cover if it",
        ),
        "neutral",
        "neutral",
        3,
        "policy_question",
        tools=(_tool("search_knowledge", query="sonic toothbrush warranty", product_id=85),),
        status="abandoned",
    ),
    Case(
        "b3-46",
        "family_camping_bundle",
        (
            "U: Hey. We're going camping with the kids in two weeks. I'd like two of the "
            "Firefly headlamps, two of the Lakeside camp chairs and two of the Trailhead water "
            "bottles.",
            "A: Sure. The Firefly Rechargeable LED Headlamp is $24.99, the Lakeside Folding "
            "Camp Chair $39.99 and the Trailhead Insulated Water Bottle 32 oz $27.99. Which "
            "colours would you like?",
            "U: Headlamps orange, chairs blue, and the bottles one green, one pink.",
            "A: Two orange headlamps, two blue chairs, and one green and one pink bottle: "
            "$185.94 in total. Shall I order?",
            "U: Yes.",
            "A: Ordered: nine seven seven, one two eight, one six. Where should it go?",
            "U: 2045 Southeast Division Street, Portland, Oregon 97202.",
            "A: 2045 SE Division Street, Portland, Oregon 97202. Standard shipping is free "
            "and takes about 3 business days, so you'll have it well before the trip. "
            "Tracking number N W 1 0 0 3 7 5 6 8 8 3 7 1 7 4 4.",
            "U: Great, thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="Firefly headlamp"),
            _tool("search_products", query="Lakeside camp chair"),
            _tool("search_products", query="Trailhead water bottle"),
            _tool(
                "create_order",
                lines=[
                    {"product_id": 53, "quantity": 2},
                    {"product_id": 54, "quantity": 2},
                    {"product_id": 56, "quantity": 2},
                ],
            ),
            _tool(
                "create_shipment",
                order_id="97712816",
                address="2045 Southeast Division Street, Portland, Oregon 97202",
                speed="standard",
            ),
        ),
        links=(("order", "97712816"), ("shipment", "SH0000041327")),
    ),
    Case(
        "b3-47",
        "helmet_sizing",
        (
            "U: what size velo helmet do I need my head is 57 centimetres",
            "A: Size M, which fits 54 to 61 cm. The dial at the back gives you the fine fit; "
            "it should be snug and not rock when you shake your head.",
            "U: and my daughter's is 53",
            "A: Size S for her, which fits 50 to 55 cm.",
            "U: cool thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(_tool("search_knowledge", query="velo helmet size 57 cm", kind="sizing"),),
    ),
    Case(
        "b3-48",
        "price_drop_too_late_complaint",
        (
            "U: I want to complain. I bought the tri-ply cookware set three weeks ago for "
            "$249.99 and now it's on sale on your site for $199.99. That's fifty dollars. I "
            "feel ripped off.",
            "A: I understand how that feels. Let me check your order.",
            "U: It's 46601970.",
            "A: Order four six six, zero one nine, seven zero was placed 21 days ago. We refund "
            "the difference when our price drops within 14 days of purchase, so I'm afraid "
            "this one doesn't qualify.",
            "U: So seven days too late and that's it? That's a ridiculous rule.",
            "A: I'm sorry, the 14 days apply to every order. If the set were unused and in its "
            "original packaging you could return it within 30 days of delivery and order it "
            "again at the new price.",
            "U: I've been cooking with it, obviously. Forget it. I'll think twice before "
            "buying anything from you again.",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
        tools=(
            _tool("get_order", order_id="46601970"),
            _tool("search_knowledge", query="price adjustment after 14 days", kind="policy"),
        ),
    ),
    Case(
        "b3-49",
        "denim_jacket_sizing_purchase",
        (
            "U: um hi I wanna order the classic denim jacket but I'm like between a medium "
            "and a large my chest is about 40 inches",
            "A: Forty inches is right on the line: medium is 37 to 40 and large is 40 to 43. "
            "The Classic Denim Jacket is rigid denim that softens over time, and we suggest "
            "sizing up if you're between sizes, so large.",
            "U: ok large then in black",
            "A: One Classic Denim Jacket, black, size L, $79.99. Shall I order it?",
            "U: yeah go for it",
            "A: Ordered: five three one, seven three nine, six nine. Where should it go?",
            "U: 1320 j street sacramento california 95814",
            "A: 1320 J Street, Sacramento, California 95814. Standard shipping is free, about "
            "4 business days. Tracking number N W 8 4 6 6 1 3 7 8 2 5 8 8 7 8 2.",
            "U: cool thanks a lot",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_knowledge", query="denim jacket between medium and large"),
            _order(10, 1),
            _tool(
                "create_shipment",
                order_id="53173969",
                address="1320 J Street, Sacramento, California 95814",
                speed="standard",
            ),
        ),
        links=(("order", "53173969"), ("shipment", "SH0000041330")),
    ),
    Case(
        "b3-50",
        "misheard_tracking_number",
        (
            "U: hi can you track a package the number is N W 1 4 2 2 5 4 5 3 5 7 4 0 9 9 0",
            "A: That number doesn't check out, so I may have misheard a digit. Could you read "
            "it again, slowly?",
            "U: sure N W one four two two five four five three five seven four zero nine four zero",
            "A: Got it. It's with Northwind Parcel and reached your local facility this "
            "morning. It's due tomorrow.",
            "U: great thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(
            _tool("track_shipment", ok=False, tracking_number="NW 1422 5453 5740 990"),
            _tool("track_shipment", tracking_number="NW 1422 5453 5740 940"),
        ),
    ),
    Case(
        "b3-51",
        "warm_change_of_mind_return",
        (
            "U: Hi! So I got the Tempo smartwatch about two weeks ago and honestly it's just "
            "not for me, I never wear it. Can I send it back?",
            "A: Yes. You can return it within 30 days of delivery, in its original packaging "
            "with all the accessories. Please reset it to factory settings and sign out of "
            "your accounts first. Returns from US addresses are free. What's your order "
            "number? I'll check the dates.",
            "U: Sure, it's 65535163.",
            "A: Order six five five, three five one, six three, delivered 13 days ago, so you "
            "have 17 days left. Customer care finishes the return and emails you a prepaid "
            "label; drop the parcel off within 14 days, and the refund reaches your original "
            "payment method within 5 to 7 business days after it arrives at our warehouse. "
            "Shall I transfer you?",
            "U: Perfect, yes please. You've been super helpful, thank you!",
        ),
        "positive",
        "neutral",
        4,
        "return_refund",
        tools=(
            _tool("search_knowledge", query="return a smartwatch I don't use", kind="policy"),
            _tool("track_shipment", order_id="65535163"),
            _tool("transfer_to_agent", reason="return Tempo smartwatch, change of mind"),
        ),
    ),
    Case(
        "b3-52",
        "exchange_hangs_up_waiting",
        (
            "U: hi I need to swap my running shoes for a bigger size the switchback ones",
            "A: Size exchanges are free within 30 days of delivery, as long as the shoes have "
            "only been tried on indoors. What's the order number?",
            "U: 51508096",
            "A: Order five one five, zero eight zero, nine six, delivered 9 days ago, so "
            "you're in time. Exchanges are done by customer care; I'll connect you now. There "
            "may be a short wait.",
            "U: ok",
            "A: You're in the queue for customer care. Someone will be with you shortly.",
            "U: hello? it's been like ten minutes this is ridiculous",
            "A: I'm sorry for the wait. You're still in the queue; it's a busy time of day.",
            "U: forget it I'll do it online",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(
            _tool("track_shipment", order_id="51508096"),
            _tool("transfer_to_agent", reason="size exchange, Switchback shoes"),
        ),
        status="abandoned",
    ),
    Case(
        "b3-53",
        "polite_defective_bp_monitor",
        (
            "U: Good morning. I'm sorry to trouble you. I received the blood pressure monitor "
            "on Friday and it keeps showing E1 and won't give me a reading.",
            "A: No trouble at all. E1 usually means the cuff is loose or badly placed. Is it "
            "wrapped around your bare upper arm, 2 to 3 cm above the elbow, snug enough that "
            "only two fingers slip under it, with your arm resting at heart level?",
            "U: Yes, my son helped me fit it just like that. We tried on both arms. Still E1 "
            "every time, even with new batteries.",
            "A: Thank you for checking. Then it sounds faulty. It was delivered on Friday, "
            "within 7 days, so you can have a free replacement or a full refund. Customer care "
            "arranges that; do you have your order number handy?",
            "U: Yes, 91548234. A replacement would be very kind. I need it for my doctor next "
            "week.",
            "A: I'll transfer you now with that order number, and mention you'd like a "
            "replacement.",
            "U: Thank you, that's very good of you.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("search_knowledge", query="blood pressure monitor E1 error", product_id=104),
            _tool("get_order", order_id="91548234"),
            _tool("transfer_to_agent", reason="defective blood pressure monitor, replacement"),
        ),
    ),
    Case(
        "b3-54",
        "canada_return_fee",
        (
            "U: hi I'm in vancouver and I wanted to know if returns are free for me too cause "
            "I might need to send back a jacket",
            "A: You have the same 30-day return window. Returns from Canada travel with Wide "
            "World Post, and we deduct $9.99 from the refund for that label, unless the item "
            "is damaged, defective or not what you ordered. If you only need a different size "
            "or colour, an exchange is free, to Canada too.",
            "U: nine ninety nine hm bit steep but ok. so an exchange wouldn't cost anything",
            "A: That's right: we send a prepaid label and ship the replacement by standard "
            "shipping at no charge.",
            "U: ok good to know thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="returns from canada cost", kind="policy"),),
    ),
    Case(
        "b3-55",
        "out_of_stock_alternative_accepted",
        (
            "U: hi I'd like to order the magnetic tile set for my daughter she's turning four",
            "A: I'm sorry, the Spectrum Magnetic Tile Set is out of stock at the moment. A "
            "popular alternative is the Maple Wooden Building Blocks 100-Piece at $34.99, "
            "finished with non-toxic, water-based paint and suitable from age 2.",
            "U: oh shame. the wooden blocks actually sound lovely though. what colours",
            "A: Red, blue, yellow or green.",
            "U: yellow please just one",
            "A: One set of Maple Wooden Building Blocks in yellow, $34.99, order number five "
            "zero four, three nine zero, five seven. Where should I send it?",
            "U: 4410 north 7th avenue phoenix arizona 85013",
            "A: 4410 North 7th Avenue, Phoenix, Arizona 85013. Standard shipping is $14.49, "
            "about 5 business days. Shall I ship it?",
            "U: yes that's fine",
            "A: Shipped. Tracking number N W 3 5 4 8 2 8 5 4 6 8 0 2 0 1 4.",
            "U: lovely thank you she's going to have so much fun with those",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="magnetic tile set"),
            _tool("search_products", query="building toys for a four year old", category="toys"),
            _order(87, 1),
            _tool(
                "create_shipment",
                order_id="50439057",
                address="4410 North 7th Avenue, Phoenix, Arizona 85013",
                speed="standard",
            ),
        ),
        links=(("order", "50439057"), ("shipment", "SH0000041343")),
    ),
    Case(
        "b3-56",
        "angry_start_never_shipped",
        (
            "U: I ordered an air fryer a week ago and it still hasn't come and nobody has "
            "sent me a thing. order 79557222",
            "A: I'm sorry. Let me look at order seven nine five, five seven two, two two.",
            "A: The order for the Crisp 5-Quart Air Fryer is placed and paid, but no shipment "
            "was ever created for it, so it hasn't left the warehouse. It looks like the "
            "delivery address was never given. I can ship it right now. Where should it go?",
            "U: what. I thought I. oh god did I hang up before that last time. ugh ok. 260 "
            "east 400 south salt lake city utah 84111",
            "A: 260 E 400 South, Salt Lake City, Utah 84111. Standard shipping is free, about "
            "4 business days. 2-Day would be $34.99.",
            "U: can't you do the two day for free since it's been a week",
            "A: I'm sorry, I can't change the price; expedited shipping is never free.",
            "U: no it's fair it was my own fault. standard's fine",
            "A: Done. It's with Northwind Parcel, tracking number N W 4 4 9 0 6 6 3 0 4 2 4 8 "
            "2 6 3.",
            "U: phew. honestly thank you I was about to go off on somebody and it was me all "
            "along haha. thanks for sorting it out",
        ),
        "positive",
        "satisfied",
        4,
        "order_status",
        tools=(
            _tool("track_shipment", order_id="79557222"),
            _tool(
                "create_shipment",
                order_id="79557222",
                address="260 East 400 South, Salt Lake City, Utah 84111",
                speed="standard",
            ),
        ),
        links=(("shipment", "SH0000041356"),),
    ),
    Case(
        "b3-57",
        "joking_quick_cancellation",
        (
            "U: haha ok so I ordered a tent like two minutes ago and my wife just told me we "
            "already have one in the garage. can I cancel that",
            "A: Of course. What's the order number?",
            "U: uh 76585490",
            "A: Order seven six five, eight five four, nine zero: the Summit 2-Person Tent, "
            "$189.99, not shipped yet. Shall I cancel it?",
            "U: yes please save my marriage",
            "A: Done, it's cancelled. The full $189.99 is refunded today and usually shows up "
            "within 5 to 7 business days.",
            "U: amazing you're a lifesaver thank you!",
        ),
        "positive",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("get_order", order_id="76585490"),
            _tool("cancel_order", order_id="76585490", reason="already have a tent"),
        ),
    ),
    Case(
        "b3-58",
        "christmas_delivery_times",
        (
            "U: Hi. If I order something today with regular shipping, will it get to Boston "
            "before Christmas?",
            "A: Standard shipping to Boston takes about 6 business days, counted Monday to "
            "Friday from the day the shipment is created, so an order shipped today would "
            "arrive well before Christmas. 2-Day takes 2 business days and Overnight arrives "
            "the next business day.",
            "U: And is the regular shipping free?",
            "A: Standard shipping is free on US orders of $50 or more. Expedited and "
            "overnight are never free.",
            "U: Okay, great. That's all I needed. Thank you.",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="standard shipping time to Boston", kind="policy"),),
    ),
    Case(
        "b3-59",
        "wants_a_person",
        (
            "U: Put me through to customer service, please.",
            "A: Of course. Could you tell me briefly what it's about, so I can pass it on?",
            "U: I'd rather just speak to a person.",
            "A: That's fine. Customer care is open now; I'm transferring you.",
            "U: Thank you.",
        ),
        "neutral",
        "neutral",
        3,
        "other",
        tools=(_tool("transfer_to_agent", reason="shopper asked for a person"),),
    ),
    Case(
        "b3-60",
        "wrong_address_cannot_redirect",
        (
            "U: Hi, I just realised I shipped my order to my old apartment. I moved last "
            "month. It's order 67195785. Can you change the address?",
            "A: Let me check. The shipment was created yesterday to 512 Pine Street, "
            "Apartment 3, Seattle, and it's in transit with Northwind Parcel. I'm sorry: once "
            "the label is printed we can't redirect the parcel.",
            "U: So I just have to hope the new tenants are honest?",
            "A: Customer care should hear about it as soon as possible. If the carrier returns "
            "the parcel to us, we refund it or reship it to the right address. Shall I "
            "transfer you now?",
            "U: Yeah. Great. Okay, transfer me. This is such a mess.",
        ),
        "negative",
        "neutral",
        2,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="67195785"),
            _tool("transfer_to_agent", reason="shipped to old address, wants redirect"),
        ),
    ),
)
