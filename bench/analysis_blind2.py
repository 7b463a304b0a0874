"""Second blind evaluation set of labelled Contoso call transcripts (BLIND2).

Written by a separate writer on 2026-12-03, blind to the call analyser and to its
training data: the writer did not read voicecart/analysis/, the analyser's training
files, or the other benchmark sets, and ran no analyser while writing or labelling.
Each call was labelled by hand, the way a careful human reviewer would, using only the
shopper's words, the tool results and how the call ends. Use the set once, to judge an
analyser; do not tune against it.

Turns are "U: ..." (shopper, as speech-to-text would write it) or "A: ..." (assistant).
Product names and ids come from the shipped catalog; policies follow the knowledge
documents in voicecart/data/knowledge (the assistant explains returns, damage reports,
warranty claims and price adjustments and transfers the shopper to customer care).

Labelling guide (followed exactly):

- sentiment (positive | neutral | negative): the shopper's overall feeling over the
  call, weighing how it ends. positive = shows pleasure, enthusiasm or warm thanks; a
  merely polite "thanks" or a businesslike/terse call is neutral; negative =
  frustration, anger, disappointment, sarcasm or distrust that is not won back by the
  end. A call that starts angry but ends with genuine warm relief can be neutral or
  positive; a call that ends in resignation is negative.
- satisfaction (satisfied | neutral | not satisfied): satisfied = got what they needed
  and accept it; neutral = partly, or no sign either way, or a hand-over whose outcome
  is still open; not satisfied = need unmet, left unhappy, hung up waiting.
- rating 1-5 from the shopper's perspective: 5 resolved and happy, 4 resolved
  polite/neutral, 3 partly or meh, 2 unresolved or unhappy, 1 bad experience, angry,
  nothing solved.
- reason: the ONE main reason: purchase, product_question, order_status,
  delivery_issue, damaged_item, return_refund, cancellation, policy_question,
  complaint, other.
"""

from __future__ import annotations

from bench.analysis_cases import Case, _order, _tool

BLIND2: tuple[Case, ...] = (
    # ---- purchases -------------------------------------------------------------
    Case(
        "b2-train-set-grandson",
        "happy purchase",
        (
            "U: hi yes um my grandson just turned three and he is obsessed, like "
            "obsessed, with trains. do you have a wooden train set",
            "A: We do. The Railway Junction Wooden Train Set is beech wood, 52 pieces, "
            "for ages 3 and up, and it's $59.99. Would you like it?",
            "U: oh that sounds just right. yes. yes please",
            "A: I've placed order 41870265 for one Railway Junction Wooden Train Set. "
            "Where should we send it?",
            "U: to my daughter's, it's uh 2210 Alder Crest Drive, Boise Idaho 83702",
            "A: 2210 Alder Crest Drive, Boise, ID 83702. Shipping is free on this "
            "order, and it should arrive Wednesday. Tracking number NW 480 112 975 306 "
            "442.",
            "U: oh he is going to lose his mind. thank you sweetheart, you made my day",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="wooden train set"),
            _order(97),
            _tool("create_shipment", order_id="41870265", address="2210 Alder Crest Drive"),
        ),
        links=(("order", "41870265"), ("shipment", "SH0000004411")),
    ),
    Case(
        "b2-terse-socks",
        "terse purchase",
        (
            "U: hiking socks. the merino three pack",
            "A: The Trail Merino Hiking Socks 3-Pack is $19.99. Which size?",
            "U: large",
            "A: And how many packs?",
            "U: two",
            "A: Two packs in large come to $39.98. Shall I order them?",
            "U: yep",
            "A: Done, order 30928814. Shall I ship it to an address?",
            "U: 48 Kessler road Missoula Montana 59801",
            "A: Shipping to 48 Kessler Road, Missoula, MT 59801 by standard, $8.45, "
            "arriving Tuesday.",
            "U: ok",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("get_product", product_id=8),
            _order(8, 2),
            _tool("create_shipment", order_id="30928814", address="48 Kessler Road"),
        ),
        links=(("order", "30928814"), ("shipment", "SH0000004412")),
    ),
    Case(
        "b2-camera-sold-out",
        "deflated purchase",
        (
            "U: Hi! OK so I have been saving up since like March and today is the day, "
            "I want the Aperture mirrorless camera kit, the silver one",
            "A: The Aperture Mirrorless Camera Kit is $599.99 with a 24 megapixel "
            "sensor. Let me place that for you.",
            "A: I'm sorry, the order didn't go through: the last units have just sold "
            "out, and I can't reserve one right now.",
            "U: wait what. it said three left this morning",
            "A: Those were bought in the meantime. I don't have a restock date yet.",
            "U: oh. ok. um. is there like a waiting list or",
            "A: I can't put you on a waiting list, but the product page shows the stock "
            "as soon as it changes.",
            "U: right. ok. never mind then. bye",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(_tool("get_product", product_id=36), {**_order(36), "ok": False}),
    ),
    Case(
        "b2-video-call-grandkids",
        "confused purchase",
        (
            "U: hello? is this the, the computer I talk to",
            "A: Yes, this is the Contoso voice assistant. How can I help?",
            "U: my daughter said to call. I want the thing, the screen thing, to see "
            "the grandchildren when they call me. not a whole computer",
            "A: Two options: the Lumen 10-Inch Tablet at $329, which you hold, or the "
            "Beacon 8-Inch Smart Display at $129.99, which stands on a table and "
            "answers video calls.",
            "U: the one that stands up. I'd only drop the other one. does it have "
            "buttons, I'm not good with buttons",
            "A: You mostly talk to it, and it has a large touch screen. Shall I order "
            "the Beacon in white or gray?",
            "U: white. white is nice",
            "A: Order 55102736 is placed for one white Beacon 8-Inch Smart Display.",
            "U: and it comes to my house? 19 Orchard lane, Dayton Ohio",
            "A: Could you give me the ZIP code for Dayton?",
            "U: four five four zero nine",
            "A: 19 Orchard Lane, Dayton, OH 45409, free standard shipping, arriving Friday.",
            "U: oh wonderful. you've been so patient with me dear, thank you, really",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="video call screen"),
            _order(34),
            _tool("create_shipment", order_id="55102736", address="19 Orchard Lane"),
        ),
        links=(("order", "55102736"), ("shipment", "SH0000004413")),
    ),
    Case(
        "b2-overnight-anniversary",
        "businesslike purchase",
        (
            "U: I need the Cedar and Sage perfume overnight to Chicago. Anniversary is tomorrow.",
            "A: I'm sorry, the Cedar & Sage Eau de Parfum is out of stock.",
            "U: What else is there that a woman would actually want. Quick.",
            "A: The Fairhaven Merino Crewneck Sweater at $69.99 is a popular gift, or "
            "the Shea Butter Hand Cream Trio at $16.",
            "U: Sweater. Medium. Burgundy.",
            "A: Order 62230197 is placed. Overnight to Chicago costs $24.80 and "
            "arrives tomorrow. What's the address?",
            "U: 1520 North Damen Avenue, unit 3, 60622.",
            "A: Booked with Tailspin Express Overnight to 1520 N Damen Ave, Unit 3, "
            "Chicago, IL 60622, arriving tomorrow.",
            "U: Fine. That's it.",
        ),
        "neutral",
        "satisfied",
        4,
        "purchase",
        tools=(
            _tool("get_product", product_id=84),
            _tool("search_products", query="gift for wife"),
            _order(2),
            _tool(
                "create_shipment",
                order_id="62230197",
                address="1520 North Damen Avenue, unit 3, Chicago IL 60622",
                speed="overnight",
            ),
        ),
        links=(("order", "62230197"), ("shipment", "SH0000004414")),
    ),
    Case(
        "b2-po-box-rescue",
        "purchase with shipping hiccup",
        (
            "U: hey I just want to get the Firefly headlamp, two of em, for the night fishing trip",
            "A: Two Firefly Rechargeable LED Headlamps come to $49.98. Order 70415583 "
            "is placed. Where should I ship them?",
            "U: PO box 311, Homer Alaska 99603",
            "A: I'm sorry, I can't ship to a PO box. Is there a street address I can use?",
            "U: ugh ok uh. the shop then. 3815 Kachemak Drive, Homer, same zip",
            "A: Shipping to 3815 Kachemak Drive, Homer, AK 99603 by standard, $12.10, "
            "arriving in about six business days.",
            "U: perfect, just in time. awesome, thanks man, you saved the trip",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _order(53, 2),
            _tool("create_shipment", ok=False, order_id="70415583", address="PO Box 311"),
            _tool("create_shipment", order_id="70415583", address="3815 Kachemak Drive"),
        ),
        links=(("order", "70415583"), ("shipment", "SH0000004415")),
    ),
    Case(
        "b2-bubble-machine-dropped",
        "abandoned purchase, happy",
        (
            "U: do you have a bubble machine? for a backyard party",
            "A: The Bubble Storm Bubble Machine is $24.99, for ages 3 and up.",
            "U: yes! get me that. it's for my nephew's party on sunday. 77 Wren street "
            "Tulsa 74104, the two day shipping",
            "A: Order 18823046 is placed and shipped by 2-Day to 77 Wren Street, "
            "Tulsa, OK 74104; it arrives Friday.",
            "U: amazing, the kids are gonna go nuts. thank you!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="bubble machine"),
            _order(96),
            _tool(
                "create_shipment", order_id="18823046", address="77 Wren Street", speed="expedited"
            ),
        ),
        links=(("order", "18823046"), ("shipment", "SH0000004416")),
        status="abandoned",
    ),
    Case(
        "b2-es-air-fryer",
        "happy purchase, Spanish",
        (
            "U: hola buenas, quería pedir la freidora de aire, la Crisp de cinco cuartos",
            "A: Claro. La Crisp 5-Quart Air Fryer cuesta 79,99 dólares. ¿En qué color, "
            "negro, blanco o gris?",
            "U: blanca, blanca para que combine con la cocina",
            "A: Listo, su pedido es el 64410928. ¿A qué dirección la enviamos?",
            "U: 905 calle Mesa Verde, El Paso Texas, 79912",
            "A: Enviada a 905 Mesa Verde St, El Paso, TX 79912, envío estándar gratis, "
            "llega el jueves.",
            "U: ay qué bien, ya tengo ganas de hacer las papas. muchísimas gracias, muy amable",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="freidora de aire"),
            _order(40),
            _tool("create_shipment", order_id="64410928", address="905 Mesa Verde St"),
        ),
        links=(("order", "64410928"), ("shipment", "SH0000004417")),
        extra={"language": "es"},
    ),
    Case(
        "b2-price-shock-walkaway",
        "purchase declined",
        (
            "U: how much is the cooler, the forty five quart one",
            "A: The Frost 45-Quart Rotomolded Cooler is $229.99.",
            "U: two hundred and thirty dollars. for a cooler.",
            "A: It keeps ice for up to seven days. Would you like to order it?",
            "U: no I would not like to order it. it's a box that's cold. nevermind",
        ),
        "negative",
        "not satisfied",
        2,
        "purchase",
        tools=(_tool("get_product", product_id=55),),
    ),
    # ---- product questions -------------------------------------------------------
    Case(
        "b2-kettle-altitude",
        "product question",
        (
            "U: quick one, we have a cabin up at like ten thousand feet in Leadville. "
            "does the gooseneck kettle work up there or does it like freak out",
            "A: The Pour-Over Gooseneck Electric Kettle works at altitude. Water boils "
            "at a lower temperature up there, about 193 degrees Fahrenheit, so the "
            "kettle reaches a boil sooner and switches off normally.",
            "U: huh. ok so no issue",
            "A: No issue. Just note it can't go above the local boiling point.",
            "U: ok good to know",
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(_tool("search_knowledge", query="gooseneck kettle altitude", product_id=41),),
    ),
    Case(
        "b2-kayak-dog-claws",
        "product question, undecided",
        (
            "U: so I'm looking at the inflatable kayak. I have a sixty pound husky who "
            "insists on coming. will his claws pop it",
            "A: The Tidepool Inflatable Kayak holds 200 kg across two people. I don't "
            "have a tested rating for claws; the care guide recommends a mat on the "
            "floor for pets.",
            "U: mm. so maybe",
            "A: Maybe, with a mat. It's $429 and there are two in stock.",
            "U: yeah I'll have to think about it",
        ),
        "neutral",
        "neutral",
        3,
        "product_question",
        tools=(
            _tool("get_product", product_id=60),
            _tool("search_knowledge", query="inflatable kayak pets claws", product_id=60),
        ),
    ),
    Case(
        "b2-hammock-plus-dog",
        "product question, amused",
        (
            "U: ok weird question. the double hammock. me and my husband, I'm about "
            "sixty five kilos, he's maybe ninety five, plus our basset hound who is "
            "thirty kilos of pure stubbornness. does that work",
            "A: The Drift Double Camping Hammock holds up to 180 kg. Together that's "
            "about 190 kg, so it's over the limit with the dog.",
            "U: ha. so the dog is out",
            "A: With the two of you it's fine; the dog would need to sit this one out.",
            "U: haha he's gonna be so offended. oh that made my day, thank you, "
            "that's exactly what I needed to know",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(_tool("get_product", product_id=58),),
    ),
    Case(
        "b2-camino-poles",
        "product question, enthusiastic",
        (
            "U: hi! so my husband and I are walking the Camino in the spring, eight "
            "hundred kilometers, and I'm trying to figure out trekking poles",
            "A: The Trekker Carbon Trekking Poles are carbon fiber with cork grips, "
            "adjustable from 105 to 135 cm, at $79.99 a pair.",
            "U: cork, oh nice, my hands get so sweaty. and can they go on the plane",
            "A: They collapse to 105 cm. Many airlines want poles in checked luggage, "
            "so check with yours before you fly.",
            "U: ok that's super helpful. I'm going to run it by him tonight and call "
            "back. thank you so much, this was really great!",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(
            _tool("search_products", query="trekking poles"),
            _tool("get_product", product_id=52),
        ),
    ),
    Case(
        "b2-wool-allergy-socks",
        "product question, unmet",
        (
            "U: I'm allergic to wool. are any of your hiking socks not wool",
            "A: Our only hiking socks are the Trail Merino Hiking Socks, which are 60% "
            "merino wool.",
            "U: so no",
            "A: Not in hiking socks, I'm afraid.",
            "U: ok",
        ),
        "neutral",
        "not satisfied",
        3,
        "product_question",
        tools=(_tool("search_products", query="hiking socks without wool"),),
    ),
    Case(
        "b2-heating-pad-recall",
        "product question, safety",
        (
            "U: hi, I saw something on the news about heating pads catching fire. I "
            "have the Comfort Plus one from you. is that one recalled",
            "A: There are no open recalls on any Contoso product, including the Comfort "
            "Plus Electric Heating Pad. If you ever get a recall notice, we email you "
            "and post it in your account.",
            "U: oh ok. good. I use it every night for my back so",
            "A: If it ever gets unusually hot or smells of burning, unplug it and call us.",
            "U: alright, will do. thank you",
        ),
        "neutral",
        "satisfied",
        4,
        "product_question",
        tools=(_tool("search_knowledge", query="heating pad recall", product_id=99),),
    ),
    Case(
        "b2-streaming-stick-hotel",
        "product question, abandoned",
        (
            "U: does the Vista streaming stick work on hotel TVs? I travel for work",
            "A: It needs an HDMI port and Wi-Fi. Many hotel networks ask you to sign in "
            "on a web page first, which the stick",
            "U: hold on, I'm at the gate, they're boarding, I'll",
        ),
        "neutral",
        "neutral",
        3,
        "product_question",
        tools=(_tool("search_knowledge", query="streaming stick hotel wifi", product_id=31),),
        status="abandoned",
    ),
    # ---- order status ------------------------------------------------------------
    Case(
        "b2-status-out-for-delivery",
        "order status",
        (
            "U: where's my order. 2 7 7 1 0 4 5 9",
            "A: Order 27710459, the Stoneware Coffee Mug Set, is out for delivery and "
            "should arrive this afternoon.",
            "U: ok cool",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="27710459"),),
        links=(("order", "27710459"),),
    ),
    Case(
        "b2-status-misheard-tracking",
        "order status, misheard number",
        (
            "U: can you track NW one two nine, four four zero, eight eight one, two "
            "three, uh, zero five six seven",
            "A: That number doesn't check out; I may have misheard a digit. Could you "
            "read it again slowly?",
            "U: N W. one. two. nine. four. four. zero. eight. eight. one. two. three. "
            "zero. five. six. seven",
            "A: Sorry, one more time? I'm still one digit short.",
            "U: oh for, ok. wait, the second eight is a nine. sorry. one two nine "
            "four four zero eight nine one two three zero five six seven",
            "A: Got it. It's in transit in Spokane and due Thursday.",
            "U: finally. ok. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(
            _tool("track_shipment", ok=False, tracking_number="NW129440881230567"),
            _tool("track_shipment", ok=False, tracking_number="NW12944088123056"),
            _tool("track_shipment", tracking_number="NW129440891230567"),
        ),
    ),
    Case(
        "b2-status-card-number",
        "order status, confused",
        (
            "U: hi I need to check on my order, the number is four one four seven, "
            "zero zero nine two, three",
            "A: Please stop there. That sounds like a card number, and I never need "
            "your card. Your order number is 8 digits, in your confirmation email.",
            "U: oh! oh gosh. sorry. hang on let me find the email",
            "U: ok it says order 5 8 0 3 3 1 2 6",
            "A: Thank you. Order 58033126, the Lavender Microwavable Neck Wrap, "
            "shipped yesterday and is due Monday.",
            "U: ok Monday. thank you, and sorry about the card thing",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(
            _tool("get_order", order_id="58033126"),
            _tool("track_shipment", order_id="58033126"),
        ),
        links=(("order", "58033126"),),
    ),
    Case(
        "b2-status-hangup-waiting",
        "order status, abandoned",
        (
            "U: I need to know where my order is, 9 1 0 0 2 7 3 4",
            "A: One moment while I look that up.",
            "A: Sorry, I can't reach the order system right now. Let me try again.",
            "U: are you kidding me. this is the second time today",
        ),
        "negative",
        "not satisfied",
        2,
        "order_status",
        tools=(
            _tool("get_order", ok=False, order_id="91002734"),
            _tool("get_order", ok=False, order_id="91002734"),
        ),
        status="abandoned",
    ),
    Case(
        "b2-fr-montreal-waiting",
        "order status, French",
        (
            "U: Bonjour, euh, j'ai commandé des bottes de pluie il y a, euh, une "
            "semaine et demie, je suis à Montréal, et toujours rien",
            "A: Bonjour. Pouvez-vous me donner votre numéro de commande à huit chiffres?",
            "U: oui, c'est le 3 6 5 0 9 1 1 8",
            "A: La commande 36509118 voyage avec Wide World Post Standard. Pour le "
            "Québec, le délai est d'environ dix jours ouvrables; elle est en transit "
            "à Montréal et la livraison est prévue lundi.",
            "U: ah bon, lundi. d'accord. je pensais que c'était perdu",
            "A: Non, elle est dans les délais.",
            "U: d'accord, merci",
        ),
        "neutral",
        "satisfied",
        4,
        "order_status",
        tools=(_tool("track_shipment", order_id="36509118"),),
        links=(("order", "36509118"),),
        extra={"language": "fr"},
    ),
    Case(
        "b2-status-surprise-early",
        "order status, pleased",
        (
            "U: hiya, just checking when my foam roller is coming? order 47216630",
            "A: It was delivered this morning at 10:42, left at the front door.",
            "U: wait really? hold on. oh my gosh it's right there, I walked right past "
            "it. that's so much faster than I thought! love it, thanks!",
        ),
        "positive",
        "satisfied",
        5,
        "order_status",
        tools=(_tool("track_shipment", order_id="47216630"),),
        links=(("order", "47216630"),),
    ),
    # ---- delivery issues ---------------------------------------------------------
    Case(
        "b2-wedding-shirt-stuck",
        "late delivery, resigned",
        (
            "U: hi, my order hasn't moved in over a week and I need it for a wedding "
            "on Saturday. it's 2 9 4 4 8 1 0 7",
            "A: Order 29448107, the Coastal Linen Button-Down Shirt, was last scanned "
            "in transit in Salt Lake City nine days ago.",
            "U: nine days. ok. can you send another one faster",
            "A: Since there's been no update for more than five business days, "
            "customer care can open a trace with the carrier and send a replacement. "
            "It would leave by the same speed as the original, so probably not "
            "before Saturday.",
            "U: so I'm not getting a shirt for the wedding",
            "A: I'm sorry. I can connect you to customer care to start the trace.",
            "U: yeah whatever. I'll wear the old one. great. thanks.",
        ),
        "negative",
        "not satisfied",
        2,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="29448107"),),
        links=(("order", "29448107"),),
    ),
    Case(
        "b2-porch-neighbour-found",
        "missing parcel, found during call",
        (
            "U: hi so tracking says my package was delivered yesterday but there's "
            "nothing on my porch. order 63381902",
            "A: It shows delivered yesterday at 1:15 pm. Could you check around the "
            "door and with your neighbours? Carriers sometimes leave parcels next "
            "door.",
            "U: hang on my neighbor's waving at me. Debbie? is that. oh my god she has "
            "it. she's been keeping it in her garage because of the rain",
            "A: That's lucky. Is the box all right?",
            "U: it's perfect. sorry for the panic! thanks so much, and bless Debbie honestly",
        ),
        "positive",
        "satisfied",
        5,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="63381902"),),
        links=(("order", "63381902"),),
    ),
    Case(
        "b2-cold-anger-boots",
        "lost delivery, cold anger",
        (
            "U: Fourth call. Order 10563387. The boots. Where are they.",
            "A: Order 10563387, the Rainier Waterproof Hiking Boot, was returned to "
            "our warehouse: the carrier marked the address as not found.",
            "U: The address is correct. I live there. I have lived there for eleven years.",
            "A: I'm sorry. I can reship it today or refund it.",
            "U: I don't want them reshipped. Cancel it. Give me my money back.",
            "A: The order has already shipped, so I can't cancel it, but customer care "
            "can issue the refund now that the parcel is back. I can transfer you.",
            "U: No. I'm done being transferred. Put it in writing that I want a "
            "refund. We're done.",
        ),
        "negative",
        "not satisfied",
        1,
        "delivery_issue",
        tools=(
            _tool("track_shipment", order_id="10563387"),
            _tool("cancel_order", ok=False, order_id="10563387"),
        ),
        links=(("order", "10563387"),),
    ),
    Case(
        "b2-robot-birthday-arc",
        "late delivery, angry then relieved",
        (
            "U: I paid for two day shipping, TWO DAY, and my son's birthday is "
            "tomorrow and the robot kit isn't here. this is unbelievable",
            "A: I'm sorry. What's the order number?",
            "U: 8 4 0 2 2 5 1 9",
            "A: The CodeBot STEM Robot Kit was due yesterday. Tailspin Express logged a "
            "weather delay, and it's out for delivery now, due by 8 pm today.",
            "U: today? like today today",
            "A: Today. It's on the truck.",
            "U: oh thank god. ok. sorry I yelled, it's been a week. thank you, "
            "seriously, you've been really nice about it",
        ),
        "positive",
        "satisfied",
        4,
        "delivery_issue",
        tools=(_tool("track_shipment", order_id="84022519"),),
        links=(("order", "84022519"),),
    ),
    Case(
        "b2-soaked-box-towels",
        "delivery issue, report only",
        (
            "U: hi so I just want to let somebody know the driver left my box in a "
            "literal puddle. like standing water. order 15590442",
            "A: I'm sorry. Was anything inside damaged?",
            "U: no it's towels, they were in plastic, they're fine. the box is mush",
            "A: I'm glad they're fine. I've noted the delivery problem on the order so "
            "it's passed to the carrier.",
            "U: ok. that's all I wanted. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "delivery_issue",
        tools=(_tool("get_order", order_id="15590442"),),
        links=(("order", "15590442"),),
    ),
    Case(
        "b2-old-address",
        "wrong address, unresolved",
        (
            "U: I just realised my order is going to my old apartment, I moved out "
            "in October. can you change it? 7 3 0 0 8 8 2 1",
            "A: It shipped this morning to 400 Birch Street, Apt 12, Fresno. Once the "
            "label is printed I can't redirect it.",
            "U: but it hasn't even been picked up yet",
            "A: The label is printed, so the address is fixed. Customer care can ask "
            "the carrier to return it to us, and then reship or refund it.",
            "U: so I wait for it to go to the wrong place and come back. that's like three weeks",
            "A: It may take a while, I'm sorry.",
            "U: this is so dumb. fine, transfer me I guess",
        ),
        "negative",
        "neutral",
        2,
        "delivery_issue",
        tools=(
            _tool("get_order", order_id="73008821"),
            _tool("track_shipment", order_id="73008821"),
        ),
        links=(("order", "73008821"),),
    ),
    # ---- damaged / defective -----------------------------------------------------
    Case(
        "b2-thermometer-cat",
        "defective item, fixed by troubleshooting",
        (
            "U: ok this is going to sound insane but your thermometer says everyone in "
            "my house is twenty two degrees. me, my husband, the cat. we are not "
            "twenty two degrees",
            "A: That sounds like the QuickRead Infrared Thermometer is in surface mode, "
            "which measures objects. Hold the mode button for three seconds until you "
            "see a little person icon.",
            "U: hold on. ok there's a. there's a little guy. ok beep. thirty six point "
            "eight. oh my god it works. I'm alive",
            "A: That's a normal reading. The cat may not enjoy being measured.",
            "U: ha, she did not. thank you, that's hilarious, I was about to throw it out",
        ),
        "positive",
        "satisfied",
        5,
        "damaged_item",
        tools=(
            _tool("search_knowledge", query="infrared thermometer wrong reading", product_id=101),
        ),
    ),
    Case(
        "b2-blender-hums-smells",
        "defective item, handed over",
        (
            "U: my blender, the Velocity, it hums but the blade doesn't spin and it "
            "smells like burnt popcorn. I've used it twice",
            "A: I'm sorry. Please unplug it and stop using it. When was it delivered?",
            "U: last Tuesday. order 52267109",
            "A: That's within seven days, so you can have a free replacement or a full "
            "refund. Customer care arranges it; shall I transfer you?",
            "U: a hundred and fifty dollars and it lasted two smoothies. fine. "
            "replacement. but if the new one does this too I'm done with you guys",
        ),
        "negative",
        "neutral",
        2,
        "damaged_item",
        tools=(_tool("get_order", order_id="52267109"),),
        links=(("order", "52267109"),),
    ),
    Case(
        "b2-kettlebell-chimney",
        "defective coating, amused",
        (
            "U: hi so the kettlebell I got, the sixteen kilo one, every time I use it "
            "my hands come off black. like I've been cleaning a chimney. is that "
            "normal",
            "A: No, the coating shouldn't rub off. That's a defect. Do you have your order number?",
            "U: 39914220. honestly it's kind of funny, my wife thinks I've been "
            "working in a coal mine",
            "A: It was delivered five days ago, so customer care will send a free "
            "replacement. I'll connect you now.",
            "U: great, thanks so much, appreciate it",
        ),
        "positive",
        "neutral",
        4,
        "damaged_item",
        tools=(_tool("get_order", order_id="39914220"),),
        links=(("order", "39914220"),),
    ),
    Case(
        "b2-charger-popping",
        "safety defect",
        (
            "U: um, the charger I bought, the sixty five watt, it made a popping noise "
            "last night and now there's like a brown mark on the plug part",
            "A: Please unplug it and don't use it again. Was anyone hurt, and is "
            "anything else damaged?",
            "U: no, no, just scared me. the laptop's fine I think",
            "A: I'm glad. This is covered by the two-year warranty, and safety reports "
            "go straight to customer care. I'll transfer you with your order details.",
            "U: ok. yeah. ok",
        ),
        "neutral",
        "neutral",
        3,
        "damaged_item",
        tools=(_tool("search_knowledge", query="charger sparks burning smell warranty"),),
    ),
    Case(
        "b2-speaker-warranty-expired",
        "polite but dissatisfied",
        (
            "U: good afternoon. my little speaker, the Pulse, it won't charge anymore. "
            "the light doesn't come on at all",
            "A: I'm sorry to hear that. When did you buy it?",
            "U: oh, a year ago last September I think. my grandson set it up",
            "A: The Pulse has a one-year warranty from delivery, so at about fourteen "
            "months it's no longer covered, I'm afraid.",
            "U: oh. I see. well. I only took it to the lake a handful of times",
            "A: I understand. I can help you pick a replacement if you'd like.",
            "U: no, that's all right dear. rules are rules. I suppose that's just how "
            "things are made now. thank you for your time",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        tools=(_tool("search_knowledge", query="Pulse speaker warranty", product_id=27),),
    ),
    Case(
        "b2-tent-puddle-sarcasm",
        "defective item, sarcastic",
        (
            "U: yeah hi, I'd like to compliment you on your waterproof tent. really "
            "top notch. woke up in two inches of water. first night",
            "A: I'm very sorry. Which tent was it, and when did it arrive?",
            "U: the Summit. three weeks ago. order 44760093. ten out of ten, would float again",
            "A: A tent that leaks in normal rain is a defect, and you're still inside "
            "the return window. Customer care can refund it in full, even though it's "
            "been used. Shall I transfer you?",
            "U: oh wow a refund. my sleeping bag is thrilled. sure, transfer me",
        ),
        "negative",
        "neutral",
        3,
        "damaged_item",
        tools=(_tool("get_order", order_id="44760093"),),
        links=(("order", "44760093"),),
    ),
    Case(
        "b2-de-skillet-cracked",
        "damaged item, German",
        (
            "U: Guten Tag, ich habe die gusseiserne Pfanne bestellt, und die ist "
            "angekommen, äh, mit einem Riss quer durch den Boden",
            "A: Das tut mir leid. Wie lautet Ihre Bestellnummer?",
            "U: Moment. 6 1 2 7 7 0 4 3",
            "A: Die Bestellung 61277043 wurde vorgestern geliefert. Sie bekommen "
            "kostenlos Ersatz oder das Geld zurück; ein Foto reicht, zurückschicken "
            "müssen Sie nichts. Ich verbinde Sie mit dem Kundenservice.",
            "U: Ach, super, das ist wirklich nett. Vielen Dank, ich hatte mich schon "
            "auf Ärger eingestellt",
        ),
        "positive",
        "neutral",
        4,
        "damaged_item",
        tools=(_tool("get_order", order_id="61277043"),),
        links=(("order", "61277043"),),
        extra={"language": "de"},
    ),
    Case(
        "b2-missing-second-parcel",
        "part of order missing, second parcel",
        (
            "U: hi I ordered the pickleball set and the gym bag and only the bag came. "
            "order 22806615",
            "A: Your order shipped in two parcels. The pickleball set is in the second "
            "one, in transit and due tomorrow.",
            "U: oh! two boxes. I didn't see that. ok great, then I'll just wait",
        ),
        "neutral",
        "satisfied",
        4,
        "delivery_issue",
        tools=(
            _tool("get_order", order_id="22806615"),
            _tool("track_shipment", order_id="22806615"),
        ),
        links=(("order", "22806615"),),
    ),
    Case(
        "b2-puzzle-last-piece",
        "missing piece, too late",
        (
            "U: I've spent three weeks on the lighthouse puzzle. the thousand piece. "
            "and there are nine hundred and ninety nine pieces",
            "A: Oh no. When was it delivered?",
            "U: like, a month ago? order 90367254",
            "A: Missing parts need to be reported within seven days of delivery, so "
            "this is past that window. The 90-day Quality Promise might cover it; "
            "customer care would decide.",
            "U: so I get to look at a hole in the sky. cool",
            "A: I can transfer you to customer care to ask.",
            "U: no. it's a puzzle. forget it",
        ),
        "negative",
        "not satisfied",
        2,
        "damaged_item",
        tools=(
            _tool("get_order", order_id="90367254"),
            _tool("search_knowledge", query="missing piece report window"),
        ),
        links=(("order", "90367254"),),
    ),
    # ---- returns, exchanges, refunds --------------------------------------------
    Case(
        "b2-itchy-sweater-return",
        "return, self-service",
        (
            "U: can I still return a sweater, the merino one. it's just too itchy for "
            "me. haven't worn it out",
            "A: What's the order number?",
            "U: 33091845",
            "A: It was delivered November 20th, so you can return it until December "
            "20th, unworn with tags. Start it under Orders in your account and we "
            "email a free prepaid label, or I can transfer you.",
            "U: no I'll do it online. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "return_refund",
        tools=(_tool("get_order", order_id="33091845"),),
        links=(("order", "33091845"),),
    ),
    Case(
        "b2-boot-exchange-size",
        "exchange, happy",
        (
            "U: hello! my hiking boots are gorgeous but a teeny bit tight, the nine. "
            "can I swap for a nine and a half",
            "A: Yes, the Rainier Waterproof Hiking Boot in 9.5 is in stock, and size "
            "exchanges are free within 30 days. In your account, choose Exchange on "
            "the order and we reserve the 9.5 for you.",
            "U: oh that's perfect, I was worried they'd be gone. thank you so much, you're a star",
        ),
        "positive",
        "satisfied",
        5,
        "return_refund",
        tools=(_tool("get_product", product_id=14),),
    ),
    Case(
        "b2-refund-not-showing",
        "refund delay, distrust",
        (
            "U: I sent back the tablet three weeks ago and I still don't have my "
            "money. order 68842007",
            "A: The return arrived at our warehouse on the 24th, and the refund of "
            "$329 was issued on the 25th. It can take 5 to 7 business days to show on "
            "your card.",
            "U: that's exactly what the last person told me a week ago",
            "A: It's been issued; your bank posts it. If it's not there by Friday, "
            "customer care can send you the refund reference to give your bank.",
            "U: sure. Friday. we'll see",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        tools=(_tool("get_order", order_id="68842007"),),
        links=(("order", "68842007"),),
    ),
    Case(
        "b2-opened-serum",
        "return refused, angry",
        (
            "U: I want to return the vitamin C serum. it made my face tingle and I don't like it",
            "A: I'm sorry it didn't suit you. Opened beauty products are final sale, "
            "so it can't be returned for a change of mind.",
            "U: I used it twice. TWICE. it's basically full",
            "A: I understand. The rule is for hygiene. If it's damaged or defective "
            "that's different, but a reaction to it isn't a defect.",
            "U: that is ridiculous. twenty four dollars down the drain. you people are "
            "unbelievable",
            "A: I'm sorry. Is there anything else I can help with?",
            "U: no. forget it",
        ),
        "negative",
        "not satisfied",
        1,
        "return_refund",
        tools=(_tool("search_knowledge", query="return opened serum final sale", product_id=76),),
    ),
    Case(
        "b2-return-hospital-late",
        "late return, exception",
        (
            "U: hi, I need to return a coffee maker but I think I'm past the thirty "
            "days. I was in the hospital for most of November",
            "A: I'm sorry to hear that, I hope you're feeling better. What's the order number?",
            "U: 1 2 4 9 0 5 5 8",
            "A: It was delivered 34 days ago, so it's just outside the return window. "
            "I can't make an exception myself, but customer care can look at it. "
            "Shall I transfer you?",
            "U: ok. I'll explain it to them. thanks for trying",
        ),
        "neutral",
        "neutral",
        3,
        "return_refund",
        tools=(_tool("get_order", order_id="12490558"),),
        links=(("order", "12490558"),),
    ),
    Case(
        "b2-return-hold-hangup",
        "return, abandoned on hand-over",
        (
            "U: I need to return the headphones, they keep disconnecting from my laptop",
            "A: I'm sorry. Returns are handled by customer care; I'll transfer you now. "
            "The wait is about 25 minutes.",
            "U: twenty five minutes? I've already been through the menu twice",
            "A: I'm sorry, it's a busy time. I'll keep your place in the queue.",
            "U: unreal",
        ),
        "negative",
        "not satisfied",
        2,
        "return_refund",
        status="abandoned",
    ),
    Case(
        "b2-canada-return-fee",
        "return, deduction",
        (
            "U: hi I'm in Calgary and I want to send back the rain jacket, it's too "
            "long in the arms. is it free",
            "A: Returns from Canada go by Wide World Post, and $9.99 for the label is "
            "deducted from the refund. If it's a sizing exchange instead, that's free.",
            "U: oh, exchange is free? ok then yeah a small instead of medium",
            "A: The Cascade Packable Rain Jacket in small is in stock. Choose Exchange "
            "on the order in your account, or I can transfer you.",
            "U: transfer me, sure",
        ),
        "neutral",
        "neutral",
        3,
        "return_refund",
        tools=(
            _tool("search_knowledge", query="return from Canada cost"),
            _tool("get_product", product_id=3),
        ),
    ),
    # ---- cancellations -----------------------------------------------------------
    Case(
        "b2-cancel-terse",
        "cancellation, terse",
        (
            "U: cancel order 4 0 0 7 1 9 3 2",
            "A: Order 40071932, one Blitz Speed Jump Rope for $12.99. Cancel it?",
            "U: yes",
            "A: It's cancelled, and the refund is issued today.",
            "U: good. bye",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("get_order", order_id="40071932"),
            _tool("cancel_order", order_id="40071932"),
        ),
        links=(("order", "40071932"),),
    ),
    Case(
        "b2-cancel-shipped-fast",
        "cancellation, too late",
        (
            "U: I need to cancel an order I made like forty minutes ago. 53819906",
            "A: That order has already shipped, so it can't be cancelled. You can "
            "refuse it at the door and it's refunded as a return, or return it free "
            "within 30 days.",
            "U: forty minutes. you guys can't ship a replacement in under two weeks "
            "but this you ship in forty minutes",
            "A: I'm sorry, the label was printed right away.",
            "U: fine. I'll refuse it. whatever",
        ),
        "negative",
        "neutral",
        3,
        "cancellation",
        tools=(_tool("cancel_order", ok=False, order_id="53819906"),),
        links=(("order", "53819906"),),
    ),
    Case(
        "b2-cancel-waffling",
        "cancellation, confused then warm",
        (
            "U: hi can you cancel my order, the hoodie, 7 1 5 5 0 2 6 8",
            "A: Order 71550268, one Weekend Zip-Up Hoodie in gray, size M. Cancel it?",
            "U: yes. no wait. it's the color, I wanted the burgundy. can you change it",
            "A: I can't change an order, but I can cancel this one and place a new one "
            "in burgundy.",
            "U: ok yes do that. wait, is burgundy in medium",
            "A: Yes. I've cancelled 71550268 and placed order 71550311 for the "
            "burgundy hoodie, size M.",
            "U: oh thank you. sorry, I'm such a scatterbrain today. you were really "
            "patient, thanks so much",
        ),
        "positive",
        "satisfied",
        5,
        "cancellation",
        tools=(
            _tool("cancel_order", order_id="71550268"),
            _order(11),
        ),
        links=(("order", "71550268"), ("order", "71550311")),
    ),
    Case(
        "b2-cancel-niece-moved",
        "cancellation, wistful",
        (
            "U: hi, I ordered the wooden dollhouse for my niece but her family just "
            "moved to Germany. you don't ship there, right",
            "A: That's right, we only ship to the US and Canada.",
            "U: yeah. then I have to cancel it. order 84417750",
            "A: It hasn't shipped yet, so I've cancelled it. The $129.99 goes back to "
            "your card, usually within 5 to 7 business days.",
            "U: ok. thank you",
        ),
        "neutral",
        "satisfied",
        4,
        "cancellation",
        tools=(
            _tool("search_knowledge", query="ship to Germany"),
            _tool("cancel_order", order_id="84417750"),
        ),
        links=(("order", "84417750"),),
    ),
    Case(
        "b2-cancel-system-down",
        "cancellation failed",
        (
            "U: I need to cancel order 26604481 right now, before it ships",
            "A: Sorry, I can't cancel orders right now; the order system isn't responding.",
            "U: what do you mean it's not responding. it's going to ship",
            "A: I'm sorry. Customer care opens at 7 am Pacific and can cancel it if it "
            "hasn't shipped by then.",
            "U: it's two in the morning. it'll be gone by then. this is a joke. absolute joke",
        ),
        "negative",
        "not satisfied",
        1,
        "cancellation",
        tools=(_tool("cancel_order", ok=False, order_id="26604481"),),
    ),
    # ---- policy questions --------------------------------------------------------
    Case(
        "b2-po-box-rural",
        "policy question, partly",
        (
            "U: do you ship to PO boxes",
            "A: No, we need a street address, in the US or Canada.",
            "U: well that's a problem, our road doesn't get mail delivery. it's a "
            "ranch, everything goes to the box in town",
            "A: I understand. You can ship to any street address, for example a "
            "friend's or a workplace in town.",
            "U: huh. ok. I guess my sister's. alright",
        ),
        "neutral",
        "neutral",
        3,
        "policy_question",
        tools=(_tool("search_knowledge", query="ship to PO box"),),
    ),
    Case(
        "b2-winnipeg-duties",
        "policy question",
        (
            "U: what does shipping to Winnipeg cost and do I pay duties",
            "A: Standard to Canada is $14.99 plus $2.50 per started pound, about 8 "
            "business days to Manitoba. Duties and GST or PST aren't included at "
            "checkout; the carrier may collect them at delivery.",
            "U: in US dollars",
            "A: Yes, everything is charged in US dollars.",
            "U: ok. got it",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="shipping Canada duties cost"),),
    ),
    Case(
        "b2-price-drop-headphones",
        "policy question, delighted",
        (
            "U: hey so I bought the Nimbus headphones last week and now they're "
            "twenty bucks cheaper. do you guys do anything about that",
            "A: Yes. If our price drops within 14 days of your order, we refund the "
            "difference, and you keep the headphones. Choose Price adjustment on the "
            "order in your account, or I can transfer you.",
            "U: no way. I was fully expecting a no. ok I'll do it in the app right now. "
            "you guys rock",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
        tools=(_tool("search_knowledge", query="price drop after purchase"),),
    ),
    Case(
        "b2-gift-card-coins",
        "policy question",
        (
            "U: I have a gift card with three dollars and twelve cents left on it. can "
            "I get that in cash. I'm in California",
            "A: Gift cards aren't usually exchanged for cash, but where a state "
            "requires it we pay out a small balance. California does for balances "
            "under $10, so customer care can pay it out.",
            "U: ok. how",
            "A: Call customer care from 7 am to 9 pm Pacific with the card number. "
            "Please don't read the PIN to me.",
            "U: alright",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="gift card cash out balance California"),),
    ),
    Case(
        "b2-robot-skeptic-won-over",
        "policy question, sarcastic start",
        (
            "U: oh great. a robot. wonderful. ok robot, how long do I have to return shoes",
            "A: 30 days from delivery, free from US addresses. Shoes should only have "
            "been tried on indoors.",
            "U: and if I wore them to the mailbox",
            "A: Outdoors doesn't count as trying on, so they may not qualify.",
            "U: huh. ok. that was actually quicker than the humans. fair enough, thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="return shoes window"),),
    ),
    Case(
        "b2-rewards-points-pending",
        "policy question",
        (
            "U: I'm a Gold member and I didn't get points for my order from Monday",
            "A: Points appear once the order is delivered. Your order is in transit "
            "and due Thursday, so the points will show after that.",
            "U: oh. that makes sense. ok",
        ),
        "neutral",
        "satisfied",
        4,
        "policy_question",
        tools=(_tool("search_knowledge", query="rewards points when added"),),
    ),
    # ---- complaints --------------------------------------------------------------
    Case(
        "b2-shipping-fee-two-dollars",
        "complaint, sarcastic",
        (
            "U: I got charged eleven dollars shipping on a forty eight dollar order",
            "A: Standard shipping is free from $50 before shipping. Your order was "
            "$47.97, so shipping was charged.",
            "U: two dollars. two dollars short",
            "A: I'm sorry. The threshold is fixed.",
            "U: oh good, so next time I'll throw in a pill organizer to save eleven "
            "bucks. love that. what a system",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
        tools=(_tool("search_knowledge", query="free shipping threshold"),),
    ),
    Case(
        "b2-double-charge",
        "complaint, double charge",
        (
            "U: you charged my card twice. two times. eighty nine ninety nine and "
            "eighty nine ninety nine. the coffee maker",
            "A: I see one order, 19950316, charged once. The second amount may be a "
            "pending hold from a payment attempt that failed; those usually drop off "
            "in a few days.",
            "U: so it's my bank's fault",
            "A: The hold isn't a charge we kept. If it's still there after a week, "
            "customer care can confirm it with your bank.",
            "U: right. ok. I'll believe it when it's gone",
        ),
        "negative",
        "not satisfied",
        2,
        "complaint",
        tools=(_tool("get_order", order_id="19950316"),),
        links=(("order", "19950316"),),
    ),
    Case(
        "b2-rude-earlier-agent",
        "complaint, hand-over",
        (
            "U: I called yesterday about my return and the woman I spoke to was "
            "honestly rude. she sighed at me and said I should have read the policy",
            "A: I'm really sorry, that's not how we want anyone treated. I can pass "
            "this to a customer care supervisor, who'll follow up with you.",
            "U: I don't want anyone fired, I just, I felt stupid",
            "A: That's completely understandable. I've noted what happened, and the "
            "supervisor will call you back today.",
            "U: ok. thank you for listening at least",
        ),
        "neutral",
        "neutral",
        3,
        "complaint",
    ),
    Case(
        "b2-packaging-jump-rope",
        "complaint, feedback",
        (
            "U: this is more feedback than anything. I ordered a jump rope. one jump "
            "rope. it came in a box I could fit my dog in, full of air pillows",
            "A: That's fair feedback, and I'm sorry about the waste. I'll pass it on "
            "to the warehouse team.",
            "U: ok. I just wanted someone to hear it. thanks",
        ),
        "neutral",
        "satisfied",
        4,
        "complaint",
    ),
    Case(
        "b2-demand-human-tablet",
        "escalation, angry",
        (
            "U: person. PERSON. I want a real person",
            "A: I can transfer you. Can you tell me what it's about so they have the details?",
            "U: the tablet has a line down the middle of the screen. green line. "
            "I've been through this twice with your bot already. person",
            "A: Understood. I'm transferring you to customer care now, with a note "
            "about the green line on the Lumen tablet.",
            "U: thank you. finally",
        ),
        "negative",
        "neutral",
        2,
        "damaged_item",
    ),
    Case(
        "b2-loyal-customer-hurt",
        "complaint, disappointed",
        (
            "U: I've bought from you for six years. every christmas. and this year the "
            "gift I sent my mother arrived with someone else's packing slip in it, "
            "with their name and address",
            "A: I'm very sorry. That's a privacy problem and we take it seriously. "
            "I'll report it to customer care and the privacy team.",
            "U: it just doesn't feel like you're the same company anymore",
            "A: I understand. They'll contact you within a day.",
            "U: mm. ok. well. we'll see",
        ),
        "negative",
        "neutral",
        2,
        "complaint",
    ),
    # ---- other -------------------------------------------------------------------
    Case(
        "b2-wrong-number-pizza",
        "wrong number",
        (
            "U: yeah hi can I get a large pepperoni for delivery",
            "A: I'm sorry, this is the Contoso store's voice assistant; we don't sell pizza.",
            "U: oh. ha, oh my god, wrong number. sorry. have a good night",
        ),
        "neutral",
        "neutral",
        3,
        "other",
    ),
    Case(
        "b2-wrong-number-pharmacy",
        "wrong number, confused",
        (
            "U: hello, I'm calling to refill my blood pressure pills, the name is Walters",
            "A: I'm sorry, this is the Contoso store; we can't refill prescriptions. "
            "Your pharmacy's number should be on the pill bottle label.",
            "U: oh dear. my son wrote this number down. I don't know where he got it",
            "A: The pharmacy number is usually printed near the top of the label.",
            "U: I'll have to call him. oh dear. all right",
        ),
        "neutral",
        "not satisfied",
        2,
        "other",
    ),
    Case(
        "b2-warehouse-job",
        "other question",
        (
            "U: is the warehouse in Redmond hiring? for the holidays",
            "A: I don't have information about jobs, I'm afraid. The careers page on "
            "the Contoso website would have any openings.",
            "U: ok",
        ),
        "neutral",
        "neutral",
        3,
        "other",
    ),
    Case(
        "b2-cant-hear",
        "other, dropped",
        (
            "U: hello? hello, can you hear me",
            "A: Yes, I can hear you. How can I help?",
            "U: hello? I think it's. are you",
        ),
        "neutral",
        "neutral",
        3,
        "other",
        status="abandoned",
    ),
    # ---- added for balance -------------------------------------------------------
    Case(
        "b2-pickleball-league",
        "happy purchase, bulk",
        (
            "U: good morning! I run a little pickleball group at the senior center and "
            "we finally got funding, can you believe it",
            "A: Congratulations! The Rally Pickleball Paddle Set is $59.99, with 7 "
            "pieces including paddles and balls. How many would you like?",
            "U: three sets. in different colors if you can, so nobody fights over them",
            "A: I've ordered one blue, one red and one green set, order 26175540, "
            "$179.97 with free shipping. What's the address?",
            "U: Linden Grove Senior Center, 600 Poplar Avenue, Lawrence Kansas 66044",
            "A: Shipping to 600 Poplar Avenue, Lawrence, KS 66044, arriving Monday.",
            "U: oh the gang is going to be thrilled. thank you so much, honey!",
        ),
        "positive",
        "satisfied",
        5,
        "purchase",
        tools=(
            _tool("search_products", query="pickleball paddles"),
            _order(69, 3),
            _tool("create_shipment", order_id="26175540", address="600 Poplar Avenue"),
        ),
        links=(("order", "26175540"), ("shipment", "SH0000004418")),
    ),
    Case(
        "b2-headphones-warranty-covered",
        "warranty claim, pleasant surprise",
        (
            "U: hi, the left side of my Nimbus headphones just went silent. I've had "
            "them about a year and a half, so I'm guessing I'm out of luck",
            "A: Actually, the Nimbus Noise-Cancelling Headphones have a two-year "
            "warranty, so a speaker that stops working is covered. Customer care "
            "handles the claim; shall I transfer you?",
            "U: oh really? oh that's brilliant, I was about to buy new ones. yes "
            "please, thank you!",
        ),
        "positive",
        "neutral",
        4,
        "damaged_item",
        tools=(_tool("search_knowledge", query="Nimbus headphones warranty", product_id=26),),
    ),
    Case(
        "b2-gift-card-2024",
        "policy question, delighted",
        (
            "U: my aunt gave me a Contoso gift card in like 2024 and I just found it in "
            "a drawer. is it expired",
            "A: Contoso gift cards never expire and have no fees, so the full balance "
            "is still there.",
            "U: yesss. ok. shopping spree. thank you!",
        ),
        "positive",
        "satisfied",
        5,
        "policy_question",
        tools=(_tool("search_knowledge", query="gift card expiry"),),
    ),
    Case(
        "b2-toddler-sunscreen",
        "product question, grateful",
        (
            "U: hi, we're going to Hawaii with our two year old and I'm kind of "
            "panicking about sunscreen. is the mineral one ok for little kids",
            "A: The Mineral Sunscreen Lotion SPF 50 uses mineral filters and the "
            "label covers children over six months. Patch test a small spot first, "
            "and reapply every two hours and after swimming.",
            "U: ok. ok that helps so much. and it's not the spray kind, good. thank "
            "you, honestly, that's one less thing to freak out about",
        ),
        "positive",
        "satisfied",
        5,
        "product_question",
        tools=(_tool("search_knowledge", query="mineral sunscreen children", product_id=81),),
    ),
    Case(
        "b2-driver-praise",
        "other, compliment",
        (
            "U: hi, this is a weird one, nothing's wrong. I just want to say your "
            "delivery driver today carried my cooler all the way up to the third "
            "floor because I'm on crutches. is there a way to tell someone",
            "A: That's lovely to hear. I'll pass your thanks on to the carrier with "
            "your delivery details.",
            "U: please do. he was an absolute gem. thank you!",
        ),
        "positive",
        "satisfied",
        5,
        "other",
    ),
    Case(
        "b2-smartwatch-waterproof-ish",
        "product question, distrust",
        (
            "U: is the Tempo smartwatch waterproof or not. yes or no",
            "A: It's rated 5 ATM: fine for swimming and showers, but not for diving, "
            "water skiing or hot tubs.",
            "U: so no. it's waterproof-ish",
            "A: It's water resistant to that rating.",
            "U: yeah that's what I figured. you always word it so you don't have to "
            "replace anything. ok",
        ),
        "negative",
        "neutral",
        3,
        "product_question",
        tools=(_tool("get_product", product_id=30),),
    ),
    Case(
        "b2-status-by-horse",
        "order status, impatient",
        (
            "U: when is my order coming. 3 8 8 1 6 0 2 9",
            "A: Order 38816029 shipped Tuesday by standard shipping to Miami and is "
            "due next Monday.",
            "U: Monday. I ordered it Sunday",
            "A: Standard delivery to Florida takes up to six business days from shipping.",
            "U: six business days. is it coming by horse. whatever",
        ),
        "negative",
        "neutral",
        3,
        "order_status",
        tools=(_tool("track_shipment", order_id="38816029"),),
        links=(("order", "38816029"),),
    ),
    Case(
        "b2-no-cash-on-delivery",
        "policy question, shut out",
        (
            "U: can I pay when it comes. cash. I don't give my card out on the phone",
            "A: We don't accept cash on delivery, checks or money orders. You can pay "
            "by card, PayPal or a Contoso gift card, and I never ask you to read a "
            "card number aloud.",
            "U: well then I can't buy anything from you, can I",
            "A: With PayPal you don't give us a card number at all.",
            "U: I don't have a PayPal. I'm not opening accounts to buy a jacket. forget it",
        ),
        "negative",
        "not satisfied",
        2,
        "policy_question",
        tools=(_tool("search_knowledge", query="cash on delivery payment methods"),),
    ),
)

__all__ = ["BLIND2"]
