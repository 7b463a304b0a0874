"""Blind evaluation set b5: 60 labelled Contoso voice-assistant calls.

Written by writer E (blind 5) on 2026-12-03. The set was written blind: the writer did not
open, grep or run anything under voicecart/analysis/ or voicecart/data/analysis_training/,
the other bench analysis sets (bench/analysis.py, bench/analysis_heldout.py and every
bench/analysis_blind*.py written by someone else), the tests about analysis or
docs/benchmarks.md, and ran no analyser. Of bench/analysis_cases.py only the part above the
case list was read, for the Case record and the _order / _tool helpers. Product names, ids,
prices and stock come from voicecart/data/catalog, and the assistant's answers follow the
policy and product documents under voicecart/data/knowledge.

Use the set once, to judge an analyser; do not tune against it.

Turn format: each turn is one string, "U: ..." for the shopper and "A: ..." for the
assistant, 3 to 16 turns per call. Shopper turns are written as speech-to-text would give
them: some in lower case with fillers and run-on sentences, some cleanly punctuated. tools
lists the assistant's tool calls in order (ok=False marks a failed call), links names the
orders ("order", 8 digits) and shipments ("shipment", "SH...") the call created, status is
"ended" or "abandoned" (the shopper hung up or the line dropped mid-call), and
extra={"language": ...} marks a call held in another language.

How each call was labelled, as a human reviewer reading only the transcript:

- sentiment is how the shopper felt across the call, with most weight on how it ended.
  positive: clear pleasure, enthusiasm or warm thanks. neutral: polite or businesslike,
  including a plain "thanks" and terse calls. negative: frustration, anger, disappointment,
  sarcasm or distrust still there at the end. An angry start that turns into real, warm
  relief may be neutral or positive; ending in resignation counts as negative.
- satisfaction: "satisfied" when the shopper got what they came for and accepts it;
  "neutral" when they got part of it, gave no sign either way, or were handed to customer
  care with the outcome still open; "not satisfied" when the need went unmet, they left
  unhappy, or they hung up while waiting.
- rating, 1 to 5, from the shopper's side: 5 resolved and happy; 4 resolved, polite or
  neutral; 3 partly resolved or lukewarm; 2 unresolved or unhappy; 1 a bad, angry call with
  nothing solved.
- reason is the single main reason for the call: purchase, product_question, order_status,
  delivery_issue, damaged_item, return_refund, cancellation, policy_question, complaint or
  other.
"""

from __future__ import annotations

from bench.analysis_cases import Case, _order, _tool

BLIND5: tuple[Case, ...] = (
    Case(
        "b5-01",
        "happy_purchase_gift",
        (
            "A: Hi, thanks for calling Contoso. What can I help you find today?",
            (
                "U: hi! so my husband's birthday is next week and he's always complaining about "
                "the noise on the train, i was thinking some really good noise cancelling "
                "headphones?"
            ),
            (
                "A: The Nimbus Noise-Cancelling Headphones are a great fit for that. They play "
                "up to 30 hours with noise cancelling on, a 10-minute charge gives about 5 "
                "hours, and they come with a 2-year warranty. They're $199.99 in black, silver "
                "or navy."
            ),
            "U: oh that sounds perfect. navy, he loves navy",
            "A: One pair of Nimbus headphones in navy for $199.99. Shall I place the order?",
            "U: yes please!",
            (
                "A: Done. Your order number is 3 1 8, 4 2 7, 0 6. Would you like me to ship it? "
                "Standard shipping is free on this order."
            ),
            "U: yes standard is fine, it's 2210 alder street eugene oregon 9 7 4 0 5",
            "A: That's 2210 Alder Street, Eugene, OR 97405, by standard shipping. Is that right?",
            "U: yep that's it",
            (
                "A: Your shipment is booked. Standard delivery takes 2 to 6 business days, so it "
                "should arrive within about a week, and the tracking number is in your "
                "confirmation email."
            ),
            "U: oh amazing, you made that so easy. thank you so much!",
            "A: You're very welcome. I hope he loves them.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="noise cancelling headphones"),
            _order(26, 1),
            _tool(
                "create_shipment",
                order_id="31842706",
                address="2210 Alder Street, Eugene, OR 97405",
                speed="standard",
            ),
        ),
        links=(
            ("order", "31842706"),
            ("shipment", "SH0000041103"),
        ),
    ),
    Case(
        "b5-02",
        "terse_purchase",
        (
            "U: hiking socks. the merino ones",
            (
                "A: The Trail Merino Hiking Socks 3-Pack are $19.99, in sizes S to XL and in "
                "gray, green or charcoal. Which size and colour?"
            ),
            "U: large gray. two packs",
            "A: Two 3-packs in size L, gray, $39.98 in total. Shall I order them?",
            "U: yes",
            "A: Done, order 5 0 7, 2 6 1, 8 3. Shall I ship it?",
            "U: standard. 48 quincy street apartment 3 brooklyn new york 1 1 2 1 6",
            (
                "A: 48 Quincy Street, Apartment 3, Brooklyn, NY 11216, standard. The order is "
                "under $50, so standard shipping is $10.69 and takes about 6 business days. Go "
                "ahead?"
            ),
            "U: yes",
            "A: Booked. The tracking number is in your email. Anything else?",
            "U: no",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="merino hiking socks"),
            _order(8, 2),
            _tool(
                "create_shipment",
                order_id="50726183",
                address="48 Quincy Street, Apartment 3, Brooklyn, NY 11216",
                speed="standard",
            ),
        ),
        links=(
            ("order", "50726183"),
            ("shipment", "SH0000041118"),
        ),
    ),
    Case(
        "b5-03",
        "product_question_speaker",
        (
            (
                "U: hey um quick question about the pulse speaker, is it like actually "
                "waterproof, can i take it in the pool"
            ),
            (
                "A: Yes. The Pulse Portable Bluetooth Speaker is rated IPX7, so it survives "
                "being under 1 metre of fresh water for 30 minutes, and it floats. Just make "
                "sure the rubber flap over the charging port is sealed, and rinse it in fresh "
                "water after the sea."
            ),
            "U: ok and how long does the battery go",
            "A: Up to 12 hours on a full charge, and a full charge takes about 3 hours over USB-C.",
            "U: cool cool. and it's like fifty bucks?",
            "A: It's $49.99, in black, blue, red or teal. Would you like to order one?",
            "U: nah not right now, gonna think about it. thanks",
            "A: No problem. Call back any time.",
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(
            _tool("search_knowledge", query="Pulse speaker waterproof pool", product_id=27),
            _tool("get_product", product_id=27),
        ),
    ),
    Case(
        "b5-04",
        "polite_order_status_good_news",
        (
            (
                "U: Good morning. I'm calling about a parcel. I ordered a heating pad last week, "
                "the order number is six two zero four, uh, one one five three."
            ),
            "A: Good morning. That's 6 2 0, 4 1 1, 5 3, is that right?",
            "U: That's right, yes.",
            (
                "A: Thank you. Your Comfort Plus Electric Heating Pad is out for delivery today. "
                "Parcels on the van are usually dropped off by early afternoon."
            ),
            (
                "U: Oh, today! Oh, that is wonderful, my back has been giving me such trouble. "
                "Thank you so much, dear, you've been very kind."
            ),
            "A: You're welcome. I hope it brings your back some relief.",
        ),
        "positive",
        "satisfied",
        5,
        "order_status",
        tools=(
            _tool("get_order", order_id="62041153"),
            _tool("track_shipment", order_id="62041153"),
        ),
    ),
    Case(
        "b5-05",
        "late_delivery_birthday_not_won_back",
        (
            (
                "U: yeah hi my order was supposed to come tuesday and it's thursday and the "
                "tracking hasn't changed since monday. order 7 1 3 3 0 9 4 2"
            ),
            (
                "A: Let me check. Order 7 1 3, 3 0 9, 4 2, the Railway Junction Wooden Train "
                "Set, is in transit with Northwind Parcel. The estimated delivery was Tuesday, "
                "so it's two business days late, and the last scan was on Monday."
            ),
            (
                "U: yeah i know, that's what i just said. it's for my son's birthday on "
                "saturday. can you do something"
            ),
            (
                "A: I'm sorry. Tracking often goes quiet while a parcel is on a truck between "
                "scans. If there's no update for 5 business days, or it's 5 business days past "
                "the estimate, customer care can open a trace with the carrier and send a "
                "replacement or a refund. It hasn't reached that point yet."
            ),
            "U: so basically wait and hope. can't you just send another one overnight",
            (
                "A: I can't send a replacement while the first parcel is still moving. You could "
                "place a new order with overnight shipping and return whichever arrives second; "
                "returns from US addresses are free within 30 days of delivery."
            ),
            "U: and pay for it twice. no. this is ridiculous honestly",
            (
                "A: I understand, and I'm sorry it's so close to his birthday. Is there anything "
                "else I can do?"
            ),
            "U: no. forget it",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="71330942"),),
    ),
    Case(
        "b5-06",
        "damaged_carafe_handover",
        (
            (
                "U: hi, so my coffee maker came yesterday and the glass carafe is cracked, like "
                "right down the side. order 44 81 90 27"
            ),
            (
                "A: I'm sorry to hear that. I can see order 4 4 8, 1 9 0, 2 7, a Harbor 12-Cup "
                "Coffee Maker, delivered yesterday. Because you're within 7 days of delivery, "
                "we'll send a free replacement or give you a full refund, whichever you prefer. "
                "Please keep it and the packaging for now, and take a photo of the crack and the "
                "box if you can."
            ),
            "U: ugh. okay. do i have to ship the whole thing back?",
            (
                "A: Usually not. For most damaged items the photo is enough. Damage reports are "
                "handled by customer care, and they'll confirm. Shall I transfer you?"
            ),
            "U: okay fine, yeah, put me through",
            "A: Connecting you to customer care now. Have your order number handy.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="44819027"),
            _tool("transfer_to_agent", reason="damaged item: cracked carafe, order 44819027"),
        ),
    ),
    Case(
        "b5-07",
        "return_sweater_colour",
        (
            (
                "U: Hello. I bought the merino sweater in burgundy, and honestly the colour "
                "isn't what I expected, it's much more purple in person. Can I send it back? The "
                "order is 2 9 5 5 0 1 7 4."
            ),
            (
                "A: Yes. The Fairhaven Merino Crewneck Sweater was delivered 9 days ago, so "
                "you're well inside the 30-day return window. It needs to be unworn and "
                "unwashed, with the tags on. Returns from US addresses are free: we email you a "
                "prepaid label, you drop the parcel off within 14 days, and the refund goes to "
                "your original payment method within 5 to 7 business days after it reaches our "
                "warehouse."
            ),
            "U: Okay. Is there a way to do that without calling again?",
            (
                "A: Yes, go to Orders in your Contoso account and choose Return items. If you'd "
                "rather have it in navy, charcoal or cream, an exchange is also free. Or I can "
                "transfer you to customer care now."
            ),
            "U: No, I'll just do the refund in the app. Thanks for explaining.",
            "A: You're welcome. Have a good day.",
        ),
        "neutral",
        "satisfied",
        4,
        "return_refund",
        tools=(
            _tool("get_order", order_id="29550174"),
            _tool("search_knowledge", query="return window refund timing", kind="policy"),
        ),
    ),
    Case(
        "b5-08",
        "terse_cancellation",
        (
            "U: cancel order 8 8 1 2 0 4 6 3",
            (
                "A: That's order 8 8 1, 2 0 4, 6 3, a Crisp 5-Quart Air Fryer. It hasn't "
                "shipped. Shall I cancel it?"
            ),
            "U: yes",
            (
                "A: It's cancelled. The full amount goes back to your original payment method "
                "and usually shows within 5 to 7 business days. Anything else?"
            ),
            "U: no that's it",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("get_order", order_id="88120463"),
            _tool("cancel_order", order_id="88120463"),
        ),
    ),
    Case(
        "b5-09",
        "cancel_too_late_sarcastic",
        (
            (
                "U: i need to cancel an order from this morning, i ordered the wrong tent. 6 0 4 "
                "7 7 2 1 8"
            ),
            (
                "A: I'm sorry, order 6 0 4, 7 7 2, 1 8 has already shipped. The shipping label "
                "was printed this afternoon, and from that point an order can't be cancelled. "
                "When it arrives you can return it free within 30 days, or refuse it at the door "
                "and we'll refund it as a return."
            ),
            "U: it shipped. in like five hours. wow, now you guys are fast",
            (
                "A: I understand that's frustrating. Refusing the parcel at the door is the "
                "easiest option; it comes back to us and you're refunded."
            ),
            (
                "U: so i wait around for a giant box i don't want and send it back. great. love "
                "that for me"
            ),
            "A: I'm sorry it worked out this way. Would you like help finding the right tent?",
            "U: no. i'm good. bye",
        ),
        "negative",
        "not satisfied",
        2,
        "cancellation",
        tools=(
            _tool("cancel_order", ok=False, order_id="60477218", reason="ordered the wrong tent"),
        ),
    ),
    Case(
        "b5-10",
        "price_match_competitor",
        (
            (
                "U: hi yeah, I'm looking at the Nimbus headphones, you have them at 199.99 but "
                "another website has them for 179. do you price match?"
            ),
            (
                "A: We don't match other stores' prices, I'm afraid. What we do is refund the "
                "difference if Contoso itself lowers the price within 14 days of your purchase, "
                "with no need to return anything."
            ),
            "U: huh. okay. so that's a no.",
            (
                "A: For another store's price, yes, that's a no. The headphones do come with a "
                "2-year warranty that Contoso handles directly, and standard shipping is free on "
                "them."
            ),
            "U: ok. bit stingy but whatever. i'll think about it. thanks",
            "A: You're welcome. Call back any time.",
        ),
        "negative",
        "neutral",
        3,
        "policy_question",
        tools=(_tool("search_knowledge", query="price match other stores", kind="policy"),),
    ),
    Case(
        "b5-11",
        "spanish_happy_purchase",
        (
            "U: hola buenas, quiero comprar una freidora de aire",
            (
                "A: ¡Hola! Tenemos la Crisp 5-Quart Air Fryer por 79,99 dólares, con una cesta "
                "antiadherente de 4,7 litros y seis programas. Viene en negro, blanco o gris."
            ),
            "U: ay qué bien, la quiero en blanco",
            "A: Una Crisp en blanco por 79,99 dólares. ¿Hago el pedido?",
            "U: sí por favor",
            (
                "A: Listo, su número de pedido es 1 9 3, 6 0 8, 2 5. ¿Quiere que se la envíe? El "
                "envío estándar es gratis porque el pedido pasa de 50 dólares."
            ),
            "U: sí, a 1415 west cermak road chicago illinois 6 0 6 0 8",
            "A: 1415 West Cermak Road, Chicago, IL 60608, envío estándar. ¿Es correcto?",
            "U: correcto",
            (
                "A: Envío creado. Tarda de 2 a 6 días hábiles y el número de seguimiento le "
                "llega por correo electrónico."
            ),
            "U: muchísimas gracias, qué fácil de verdad. ¡mi hija va a estar feliz!",
            "A: ¡Con mucho gusto! Que la disfruten.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="freidora de aire"),
            _order(40, 1),
            _tool(
                "create_shipment",
                order_id="19360825",
                address="1415 West Cermak Road, Chicago, IL 60608",
                speed="standard",
            ),
        ),
        links=(
            ("order", "19360825"),
            ("shipment", "SH0000041126"),
        ),
        extra={"language": "es"},
    ),
    Case(
        "b5-12",
        "french_cancellation_quick",
        (
            (
                "U: Bonjour, je voudrais annuler une commande s'il vous plaît. Le numéro c'est 3 "
                "4 7 1 0 9 5 2."
            ),
            (
                "A: Bonjour. La commande 3 4 7, 1 0 9, 5 2 contient une tablette Lumen 10 pouces "
                "et elle n'est pas encore expédiée. Voulez-vous que je l'annule ?"
            ),
            "U: Oui, mon fils en a déjà reçu une pour son anniversaire, ça fait double emploi.",
            (
                "A: C'est fait, la commande est annulée. Le remboursement complet part sur votre "
                "moyen de paiement d'origine et apparaît en général sous 5 à 7 jours ouvrés."
            ),
            "U: Parfait, merci beaucoup, c'était super rapide ! Bonne journée !",
            "A: Merci, bonne journée à vous aussi.",
        ),
        "positive",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("get_order", order_id="34710952"),
            _tool("cancel_order", order_id="34710952", reason="duplicate gift"),
        ),
        extra={"language": "fr"},
    ),
    Case(
        "b5-13",
        "german_order_status",
        (
            (
                "U: Guten Tag, ich möchte wissen, wo meine Bestellung ist. Die Nummer ist 5 8 2 "
                "3 0 6 1 4."
            ),
            (
                "A: Guten Tag. Bestellung 5 8 2, 3 0 6, 1 4, ein Ridgeline Fleece Pullover, ist "
                "mit Northwind Parcel unterwegs. Die voraussichtliche Zustellung ist morgen, "
                "Freitag."
            ),
            "U: Morgen, gut. Und die Sendungsnummer, wo finde ich die?",
            (
                "A: Die steht in Ihrer Versandbestätigung per E-Mail und unter Bestellungen in "
                "Ihrem Contoso-Konto. Sie beginnt mit NW."
            ),
            "U: Gut. Danke. Auf Wiederhören.",
            "A: Auf Wiederhören.",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="58230614"),),
        extra={"language": "de"},
    ),
    Case(
        "b5-14",
        "portuguese_damaged_blender",
        (
            (
                "U: oi, bom dia, eu comprei o liquidificador velocity e chegou com o copo "
                "rachado. o pedido é 9 0 2 1 4 4 7 6"
            ),
            (
                "A: Bom dia, sinto muito. O pedido 9 0 2, 1 4 4, 7 6 foi entregue anteontem, "
                "então está dentro dos 7 dias para avisar de danos. Mandamos uma substituição "
                "grátis ou devolvemos o valor total, como preferir. Guarde o produto e a "
                "embalagem por enquanto e tire uma foto do dano, da caixa e da etiqueta."
            ),
            "U: tá. e eu vou ter que mandar ele de volta?",
            (
                "A: Normalmente não, na maioria dos casos a foto basta. Quem cuida disso é o "
                "atendimento ao cliente; posso transferir a senhora agora?"
            ),
            "U: pode sim",
            "A: Estou transferindo. Tenha o número do pedido em mãos.",
            "U: tá bom, obrigada",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="90214476"),
            _tool("transfer_to_agent", reason="damaged item: cracked blender jar, order 90214476"),
        ),
        extra={"language": "pt"},
    ),
    Case(
        "b5-15",
        "tent_purchase_line_dropped",
        (
            "A: Hi, thanks for calling Contoso. How can I help?",
            "U: hi, i'm looking to buy a tent for a camping trip, just me and my girlfriend",
            (
                "A: The Summit 2-Person Tent is $189.99. It's a freestanding three-season tent "
                "with two doors, and it weighs 2.1 kg on the trail. It comes in green or orange."
            ),
            "U: okay and is it, like, is it good in the rain",
            "A: Yes, the rainfly is rated 3,000 mm waterproof and the seams are factory-taped.",
            "U: okay cool so i think i'll, hang on, yeah the green one, i'll take the gr",
        ),
        "neutral",
        "neutral",
        3,
        "purchase",
        tools=(
            _tool("search_products", query="tent for two people", category="outdoor"),
            _tool("search_knowledge", query="Summit tent rain waterproof", product_id=49),
        ),
        status="abandoned",
    ),
    Case(
        "b5-16",
        "misheard_order_number_hangup",
        (
            "U: i'm calling about order 3 0 9 9 1 2 7 5",
            "A: I couldn't find order 3 0 9, 9 1 2, 7. Could you say the number again?",
            "U: three zero nine nine one two seven five",
            (
                "A: Sorry, I heard 3 0 9, 9 1 2, 5, which is only seven digits. Could you repeat "
                "it slowly?"
            ),
            "U: oh my god. THREE. ZERO. NINE. NINE. ONE. TWO. SEVEN. FIVE.",
            "A: I'm sorry, I still can't find that order. Could you read it in small groups?",
            "U: forget it. useless",
        ),
        "negative",
        "not satisfied",
        1,
        "order_status",
        tools=(
            _tool("get_order", ok=False, order_id="3099127"),
            _tool("get_order", ok=False, order_id="3099125"),
            _tool("get_order", ok=False, order_id="30991275"),
        ),
        status="abandoned",
    ),
    Case(
        "b5-17",
        "sarcastic_complaint_about_agent",
        (
            (
                "U: oh wonderful, a robot. just what i wanted. listen, i called yesterday and "
                "the woman i spoke to hung up on me in the middle of a sentence. i want to make "
                "a complaint"
            ),
            (
                "A: I'm sorry that happened; that's not how a call should end. I can't record a "
                "complaint myself, but customer care can, and they're open now. Shall I transfer "
                "you?"
            ),
            "U: sure. let's see if this one hangs up on me too",
            (
                "A: I'll transfer you now and let them know you're calling to make a complaint "
                "about yesterday's call."
            ),
            "U: yeah. can't wait",
        ),
        "negative",
        "neutral",
        2,
        "complaint",
        tools=(
            _tool(
                "transfer_to_agent", reason="complaint about a customer care call that was cut off"
            ),
        ),
    ),
    Case(
        "b5-18",
        "confused_elderly_bp_monitor",
        (
            (
                "U: hello? yes hello, I'm looking for the um, the machine, the one with the cuff "
                "for the blood pressure, for my wife. the doctor says she ought to check it at "
                "home"
            ),
            (
                "A: Hello. We have the Vital Upper Arm Blood Pressure Monitor. It's $49.99, it "
                "measures blood pressure and pulse automatically, and it has a large backlit "
                "display."
            ),
            "U: upper arm, is that the, the one that goes round the arm here, not on the wrist?",
            "A: Yes, the cuff wraps around the upper arm, a little above the elbow.",
            "U: and would it fit her, she's a small lady, very slim arms",
            (
                "A: The cuff fits upper arms from 22 to 42 centimetres around, which covers most "
                "adults, including slim arms down to 22 centimetres."
            ),
            (
                "U: twenty-two. well I'm sure she's more than that. and can I use it too, or is "
                "it just for one"
            ),
            "A: Two people can use it; each of you can store 60 readings.",
            "U: oh, that's clever. alright, let's have one of those then",
            (
                "A: One Vital monitor for $49.99. I've placed the order, number 7 2 5, 0 1 3, 6 "
                "6. Shall I ship it?"
            ),
            "U: yes please, to 16120 northeast 85th street redmond washington 9 8 0 5 2",
            (
                "A: That's 16120 Northeast 85th Street, Redmond, WA 98052, by standard shipping. "
                "That's $6.99 and it takes 2 business days. Is that right?"
            ),
            "U: that's right. you've been very patient with me, thank you, I do appreciate it",
            "A: It's my pleasure. I hope it helps you both.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="blood pressure monitor"),
            _tool(
                "search_knowledge", query="Vital blood pressure monitor cuff size", product_id=104
            ),
            _order(104, 1),
            _tool(
                "create_shipment",
                order_id="72501366",
                address="16120 Northeast 85th Street, Redmond, WA 98052",
                speed="standard",
            ),
        ),
        links=(
            ("order", "72501366"),
            ("shipment", "SH0000041139"),
        ),
    ),
    Case(
        "b5-19",
        "smartwatch_defect_warranty",
        (
            (
                "U: Hi, my Tempo watch stopped charging. It's about five months old. The order "
                "is 6 7 3 0 2 8 1 9."
            ),
            (
                "A: I'm sorry. The Tempo Fitness Smartwatch has a 1-year warranty from delivery "
                "covering defects in materials and workmanship, so a charging fault under normal "
                "use is the kind of thing it covers. Customer care handles warranty claims: they "
                "may ask for a photo or walk you through a quick check, then send a prepaid "
                "label and repair, replace or refund it."
            ),
            "U: Okay. It's never been in a sauna or anything, I only swim in the pool with it.",
            (
                "A: That's fine; the watch is made for pool swimming. Shall I transfer you to "
                "customer care?"
            ),
            "U: Yes please.",
            "A: Transferring you now. Keep your order number ready.",
            "U: Great, thanks.",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="67302819"),
            _tool("search_knowledge", query="Tempo smartwatch warranty charging", product_id=30),
            _tool(
                "transfer_to_agent",
                reason="warranty claim: Tempo watch not charging, order 67302819",
            ),
        ),
    ),
    Case(
        "b5-20",
        "delivered_not_received",
        (
            "U: hey, tracking number N W 2 0 4 8 8 1 7 3 0 0 5 9 6 2 1",
            "A: That parcel is marked delivered, yesterday at 1:12 pm.",
            "U: what. no it's not. there's nothing here",
            (
                "A: I'm sorry. Please check around the door, with neighbours and in your "
                "building's mail room. Carriers sometimes mark a parcel delivered a little "
                "early, so give it until the end of today. If it still hasn't turned up, report "
                "it within 7 days of the delivery date and we'll send a replacement or a refund."
            ),
            "U: hm. ok i'll ask next door i guess. and if it's not there i call back?",
            (
                "A: Yes, call customer care between 7 am and 9 pm Pacific time with your order "
                "number, and they'll take it from there."
            ),
            "U: ok",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(_tool("track_shipment", tracking_number="NW204881730059621"),),
    ),
    Case(
        "b5-21",
        "sneakers_po_box_then_two_day",
        (
            (
                "U: yo what's up, i need the courtside basketball shoes, size eleven, red, like "
                "asap, i got a tournament next weekend"
            ),
            (
                "A: The Courtside Basketball Shoe is $109.99 and size 11 in red is available. "
                "They're true to size, and the high collar feels snug at first. Shall I order "
                "one pair?"
            ),
            "U: yeah let's go",
            "A: Done, order 2 6 6, 0 9 1, 4 7. Where should I ship it, and how fast?",
            "U: two day, to p o box 4471 albany new york 1 2 2 0 1",
            "A: Sorry, we can't deliver to PO boxes. Is there a street address I can use?",
            "U: ah dang ok, send it to my job, 1800 central avenue albany new york 1 2 2 0 5",
            (
                "A: 1800 Central Avenue, Albany, NY 12205, by Tailspin Express 2-Day. That's "
                "$27.19 and it arrives in 2 business days, so Monday. Shall I book it?"
            ),
            "U: bet",
            "A: Booked. Your tracking number starts with TX and it's in your email.",
            "U: sweet, appreciate you, that was quick",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("get_product", product_id=21),
            _order(21, 1),
            _tool(
                "create_shipment",
                ok=False,
                order_id="26609147",
                address="PO Box 4471, Albany, NY 12201",
                speed="expedited",
            ),
            _tool(
                "create_shipment",
                order_id="26609147",
                address="1800 Central Avenue, Albany, NY 12205",
                speed="expedited",
            ),
        ),
        links=(
            ("order", "26609147"),
            ("shipment", "SH0000041142"),
        ),
    ),
    Case(
        "b5-22",
        "boot_sizing_question",
        (
            (
                "U: Hi there! So I'm thinking about the Rainier hiking boots. I usually wear a 9 "
                "in sneakers, but I'll be wearing thick wool socks with them. What size should I "
                "get?"
            ),
            (
                "A: For the Rainier Waterproof Hiking Boot, take your usual size with thin socks "
                "and go up half a size for thick hiking socks, so a 9.5 for you. Size exchanges "
                "are free within 30 days of delivery if you only try them on indoors."
            ),
            (
                "U: Perfect, that's exactly what I needed! And they're actually waterproof, not "
                "just water resistant?"
            ),
            (
                "A: Yes, the leather and mesh upper sits over a waterproof, breathable membrane. "
                "To keep it working, use a water-based waterproofing treatment every few months "
                "rather than heavy wax."
            ),
            "U: Amazing. Thank you so much, you've been super helpful!",
            "A: Happy to help. Enjoy the trails.",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool("search_knowledge", query="Rainier boot sizing thick socks", product_id=14),
            _tool("search_knowledge", query="Rainier boot waterproof care", product_id=14),
        ),
    ),
    Case(
        "b5-23",
        "opened_moisturizer_final_sale",
        (
            (
                "U: hi um i bought the hydrating moisturizer with the spf and i used it like "
                "twice and it made my skin all red and itchy so i want to return it"
            ),
            (
                "A: I'm sorry about the irritation. Opened beauty products are final sale, so "
                "they can't be returned for a change of mind. A skin reaction isn't treated as a "
                "defect, but please do tell customer care; they log every reaction report and "
                "will review your case. I can transfer you."
            ),
            "U: so basically you won't refund it",
            "A: I can't promise a refund, no. Customer care will look at your case, though.",
            "U: great. nineteen bucks down the drain and a rash. no, don't bother transferring me",
            (
                "A: I understand. If you change your mind, customer care is open 7 am to 9 pm "
                "Pacific time."
            ),
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(
            _tool(
                "search_knowledge", query="return opened moisturizer skin reaction", kind="policy"
            ),
        ),
    ),
    Case(
        "b5-24",
        "lost_parcel_angry_then_relieved",
        (
            "U: i'm so sick of this. my parcel hasn't moved in over a week. order 1 5 8 8 2 0 4 7",
            (
                "A: I'm sorry. The last tracking update for order 1 5 8, 8 2 0, 4 7 was 7 "
                "business days ago, and it's now 5 business days past its estimated delivery. "
                "That's long enough for customer care to open a trace with the carrier and send "
                "you a replacement at no charge, or a refund."
            ),
            "U: this is the second time this has happened with you people. the second time",
            (
                "A: I'm sorry it's happened twice. I can transfer you to customer care now, and "
                "I'll pass on your order number and that tracking hasn't moved in 7 business "
                "days, so you don't have to explain it all again."
            ),
            "U: yes. do that",
            "A: Transferring you now.",
            "U: okay. okay, thank you. i appreciate you actually doing something about it",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="15882047"),
            _tool(
                "transfer_to_agent",
                reason="no tracking update for 7 business days, order 15882047, open a trace",
            ),
        ),
    ),
    Case(
        "b5-25",
        "change_size_cancel_and_reorder",
        (
            (
                "U: Hi, I ordered the zip-up hoodie about an hour ago in medium, but I need a "
                "large. Can you change it? Order 7 7 4 1 9 0 3 6."
            ),
            (
                "A: I can't edit an order once it's placed, but this one hasn't shipped, so I "
                "can cancel it and place a new one in large. Same colour, gray?"
            ),
            "U: Yes, gray, large.",
            (
                "A: Order 7 7 4, 1 9 0, 3 6 is cancelled with a full refund. Your new order is 7 "
                "7 5, 2 0 8, 1 9: one Weekend Zip-Up Hoodie, size L, gray, $39.99. Would you "
                "like me to ship it now?"
            ),
            "U: No, I'll sort the shipping in the app tonight. Perfect, thanks.",
            "A: You're welcome.",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("get_order", order_id="77419036"),
            _tool("cancel_order", order_id="77419036", reason="wrong size, reordering in L"),
            _order(11, 1),
        ),
        links=(("order", "77520819"),),
    ),
    Case(
        "b5-26",
        "shipping_cost_question",
        (
            "U: how much is shipping on one t shirt to new york city",
            (
                "A: One Everyday Cotton T-Shirt to New York by standard shipping is $10.69, and "
                "it takes about 6 business days. Standard shipping is free on US orders of $50 "
                "or more."
            ),
            "U: ten sixty nine for a fifteen dollar shirt huh. what if i get four",
            "A: Four shirts come to $59.96, which is over $50, so standard shipping would be free.",
            "U: ha. ok. good to know, thanks",
            "A: You're welcome.",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(
            _tool(
                "search_knowledge", query="standard shipping cost New York t-shirt", kind="policy"
            ),
        ),
    ),
    Case(
        "b5-27",
        "wrong_item_after_hours",
        (
            (
                "U: I ordered gray slippers, size 8, the shearling ones, and you sent me pink "
                "flip flop sandals. It's a Christmas present for my mother. Order 4 0 3 8 8 1 6 "
                "2."
            ),
            (
                "A: I'm sorry. Order 4 0 3, 8 8 1, 6 2 was for the Fireside Shearling Slipper in "
                "gray, size 8, delivered two days ago. When we send the wrong item, we send the "
                "right one free or give you a full refund. Customer care handles that; shall I "
                "connect you?"
            ),
            "U: yes. now please",
            (
                "A: I'm afraid customer care is closed right now; they're open 7 am to 9 pm "
                "Pacific time. You can leave a message and they'll call you back tomorrow, or "
                "report it under Orders in your account."
            ),
            "U: unbelievable. so nobody can help me tonight",
            (
                "A: I'm sorry, not tonight. You're well inside the 7 days for reporting a wrong "
                "item, so nothing is lost by waiting until tomorrow."
            ),
            "U: fine. i'll call tomorrow. but honestly this is not okay",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="40388162"),
            _tool("transfer_to_agent", ok=False, reason="wrong item received, order 40388162"),
        ),
    ),
    Case(
        "b5-28",
        "price_drop_policy_relief",
        (
            (
                "U: hiya! quick question. i want to buy the air fryer now but i'm worried it'll "
                "go on sale for christmas right after. what happens then?"
            ),
            (
                "A: If Contoso lowers the price within 14 days of your order, we refund the "
                "difference and you don't have to return anything. Just ask customer care or "
                "choose Price adjustment under Orders in your account. It covers Contoso's own "
                "price drops, not other stores."
            ),
            (
                "U: oh that's great, that makes me feel so much better. ok i'm gonna order it in "
                "the app tonight then. thank you!!"
            ),
            "A: You're welcome. Enjoy it.",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
        tools=(
            _tool(
                "search_knowledge",
                query="price drop after purchase refund difference",
                kind="policy",
            ),
        ),
    ),
    Case(
        "b5-29",
        "terse_not_shipped_book_shipment",
        (
            "U: order 5 5 1 0 2 9 8 4 hasn't shipped why",
            (
                "A: Order 5 5 1, 0 2 9, 8 4 is two Lakeside Folding Camp Chairs. It was placed "
                "on Monday, but no shipment was booked yet, so it's waiting for a delivery "
                "address. Would you like me to ship it now?"
            ),
            (
                "U: thought i did that. fine. 310 pine street apartment 12 spokane washington 9 "
                "9 2 0 1 standard"
            ),
            (
                "A: 310 Pine Street, Apartment 12, Spokane, WA 99201, standard shipping, which "
                "is free on this order. Correct?"
            ),
            "U: yes",
            "A: Booked. The tracking number will be in your email shortly.",
            "U: ok",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(
            _tool("get_order", order_id="55102984"),
            _tool(
                "create_shipment",
                order_id="55102984",
                address="310 Pine Street, Apartment 12, Spokane, WA 99201",
                speed="standard",
            ),
        ),
        links=(("shipment", "SH0000041150"),),
    ),
    Case(
        "b5-30",
        "packaging_complaint_polite",
        (
            (
                "U: Hi. This isn't urgent, but I wanted to complain about your packaging. I "
                "ordered one headlamp and it came in a box the size of a microwave, stuffed with "
                "plastic air pillows. It just seems wasteful."
            ),
            (
                "A: Thank you for telling us, and I'm sorry about the waste. I can't change "
                "packaging myself, but customer care records feedback like this. I can transfer "
                "you, or you can send it through Contact us in your Contoso account; they reply "
                "within 1 business day."
            ),
            (
                "U: I'll send a message, I don't need to sit on hold for it. I'd just like "
                "someone to actually read it."
            ),
            "A: Understood. Writing it in your account is a good way to make sure it's on record.",
            "U: Okay. Thanks.",
        ),
        "neutral",
        "neutral",
        3,
        "complaint",
    ),
    Case(
        "b5-31",
        "confused_smart_speaker_gives_up",
        (
            (
                "U: hi there, um, my grandson has this little speaker thing that talks to you, "
                "you ask it the weather and it tells you, and I want one of those for me"
            ),
            (
                "A: The closest thing we sell is the Beacon 8-Inch Smart Display, $129.99. It "
                "has a speaker and a touchscreen, and it can show recipes, timers and video "
                "calls. We also have the Pulse Bluetooth Speaker, $49.99, which plays music from "
                "your phone."
            ),
            "U: no no, his doesn't have a screen, it's just round and it lights up on top",
            (
                "A: I'm sorry, we don't sell a voice speaker without a screen. The Beacon is the "
                "nearest match."
            ),
            "U: oh dear. and the screen one, does it need the wifi and the app and all that",
            (
                "A: Yes, when you first set it up you choose your language, join your Wi-Fi and "
                "sign in, following the steps on the screen."
            ),
            (
                "U: oh no, that's all too complicated for me. never mind then, I'll ask my "
                "grandson where he got his. bye now"
            ),
            "A: All right. Goodbye, and call again any time.",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(
            _tool("search_products", query="talking smart speaker weather"),
            _tool("search_knowledge", query="Beacon smart display setup wifi", product_id=34),
        ),
    ),
    Case(
        "b5-32",
        "cast_iron_care_question",
        (
            (
                "U: Hello, I got the cast iron skillet as a gift and I'm scared of ruining it. "
                "Can it go in the dishwasher?"
            ),
            (
                "A: No, never put cast iron in the dishwasher, and don't leave it soaking. Clean "
                "it while it's still warm: rinse with hot water and scrub with a brush. A small "
                "drop of dish soap is fine. Dry it straight away, warm it on the hob for a "
                "minute, then wipe a very thin coat of cooking oil inside."
            ),
            "U: Oh, soap is allowed? My neighbour told me never to use soap on it.",
            (
                "A: A small drop is fine. The seasoning is oil baked onto the iron, and it gets "
                "better every time you cook with oil."
            ),
            "U: And if it gets rusty?",
            (
                "A: A few rust spots aren't a problem. Scrub them off with steel wool, rinse, "
                "dry and re-season it: a thin layer of vegetable oil all over, wiped off, then "
                "baked upside down at 450 F for an hour."
            ),
            "U: Wonderful. Oh, I'm so glad I called, thank you, that's really put my mind at rest!",
            "A: You're welcome. Happy cooking.",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool(
                "search_knowledge", query="cast iron skillet dishwasher soap rust", product_id=43
            ),
        ),
    ),
    Case(
        "b5-33",
        "earbuds_one_side_fixed",
        (
            (
                "U: hi, so my aria earbuds, only the left one plays now, the right one's just "
                "silent. i've had them like two weeks"
            ),
            (
                "A: Let's try a quick fix. Put both earbuds back in the case, close the lid for "
                "10 seconds, then take them out again."
            ),
            "U: okay hang on. ok it's closed... okay took them out... nope, still only the left",
            (
                "A: Then let's reset them. Put them back in the case, and with the lid open, "
                "hold the case button for 15 seconds until the light flashes amber three times. "
                "Then pair them with your phone again from scratch."
            ),
            "U: okay holding it... it flashed like orange three times. now i pair again?",
            (
                "A: Yes. Remove Aria Earbuds from your phone's Bluetooth list first, then choose "
                "them again."
            ),
            (
                "U: okay... oh! oh there it is, both of them! oh my gosh, thank you so much, i "
                "thought they were broken"
            ),
            (
                "A: Great, I'm glad they're working. If it ever happens again, the reset usually "
                "sorts it out."
            ),
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool("search_knowledge", query="Aria earbuds only one earbud plays", product_id=25),
        ),
    ),
    Case(
        "b5-34",
        "broken_headlamp_clip_polite",
        (
            (
                "U: Hello there, sorry to bother you. The headlamp I got on Tuesday, the clip on "
                "the strap is snapped off. It was like that in the box. Order 2 1 7 0 5 5 3 9."
            ),
            (
                "A: No bother at all, and I'm sorry it arrived broken. Since it's within 7 days "
                "of delivery, we'll send a free replacement or a full refund. For most damaged "
                "items a photo is enough, so you usually don't need to send it back. Customer "
                "care handles damage reports; shall I transfer you?"
            ),
            (
                "U: Oh, I don't even have to send it back? That's really easy. Yes please, put "
                "me through."
            ),
            "A: Transferring you now. If you can, take a photo of the strap before they pick up.",
            "U: Will do. Thank you, you've been lovely.",
        ),
        "positive",
        "neutral",
        4,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="21705539"),
            _tool(
                "transfer_to_agent",
                reason="damaged item: headlamp strap clip broken, order 21705539",
            ),
        ),
    ),
    Case(
        "b5-35",
        "return_window_missed",
        (
            "U: i want to return some shoes. order 3 6 6 2 0 1 8 5",
            (
                "A: Order 3 6 6, 2 0 1, 8 5 is a pair of Strider Leather Oxfords, delivered on "
                "October 23rd, which is 41 days ago. Returns are accepted within 30 days of "
                "delivery, so I'm afraid this one is past the window."
            ),
            (
                "U: oh come on, it's ten days. they pinch, they've been sitting in the box the "
                "whole time"
            ),
            (
                "A: I'm sorry. The 30-day window applies to every return. If the shoes had a "
                "defect, the 90-day Contoso Quality Promise would cover it, but a tight fit "
                "isn't a defect."
            ),
            "U: unbelievable. whatever, i'll sell them online",
            "A: I'm sorry I couldn't help more.",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(
            _tool("get_order", order_id="36620185"),
            _tool("search_knowledge", query="return window 30 days late return", kind="policy"),
        ),
    ),
    Case(
        "b5-36",
        "complaint_parcel_left_in_rain",
        (
            (
                "U: I want to make a complaint. Your driver left my package on the front step in "
                "the pouring rain and the box was soaked right through. Luckily the stuff inside "
                "is fine, but that is not the point."
            ),
            (
                "A: I'm sorry, that shouldn't happen. I'm glad the items are all right. Customer "
                "care can log this with the carrier; would you like me to transfer you?"
            ),
            "U: Yes, fine. I just want someone to know, because it'll happen again otherwise.",
            "A: Understood. Transferring you now.",
        ),
        "negative",
        "neutral",
        2,
        "complaint",
        tools=(
            _tool("transfer_to_agent", reason="complaint: parcel left in the rain by the driver"),
        ),
    ),
    Case(
        "b5-37",
        "business_bulk_webcams",
        (
            (
                "U: Hi, this is Dana at Northgate Dental. I need ten of the Clarity webcams for "
                "our office."
            ),
            (
                "A: The Clarity 1080p Webcam is $59.99 each, in black, with a 2-year warranty. "
                "Ten come to $599.90. Shall I place the order?"
            ),
            (
                "U: Yes. Ship standard to 4200 Aurora Avenue North, Suite 110, Seattle, "
                "Washington 98103."
            ),
            (
                "A: Order 6 1 4, 9 0 3, 5 2 is placed. Shipping to 4200 Aurora Avenue North, "
                "Suite 110, Seattle, WA 98103, by standard, which is free on this order. Is that "
                "right?"
            ),
            "U: Correct.",
            "A: The shipment is booked. The tracking number will be in your email.",
            "U: That's all. Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="Clarity webcam"),
            _order(32, 10),
            _tool(
                "create_shipment",
                order_id="61490352",
                address="4200 Aurora Avenue North, Suite 110, Seattle, WA 98103",
                speed="standard",
            ),
        ),
        links=(
            ("order", "61490352"),
            ("shipment", "SH0000041167"),
        ),
    ),
    Case(
        "b5-38",
        "parka_out_of_stock_hangs_up",
        (
            "U: hey i want the polar insulated parka, black, size large",
            (
                "A: I'm sorry, the Polar Insulated Parka is out of stock right now. In stock, "
                "the Cascade Packable Rain Jacket is $119, though it's a shell rather than "
                "insulated, and the Ridgeline Fleece Pullover is $49.99."
            ),
            (
                "U: no, a rain jacket is not gonna cut it, i'm moving to minnesota in two weeks. "
                "when's it back"
            ),
            "A: I don't have a restock date for it, I'm afraid.",
            "U: that's annoying. okay forget it",
            "A: I'm sorry. If you'd like, I could",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(
            _tool("get_product", product_id=7),
            _tool("search_products", query="warm winter jacket", category="clothing"),
        ),
        status="abandoned",
    ),
    Case(
        "b5-39",
        "tiles_sold_out_blocks_instead",
        (
            "U: hi! I want to get the magnetic tile set for my nephew, he's turning two next week",
            (
                "A: I'm sorry, the Spectrum Magnetic Tile Set is out of stock, and it's meant "
                "for ages 3 and up because of the magnets. For a two-year-old, the Maple Wooden "
                "Building Blocks 100-Piece are for ages 2 and up: smooth maple blocks in 12 "
                "shapes with non-toxic paint and a storage crate, $34.99."
            ),
            (
                "U: oh, good point, I didn't know about the age thing. The blocks sound perfect "
                "actually!"
            ),
            "A: One set of Maple Wooden Building Blocks, $34.99. Shall I order it?",
            "U: yes please",
            "A: Done, order 8 0 1, 7 7 4, 6 2. Where should it go?",
            "U: to my sister, 26 bergen street brooklyn new york 1 1 2 0 1, just standard",
            (
                "A: 26 Bergen Street, Brooklyn, NY 11201, standard. The order is under $50, so "
                "standard shipping is $16.69, about 6 business days. Shall I book it?"
            ),
            "U: yes go ahead",
            "A: Booked. The tracking number is in your email.",
            "U: lovely, thanks so much, you've been a big help!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("get_product", product_id=88),
            _tool("search_products", query="toys for two year old", category="toys"),
            _order(87, 1),
            _tool(
                "create_shipment",
                order_id="80177462",
                address="26 Bergen Street, Brooklyn, NY 11201",
                speed="standard",
            ),
        ),
        links=(
            ("order", "80177462"),
            ("shipment", "SH0000041171"),
        ),
    ),
    Case(
        "b5-40",
        "spanish_late_parcel_not_won_back",
        (
            (
                "U: oiga, mi pedido tenía que llegar el lunes de la semana pasada y todavía "
                "nada. el número es 2 7 4 4 0 8 1 3"
            ),
            (
                "A: Lo siento. El pedido 2 7 4, 4 0 8, 1 3 sigue en tránsito con Northwind "
                "Parcel y ya lleva más de 5 días hábiles de retraso. Con eso, atención al "
                "cliente puede abrir una investigación con la transportista y enviarle un "
                "reemplazo sin costo o devolverle el dinero."
            ),
            "U: siempre lo mismo con ustedes. la última vez igual. páseme con alguien",
            "A: Le paso ahora con atención al cliente y les dejo el número de pedido.",
            "U: sí, sí. a ver si esta vez sirve de algo",
        ),
        "negative",
        "neutral",
        2,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="27440813"),
            _tool(
                "transfer_to_agent", reason="parcel more than 5 business days late, order 27440813"
            ),
        ),
        extra={"language": "es"},
    ),
    Case(
        "b5-41",
        "last_pair_chelsea_boots",
        (
            (
                "U: hiii, i've been eyeing the timberline chelsea boots forever, the brown ones, "
                "size ten, do you still have them?"
            ),
            (
                "A: Yes, the Timberline Leather Chelsea Boot is $159, and there's just one left "
                "in stock. Brown, size 10. Shall I order it for you?"
            ),
            "U: oh my god yes, grab it before somebody else does!",
            "A: Done, order 4 9 2, 6 1 0, 3 8. Standard shipping is free. Where should I send it?",
            "U: 725 northwest flanders street portland oregon 9 7 2 0 9, standard is fine",
            "A: 725 Northwest Flanders Street, Portland, OR 97209, standard. Is that right?",
            "U: yes!",
            "A: Booked. The tracking number will be in your email.",
            "U: yay! thank you, you just made my week!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("get_product", product_id=18),
            _order(18, 1),
            _tool(
                "create_shipment",
                order_id="49261038",
                address="725 Northwest Flanders Street, Portland, OR 97209",
                speed="standard",
            ),
        ),
        links=(
            ("order", "49261038"),
            ("shipment", "SH0000041186"),
        ),
    ),
    Case(
        "b5-42",
        "order_status_need_to_go_out",
        (
            (
                "U: Hi. I'm checking on order 6 9 2 1 3 0 4 8. I need to know if it's coming "
                "today, because I have to go out."
            ),
            (
                "A: It's out for delivery this morning. Parcels are usually dropped off by early "
                "afternoon."
            ),
            "U: OK. So if I'm back by two I should be fine?",
            "A: Most likely, but I can't promise an exact time.",
            "U: Alright. Thanks.",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="69213048"),),
    ),
    Case(
        "b5-43",
        "french_canada_shipping_cost",
        (
            (
                "U: Bonjour, j'habite à Montréal. Est-ce que vous livrez au Canada, et ça coûte "
                "combien pour un t-shirt?"
            ),
            (
                "A: Bonjour. Oui, nous livrons au Canada avec Wide World Post. Pour un Everyday "
                "Cotton T-Shirt, la livraison standard coûte 17,49 $ US et prend environ 10 "
                "jours ouvrables pour le Québec; l'express coûte 33,99 $ US et prend 4 jours "
                "ouvrables. La livraison gratuite ne s'applique pas au Canada."
            ),
            "U: Ouf, la livraison coûte plus cher que le t-shirt. Et les taxes, c'est inclus?",
            (
                "A: Non, les droits, la TPS ou TVH et la taxe provinciale ne sont pas perçus au "
                "paiement; Wide World Post peut les percevoir à la livraison."
            ),
            "U: Bon, ben, merci quand même.",
            "A: Je vous en prie. Bonne journée.",
        ),
        "negative",
        "neutral",
        3,
        "policy_question",
        tools=(
            _tool(
                "search_knowledge", query="livraison Canada Montréal coût t-shirt", kind="policy"
            ),
        ),
        extra={"language": "fr"},
    ),
    Case(
        "b5-44",
        "gift_card_balance_pin_stopped",
        (
            (
                "U: hi can you tell me how much is left on my gift card, the number is 6 0 3 9 1 "
                "1 4 8 and the pin is 4"
            ),
            (
                "A: Please stop there, don't read out the PIN. I never need a gift card PIN. I "
                "can't check gift card balances, but you can see yours under Gift cards in your "
                "Contoso account, or customer care can check it for you. Shall I transfer you?"
            ),
            "U: oh! sorry, okay. yeah transfer me then",
            "A: Transferring you now.",
        ),
        "neutral",
        "neutral",
        3,
        "other",
        tools=(_tool("transfer_to_agent", reason="gift card balance"),),
    ),
    Case(
        "b5-45",
        "refund_missing_wants_person",
        (
            "U: I need to speak to a person. My refund never came.",
            (
                "A: I can transfer you. Refunds go back to the original payment method within 5 "
                "to 7 business days after the return reaches our warehouse. Do you have the "
                "order number so I can check?"
            ),
            "U: 1 2 9 0 6 6 4 8. and I dropped it off three weeks ago.",
            (
                "A: Thank you. I can see order 1 2 9, 0 6 6, 4 8, but I can't see where the "
                "refund is. Customer care can trace that for you."
            ),
            "U: yeah, that's what I said at the start. just put me through.",
            "A: Transferring you now.",
        ),
        "negative",
        "neutral",
        2,
        "return_refund",
        tools=(
            _tool("get_order", order_id="12906648"),
            _tool(
                "transfer_to_agent",
                reason="refund not received three weeks after return drop-off, order 12906648",
            ),
        ),
    ),
    Case(
        "b5-46",
        "exchange_after_hours_self_serve",
        (
            (
                "U: hey, i know it's late, i want to swap my running shoes for a half size up, "
                "they're too tight. order 4 4 9 0 7 7 2 1"
            ),
            (
                "A: Order 4 4 9, 0 7 7, 2 1 is the Trailblazer Running Shoe in size 9, delivered "
                "6 days ago. Size exchanges are free within 30 days of delivery, as long as "
                "they've only been tried on indoors. We send a prepaid label and ship the new "
                "pair by standard shipping as soon as the carrier scans your return. Customer "
                "care handles exchanges, but they're closed now; they open at 7 am Pacific."
            ),
            "U: ugh. is there any other way",
            (
                "A: Yes, you can start it any time under Orders in your Contoso account: choose "
                "Exchange and pick size 9.5."
            ),
            (
                "U: oh nice, i only wore them in the living room so that's fine. ok i'll do that "
                "now. thanks"
            ),
            "A: You're welcome. Good night.",
        ),
        "neutral",
        "satisfied",
        4,
        "return_refund",
        tools=(
            _tool("get_order", order_id="44907721"),
            _tool("search_knowledge", query="exchange shoes different size", kind="policy"),
        ),
    ),
    Case(
        "b5-47",
        "chatty_compare_then_buy",
        (
            (
                "U: okay so I fly a lot for work, like every week, and I can't decide between "
                "the Aria earbuds and the Nimbus headphones. which is better for planes?"
            ),
            (
                "A: For long flights, the Nimbus Noise-Cancelling Headphones are the stronger "
                "choice: up to 30 hours with noise cancelling on, and a 3.5 mm cable for the "
                "seat screen, which works even if the battery is flat. The Aria Wireless Earbuds "
                "are $79.99 and much smaller; their noise cancelling is best against constant "
                "low sounds like engines, but it depends on a tight seal."
            ),
            (
                "U: ooh the cable thing is actually huge, the in-flight movies always need a "
                "cable. and the nimbus is how much again?"
            ),
            "A: $199.99, in black, silver or navy, with a 2-year warranty.",
            "U: okay you've sold me. silver please",
            (
                "A: One pair of Nimbus headphones in silver, $199.99. I've placed it: order 3 0 "
                "5, 8 1 6, 4 4. Standard shipping is free; where should it go?"
            ),
            "U: 5300 east 2nd street long beach california 9 0 8 0 3",
            "A: 5300 East 2nd Street, Long Beach, CA 90803, standard. Is that right?",
            "U: yes! honestly this was way more helpful than reading forty reviews, thank you",
            "A: Glad to help. Have some quiet flights.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool(
                "search_knowledge", query="Nimbus headphones airplane cable battery", product_id=26
            ),
            _tool("search_knowledge", query="Aria earbuds noise cancelling", product_id=25),
            _order(26, 1),
            _tool(
                "create_shipment",
                order_id="30581644",
                address="5300 East 2nd Street, Long Beach, CA 90803",
                speed="standard",
            ),
        ),
        links=(
            ("order", "30581644"),
            ("shipment", "SH0000041190"),
        ),
    ),
    Case(
        "b5-48",
        "sarcastic_in_transit",
        (
            (
                "U: yeah hi, calling to find out where my stuff is, since apparently in transit "
                "is all i'm ever going to get. order 8 0 5 5 1 9 2 6"
            ),
            (
                "A: Order 8 0 5, 5 1 9, 2 6 is in transit with Northwind Parcel and is due "
                "tomorrow, Friday. It's on schedule."
            ),
            "U: oh, on schedule. sure. it's been in transit since monday. very informative",
            (
                "A: Tracking doesn't update while a parcel is on a truck between scans, so a "
                "quiet day or two is normal. If it's 5 business days late, or there's no update "
                "for 5 business days, customer care can open a trace."
            ),
            "U: right. we'll see. thanks i guess",
        ),
        "negative",
        "neutral",
        3,
        "order_status",
        tools=(_tool("track_shipment", order_id="80551926"),),
    ),
    Case(
        "b5-49",
        "terse_tracking_repeat",
        (
            "U: track N W 5 5 0 2 1 9 3 8 4 7 1 6 0 2 8",
            (
                "A: Sorry, that number didn't check out; I may have missed a digit. Could you "
                "repeat it?"
            ),
            "U: N W 5 5 0. 2 1 9. 3 8 4. 7 1 6. 0 2 8",
            "A: Thanks. That parcel is out for delivery today.",
            "U: k thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(
            _tool("track_shipment", ok=False, tracking_number="NW55021938471628"),
            _tool("track_shipment", tracking_number="NW550219384716028"),
        ),
    ),
    Case(
        "b5-50",
        "cookware_warranty_question",
        (
            (
                "U: Good afternoon. I'm considering the tri-ply cookware set. Is it true it has "
                "a twenty-five year warranty? What does that actually cover?"
            ),
            (
                "A: Yes, the Tri-Ply Stainless Cookware Set 10-Piece has a 25-year warranty from "
                "the delivery date. It covers defects in materials and workmanship, such as "
                "layers that separate or handles that come loose. It doesn't cover "
                "discolouration, scratches, or damage from overheating an empty pan or dropping "
                "it."
            ),
            "U: And I'd have to deal with the manufacturer?",
            (
                "A: No, Contoso handles every warranty claim for you. You'd call customer care "
                "with your 8-digit order number."
            ),
            "U: Very good. Thank you, that's helpful.",
            "A: You're welcome.",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="tri-ply cookware warranty coverage", product_id=44),
        ),
    ),
    Case(
        "b5-51",
        "cracked_tablet_angry_then_warm",
        (
            (
                "U: I am so angry right now. I paid 329 dollars for a tablet and the screen is "
                "cracked straight across, right out of the box. Order 9 3 1 7 6 0 2 2."
            ),
            (
                "A: I'm really sorry. Order 9 3 1, 7 6 0, 2 2, the Lumen 10-Inch Tablet, was "
                "delivered yesterday, so you're well within the 7 days for reporting damage. You "
                "can have a free replacement or a full refund, whichever you prefer. For an "
                "expensive item like a tablet, we send a prepaid label and collect the damaged "
                "one, so please keep it and the packaging, and take photos if you can."
            ),
            "U: okay. okay. sorry for yelling, it's not your fault. yes, what do I do next",
            (
                "A: No need to apologise. Customer care arranges the replacement or refund; I "
                "can transfer you right now."
            ),
            "U: yes please. thank you, really, you've been great",
            "A: Transferring you now.",
        ),
        "positive",
        "neutral",
        4,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="93176022"),
            _tool(
                "transfer_to_agent",
                reason="damaged item: tablet screen cracked on arrival, order 93176022",
            ),
        ),
    ),
    Case(
        "b5-52",
        "missing_item_hung_up_on_hold",
        (
            (
                "U: my order came today and the resistance bands aren't in the box, only the "
                "yoga mat. order 5 1 4 3 3 8 0 9"
            ),
            (
                "A: I'm sorry. Order 5 1 4, 3 3 8, 0 9 went out as a single parcel, so the bands "
                "should have been in that box. You're within 7 days, so we'll send the missing "
                "item or refund it. Customer care handles that; shall I transfer you?"
            ),
            "U: yes",
            "A: Transferring you now. There may be a short wait.",
            "U: hello? it's been twenty minutes of this music",
            "A: I'm sorry, you're still in the queue for customer care.",
            "U: this is ridiculous. forget it",
        ),
        "negative",
        "not satisfied",
        1,
        "delivery_issue",
        tools=(
            _tool("get_order", order_id="51433809"),
            _tool(
                "transfer_to_agent",
                reason="missing item: resistance bands not in parcel, order 51433809",
            ),
        ),
        status="abandoned",
    ),
    Case(
        "b5-53",
        "misheard_colour_mugs",
        (
            "U: hi im looking for a mug set, like coffee mugs",
            "A: The Stoneware Coffee Mug Set of 4 is $29.99, in blue, cream, green or gray.",
            "U: the cream ones",
            "A: One set in green, $29.99. Shall I order it?",
            "U: no, cream. c r e a m. like milk in coffee",
            "A: Sorry about that. One set in cream, $29.99?",
            "U: yes that's it",
            "A: Done, order 2 3 8, 5 5 0, 9 1. Shall I ship it?",
            "U: standard to 41 10 ditmars boulevard astoria new york 1 1 1 0 5",
            (
                "A: 41-10 Ditmars Boulevard, Astoria, NY 11105, standard. It's under $50, so "
                "standard shipping is $15.49, about 6 business days. Go ahead?"
            ),
            "U: fine",
            "A: Booked. The tracking number will be in your email.",
            "U: thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("search_products", query="coffee mug set"),
            _order(45, 1),
            _tool(
                "create_shipment",
                order_id="23855091",
                address="41-10 Ditmars Boulevard, Astoria, NY 11105",
                speed="standard",
            ),
        ),
        links=(
            ("order", "23855091"),
            ("shipment", "SH0000041204"),
        ),
    ),
    Case(
        "b5-54",
        "privacy_recordings_question",
        (
            (
                "U: Hi. I've just realised these calls are recorded. What do you do with the "
                "recordings, and can I have mine deleted?"
            ),
            (
                "A: Calls are recorded and transcribed, and we analyse them to improve our "
                "service, automatically and with trained staff who review a sample of calls. We "
                "don't use them for advertising and we never sell them. They're deleted "
                "automatically after 90 days. If you'd like yours deleted sooner, ask customer "
                "care or use Privacy in your account settings; privacy requests are answered "
                "within 30 days."
            ),
            "U: Okay. Ninety days is fine, I suppose. I'll leave it. Thank you.",
            "A: You're welcome.",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="call recordings deletion privacy", kind="policy"),),
    ),
    Case(
        "b5-55",
        "rewards_points_question",
        (
            "U: hi, i just joined contoso rewards, how do the points actually work?",
            (
                "A: As a Member you earn 1 point for every dollar you spend on items, after "
                "discounts and before shipping and tax. Points appear once the order is "
                "delivered. Every 500 points automatically becomes a $5 certificate, valid for "
                "90 days. If you earn 500 points in a calendar year you reach Silver, at 1.25 "
                "points per dollar, and at 1,500 you reach Gold, at 1.5 points per dollar plus a "
                "priority line. You also get 100 bonus points in your birthday month."
            ),
            (
                "U: oh cool, so if I buy the cookware set that's like 250 points right there. "
                "nice! ok thank you, that's really helpful"
            ),
            "A: That's right. Enjoy the points.",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
        tools=(
            _tool("search_knowledge", query="rewards points tiers certificates", kind="policy"),
        ),
    ),
    Case(
        "b5-56",
        "dead_line_no_audio",
        (
            "A: Hi, thanks for calling Contoso. How can I help?",
            "U: hello? hello?",
            "A: Hi, I'm here and I can hear you. How can I help?",
            "U: hello?? i can't hear anything. ugh, this phone",
        ),
        "neutral",
        "neutral",
        3,
        "other",
        status="abandoned",
    ),
    Case(
        "b5-57",
        "kayak_cancel_relief",
        (
            (
                "U: hi, yes, hello. my husband ordered a kayak last night without telling me, an "
                "inflatable one, and we live in a one-bedroom apartment in Phoenix. I need to "
                "cancel it. the order is 1 0 6 4 8 2 9 9"
            ),
            (
                "A: Order 1 0 6, 4 8 2, 9 9 is a Tidepool Inflatable Kayak for $429, and it "
                "hasn't shipped. Shall I cancel it?"
            ),
            "U: yes, please, cancel it",
            (
                "A: It's cancelled. The full $429 goes back to the original payment method, "
                "usually within 5 to 7 business days."
            ),
            "U: oh thank god. you may have just saved my marriage. thank you so much!",
            "A: Happy to help!",
        ),
        "positive",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("get_order", order_id="10648299"),
            _tool("cancel_order", order_id="10648299", reason="ordered by mistake"),
        ),
    ),
    Case(
        "b5-58",
        "dumbbells_one_box_missing",
        (
            (
                "U: hey so i got my adjustable dumbbells today but only one box showed up? the "
                "tracking says delivered. order 3 3 0 7 1 5 6 4"
            ),
            (
                "A: The Adjustable Dumbbell Pair ships in two boxes under one tracking number, "
                "and sometimes they arrive separately. If only one came, wait until the end of "
                "the next business day, tomorrow, before reporting the other as missing. If it "
                "still isn't there, report it within 7 days of delivery and we'll sort it out."
            ),
            "U: so the other box could still show up tomorrow?",
            "A: Yes, that's quite common with two-box shipments.",
            "U: okay, i'll wait till tomorrow then. kinda weird they don't come together but ok",
            "A: Understood. Lift the boxes carefully; the pair weighs about 48 kg in total.",
        ),
        "neutral",
        "neutral",
        3,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="33071564"),
            _tool(
                "search_knowledge",
                query="adjustable dumbbells two boxes one arrived",
                product_id=62,
            ),
        ),
    ),
    Case(
        "b5-59",
        "helmet_size_for_child",
        (
            (
                "U: Hi, I'm looking at the cycling helmet for my daughter. Her head measures 53 "
                "centimetres. Which size should I get?"
            ),
            (
                "A: The Velo Ventilated Cycling Helmet comes in S for 50 to 55 cm, M for 54 to "
                "61 cm, and L for 58 to 63 cm. At 53 cm she's in size S, and the dial lets you "
                "fine-tune the fit."
            ),
            "U: And what colours does it come in?",
            "A: White, black or red, at $69.99.",
            "U: Okay. Thanks, I'll order it online.",
            "A: You're welcome.",
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(_tool("search_knowledge", query="Velo helmet size 53 cm", product_id=71),),
    ),
    Case(
        "b5-60",
        "website_crashing_voice_order_won_back",
        (
            (
                "U: okay so i've been trying to check out on your website for half an hour and "
                "it keeps crashing at the payment page and i'm about to lose it"
            ),
            (
                "A: I'm sorry about that. I can place the order for you right here. What would "
                "you like?"
            ),
            "U: the basecamp 40 liter backpack in green and the headlamp, the black one",
            (
                "A: The Basecamp 40L Hiking Backpack in green, $99.99, and the Firefly "
                "Rechargeable LED Headlamp in black, $24.99. That's $124.98. Shall I place it?"
            ),
            "U: yes",
            "A: Done, order 5 9 0, 3 3 2, 1 7. Standard shipping is free. Where should it go?",
            "U: 88 maple ridge drive bozeman montana 5 9 7 1 5",
            "A: 88 Maple Ridge Drive, Bozeman, MT 59715, standard. Is that right?",
            "U: yep",
            "A: Booked. The tracking number will be in your email.",
            "U: finally. thank you, seriously, that was so much easier than your website",
            "A: Glad I could help. Enjoy your trip.",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="Basecamp 40 liter backpack"),
            _tool("search_products", query="headlamp"),
            _tool(
                "create_order",
                lines=[{"product_id": 51, "quantity": 1}, {"product_id": 53, "quantity": 1}],
            ),
            _tool(
                "create_shipment",
                order_id="59033217",
                address="88 Maple Ridge Drive, Bozeman, MT 59715",
                speed="standard",
            ),
        ),
        links=(
            ("order", "59033217"),
            ("shipment", "SH0000041212"),
        ),
    ),
)
