"""Blind evaluation set b7: 60 labelled Contoso voice-assistant calls, the hard ones.

Written by writer G (set b7) on 2026-12-03, for scoring the call analyser once.

Blindness. While writing this set I did not open, read, grep into or run anything under
voicecart/analysis/, voicecart/data/analysis_training/, bench/analysis.py,
bench/analysis_heldout.py or the other bench/analysis_blind*.py files, nor tests about
analysis or docs/benchmarks.md; I ran no analyser and read no git history about analysis.
(A plain listing of bench/ showed those file names, nothing more; one grep over voicecart/
for the shipment-id format had voicecart/analysis filtered out of its output.) Of
bench/analysis_cases.py I read only the part above the case list (the Case record and the
_order / _tool helpers). What I did read: the catalog (voicecart/data/catalog/), the store
policies and product manuals (voicecart/data/knowledge/), the tool definitions
(voicecart/tools/), the README, and the one line that says shipment ids are "SH" plus 10
characters. Every product, price, stock level and policy statement below comes from
those files.

Turn format. Each call is a tuple of turns in spoken order: "U: ..." is the shopper as the
speech-to-text heard them (lower-case run-ons, fillers, false starts, the odd misheard
word; some turns are cleanly punctuated), "A: ..." is the assistant. Tool calls are not
in the turns; they are in `tools`, in the order the assistant made them, with the
arguments of voicecart/tools/ (`ok=False` is a call that failed). `links` lists the orders
and shipments the call created. `status="abandoned"` means the shopper hung up or the
line dropped before the call was closed. Calls held in another language carry
`extra={"language": ...}` and are written in that language.

How I labelled (my guide, written before the calls, then applied to each one). I read
only the transcript, as a quality reviewer at a retail contact centre would.

Sentiment: how the shopper felt about the call, from their own words.
- The end of the call weighs more than the start, but a call that is angry throughout
  and ends on a curt "fine" stays negative.
- negative: clear annoyance, anger, sarcasm aimed at the store or the call, or an
  explicitly stated disappointment ("that's really disappointing", "ridiculous",
  "useless") that is still standing at the end; an angry hang-up.
- positive: warmth, relief, pleasure or thanks beyond the formula, with nothing negative
  left standing at the end. A shopper who starts angry and ends genuinely relieved and
  warm is positive.
- neutral: businesslike; formula thanks; mixed feelings that roughly cancel (loves the
  product, put out by the delivery); mild, hedged regret said politely ("that's a shame",
  "oh well", "kind of wish..."); anger that calmed to acceptance but not to warmth.
- Sarcasm is read for what it means. Teasing aimed at something other than this call
  (robots in general) from a shopper who is plainly pleased does not make it negative.

Satisfaction: did the shopper end up content with the outcome.
- satisfied: what they came for was done or answered and they accept it, including an
  alternative they take up willingly; for a question, an answer they can act on
  without regret.
- not satisfied: the need is unmet and they don't accept that (or they leave); the call
  left them worse off (an assistant error not put right); or there was no real answer.
- neutral: partly done or put off (handed to customer care, told to wait, a callback),
  accepted without contentment; an answer accepted with some regret; or too little
  happened to tell (a call that drops at the start); or the call was not one the store
  could serve and the shopper shrugs it off.
- Hand-offs to a person are neutral unless the shopper is plainly glad of it (satisfied)
  or refuses or resents it (not satisfied).

Rating, 1-5, the outcome and experience from the shopper's side.
- 5: the need fully met, smoothly.
- 4: met with minor friction (a quick retry, a grumble about cost, a little process), a
  hand-off or self-service route the shopper is happy with, a clear answer taken with
  mild regret, or a call that drops just after its main question was answered.
- 3: partial or put off and accepted (hand-off, wait and see, callback, order placed but
  not shipped because the line dropped); met only after notable friction (an assistant
  error the shopper had to catch, repeated mishearing); or a clear answer that blocks
  the shopper's goal.
- 2: the need not met (out of stock, not covered, could not be done, no answer, a call
  that drops before anything happened), or met only partly and the shopper leaves
  frustrated.
- 1: nothing achieved and the shopper leaves angry, or the call made things worse (an
  assistant error with real consequences that is not fixed).

Reason: the ONE main reason. When a call changes course, the main reason is the matter
that takes up most of the call and that the shopper most needs settled by the end; the
`kind` says "x_turns_into_y" and why.
- purchase: finding, choosing, ordering or shipping something new; questions asked on
  the way to an order that gets placed count as purchase.
- product_question: how a product works, fits, its specs, care or troubleshooting, when
  no purchase is the point and the item turns out not to be faulty (a fix that works, or
  an answer we do not have).
- order_status: where is my order, has it shipped, when does it come, before anything
  has gone wrong with the delivery itself.
- delivery_issue: late past the estimate, tracking stuck, marked delivered but not there,
  a shipment to the wrong address.
- damaged_item: arrived damaged, broken, leaking or wrong; and items that became faulty
  later (warranty or Quality Promise claims, a safety fault like overheating).
- return_refund: returning or exchanging something the shopper has, refunds not yet
  received, price adjustments after a Contoso price drop, and questions about returning
  a specific item they own.
- cancellation: cancelling an order, including a change made as cancel-and-reorder, and
  attempts that fail because it has shipped.
- policy_question: store rules asked in general (where we ship, shipping costs, privacy),
  with no order of the shopper's in play.
- complaint: the point is to voice dissatisfaction with no fix the store has a process
  for: competitor prices, duties and fees, packaging, compensation for a late delivery
  that has already arrived.
- other: anything else (gift card balances, wrong numbers).
"""

from __future__ import annotations

from bench.analysis_cases import Case, _order, _tool

BLIND7: tuple[Case, ...] = (
    Case(
        "b7-01",
        "late_second_order_but_loves_the_first_mixed_feelings",
        (
            "U: hi so um I ordered two things last week, separately, the pulse speaker and "
            "the nimbus headphones, and like the speaker came monday and honestly it's great "
            "I love it, but the headphones are still not here",
            "A: I'm glad the speaker's a hit. Let me check the headphones. Do you have the "
            "order number for them?",
            "U: yeah it's 5 3 0 7 1 9 4 2",
            "A: Thanks. Order 5307 1942, the Nimbus Noise-Cancelling Headphones, shipped with "
            "Northwind Parcel Ground. The estimate was Tuesday, and the latest scan is 'In "
            "transit, Boise, Idaho' from yesterday evening. So it's two business days later "
            "than estimated, but it is moving.",
            "U: two days late. okay. is it like lost or",
            "A: It doesn't look lost, it was scanned yesterday. If tracking doesn't update "
            "for 5 business days, or a parcel is 5 business days past its estimate, customer "
            "care opens a trace with the carrier. For now the best thing is to give it a day "
            "or two.",
            "U: I mean I was kind of hoping to have them for a flight on saturday",
            "A: I understand. I can't speed up a parcel that's already with the carrier. If "
            "it hasn't arrived by Friday evening, customer care can look into it with you, "
            "from 7 am to 9 pm Pacific.",
            "U: okay. I mean, not thrilled, but okay. the speaker really is good though so",
            "A: Sorry the headphones are running late. Is there anything else I can help with?",
            "U: no that's it. bye",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="53071942"),),
    ),
    Case(
        "b7-02",
        "parka_out_of_stock_polite_disappointment_declines_alternatives",
        (
            "U: Hello, I'm looking for the Polar insulated parka, in navy, size medium please.",
            "A: The Polar Insulated Parka is $249.00 and it does come in navy and in size M, "
            "but I'm sorry, it's out of stock at the moment.",
            "U: oh. oh dear. do you know when it'll be back",
            "A: I don't have a restock date, I'm afraid. If you'd like something warm that's "
            "in stock, there's the Ridgeline Fleece Pullover at $49.99, or the Cascade "
            "Packable Rain Jacket at $119.00, which is waterproof but not insulated.",
            "U: no no, it's really the down one I wanted, it's for my dad, he's always cold. "
            "um. that's alright.",
            "A: Understood. You could check the product page again in a while to see whether "
            "it's back.",
            "U: Yes, I'll do that. Thank you, you've been very kind.",
            "A: You're welcome. I hope you find one for him soon.",
        ),
        "neutral",
        "not satisfied",
        2,
        "purchase",
        tools=(
            _tool("search_products", query="polar insulated parka navy medium"),
            _tool("get_product", product_id=7),
        ),
    ),
    Case(
        "b7-03",
        "wrong_item_teddy_bear_instead_of_bp_monitor_sarcastic_handoff",
        (
            "U: yeah hi. so I ordered a blood pressure monitor for my mother and what came in "
            "the box is a teddy bear. a teddy bear. so that's great, she's thrilled, really, "
            "exactly what a seventy year old with high blood pressure needs",
            "A: I'm sorry, that's clearly the wrong item. Could you give me the order number?",
            "U: 6 1 4 4 0 2 8 3",
            "A: Thank you. Order 6144 0283 is one Vital Upper Arm Blood Pressure Monitor, "
            "$49.99, delivered on Monday. A wrong item is covered: reported within 7 days of "
            "delivery, we send the right item free or refund you in full, whichever you "
            "prefer.",
            "U: wonderful. so send the right one.",
            "A: The replacement is arranged by customer care, so I'll need to transfer you; I "
            "can't send it from here. They're open until 9 pm Pacific, and they may ask for "
            "a photo of what arrived and of the shipping label.",
            "U: oh of course, a photo. because obviously I'm making up the teddy bear. fantastic.",
            "A: It's only so the warehouse can trace the mix-up, not because we doubt you. "
            "Shall I transfer you now?",
            "U: yeah whatever. put me through.",
            "A: Transferring you to customer care now. I'm sorry again for the mix-up.",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        tools=(_tool("get_order", order_id="61440283"),),
    ),
    Case(
        "b7-04",
        "late_delivery_angry_opening_then_relieved_out_for_delivery",
        (
            "U: this is the third time I'm checking, where is my order, it was supposed to be "
            "here yesterday and nobody tells me anything",
            "A: I'm sorry for the wait. Let me look right now. Do you have the order number or "
            "the tracking number?",
            "U: tracking is N W 4 4 1 0 2 9 3 8 5 7 7 1 6 0 3",
            "A: Thanks. That's the Northwind Parcel shipment with your Cloudstep Walking "
            "Shoe. It was estimated for yesterday, so it's a day behind, but at 7:40 this "
            "morning it was scanned 'Out for delivery' in Spokane. It should reach you today, "
            "usually by early afternoon.",
            "U: wait, today? like actually today",
            "A: Yes, it's on the delivery vehicle now.",
            "U: oh thank god. okay. sorry, I was kind of yelling. it's for my mom's birthday "
            "tomorrow and I was panicking",
            "A: No need to apologise, that's a stressful wait. It will be with you before the "
            "birthday.",
            "U: okay great. thank you, really, that's a huge relief",
        ),
        "positive",
        "satisfied",
        4,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="NW 441029385771603"),),
    ),
    Case(
        "b7-05",
        "misheard_product_then_order_number_shopper_escalates_and_hangs_up",
        (
            "U: hey I need to check on my order, the nimble headphones",
            "A: The Nimbus Noise-Cancelling Headphones are $199.99 and in stock, in black, "
            "silver and navy. Would you like me to order a pair?",
            "U: no I don't want to order them, I already ordered them like a week ago, where "
            "are they",
            "A: Sorry, I misunderstood. What's the order number?",
            "U: two nine four seven seven one eight",
            "A: I only caught seven digits: 2 9 4 7 7 1 8. Order numbers have eight. Could "
            "you say it again, a bit slower?",
            "U: two. five. oh. four. seven. seven. one. eight.",
            "A: I couldn't find an order 2504 7718. Could you check the number?",
            "U: twenty five? I said two NINE. nine. are you even listening, this is ridiculous",
            "A: I'm sorry. Let me try 2904 7718 —",
            "U: no forget it. I'll do it on the website, this is a waste of my time",
        ),
        "negative",
        "not satisfied",
        1,
        "order_status",
        tools=(
            _tool("search_products", query="nimble headphones"),
            _tool("track_shipment", ok=False, order_id="two nine four seven seven one eight"),
            _tool("track_shipment", ok=False, order_id="two five oh four seven seven one eight"),
        ),
        status="abandoned",
    ),
    Case(
        "b7-06",
        "es_running_shoes_sizing_then_order_and_shipment",
        (
            "U: hola buenas, quería unas zapatillas para correr, algo no muy caro, menos de "
            "cincuenta dólares",
            "A: ¡Hola! Tengo la Trailblazer Running Shoe a 44,99 dólares, en negro, azul, "
            "rojo, gris y blanco, y hay existencias. Es de malla con espuma EVA.",
            "U: ah qué bien. eh, ¿y las tallas cómo van? yo uso un cuarenta y dos y medio europeo",
            "A: Según nuestra guía de tallas, un 42,5 europeo es un 9 de hombre en Estados "
            "Unidos, y la Trailblazer va fiel a la talla. Deje más o menos un pulgar de "
            "espacio delante de los dedos.",
            "U: perfecto, pues una en azul, talla nueve",
            "A: Confirmo: una Trailblazer Running Shoe azul, talla 9, por 44,99 dólares. ¿La pido?",
            "U: sí, sí, dale",
            "A: Listo, pedido 8021 4637, total 44,99 dólares. ¿A qué dirección la enviamos?",
            "U: al 1520 de Sunset Boulevard, apartamento 3, Los Ángeles, California, 90026",
            "A: Enviada con Northwind Parcel Ground a 1520 Sunset Blvd, Apt 3, Los Angeles, "
            "CA 90026. Como el pedido es de menos de 50 dólares, el envío estándar cuesta "
            "9,79 dólares y llega el miércoles. El número de seguimiento es NW 5820 1147 "
            "3390 612.",
            "U: genial, muchísimas gracias, qué rápido todo",
            "A: ¡De nada! Que las disfrute.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool(
                "search_products",
                query="zapatillas para correr menos de cincuenta dólares",
                max_price=50,
            ),
            _tool("search_knowledge", query="talla europea 42.5 a talla americana", kind="sizing"),
            _order(13, 1),
            _tool(
                "create_shipment",
                order_id="80214637",
                address="1520 Sunset Boulevard, Apartment 3, Los Angeles, California 90026",
                speed="standard",
            ),
        ),
        links=(("order", "80214637"), ("shipment", "SH7KQ4MZ2XPA")),
        extra={"language": "es"},
    ),
    Case(
        "b7-07",
        "blender_cuts_out_warranty_claim_relieved_handoff",
        (
            "U: hi um so my blender, the velocity one, it just stops. like I'm making a "
            "smoothie and it just dies after ten seconds",
            "A: Sorry to hear that. The Velocity High-Speed Blender's guide says that if it "
            "stops suddenly, the motor has overheated and switched off to protect itself: "
            "unplug it and let it cool for 45 minutes. Has it been running long, or blending "
            "something very thick?",
            "U: no it's like, cold, first thing in the morning, banana and milk. and I did "
            "the cooling thing like three times. it's been doing it all week",
            "A: Then it sounds like a fault rather than overheating. When did you get it?",
            "U: march I think? so like eight months",
            "A: It has a 5-year warranty from delivery covering the motor, base and pitcher, "
            "so you're well covered. Customer care handles the claim: they may walk you "
            "through a quick check, then send a prepaid label to repair or replace it. Have "
            "your 8-digit order number ready.",
            "U: oh five years, okay good, I thought I was gonna have to buy a new one. "
            "that's a relief honestly",
            "A: Shall I transfer you to customer care now? They're open until 9 pm Pacific.",
            "U: yes please, thank you so much",
        ),
        "positive",
        "satisfied",
        4,
        "damaged_item",
        tools=(
            _tool("search_knowledge", query="velocity blender stops suddenly", product_id=42),
            _tool("search_knowledge", query="velocity blender warranty", kind="policy"),
        ),
    ),
    Case(
        "b7-08",
        "competitor_price_match_refused_price_complaint",
        (
            "U: I bought the Nimbus headphones from you guys like five days ago for two "
            "hundred dollars and I just saw them at another store for one seventy. so I want "
            "the difference back",
            "A: Let me check our price policy.",
            "A: Our Price Adjustments and Price Match policy refunds the difference when "
            "Contoso lowers its own price within 14 days of your purchase. We don't match "
            "other stores or websites. The Nimbus Noise-Cancelling Headphones are still "
            "$199.99 here.",
            "U: so your price match doesn't match prices. that's a pretty useless policy",
            "A: I understand that's frustrating. If our price drops within the 14 days, you "
            "can claim the difference. And if you'd rather not keep them, you can return "
            "them within 30 days of delivery in the original packaging; returns from US "
            "addresses are free.",
            "U: so I return them, buy them there, and you lose the sale anyway. brilliant "
            "business model.",
            "A: That's fair feedback. Customer care can pass it on if you'd like me to "
            "transfer you. Is there anything else I can do?",
            "U: no. just, no.",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
        tools=(
            _tool("search_knowledge", query="price match other store cheaper", kind="policy"),
            _tool("get_product", product_id=26),
        ),
    ),
    Case(
        "b7-09",
        "contoso_price_drop_within_14_days_price_adjustment_self_service",
        (
            "U: hi! quick question, I bought the tempo smartwatch um nine days ago and I'm "
            "pretty sure I paid like a hundred and seventy for it, and now I see it's "
            "cheaper?",
            "A: The Tempo Fitness Smartwatch is $149.99 today.",
            "A: Good news: if Contoso lowers the price within 14 days of your purchase, we "
            "refund the difference, and you don't return anything. Nine days is inside that. "
            "Customer care does it, or you can do it yourself in your Contoso account under "
            "Orders, Price adjustment.",
            "U: oh amazing, I didn't think you guys did that. so I can just do it in the app?",
            "A: Yes, under Orders, choose Price adjustment and have your order number handy. "
            "The difference goes back to your original payment method within 5 to 7 business "
            "days.",
            "U: perfect, that's awesome, thank you!",
        ),
        "positive",
        "satisfied",
        4,
        "return_refund",
        tools=(
            _tool("get_product", product_id=30),
            _tool("search_knowledge", query="price dropped after I bought it", kind="policy"),
        ),
    ),
    Case(
        "b7-10",
        "status_check_turns_into_cancellation_shopper_had_doubts",
        (
            "U: Hi. I'd like to check the status of order 3 8 8 2 0 6 1 5.",
            "A: Order 3882 0615 is one Ritual Conical Burr Grinder at $119.00. It's placed "
            "but hasn't shipped yet.",
            "U: hm. okay, so it hasn't shipped. honestly I was half thinking of cancelling it "
            "anyway, I found one I like better. can you cancel it?",
            "A: Yes, since it hasn't shipped. To confirm: cancel order 3882 0615, the Ritual "
            "Conical Burr Grinder, $119.00?",
            "U: Yes, cancel it.",
            "A: Done. Order 3882 0615 is cancelled and the full $119.00 goes back to your "
            "original payment method, usually within 5 to 7 business days.",
            "U: Great, thanks.",
        ),
        "neutral",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("get_order", order_id="38820615"),
            _tool("cancel_order", order_id="38820615", reason="found a different grinder"),
        ),
    ),
    Case(
        "b7-11",
        "return_call_dropped_in_the_opening_seconds",
        (
            "U: hello? yeah hi um I'm calling about returning the, uh",
            "A: Hi, I can help with a return. Which item is it, and do you have your order number?",
            "U: yeah it's the, hold on, it's the boots I got, the hiking, hang on my other line is",
        ),
        "neutral",
        "neutral",
        2,
        "return_refund",
        status="abandoned",
    ),
    Case(
        "b7-12",
        "de_aria_earbuds_only_left_plays_reset_fixes_it",
        (
            "U: hallo, ich hab die Aria Ohrhörer gekauft und äh seit gestern spielt nur noch "
            "der linke, der rechte ist einfach stumm",
            "A: Das tut mir leid. Laut unserer Fehlerbehebung für die Aria Wireless Earbuds "
            "haben die beiden Ohrhörer dann meist die Verbindung zueinander verloren. Legen "
            "Sie bitte beide ins Ladecase, schließen Sie den Deckel für 10 Sekunden und "
            "nehmen Sie sie wieder heraus.",
            "U: moment ... okay, hab ich gemacht. nee, immer noch nur links",
            "A: Dann setzen wir sie zurück: Deckel offen lassen und die Taste am Case 15 "
            "Sekunden gedrückt halten, bis das Licht dreimal orange blinkt. Danach in den "
            "Bluetooth-Einstellungen Ihres Telefons Aria Earbuds entfernen und neu koppeln.",
            "U: okay, blinkt orange ... so, jetzt neu verbinden ... ah! jetzt geht beides. "
            "super, beide Seiten!",
            "A: Wunderbar. Falls es wieder auftritt: Die Ohrhörer haben ein Jahr Garantie ab "
            "Lieferung.",
            "U: klasse, vielen Dank, das war echt hilfreich",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="Aria Ohrhörer nur einer spielt",
                product_id=25,
                kind="troubleshooting",
            ),
        ),
        extra={"language": "de"},
    ),
    Case(
        "b7-13",
        "after_hours_return_sarcastic_about_assistant_accepts_callback",
        (
            "U: hi I need to return a jacket, the rain jacket, the cascade one, it's way too big",
            "A: I can help with that. Has it been less than 30 days since it was delivered?",
            "U: yeah it came like two weeks ago, tags are still on",
            "A: Then it qualifies: unworn with the tags on, within 30 days, and returns from "
            "US addresses are free. If you just need a smaller size, a free exchange is "
            "quicker. Returns are handled by customer care, and they're closed right now; "
            "they open again at 7 am Pacific. You can also start it yourself in your Contoso "
            "account under Orders, Return items.",
            "U: oh cool. so the twenty four hour assistant can't actually do the thing. love that.",
            "A: I'm sorry, I can't process returns myself. I can leave a message so customer "
            "care calls you back tomorrow.",
            "U: sure. yeah. have them call me. super convenient.",
            "A: Done: a callback request for tomorrow about returning or exchanging the "
            "Cascade Packable Rain Jacket. You have about two weeks left in your window, so "
            "there's no rush.",
            "U: great. thanks.",
        ),
        "negative",
        "neutral",
        3,
        "return_refund",
        tools=(_tool("search_knowledge", query="return jacket too big", kind="policy"),),
    ),
    Case(
        "b7-14",
        "skillet_shipping_cost_grumble_adds_mugs_for_free_shipping",
        (
            "U: hey I want the cast iron skillet, the ten inch one",
            "A: The Heritage 10-Inch Cast Iron Skillet is $29.99, pre-seasoned, in stock, and "
            "it works on induction too. Shall I order one?",
            "U: yeah. and how much to ship it to brooklyn",
            "A: New York is our farthest zone. The skillet comes to 7 pounds packed, so "
            "standard shipping would be $9.49 plus $1.20 a pound: $17.89, in about 6 business "
            "days.",
            "U: seventeen eighty nine? to ship a thirty dollar pan? that's kind of nuts",
            "A: It is a heavy pan. One thing that helps: standard shipping is free on US "
            "orders of $50 or more, so adding about $20 would make it free.",
            "U: hm. okay what about those mugs you have, the stoneware ones",
            "A: The Stoneware Coffee Mug Set of 4 is $29.99, in blue, cream, green and gray. "
            "With the skillet that's $59.98, and shipping would be free.",
            "U: fine, I needed mugs anyway I guess. gray. both then",
            "A: Ordered: the skillet and the gray mug set, $59.98, order 4419 2076. Where "
            "should it go?",
            "U: 212 prospect place brooklyn new york 11238",
            "A: It's on its way by Northwind Parcel Ground to 212 Prospect Pl, Brooklyn, NY "
            "11238, free, arriving Friday next week. Tracking number NW 7031 5528 9041 176.",
            "U: okay. cool.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="ten inch cast iron skillet"),
            _tool("search_knowledge", query="standard shipping cost to New York", kind="policy"),
            _tool("search_products", query="stoneware mugs"),
            {
                "name": "create_order",
                "arguments": {
                    "lines": [
                        {"product_id": 43, "quantity": 1},
                        {"product_id": 45, "quantity": 1},
                    ]
                },
            },
            _tool(
                "create_shipment",
                order_id="44192076",
                address="212 Prospect Place, Brooklyn, New York 11238",
                speed="standard",
            ),
        ),
        links=(("order", "44192076"), ("shipment", "SH4TRW8NDK3B")),
    ),
    Case(
        "b7-15",
        "misheard_for_as_four_yoga_mats_ordered_then_fixed",
        (
            "U: hi yeah I'd like to order four pro grip yoga mats for my sister",
            "A: The ProGrip Yoga Mat is $34.99, 6 mm thick, in purple, teal, black and pink. "
            "Four of them would be $139.96. Which colour?",
            "U: um purple, she likes purple",
            "A: Done: four purple ProGrip Yoga Mats, order 7730 5194, total $139.96.",
            "U: wait what? a hundred and forty? no no, one mat. one. why would I want four",
            "A: I'm sorry, I heard 'four'. The order hasn't shipped, so I can cancel it and "
            "place a new one for a single mat. Shall I?",
            "U: yes please, cancel that",
            "A: Order 7730 5194 is cancelled and refunded in full. Your new order is 7730 "
            "5288: one purple ProGrip Yoga Mat, $34.99.",
            "U: okay. bit of a scare there, but okay.",
            "A: Sorry again for the mix-up. Would you like to ship it now?",
            "U: no I'll do that later. thanks",
        ),
        "neutral",
        "satisfied",
        3,
        "purchase",
        tools=(
            _tool("search_products", query="pro grip yoga mats"),
            _order(61, 4),
            _tool("cancel_order", order_id="77305194", reason="wanted one mat, not four"),
            _order(61, 1),
        ),
        links=(("order", "77305194"), ("order", "77305288")),
    ),
    Case(
        "b7-16",
        "fr_canada_return_fee_question_about_own_rain_boots",
        (
            "U: bonjour, j'habite à Montréal et j'ai commandé des bottes de pluie, les Puddle "
            "Jumper, mais elles sont trop petites. si je les retourne, c'est gratuit?",
            "A: Bonjour ! Selon notre politique de retours, les retours depuis le Canada "
            "passent par Wide World Post, et nous déduisons 9,99 dollars américains du "
            "remboursement pour l'étiquette, sauf si l'article est endommagé, défectueux ou "
            "non conforme. Pour une simple question de taille, l'échange est gratuit, au "
            "Canada aussi.",
            "U: ah bon, l'échange c'est gratuit mais pas le retour? bon. c'est un peu dommage "
            "mais d'accord. peut-être l'échange alors",
            "A: C'est cela. L'échange se demande dans les 30 jours suivant la livraison, avec "
            "des bottes essayées seulement à l'intérieur. Le service client s'en occupe, de "
            "7 h à 21 h, heure du Pacifique, ou bien dans votre compte Contoso, rubrique "
            "Commandes.",
            "U: d'accord, merci",
        ),
        "neutral",
        "neutral",
        4,
        "return_refund",
        tools=(
            _tool("search_knowledge", query="retour depuis le Canada frais", kind="policy"),
            _tool("search_knowledge", query="échange de taille Canada", kind="policy"),
        ),
        extra={"language": "fr"},
    ),
    Case(
        "b7-17",
        "coffee_maker_damaged_on_arrival_gift_calm_handoff",
        (
            "U: Hi there. The Harbor coffee maker arrived yesterday, it's a gift for my "
            "parents' anniversary, and the carafe is dented and the lid hinge has snapped "
            "off. The box was crushed on one corner.",
            "A: I'm sorry. Damage on arrival is covered: reported within 7 days of delivery, "
            "we send a free replacement or a full refund, whichever you prefer. Could I have "
            "the order number?",
            "U: 2 0 5 5 7 3 1 9.",
            "A: Order 2055 7319, one Harbor 12-Cup Coffee Maker, $89.99, delivered yesterday. "
            "Please keep the item and the box for now, and take photos of the damage, the "
            "outside of the box and the label. Customer care arranges the replacement; I can "
            "transfer you.",
            "U: Okay. The anniversary is on Saturday. Will a replacement get here by then?",
            "A: Replacements ship at the same speed as the original order, at no charge. "
            "Yours went standard, so I can't promise Saturday; customer care can tell you "
            "when it will ship.",
            "U: Right. Well, I suppose it is what it is. Please transfer me.",
            "A: Transferring you now. I'm sorry it spoiled the gift.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="20557319"),
            _tool("search_knowledge", query="item arrived damaged", kind="policy"),
        ),
    ),
    Case(
        "b7-18",
        "cancel_attempt_already_shipped_shopper_hangs_up_mid_sentence",
        (
            "U: I need to cancel an order right now, I placed it like an hour ago, order 9 1 "
            "0 3 3 4 7 6",
            "A: I'm sorry, order 9103 3476, the Clarity 1080p Webcam, has already shipped: "
            "the label was printed 40 minutes ago, and a shipped order can't be cancelled. "
            "When it arrives you can return it within 30 days, free from a US address, or "
            "refuse it at the door and it's refunded as a return.",
            "U: an hour. it's been ONE hour. it hasn't even left your warehouse",
            "A: I understand. Once the label is printed the order counts as shipped, even "
            "before the carrier picks it up, so I can't stop it.",
            "U: that's insane. so I have to wait for a box I don't want and then mail it "
            "back? are you kidding m",
        ),
        "negative",
        "not satisfied",
        1,
        "cancellation",
        tools=(_tool("cancel_order", ok=False, order_id="91033476"),),
        status="abandoned",
    ),
    Case(
        "b7-19",
        "gift_teddy_bear_for_niece_shipped_warm_shopper",
        (
            "U: hiii okay so my niece is turning two and I want to send her something "
            "cuddly, do you have like teddy bears",
            "A: We have Honey the Plush Teddy Bear, $19.99, 35 cm tall, in brown or cream, "
            "and it's suitable from birth.",
            "U: aww okay, cream, definitely cream. and um is there anything else little, "
            "under fifteen, for a two year old",
            "A: Under $15 in toys there's the Tailspin Foam Glider 2-Pack at $12.99, but it's "
            "for ages 5 and up, so not quite right for a two-year-old. The bear is the best "
            "fit.",
            "U: oh good call. okay just the bear then",
            "A: Ordered: one cream Honey the Plush Teddy Bear, $19.99, order 5862 0431. Where "
            "is it going?",
            "U: to my sister, it's um 48 maple court columbus ohio 43215",
            "A: Shipped by Northwind Parcel Ground to 48 Maple Ct, Columbus, OH 43215, "
            "$11.19, arriving Thursday next week. The packing slip doesn't show prices. "
            "Tracking NW 2264 0917 5583 401.",
            "U: yay, thank you so much, you've been super sweet",
            "A: My pleasure. I hope she loves it.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="teddy bears"),
            _tool(
                "search_products",
                query="toy for a two year old under fifteen",
                category="Toys & Games",
                max_price=15,
            ),
            _order(86, 1),
            _tool(
                "create_shipment",
                order_id="58620431",
                address="48 Maple Court, Columbus, Ohio 43215",
            ),
        ),
        links=(("order", "58620431"), ("shipment", "SHP6CV9QJ2MW")),
    ),
    Case(
        "b7-20",
        "sizing_question_turns_into_purchase",
        (
            "U: Quick question about the Boardwalk canvas sneakers. Do they run true to "
            "size? I'm usually a ten.",
            "A: Our size guide says the Boardwalk Canvas Sneaker runs slightly large: if "
            "you're between sizes, go down half a size. If you're a solid 10, a 10 is fine; "
            "if you're sometimes a 9.5, take the 9.5.",
            "U: I'm sometimes a nine and a half, yeah. ok. What colors?",
            "A: White, black, navy and red, at $39.99.",
            "U: navy, nine and a half. go ahead and order it",
            "A: Ordered: one navy Boardwalk Canvas Sneaker, size 9.5, $39.99, order 3307 "
            "8152. Would you like to ship it now?",
            "U: Yes. 77 Harbor Road, Tacoma, WA 98402.",
            "A: Shipped by Northwind Parcel Ground to 77 Harbor Rd, Tacoma, WA 98402, $7.69, "
            "arriving Monday. Tracking NW 9015 3362 7780 244.",
            "U: Sounds good. Thanks.",
        ),
        "neutral",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_knowledge", query="boardwalk canvas sneaker sizing", kind="sizing"),
            _tool("get_product", product_id=15),
            _order(15, 1),
            _tool(
                "create_shipment",
                order_id="33078152",
                address="77 Harbor Road, Tacoma, WA 98402",
                speed="standard",
            ),
        ),
        links=(("order", "33078152"), ("shipment", "SHX3M7RT9KLE")),
    ),
    Case(
        "b7-21",
        "zip_misheard_no_readback_shipment_to_wrong_zip_cannot_redirect",
        (
            "U: hi I just want to order the firefly headlamp and ship it to my place",
            "A: The Firefly Rechargeable LED Headlamp is $24.99 and in stock. Just one?",
            "U: yeah one",
            "A: Ordered, order 6620 9147, $24.99. What's the delivery address?",
            "U: 310 elm street boulder colorado eight oh three oh five",
            "A: Shipped by Northwind Parcel Ground to 310 Elm St, Boulder, CO 80305, $8.89, "
            "arriving Wednesday. Tracking NW 3382 0471 6659 128.",
            "U: wait, eight oh three oh five? no, it's oh two. eight oh three oh two. can you "
            "fix it",
            "A: I'm sorry. The label is already printed, so I can't change the address on "
            "the shipment from here.",
            "U: you didn't even read it back to me, you just sent it. so what happens now, it "
            "goes to some random house?",
            "A: You're right, I should have read it back first. Please call customer care as "
            "soon as you can: if the carrier returns the parcel to us, they'll refund it or "
            "reship it to the right address. I can transfer you now.",
            "U: unbelievable. no, I'll call them myself later. this was supposed to take two "
            "minutes",
        ),
        "negative",
        "not satisfied",
        1,
        "purchase",
        tools=(
            _tool("search_products", query="firefly headlamp"),
            _order(53, 1),
            _tool(
                "create_shipment",
                order_id="66209147",
                address="310 Elm Street, Boulder, Colorado 80305",
                speed="standard",
            ),
        ),
        links=(("order", "66209147"), ("shipment", "SHB8ZN4WQ7TC")),
    ),
    Case(
        "b7-22",
        "smartwatch_cracked_screen_warranty_refused_polite_but_disappointed",
        (
            "U: Hello. My Tempo smartwatch has a crack across the screen. I've had it about "
            "three months. I'd like it repaired under the warranty, please.",
            "A: I'm sorry to hear that. How did it happen, did it crack on its own or was it "
            "knocked?",
            "U: Well, I bumped it on a door frame, but honestly it was a very light knock. It "
            "shouldn't crack from that.",
            "A: I understand. The Tempo Fitness Smartwatch has a 1-year warranty for defects "
            "in materials and workmanship, but its guide says scratched or cracked screens "
            "aren't covered, and accidental damage like knocks isn't either.",
            "U: So a three-month-old watch breaks from a tap on a door and that's simply my "
            "problem.",
            "A: I'm sorry, I know that's not the answer you hoped for. If you believe the "
            "glass was faulty, customer care can review it; they may ask for photos. Would "
            "you like me to transfer you?",
            "U: I doubt it would change anything. That's really disappointing. No, thank you.",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        tools=(
            _tool(
                "search_knowledge",
                query="tempo smartwatch warranty cracked screen",
                product_id=30,
            ),
        ),
    ),
    Case(
        "b7-23",
        "demands_human_refund_not_received_still_within_timeline",
        (
            "U: agent",
            "A: I can connect you with customer care. So they have it ready, what's the call "
            "about?",
            "U: representative. person. I want a person.",
            "A: Of course, customer care is open now. Can you tell me in a few words what "
            "it's about?",
            "U: my refund. I sent back a coffee grinder and I don't have my money, okay?",
            "A: Thanks. Return refunds go to your original payment method within 5 to 7 "
            "business days after the return reaches our Redmond warehouse, and you get an "
            "email when it's issued. Do you know when it arrived?",
            "U: tracking said delivered to you guys monday",
            "A: Then it's still within the normal time: 5 to 7 business days from Monday is "
            "next Monday to Wednesday, and your bank may take a couple of extra days. Would "
            "you still like me to transfer you?",
            "U: yes. transfer me.",
            "A: Transferring you to customer care now.",
        ),
        "negative",
        "neutral",
        3,
        "return_refund",
        tools=(_tool("search_knowledge", query="refund after return how long", kind="policy"),),
    ),
    Case(
        "b7-24",
        "it_order_status_kettle_arrives_tomorrow_happy",
        (
            "U: buongiorno, volevo sapere dov'è il mio ordine, il numero è 4 7 2 9 1 0 5 6",
            "A: Buongiorno! L'ordine 4729 1056, il Pour-Over Gooseneck Electric Kettle, è "
            "stato spedito con Tailspin Express 2-Day. L'ultimo aggiornamento è 'in transito, "
            "Sacramento', ieri sera, e la consegna è prevista per domani, venerdì.",
            "U: ah perfetto, domani! ottimo, è per il compleanno di mio marito sabato",
            "A: Allora arriva in tempo. Il numero di tracciamento è TX 6610 2847 3390 551.",
            "U: benissimo, grazie mille, gentilissimo",
            "A: Di niente, buona giornata!",
        ),
        "positive",
        "satisfied",
        5,
        "order_status",
        tools=(_tool("track_shipment", order_id="47291056"),),
        extra={"language": "it"},
    ),
    Case(
        "b7-25",
        "heating_pad_overheats_scorch_mark_anxious_safety_report_handoff",
        (
            "U: hi um so I have the comfort plus heating pad and last night it got like "
            "really hot, way hotter than usual, even on setting two, and there's a brownish "
            "spot on the cover now? I'm kind of freaked out. is it recalled or something?",
            "A: Please stop using it and unplug it. There are no open recalls on products we "
            "sell, but a pad that overheats and scorches is a safety problem. Please keep it, "
            "as we may need it to investigate, and report it to customer care; the product "
            "safety team reviews every report within 2 business days.",
            "U: okay it's unplugged. am I gonna get a new one or",
            "A: The Comfort Plus Electric Heating Pad has a 2-year warranty against defects, "
            "and customer care will tell you the remedy once they've logged the report. Have "
            "your order number ready. They're open until 9 pm Pacific; I can transfer you "
            "now.",
            "U: yeah okay I guess. I just, I use it every night for my back so. okay. transfer me",
            "A: Transferring you now. Please don't use the pad in the meantime.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("search_knowledge", query="heating pad overheating recall", kind="policy"),
            _tool("search_knowledge", query="comfort plus heating pad warranty", product_id=99),
        ),
    ),
    Case(
        "b7-26",
        "shopper_gave_old_address_label_printed_cannot_redirect_self_blame",
        (
            "U: oh no okay so I think I did something dumb. I just shipped my order and I "
            "gave my old address, I moved last month",
            "A: Let's have a look. What's the order number?",
            "U: uh 1 9 6 6 4 0 2 8",
            "A: Order 1966 4028 shipped today by Northwind Parcel Ground to 905 Birch Lane, "
            "Eugene, OR 97401. The label is printed, and once that happens I can't redirect "
            "the parcel from here.",
            "U: ugh. seriously? it hasn't even been picked up",
            "A: I know. The thing to do is call customer care as soon as possible: if the "
            "carrier returns the parcel to us, they'll refund it or reship it to the right "
            "address. They're open now. Shall I transfer you?",
            "U: yeah. okay. my own fault I guess. please",
            "A: Transferring you now. Have your new address ready.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="19664028"),),
    ),
    Case(
        "b7-27",
        "monitor_ordered_line_drops_while_giving_address",
        (
            "U: Hi, I want to buy the Horizon 27 inch monitor, the 4K one.",
            "A: The Horizon 27-Inch 4K Monitor is $379.99, in black or silver, in stock, with "
            "a 3-year warranty. It connects by USB-C, HDMI or DisplayPort.",
            "U: Black. One, please.",
            "A: Ordered: one black Horizon 27-Inch 4K Monitor, $379.99, order 8145 3302. "
            "Where should I send it?",
            "U: it's 4410 um fremont avenue north seattle and the zip is 9 8 1",
        ),
        "neutral",
        "neutral",
        3,
        "purchase",
        tools=(
            _tool("search_products", query="horizon 27 inch 4k monitor"),
            _order(35, 1),
        ),
        links=(("order", "81453302"),),
        status="abandoned",
    ),
    Case(
        "b7-28",
        "camera_kit_only_three_left_excited_buy_expedited",
        (
            "U: okay so I've been going back and forth on the aperture camera kit for like a "
            "month and I think I'm finally doing it",
            "A: The Aperture Mirrorless Camera Kit is $599.99, 24 megapixels, in black or "
            "silver, and there are only 3 left. It doesn't include a memory card; for 4K "
            "video you'll want an SD card rated UHS-I U3 or faster.",
            "U: only three?? okay okay, black, do it before I chicken out",
            "A: Done: one black Aperture Mirrorless Camera Kit, $599.99, order 2378 4410. "
            "Shipping address?",
            "U: 1200 congress avenue austin texas 78701. and can it be fast, I have a trip "
            "next week",
            "A: Shipped by Tailspin Express 2-Day to 1200 Congress Ave, Austin, TX 78701, "
            "$22.39, arriving Monday. Tracking TX 4418 0926 3375 102.",
            "U: yesss. okay. I'm so excited, thank you!!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("get_product", product_id=36),
            _order(36, 1),
            _tool(
                "create_shipment",
                order_id="23784410",
                address="1200 Congress Avenue, Austin, Texas 78701",
                speed="expedited",
            ),
        ),
        links=(("order", "23784410"), ("shipment", "SHH2KD7VX4NR")),
    ),
    Case(
        "b7-29",
        "tent_seam_leaked_on_first_trip_angry_quality_promise_handoff",
        (
            "U: I took your Summit tent out last weekend and it leaked. Water came in "
            "through the seam by the door all night. My sleeping bag was soaked. I was "
            "freezing.",
            "A: That sounds miserable, I'm sorry. When was it delivered?",
            "U: like two months ago. first real trip",
            "A: Was the rainfly taut and not touching the inner tent? Some condensation on "
            "cold nights is normal. But water coming through a seam is different: a seam "
            "that leaks within 90 days of delivery is covered by the Contoso Quality "
            "Promise, and we replace or refund it.",
            "U: it wasn't condensation, it was dripping from the seam. I know what "
            "condensation looks like.",
            "A: Understood, then it's a claim under the Quality Promise. Customer care "
            "handles it; have your order number ready, and they may ask for a photo of the "
            "seam. I can transfer you now.",
            "U: fine. at least that's something. but I'm not using that tent again, I want "
            "my money back, not another one.",
            "A: Under the Promise you can ask them for a refund rather than a replacement. "
            "Transferring you now.",
            "U: okay.",
        ),
        "negative",
        "neutral",
        3,
        "damaged_item",
        tools=(_tool("search_knowledge", query="summit tent seam leaks", product_id=49),),
    ),
    Case(
        "b7-30",
        "po_box_delivery_question_will_use_work_address",
        (
            "U: hey quick question, can you guys ship to a PO box? I'm rural, my mail goes to "
            "a box in town",
            "A: I'm sorry, we can't deliver to PO boxes, in the US or Canada. We need a street "
            "address.",
            "U: hm. okay what about like my work? it's a street address",
            "A: Yes, any street address in the US or Canada works, including your workplace. "
            "Add the company name and any suite number.",
            "U: okay cool, I'll just use my work then. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="ship to a PO box", kind="policy"),),
    ),
    Case(
        "b7-31",
        "opens_as_complaint_about_dropped_call_turns_into_cancelling_duplicate_order",
        (
            "U: yeah I want to make a complaint actually. I called yesterday, the assistant "
            "cut off halfway and now I have TWO orders for the same air fryer and I only "
            "want one",
            "A: I'm sorry about that. Let's sort it out. Do you have both order numbers?",
            "U: 5 5 0 1 2 2 8 7 and 5 5 0 1 2 3 0 4",
            "A: Both are one Crisp 5-Quart Air Fryer at $79.99, placed yesterday a few "
            "minutes apart, and neither has shipped. I can cancel the second one, 5501 2304, "
            "and keep 5501 2287. Is that right?",
            "U: yes. cancel the second one.",
            "A: Done. Order 5501 2304 is cancelled and the $79.99 is refunded in full, "
            "usually showing within 5 to 7 business days. Order 5501 2287 is still active.",
            "U: okay. well, at least that's sorted. it was annoying though, I almost paid "
            "twice, a hundred and sixty bucks",
            "A: Understood, and I'm sorry for the trouble yesterday.",
            "U: it's fine. bye",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("get_order", order_id="55012287"),
            _tool("get_order", order_id="55012304"),
            _tool(
                "cancel_order",
                order_id="55012304",
                reason="duplicate order after the previous call dropped",
            ),
        ),
    ),
    Case(
        "b7-32",
        "packaging_waste_complaint_vents_will_write_in",
        (
            "U: Hi. This isn't about a problem with an order exactly. I want to complain. I "
            "ordered one lipstick from you, one, and it came in a box you could fit a "
            "toaster in, stuffed with plastic air pillows. It's absurd.",
            "A: I'm sorry, that's a fair point to raise. Did the lipstick itself arrive okay?",
            "U: The lipstick is fine. That's not the point. The point is the waste. Who "
            "decides this?",
            "A: I can't change how parcels are packed myself. You can send this in writing "
            "through Contact us in your Contoso account, and they reply within 1 business "
            "day, or I can transfer you to customer care now.",
            "U: I'll write it. Not that I expect anyone to read it.",
            "A: They do reply to every message. Thank you for raising it.",
            "U: We'll see. Goodbye.",
        ),
        "negative",
        "neutral",
        3,
        "complaint",
    ),
    Case(
        "b7-33",
        "kayak_questions_turn_into_purchase_grumbles_no_life_jackets",
        (
            "U: so I'm looking at the tidepool kayak. how many people does it hold and is it "
            "like actually stable",
            "A: The Tidepool Inflatable Kayak is a two-person kayak, 380 cm long, holding up "
            "to 200 kg including gear. Its drop-stitch floor paddles much like a hard-shell "
            "boat, it has three separate air chambers, and two paddles and a pump are "
            "included. It's meant for calm lakes, slow rivers and sheltered bays.",
            "U: ok and life jackets come with it?",
            "A: No, life jackets aren't included, and everyone on board must wear one.",
            "U: four hundred thirty bucks and no life jackets. come on. that's kind of cheap "
            "of them",
            "A: I understand. It's $429.00 with the paddles, pump, seats, skeg and a repair "
            "kit. There are only 2 left.",
            "U: ugh. fine. okay. blue, one. I'll get the life jackets somewhere else",
            "A: Ordered: one blue Tidepool Inflatable Kayak, $429.00, order 6032 7718. Would "
            "you like to ship it now?",
            "U: yeah, 18 lakeview drive madison wisconsin 53703",
            "A: Shipped free by Northwind Parcel Ground to 18 Lakeview Dr, Madison, WI 53703, "
            "arriving Thursday next week. Tracking NW 1950 6638 2207 415.",
            "U: ok. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_knowledge", query="tidepool kayak capacity stability", product_id=60),
            _tool("get_product", product_id=60),
            _order(60, 1),
            _tool(
                "create_shipment",
                order_id="60327718",
                address="18 Lakeview Drive, Madison, Wisconsin 53703",
                speed="standard",
            ),
        ),
        links=(("order", "60327718"), ("shipment", "SHT9WX3CA6KF")),
    ),
    Case(
        "b7-34",
        "order_never_shipped_no_address_given_annoyed_ships_now",
        (
            "U: hey so I ordered the pickleball paddles on monday and I still haven't gotten "
            "a tracking number, what's going on",
            "A: Could I have the order number?",
            "U: 3 4 9 1 6 6 2 0",
            "A: Order 3491 6620, the Rally Pickleball Paddle Set, is placed but has no "
            "shipment yet: it was never given a delivery address. I can ship it right now.",
            "U: wait what? so it's just been sitting there since monday? nobody told me I had "
            "to do that",
            "A: I'm sorry that wasn't clear. If you give me the address, I'll create the "
            "shipment now. Standard is free because the order is over $50; 2-Day costs "
            "extra.",
            "U: ugh. 2200 pine street denver colorado 80205. standard. I'm not paying extra "
            "because nobody told me",
            "A: Shipped free by Northwind Parcel Ground to 2200 Pine St, Denver, CO 80205, "
            "arriving Wednesday. Tracking NW 6024 1189 7753 930.",
            "U: fine. whatever. at least it's moving now",
        ),
        "negative",
        "neutral",
        3,
        "order_status",
        tools=(
            _tool("track_shipment", order_id="34916620"),
            _tool(
                "create_shipment",
                order_id="34916620",
                address="2200 Pine Street, Denver, Colorado 80205",
                speed="standard",
            ),
        ),
        links=(("shipment", "SHQ4NM8ZR2VD"),),
    ),
    Case(
        "b7-35",
        "worried_parent_thermometer_shows_lo_how_to_use",
        (
            "U: hi sorry, my son feels hot and I just got the quickread thermometer and I "
            "don't know how to use it, it keeps saying lo?",
            "A: 'Lo' means the reading was out of range, usually because of the distance. "
            "Hold it 1 to 3 cm from the centre of his forehead, just above the eyebrows, and "
            "press the measure button. Move his hair away and wipe off any sweat. If the "
            "thermometer was somewhere cold, let it sit in the room for 15 minutes first.",
            "U: okay it's been inside ... okay, closer ... it beeped. it says 100.8 and it's red",
            "A: Red means 100.4 F or above, which the guide counts as a fever. Take two or "
            "three readings a minute apart and use the highest. The thermometer is a "
            "screening aid, so if you're worried about him, please talk to a doctor.",
            "U: okay. okay, thank you so much, that really helped. I'll call his doctor",
            "A: You're welcome. I hope he feels better soon.",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="quickread thermometer Lo reading how to use",
                product_id=101,
            ),
        ),
    ),
    Case(
        "b7-36",
        "street_name_misheard_twice_shopper_gives_up_before_shipping",
        (
            "U: hi I'd like the trekker trekking poles",
            "A: The Trekker Carbon Trekking Poles are $79.99 a pair, in black or blue, in "
            "stock. Which colour?",
            "U: black",
            "A: Ordered: one pair of black Trekker Carbon Trekking Poles, $79.99, order 4088 "
            "1375. What's the delivery address?",
            "U: 27 elm street burlington vermont 05401",
            "A: I have 27 Helm Street, Burlington, Vermont 05401. Is that right?",
            "U: no, elm. E L M. elm street",
            "A: Thanks: 27 Helm Street, Burlington —",
            "U: ELM. not helm. oh my god",
            "A: Sorry. E, L, M: 27 Elm Street, Burlington, Vermont 05401. Shall I —",
            "U: you know what forget it, I'll ship it from the website",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(
            _tool("search_products", query="trekker trekking poles"),
            _order(52, 1),
        ),
        links=(("order", "40881375"),),
        status="abandoned",
    ),
    Case(
        "b7-37",
        "gift_card_balance_shopper_starts_reading_pin_stopped",
        (
            "U: hi I got a gift card for my birthday and I want to know how much is on it. "
            "the number is 6 0 1 1 4 4 2 0 and the pin is um",
            "A: Please stop there, don't read out the PIN. I never need a gift card PIN, and "
            "I can't check gift card balances on this call.",
            "U: oh. oh okay sorry. so how do I check it",
            "A: In your Contoso account under Gift cards, enter the card number and PIN, or "
            "call customer care from 7 am to 9 pm Pacific. Contoso gift cards never expire "
            "and have no fees, so there's no rush.",
            "U: okay. kind of wish you could just tell me but fine, I'll do it online",
            "A: Sounds good. Anything else?",
            "U: nope. thanks",
        ),
        "neutral",
        "neutral",
        3,
        "other",
        tools=(_tool("search_knowledge", query="gift card balance", kind="policy"),),
    ),
    Case(
        "b7-38",
        "de_marked_delivered_but_missing_told_to_wait_irritated",
        (
            "U: Guten Tag. Laut Sendungsverfolgung wurde mein Paket gestern zugestellt, aber "
            "hier ist nichts. Bestellnummer 7 3 0 2 5 5 8 1.",
            "A: Guten Tag. Die Sendung zur Bestellung 7302 5581, der Velo Ventilated Cycling "
            "Helmet, wurde von Northwind Parcel gestern um 13:12 Uhr in Portland als "
            "zugestellt gemeldet.",
            "U: Ja, das weiß ich. Es ist aber nicht da. Was machen Sie jetzt?",
            "A: Bitte schauen Sie rund um die Tür, bei den Nachbarn und im Postraum nach. "
            "Zusteller melden Pakete manchmal etwas zu früh als zugestellt, deshalb bitten "
            "wir, bis zum Ende des nächsten Werktags zu warten, also bis heute Abend. Ist es "
            "dann nicht da, melden Sie es innerhalb von 7 Tagen nach dem Zustelldatum, und "
            "wir schicken Ersatz oder erstatten den Betrag.",
            "U: Das ist doch nicht Ihr Ernst. Ich soll bei den Nachbarn klingeln und warten? "
            "Das Paket ist weg.",
            "A: Ich verstehe Ihren Ärger. Wenn es morgen früh nicht aufgetaucht ist, "
            "veranlasst der Kundenservice Ersatz oder eine Erstattung, von 7 bis 21 Uhr "
            "pazifischer Zeit.",
            "U: Toll. Dann rufe ich morgen eben nochmal an. Auf Wiederhören.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="73025581"),
            _tool(
                "search_knowledge",
                query="Paket als zugestellt markiert aber nicht da",
                kind="policy",
            ),
        ),
        extra={"language": "de"},
    ),
    Case(
        "b7-39",
        "hoodie_size_exchange_friendly_handoff",
        (
            "U: hi there! so I got the weekend zip-up hoodie in gray and I love it but it's "
            "huge on me, can I swap it for a small?",
            "A: Yes! A size exchange is free within 30 days of delivery, as long as it's "
            "unworn and unwashed with the tags on. The Weekend Zip-Up Hoodie is in stock in "
            "gray. Exchanges are done by customer care or in your account under Orders, "
            "Exchange: they send a prepaid label and ship the small as soon as your parcel "
            "is scanned.",
            "U: oh that's easy. it's unwashed, I just tried it on. can you put me through to "
            "do it now?",
            "A: Of course, customer care is open now. Have your 8-digit order number ready. "
            "Transferring you.",
            "U: perfect, thank you, you're a star",
        ),
        "positive",
        "satisfied",
        4,
        "return_refund",
        tools=(
            _tool("search_knowledge", query="exchange for a different size", kind="policy"),
            _tool("get_product", product_id=11),
        ),
    ),
    Case(
        "b7-40",
        "coffee_maker_weak_and_slow_descale_advice_partial_unsure",
        (
            "U: hi. so my harbor coffee maker, the coffee's been tasting kind of weak and it "
            "also takes forever now, like twenty minutes for a pot",
            "A: Two things from the Harbor troubleshooting guide. Brewing much longer than "
            "about 12 minutes for a full pot means mineral scale is building up: descale "
            "with equal parts white vinegar and water, then run two tanks of fresh water. "
            "For weak coffee, use 1 to 2 level tablespoons per cup, try Bold, and check the "
            "grind isn't too coarse.",
            "U: I mean I already use two tablespoons. and bold. I never descaled it though. "
            "how often are you supposed to do that",
            "A: The user guide says every 3 months, or sooner with hard water, and the Clean "
            "light comes on when it's time. Fill the tank with the vinegar mix, press Clean, "
            "then run two full tanks of fresh water.",
            "U: huh, I've had it a year. okay, I'll try the vinegar thing. and if it's still weak?",
            "A: Then try a slightly finer grind, medium, like coarse sand. If it still isn't "
            "right after descaling, customer care can help; it has a 2-year warranty.",
            "U: okay. I'll try it. we'll see I guess",
        ),
        "neutral",
        "neutral",
        3,
        "product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="harbor coffee maker weak coffee slow brewing",
                product_id=37,
                kind="troubleshooting",
            ),
            _tool(
                "search_knowledge",
                query="how often to descale harbor coffee maker",
                product_id=37,
                kind="manual",
            ),
        ),
    ),
    Case(
        "b7-41",
        "es_starts_in_english_switches_to_spanish_backpack_out_for_delivery",
        (
            "U: hello um my order, where is, the number is ... sorry, my english it is not so good",
            "A: No problem, take your time. If you prefer, we can speak Spanish or another "
            "language.",
            "U: ¿español? ay sí, por favor. mire, hice un pedido de una mochila, la "
            "Basecamp, y quiero saber cuándo llega. el número es 6 6 1 8 0 4 2 9",
            "A: Claro. El pedido 6618 0429, la Basecamp 40L Hiking Backpack, va con "
            "Northwind Parcel Ground. Salió de Redmond el martes y esta mañana está en "
            "reparto en Phoenix. Debería llegarle hoy, normalmente a primera hora de la "
            "tarde.",
            "U: ¡hoy! qué bueno. muchas gracias, de verdad, y gracias por hablar español",
            "A: Con mucho gusto. ¡Que la disfrute!",
        ),
        "positive",
        "satisfied",
        5,
        "order_status",
        tools=(_tool("track_shipment", order_id="66180429"),),
        extra={"language": "es"},
    ),
    Case(
        "b7-42",
        "good_humoured_shopper_through_repeated_mishearing_size_and_colour",
        (
            "U: hi! I'd like the switchback trail runners please, size eleven",
            "A: The Switchback Trail Running Shoe is $124.99, in orange, blue and black. I "
            "have size 7. Which colour?",
            "U: ha, no, eleven. like one one. I have big feet",
            "A: Sorry, size 11. Which colour would you like?",
            "U: orange please",
            "A: Got it: one pair in black, size 11?",
            "U: (laughs) orange! O R A N G E. you're killing me",
            "A: Apologies. Orange, size 11, one pair, $124.99. Shall I order it?",
            "U: yes! before you change anything else",
            "A: Ordered: one orange Switchback Trail Running Shoe, size 11, $124.99, order "
            "9217 4406.",
            "U: amazing, we got there. thank you, seriously, this was kind of funny",
        ),
        "positive",
        "satisfied",
        3,
        "purchase",
        tools=(
            _tool("search_products", query="switchback trail runners"),
            _order(22, 1),
        ),
        links=(("order", "92174406"),),
    ),
    Case(
        "b7-43",
        "wrong_number_wanted_pharmacy_refill_laughs_it_off",
        (
            "U: hi yes I'm calling to refill a prescription, it's for lisinopril, under the "
            "name patel",
            "A: I'm sorry, you've reached the Contoso store's voice assistant. We sell "
            "clothing, electronics, home goods and some health products like thermometers "
            "and first aid kits, but we're not a pharmacy and can't refill prescriptions.",
            "U: oh my gosh really? haha I must have clicked the wrong thing. I'm so sorry",
            "A: No problem at all. Your pharmacy can help with the refill. Is there anything "
            "from Contoso I can help with?",
            "U: no no that's it, sorry again, have a good one!",
        ),
        "positive",
        "neutral",
        3,
        "other",
    ),
    Case(
        "b7-44",
        "call_recording_privacy_question_uneasy_accepts",
        (
            "U: before I say anything, is this call being recorded?",
            "A: Yes. Calls with the voice assistant are recorded and transcribed. They're "
            "analysed, automatically and by trained staff who review a sample, to improve the "
            "service, and deleted after 90 days. They're never used for advertising or sold.",
            "U: hm. I don't love that. can I ask you not to record it",
            "A: I can't switch recording off for this call, but you can ask for your "
            "recordings to be deleted before the 90 days are up: call customer care from 7 "
            "am to 9 pm Pacific, or use Privacy in your account settings. Privacy requests "
            "are answered within 30 days.",
            "U: okay. I'll think about it. I guess that's fair enough. that's all I wanted to know",
        ),
        "neutral",
        "neutral",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="is this call recorded", kind="policy"),),
    ),
    Case(
        "b7-45",
        "ship_blender_to_mother_in_mexico_not_possible_polite_regret",
        (
            "U: Hi, I'd like to send the Velocity blender to my mother in Guadalajara, "
            "Mexico. Is that possible?",
            "A: I'm sorry, Contoso ships only to the US and Canada. We can't ship to Mexico, "
            "and we can't send to a US address for forwarding abroad.",
            "U: Oh. Not even if I pay for express shipping?",
            "A: No, I'm afraid not, at any speed. We can ship to any street address in the "
            "US or Canada.",
            "U: That's a shame. She really wanted that one. Okay, well, thank you for letting "
            "me know.",
        ),
        "neutral",
        "not satisfied",
        3,
        "policy_question",
        tools=(_tool("search_knowledge", query="ship to Mexico", kind="policy"),),
    ),
    Case(
        "b7-46",
        "two_day_parcel_stuck_six_business_days_trace_handoff_angry",
        (
            "U: my parcel hasn't moved in over a week. tracking T X 2 0 8 8 1 4 7 7 3 0 9 6 5 "
            "1 2. it's been sitting in memphis since last wednesday",
            "A: I see it: Tailspin Express 2-Day, with your Lumen 10-Inch Tablet. The latest "
            "scan is 'In transit, Memphis, Tennessee', last Wednesday at 9:14 pm, and the "
            "estimate was last Friday. That's 6 business days without an update.",
            "U: yeah. so? I paid for two day shipping. two day. it's been like eight",
            "A: I'm sorry. With no update for 5 business days, customer care opens a trace "
            "with the carrier. If it can't be found, they send a replacement at the same "
            "speed at no charge, or a refund. Shall I transfer you?",
            "U: I paid extra for 2-day and got 8-day. I want that shipping money back too",
            "A: Customer care can look at the shipping charge along with the trace. I can't "
            "promise the outcome, but I'll pass them the details.",
            "U: fine. transfer me. this is ridiculous",
            "A: Transferring you now.",
        ),
        "negative",
        "neutral",
        3,
        "delivery_issue",
        tools=(
            _tool("track_shipment", tracking_number="TX 208814773096512"),
            _tool("search_knowledge", query="tracking not updated for days", kind="policy"),
        ),
    ),
    Case(
        "b7-47",
        "canada_gst_collected_at_door_surprise_complaint",
        (
            "U: I live in Vancouver and I ordered the Horizon monitor from you and the "
            "delivery guy wanted forty some dollars for GST before he'd hand it over. nobody "
            "said anything about that",
            "A: I'm sorry that was a surprise. For Canadian orders, prices are in US dollars, "
            "and Canadian import duties, GST or HST and provincial sales tax aren't included "
            "at checkout; Wide World Post may collect them when the parcel arrives. That's "
            "in our Shipping to Canada policy.",
            "U: so it's in some policy page nobody reads. great. so I paid for shipping AND "
            "this. can you refund it",
            "A: I can't refund duties or taxes; the carrier collects them for the "
            "government, not for Contoso. If you'd rather not keep the monitor, you can "
            "return it within 30 days of delivery, though Canadian returns have $9.99 taken "
            "off for the label.",
            "U: this is the last time I order from you guys honestly",
            "A: I understand, and I'm sorry it wasn't clearer. Is there anything else I can "
            "help with?",
            "U: no.",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
        tools=(
            _tool("search_knowledge", query="Canada duties GST paid at delivery", kind="policy"),
        ),
    ),
    Case(
        "b7-48",
        "return_refund_not_showing_yet_within_window_accepts_wait",
        (
            "U: hi I sent back the easel, the little artist one, and I'm just wondering "
            "about the refund because I haven't seen it yet",
            "A: Let me help. Do you know when the return reached our warehouse?",
            "U: um the tracking said it got there ... tuesday I think? so two days ago",
            "A: Thanks. Refunds are issued within 5 to 7 business days after the return "
            "arrives at our Redmond warehouse, to your original payment method, and you get "
            "an email when it's issued. From Tuesday that's next Tuesday to Thursday, and "
            "your bank may take a couple more days.",
            "U: oh okay. so I just wait. that's longer than I thought but okay",
            "A: Yes. If you haven't had the refund email by the end of next Thursday, "
            "customer care can check on it.",
            "U: okay I'll wait then. thanks",
        ),
        "neutral",
        "neutral",
        3,
        "return_refund",
        tools=(_tool("search_knowledge", query="when do I get my refund", kind="policy"),),
    ),
    Case(
        "b7-49",
        "opened_lipstick_final_sale_return_refused_polite",
        (
            "U: Hi, I'd like to return a lipstick, the Velvet Matte in coral. I tried it "
            "once and the colour just isn't me.",
            "A: I'm sorry, opened beauty products like the Velvet Matte Lipstick are final "
            "sale for hygiene reasons, so they can't be returned for a change of mind. Only "
            "unopened ones with the seal intact can come back within 30 days.",
            "U: Oh. Even if I only swatched it on my hand once?",
            "A: I'm afraid so, once the seal is broken. If it had arrived damaged or was the "
            "wrong item, we would replace or refund it.",
            "U: Oh, that's a shame. No, it arrived fine, it's just the wrong shade for me. "
            "Okay, never mind then. Thanks anyway.",
        ),
        "neutral",
        "not satisfied",
        2,
        "return_refund",
        tools=(_tool("search_knowledge", query="return opened lipstick", kind="policy"),),
    ),
    Case(
        "b7-50",
        "child_ordered_rc_car_by_mistake_cancel_laughing",
        (
            "U: hi um so this is embarrassing, my six year old apparently ordered a remote "
            "control car on my account this morning. I did not approve this. can you cancel "
            "it",
            "A: That happens more than you'd think. Do you have the order number?",
            "U: uh yeah it's in my email, 8 8 3 0 1 5 7 2",
            "A: Order 8830 1572: one Turbo Flip Remote Control Stunt Car, $39.99, placed this "
            "morning and not shipped. Shall I cancel it?",
            "U: yes please oh my god",
            "A: Cancelled. The full $39.99 goes back to your original payment method, "
            "usually within 5 to 7 business days.",
            "U: thank you so much. honestly you saved me a very awkward conversation with my "
            "husband haha",
            "A: Glad to help! Anything else?",
            "U: no that's it, thanks!",
        ),
        "positive",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("get_order", order_id="88301572"),
            _tool("cancel_order", order_id="88301572", reason="ordered by a child by mistake"),
        ),
    ),
    Case(
        "b7-51",
        "boot_size_change_done_as_cancel_and_reorder",
        (
            "U: Hi, I ordered the Rainier hiking boots an hour ago in a nine, but I just read "
            "that you should go up half a size for thick socks. Can I change it to a nine and "
            "a half?",
            "A: We can't edit an order once it's placed, but if it hasn't shipped I can "
            "cancel it and place a new one in 9.5. What's the order number?",
            "U: 2 7 7 1 8 0 9 3.",
            "A: Order 2771 8093, one Rainier Waterproof Hiking Boot in brown, size 9, "
            "$149.99, not shipped. Cancel it and reorder in brown, size 9.5?",
            "U: Yes, please.",
            "A: Done: order 2771 8093 is cancelled and refunded in full. The new order is "
            "2771 8140: one brown Rainier Waterproof Hiking Boot, size 9.5, $149.99.",
            "U: Great. Does the new one keep my address?",
            "A: The address is set when the shipment is created. Give me the address "
            "whenever you like and I'll ship it; standard shipping is free on this order.",
            "U: I'll do it later. Thanks, that was easy enough.",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("get_order", order_id="27718093"),
            _tool("cancel_order", order_id="27718093", reason="changing to size 9.5"),
            _order(14, 1),
        ),
        links=(("order", "27718140"),),
    ),
    Case(
        "b7-52",
        "return_request_turns_into_usage_fix_air_fryer_white_smoke",
        (
            "U: hi I think I need to return my air fryer, it's smoking, like white smoke "
            "coming out when I made wings, the whole kitchen smells",
            "A: Sorry about that. White smoke often has a simple cause, so let me check the "
            "guide first.",
            "A: The Crisp 5-Quart Air Fryer's guide says white smoke usually means grease "
            "from fatty food, like wings, is burning in the basket. Pour off the fat and add "
            "a tablespoon of water to the basket.",
            "U: oh. there's like a lot of grease in the bottom actually. hang on ... okay I "
            "poured it out and put water in and started it again and ... no smoke. huh.",
            "A: That's it then. With wings, pouring off the fat partway through helps.",
            "U: oh my god okay, I was about to box the whole thing up. thank you, that's great",
            "A: You're welcome. Enjoy the wings.",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="crisp air fryer white smoke",
                product_id=40,
                kind="manual",
            ),
        ),
    ),
    Case(
        "b7-53",
        "tablet_stylus_support_not_in_documents_no_answer",
        (
            "U: does the lumen tablet work with a stylus? like a pen, for drawing",
            "A: I checked the Lumen 10-Inch Tablet's guide and our electronics FAQ, and "
            "neither says whether it supports a stylus. It has a 10.4-inch, 2000 by 1200 "
            "display and 128 GB of storage, but I can't confirm pen support.",
            "U: so you don't know",
            "A: I'm sorry, it isn't in our documents. Customer care may be able to find out. "
            "Would you like me to transfer you?",
            "U: no it's fine, I'll look it up somewhere else I guess. kind of a basic thing "
            "not to know but okay",
        ),
        "neutral",
        "not satisfied",
        2,
        "product_question",
        tools=(
            _tool("search_knowledge", query="lumen tablet stylus pen support", product_id=29),
            _tool("search_knowledge", query="tablet stylus", kind="faq", category="Electronics"),
        ),
    ),
    Case(
        "b7-54",
        "sock_order_fails_once_retry_succeeds",
        (
            "U: hey I need two of the merino hiking socks, the three packs",
            "A: The Trail Merino Hiking Socks 3-Pack is $19.99, in stock. Two packs is "
            "$39.98. Shall I order them?",
            "U: yep",
            "A: Sorry, the store system had a problem placing that. Let me try once more.",
            "A: That worked: order 3915 2260, two Trail Merino Hiking Socks 3-Packs, $39.98.",
            "U: ok good. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="merino hiking socks three pack"),
            {
                "name": "create_order",
                "arguments": {"lines": [{"product_id": 8, "quantity": 2}]},
                "ok": False,
            },
            _order(8, 2),
        ),
        links=(("order", "39152260"),),
    ),
    Case(
        "b7-55",
        "camp_stove_order_fails_twice_shopper_gives_up",
        (
            "U: hi I want to order the ember camp stove",
            "A: The Ember Portable Camp Stove is $49.99, in silver or green, in stock. One?",
            "U: yes one. green",
            "A: Sorry, the store system had a problem placing the order. I'll try again.",
            "A: I'm sorry, it failed again. The system is having trouble right now.",
            "U: seriously? I've been trying to buy this for like twenty minutes, the website "
            "was acting up too",
            "A: I'm sorry. I can try once more, or transfer you to customer care to place it.",
            "U: no. forget it. I'll just get one at the outdoor store down the street",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(
            _tool("search_products", query="ember camp stove"),
            {
                "name": "create_order",
                "arguments": {"lines": [{"product_id": 57, "quantity": 1}]},
                "ok": False,
            },
            {
                "name": "create_order",
                "arguments": {"lines": [{"product_id": 57, "quantity": 1}]},
                "ok": False,
            },
        ),
    ),
    Case(
        "b7-56",
        "free_shipping_threshold_answered_then_line_drops",
        (
            "U: hi um quick one, is shipping free? like is there a minimum",
            "A: Standard shipping is free on US orders with a subtotal of $50 or more, before "
            "shipping. Expedited and overnight are never free, and free shipping doesn't "
            "apply to Canada.",
            "U: oh okay fifty, perfect, that's what I thought. cool so if I get the",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="free shipping minimum", kind="policy"),),
        status="abandoned",
    ),
    Case(
        "b7-57",
        "teases_robots_but_overnight_speaker_order_goes_perfectly",
        (
            "U: okay robot, let's see if you can handle this. I want the speaker, the pulse "
            "one, in teal, and ship it overnight to my office",
            "A: The Pulse Portable Bluetooth Speaker is $49.99 and in stock in teal. One?",
            "U: one. teal.",
            "A: Ordered: one teal Pulse Portable Bluetooth Speaker, $49.99, order 7104 8826. "
            "What's the office address?",
            "U: 500 pike street suite 400 seattle washington 98101",
            "A: Shipped by Tailspin Express Overnight to 500 Pike St, Suite 400, Seattle, WA "
            "98101, $28.59, arriving tomorrow, Friday. Tracking TX 3071 5586 2294 018.",
            "U: wow. a robot that got everything right the first time. mark the date. no "
            "seriously, that was painless, thanks",
            "A: Happy to help. Enjoy the speaker!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="pulse speaker teal"),
            _order(27, 1),
            _tool(
                "create_shipment",
                order_id="71048826",
                address="500 Pike Street, Suite 400, Seattle, Washington 98101",
                speed="overnight",
            ),
        ),
        links=(("order", "71048826"), ("shipment", "SHM5YB2QT8HJ")),
    ),
    Case(
        "b7-58",
        "dollhouse_loved_but_two_day_shipping_missed_birthday_wants_compensation",
        (
            "U: Hi. So the dollhouse arrived, the Willow Lane one, and it's gorgeous, my "
            "daughter is obsessed with it. But it arrived two days after her birthday, and I "
            "paid for two-day shipping specifically so it would be there. I feel like I "
            "should get something for that.",
            "A: I'm glad she loves it, and I'm sorry it missed the birthday. Could I have the "
            "order number so I can look at the shipment?",
            "U: 9 0 4 4 6 1 1 7",
            "A: I see it: Tailspin Express 2-Day, estimated for last Monday and delivered on "
            "Wednesday, two business days late.",
            "U: right. so what can you do",
            "A: I can't issue credits myself. Customer care can review the shipping charge "
            "for the delay; I can transfer you.",
            "U: I mean I'm not trying to be difficult, the house is lovely. it's just the one "
            "thing I paid extra for didn't happen. yes, transfer me I suppose",
            "A: That's completely fair. Transferring you now.",
        ),
        "neutral",
        "neutral",
        3,
        "complaint",
        tools=(_tool("track_shipment", order_id="90446117"),),
    ),
    Case(
        "b7-59",
        "status_check_turns_into_damaged_item_box_found_crushed_on_porch",
        (
            "U: hi just checking on my order, it's the solar lantern, order 5 1 7 7 2 0 9 3",
            "A: Order 5177 2093, the Solstice Solar Camping Lantern, was delivered this "
            "morning at 11:05 by Northwind Parcel.",
            "U: oh! really? hang on let me check the porch ... oh yeah here it is. oh no, the "
            "box is all smashed in at the corner. hang on ... yeah the lantern's cracked, the "
            "plastic top is split",
            "A: I'm sorry. Damage on arrival is covered: reported within 7 days, we send a "
            "free replacement or a full refund. Keep the lantern and the box for now and "
            "take photos of the damage, the outside of the box and the label. Customer care "
            "arranges the replacement; I can transfer you now.",
            "U: ugh okay. it's for a camping trip next weekend, will the new one get here in time?",
            "A: Replacements ship at the same speed as the original order, at no charge; "
            "customer care will tell you when it goes out.",
            "U: okay. yeah, put me through",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("track_shipment", order_id="51772093"),
            _tool("search_knowledge", query="item arrived damaged", kind="policy"),
        ),
    ),
    Case(
        "b7-60",
        "hair_dryer_warranty_claim_refuses_transfer_wants_replacement_now",
        (
            "U: my ionic pro hair dryer just died. I've had it like a year. it clicks off "
            "after two seconds. I want a new one",
            "A: Sorry about that. The guide says that if it stops during use, the overheat "
            "cut-off has tripped: unplug it, let it cool for 15 minutes and clean the rear "
            "filter, since a blocked filter makes it overheat. Also press Test, then Reset, "
            "on the plug.",
            "U: I cleaned the filter. I did the reset. it's broken. it has a two year "
            "warranty right?",
            "A: Yes, 2 years from delivery, covering defects. Warranty claims are handled by "
            "customer care, so I'll need to transfer you; have your order number ready.",
            "U: no, I don't want to be transferred and sit on hold for forty minutes. can't "
            "you just send me a new one",
            "A: I'm sorry, I can't send replacements from here. You can also start the claim "
            "in your Contoso account under Orders, without waiting on hold.",
            "U: so I have to do it all myself anyway. what's the point of you. no, forget it",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        tools=(
            _tool(
                "search_knowledge",
                query="ionic pro hair dryer stops after a few seconds",
                product_id=78,
            ),
            _tool("search_knowledge", query="hair dryer warranty claim", kind="policy"),
        ),
    ),
)
