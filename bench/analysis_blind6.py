"""Blind evaluation set b6: 60 labelled Contoso voice-assistant calls ("a day at the centre").

Written by writer F (set b6) on 2026-12-03, to score the call analyser once.

Blindness. While writing this set I did not open, list, grep or run anything under
voicecart/analysis/, voicecart/data/analysis_training/, bench/analysis.py,
bench/analysis_heldout.py, the other bench/analysis_blind*.py files, the analysis tests or
docs/benchmarks.md; I ran no analyser and read no git history about analysis. Of
bench/analysis_cases.py I read only the part above the case list (the Case record and the
_order / _tool helpers). I read the catalog (voicecart/data/catalog/), the store policies
and product documents (voicecart/data/knowledge/), the tool definitions (voicecart/tools/),
the README, and voicecart/shipping/ (to quote real shipping prices and delivery days and to
make tracking numbers whose check digits are valid). The assistant's answers follow those
documents; prices, stock and ids come from the catalog.

Turn format. Each turn is "U: ..." (the shopper, as speech-to-text wrote it: often
lower-case run-ons with fillers, sometimes clean sentences, now and then a misheard word)
or "A: ..." (the assistant). `tools` lists the assistant's tool calls in order, with
arguments as in voicecart/tools/; ok=False marks a call that failed. `links` names the
orders and shipments the call created. Calls are dated Thursday 2026-12-03, so delivery
days are counted in business days from that day. status="abandoned" means the shopper
hung up or the line dropped; extra["language"] marks calls held in another language.

How I labelled (my guide, written before the calls). I read each call as a quality
reviewer who sees only the transcript.

sentiment, the shopper's overall feeling about the call:
- positive: the shopper clearly expresses pleasure or warmth ("perfect", "great",
  "lovely", "you saved my pan", effusive thanks), and nothing negative outweighs it.
- negative: frustration, anger, worry, sarcasm or exasperation is the main tone, or the
  call ends with it.
- neutral: everything else: matter-of-fact, terse or merely polite ("ok thanks"), mixed
  calls where a bad start ends in plain acceptance, and cut-off calls with no sign either way.

satisfaction, whether the shopper ended up satisfied with the outcome:
- satisfied: they got what they called for (order placed, status given, question
  answered, cancellation done), or a hand-off / self-service path they explicitly welcome
  ("oh that's easy", "great, transfer me").
- not satisfied: the need was not met and they show they mind it (a "no" they object to,
  a failure, hanging up angry).
- neutral: partial or deferred outcomes the shopper merely accepts (a bare "ok, transfer
  me"), a "no" accepted without complaint, a purchase completed under protest,
  wrong numbers, and calls cut off before anything happened.

rating, 1 to 5, the quality of the outcome and experience from the shopper's side:
- 5: resolved with no friction, and the shopper is clearly content.
- 4: resolved, but with a minor hiccup (a misheard number, a failed call that was
  recovered), or the shopper stays matter-of-fact; also a hand-off the shopper welcomes.
- 3: partly resolved or deferred (transfer, wait and see), a clear answer that was not
  what they hoped but which they accept calmly, a purchase that left them grumbling,
  or a call where there was nothing for the store to do (a wrong number).
- 2: unresolved and the shopper leaves unhappy (including a correct "no" they resent),
  or the call was cut off before anything was achieved.
- 1: unresolved and the shopper leaves angry or gives up on the assistant, or the
  assistant's failures made the call worse.

reason, the ONE thing the shopper called about: what they open with or what drives the
call; side questions and add-ons later in the call do not change it.
- purchase: wants to buy something (browsing with intent, ordering, shipping a new order).
- product_question: features, sizing, compatibility, stock, care, how-to or
  troubleshooting of a product, with no claim that it is broken and no order placed.
- order_status: where an existing order or parcel is when nothing is known to be wrong
  ("has it shipped?", "when will it come?", a tracking number to look up).
- delivery_issue: the shopper reports a delivery problem: late, tracking stuck, marked
  delivered but not there, wrong address, part of the order missing from the parcel.
- damaged_item: an item arrived broken, cracked, leaking, defective or wrong.
- return_refund: sending a specific item back, exchanging it for another size or colour,
  whether their item can be returned, or where a refund is.
- cancellation: cancelling an order, including cancel-and-reorder to change it, whether
  or not the cancellation succeeds.
- policy_question: a general store-policy question not tied to a problem with one of
  their orders (shipping costs and countries, payment, price match, gift cards, hours).
- complaint: the call exists mainly to complain about the service or the products, not
  to get a specific fix.
- other: anything else (wrong numbers, account matters such as a Rewards balance).
"""

from __future__ import annotations

from bench.analysis_cases import Case, _order, _tool

BLIND6: tuple[Case, ...] = (
    Case(
        id="b6-01",
        kind="order_status_terse",
        turns=(
            "U: wheres my order 4 0 7 1 6 3 5 2",
            "A: Order 4071 6352 shipped with Northwind Parcel Ground. It's in transit, last "
            "scanned in Boise, Idaho this morning, and it's due Monday, December 7.",
            "U: k",
            "A: Is there anything else I can help with?",
            "U: no",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="order_status",
        tools=(_tool("track_shipment", order_id="40716352"),),
    ),
    Case(
        id="b6-02",
        kind="purchase_speaker_happy",
        turns=(
            "U: hi yeah um im looking for like a bluetooth speaker something for the beach "
            "under fifty bucks",
            "A: The Pulse Portable Bluetooth Speaker by Proseware is $49.99 and in stock. "
            "It's rated IPX7, so it survives a dunk in fresh water and even floats, and it "
            "plays up to 12 hours on a charge.",
            "U: oh sick it floats? thats perfect ok yeah ill take one",
            "A: One Pulse Portable Bluetooth Speaker at $49.99. Shall I place the order?",
            "U: yep",
            "A: Done. Your order number is 7034 2918, total $49.99. Where should I ship it?",
            "U: fourteen twenty larimer street denver colorado eight zero two zero two",
            "A: That's 1420 Larimer St, Denver, CO 80202. Standard shipping is $10.49 and it "
            "arrives Thursday, December 10. I should mention the order is one cent under our "
            "$50 free-shipping threshold. Is standard fine?",
            "U: haha one cent, of course. nah its fine, standard",
            "A: It's shipped with Northwind Parcel Ground, tracking number NW 6695 2690 1286 "
            "159. You'll have it by Thursday, December 10.",
            "U: awesome thanks so much",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="purchase",
        tools=(
            _tool(
                "search_products",
                query="bluetooth speaker for the beach under 50 dollars",
                max_price=50.0,
            ),
            _order(27, 1),
            _tool(
                "create_shipment",
                order_id="70342918",
                address="1420 Larimer Street, Denver, Colorado 80202",
                speed="standard",
            ),
        ),
        links=(("order", "70342918"), ("shipment", "SH7KQ2MXR4PD")),
    ),
    Case(
        id="b6-03",
        kind="late_delivery_birthday_angry",
        turns=(
            "U: yeah hi. my order was supposed to be here monday and its thursday and "
            "nothing. order number six one five oh three three eight two",
            "A: I'm sorry, let me look. Order 6150 3382 shipped with Northwind Parcel Ground, "
            "tracking NW 5161 6817 3808 322. It was due Monday, November 30. The last scan was "
            "in transit in Salt Lake City, Utah, last Friday, and there's been no update since.",
            "U: so where is it then",
            "A: I can only see that last scan. Tracking can go quiet while a parcel is on a "
            "truck, but this one is late. Once there's no update for 5 business days, which is "
            "tomorrow, customer care opens a trace with the carrier and sends a replacement or "
            "a refund if it's lost. I can transfer you to customer care now so they can flag it.",
            "U: so i just wait? its for my sons birthday on saturday. this is ridiculous honestly",
            "A: I understand, and I'm sorry it's this close. Customer care is open until 9 pm "
            "Pacific and can tell you what they can do before Saturday. Shall I put you through?",
            "U: whatever. yeah transfer me i guess",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=2,
        reason="delivery_issue",
        tools=(_tool("track_shipment", order_id="61503382"),),
    ),
    Case(
        id="b6-04",
        kind="policy_ship_to_canada_quick",
        turns=(
            "U: hey do you guys ship to canada",
            "A: Yes. Canadian orders go with Wide World Post: standard takes 6 to 10 business "
            "days and costs $14.99 plus $2.50 per pound, expedited takes 4 business days at "
            "$29.99 plus $4.00 per pound. Free shipping doesn't apply to Canada, and duties or "
            "GST/HST may be collected at delivery. That's from our 'Shipping to Canada and "
            "Other Countries' policy.",
            "U: ok cool thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="policy_question",
        tools=(_tool("search_knowledge", query="do you ship to canada", kind="policy"),),
    ),
    Case(
        id="b6-05",
        kind="order_status_out_for_delivery_es",
        turns=(
            "U: hola eh quería saber dónde está mi pedido, el número es tres tres siete cero "
            "uno dos ocho cinco",
            "A: Claro. Su pedido 3370 1285 va con Northwind Parcel y hoy está en reparto: salió "
            "en el vehículo de entrega esta mañana en Phoenix, Arizona. Debería llegar hoy, "
            "normalmente antes de primera hora de la tarde.",
            "U: ¡Ah, perfecto! Muchas gracias, muy amable.",
            "A: De nada. ¿Puedo ayudarle en algo más?",
            "U: no no, eso es todo, gracias",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="order_status",
        tools=(_tool("track_shipment", order_id="33701285"),),
        extra={"language": "es"},
    ),
    Case(
        id="b6-06",
        kind="damaged_mugs_calm",
        turns=(
            "U: hi um so i got my mugs today, the stoneware set, and two of them are like "
            "chipped on the rim and one has a crack. order is 5 2 0 9 4 4 1 7",
            "A: I'm sorry about that. I see order 5209 4417 with the Stoneware Coffee Mug Set "
            "of 4. Please don't use the cracked one; it can break when it's filled with "
            "something hot. Our 'Damaged, Defective, Wrong or Missing Items' policy says to "
            "report it within 7 days of delivery, and we send a free replacement or a full "
            "refund, whichever you prefer. A photo of the damage and the box is usually "
            "enough; you don't need to send them back.",
            "U: oh ok good. so how do i report it, through you?",
            "A: Damage reports are handled by customer care. They're open now until 9 pm "
            "Pacific, or you can choose Report a problem under Orders in your Contoso account. "
            "I can transfer you right now.",
            "U: oh thats easy enough. yeah put me through. thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="damaged_item",
        tools=(
            _tool("get_order", order_id="52094417"),
            _tool("search_knowledge", query="mug arrived chipped and cracked", kind="policy"),
        ),
    ),
    Case(
        id="b6-07",
        kind="elderly_purchase_heating_pad",
        turns=(
            "U: Hello? Is this the Contoso store? I'm not very good with these computer things.",
            "A: Hello, yes, you're through to the Contoso voice assistant. Take all the time "
            "you need. How can I help?",
            "U: well my back has been bothering me and my daughter said you sell a, um, a "
            "heating thing. a pad. electric",
            "A: We do. The Comfort Plus Electric Heating Pad by Northwind is $34.99 and in "
            "stock. It has six heat settings and a soft cover you can wash.",
            "U: thirty four ninety nine. and does it, does it turn itself off? I do doze off in "
            "my chair",
            "A: It has a 2-hour automatic shut-off. The manual does say never to sleep with it "
            "switched on, even with the shut-off, and to use it for 15 to 20 minutes at a "
            "time, starting on a low setting.",
            "U: oh. yes. fifteen to twenty minutes. alright, I think I'll have one, please",
            "A: One Comfort Plus Electric Heating Pad at $34.99. Shall I place the order?",
            "U: yes dear, go ahead",
            "A: It's ordered. Your order number is 7035 5104. Now, where would you like it sent?",
            "U: it's seventy seven maple drive, spokane. washington. the zip is nine nine two "
            "oh one",
            "A: I have 77 Maple Dr, Spokane, WA 99201. Standard shipping is $8.29, and it "
            "should arrive Monday, December 7.",
            "U: monday. and I don't need to do anything else?",
            "A: Nothing else. You'll get an email with the tracking number. The total for the "
            "pad and shipping is $43.28.",
            "U: well bless you, you've been very patient with me. thank you",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="purchase",
        tools=(
            _tool("search_products", query="electric heating pad", category="Health"),
            _tool("search_knowledge", query="heating pad turn off automatically", product_id=99),
            _order(99, 1),
            _tool(
                "create_shipment",
                order_id="70355104",
                address="77 Maple Drive, Spokane, Washington 99201",
            ),
        ),
        links=(("order", "70355104"), ("shipment", "SHD4W7HQN2ZR")),
    ),
    Case(
        id="b6-08",
        kind="return_cut_off_early",
        turns=(
            "U: hi um i wanted to ask about returning a, um, the jacket i bought, the rain one",
            "A: Sure, I can help with that. Could you tell me your 8-digit order number?",
            "U: yeah hold on its uh one two",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=2,
        reason="return_refund",
        status="abandoned",
    ),
    Case(
        id="b6-09",
        kind="cancel_and_reorder_quantity",
        turns=(
            "U: Hi, I placed an order this morning for one kettlebell, the 16 kilo, but I "
            "actually need two. Can you change it?",
            "A: I can't change an order once it's placed, but if it hasn't shipped I can cancel "
            "it and place a new one for two. What's the order number?",
            "U: five eight one two oh four seven six",
            "A: Order 5812 0476: one Iron Core Kettlebell 16 kg, $54.99, not shipped yet. "
            "Shall I cancel it?",
            "U: yes please",
            "A: Cancelled. The $54.99 goes back to your card, usually within 5 to 7 business "
            "days. Now, a new order for two Iron Core Kettlebells at $54.99 each, $109.98 in "
            "total. Go ahead?",
            "U: yep",
            "A: Done, order 7036 1187. Where should it ship?",
            "U: 4415 Greenwood Avenue North, Seattle, Washington 98103",
            "A: 4415 Greenwood Ave N, Seattle, WA 98103. Standard shipping is free on this "
            "order and it arrives Monday, December 7. Tracking number NW 8450 1680 2537 204.",
            "U: Perfect, that was painless. Thanks!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="cancellation",
        tools=(
            _tool("get_order", order_id="58120476"),
            _tool("cancel_order", order_id="58120476", reason="wants two instead of one"),
            _order(70, 2),
            _tool(
                "create_shipment",
                order_id="70361187",
                address="4415 Greenwood Avenue North, Seattle, Washington 98103",
                speed="standard",
            ),
        ),
        links=(("order", "70361187"), ("shipment", "SH3NVB8TZ6WH")),
    ),
    Case(
        id="b6-10",
        kind="earbuds_one_side_fixed",
        turns=(
            "U: hey so my aria earbuds, only the left one is playing, the right ones just silent",
            "A: That usually means the two earbuds have lost their link with each other. Put "
            "both back in the case, close the lid for 10 seconds, then take them out again. "
            "Want to try that now?",
            "U: ok hang on... ok theyre out. nope still just the left",
            "A: Then let's reset them. With the lid open, hold the case button for 15 seconds "
            "until the light flashes amber three times. Then remove Aria Earbuds from your "
            "phone's Bluetooth list and pair again.",
            "U: ok holding... ok it flashed orange. uh, ok forgetting it, ok pairing... oh there "
            "we go, both sides! nice",
            "A: Great. That's from the Aria Wireless Earbuds Troubleshooting guide. If it comes "
            "back, they have a 1-year warranty through customer care.",
            "U: sweet, thanks a lot",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="aria earbuds only one earbud plays",
                kind="troubleshooting",
                product_id=25,
            ),
        ),
    ),
    Case(
        id="b6-11",
        kind="exchange_sweater_fr",
        turns=(
            "U: Bonjour, euh, j'ai commandé le pull en mérinos, le Fairhaven, et il est trop "
            "petit. Je voudrais le renvoyer.",
            "A: Bonjour. Si vous voulez simplement une autre taille du même pull, l'échange est "
            "gratuit dans les 30 jours suivant la livraison, à condition que le pull n'ait été "
            "ni porté ni lavé et qu'il ait encore ses étiquettes. Sinon, vous pouvez le "
            "retourner pour un remboursement ; les retours depuis les États-Unis sont gratuits. "
            "C'est notre politique « Exchanges ».",
            "U: d'accord. et je fais comment, c'est vous qui le faites?",
            "A: Les échanges sont gérés par le service client, de 7 h à 21 h, heure du "
            "Pacifique, ou dans votre compte Contoso, rubrique Commandes, puis Échange. Gardez "
            "votre numéro de commande à 8 chiffres. Voulez-vous que je vous transfère ?",
            "U: oui, d'accord. merci.",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=3,
        reason="return_refund",
        tools=(_tool("search_knowledge", query="échanger un pull trop petit", kind="policy"),),
        extra={"language": "fr"},
    ),
    Case(
        id="b6-12",
        kind="hurried_purchase_overnight_charger",
        turns=(
            "U: I need a usb-c laptop charger, 65 watt, overnight to Austin. quick please",
            "A: The Swift 65W USB-C Charger by Contoso, $34.99, in stock. Order one?",
            "U: yes",
            "A: Order 7037 4420, $34.99. Your Austin address?",
            "U: 500 congress avenue austin texas 78701",
            "A: 500 Congress Ave, Austin, TX 78701, Tailspin Express Overnight, $40.59, "
            "arriving tomorrow, Friday, December 4. Tracking TX 3197 9335 3341 874.",
            "U: forty bucks to ship. fine. done?",
            "A: All done. The tracking number is in your email too.",
            "U: ok bye",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="purchase",
        tools=(
            _tool("search_products", query="65 watt usb-c laptop charger", category="Electronics"),
            _order(33, 1),
            _tool(
                "create_shipment",
                order_id="70374420",
                address="500 Congress Avenue, Austin, Texas 78701",
                speed="overnight",
            ),
        ),
        links=(("order", "70374420"), ("shipment", "SHX9C4LRE2JQ")),
    ),
    Case(
        id="b6-13",
        kind="order_not_shipped_misheard_number",
        turns=(
            "U: hi, um, I ordered a hoodie last week and I haven't gotten any email about "
            "shipping, so I'm wondering what's going on. order number is 3 9 1 1 5 8 2",
            "A: I only caught seven digits: 3 9 1 1 5 8 2. Order numbers have eight. Could you "
            "read it again?",
            "U: oh sorry. three nine one one five eight two six",
            "A: Thanks. Order 3911 5826 is one Weekend Zip-Up Hoodie, $39.99. It's placed but "
            "it hasn't shipped, because no delivery address was set up for it yet. I can ship "
            "it now if you give me the address.",
            "U: oh! I thought that was automatic. ok it's 22 birch lane, boise idaho 83702",
            "A: I have 22 Birch Ln, Boise, ID 83702. Standard shipping is $9.09 with Northwind "
            "Parcel Ground, arriving Tuesday, December 8. Tracking NW 4957 6876 3618 927.",
            "U: ok. well good that I called then. thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="order_status",
        tools=(
            _tool("get_order", ok=False, order_id="3911582"),
            _tool("get_order", order_id="39115826"),
            _tool(
                "create_shipment",
                order_id="39115826",
                address="22 Birch Lane, Boise, Idaho 83702",
                speed="standard",
            ),
        ),
        links=(("shipment", "SH5TYP3GKM8A"),),
    ),
    Case(
        id="b6-14",
        kind="delivered_not_received",
        turns=(
            "U: hi so tracking says my package was delivered yesterday but its not here. ive "
            "looked everywhere. order two seven seven six four oh nine one",
            "A: I'm sorry. Order 2776 4091, tracking NW 6865 9135 8625 506, was marked "
            "delivered yesterday at 1:12 pm in Columbus, Ohio. Carriers sometimes mark a parcel "
            "delivered a little early, so please check around the door, with neighbours and "
            "your building's mail room, and give it until the end of today.",
            "U: ugh. this always happens with my building. and if it doesnt show up?",
            "A: Then report it within 7 days of the delivery date and we'll send a replacement "
            "or a refund. Customer care takes those reports from 7 am to 9 pm Pacific; have "
            "the order number ready.",
            "U: fine. ill go bug the neighbours i guess",
        ),
        sentiment="negative",
        satisfaction="neutral",
        rating=3,
        reason="delivery_issue",
        tools=(_tool("track_shipment", order_id="27764091"),),
    ),
    Case(
        id="b6-15",
        kind="return_worn_shoes_refused",
        turns=(
            "U: hey um so i bought the switch back trail runners like two weeks ago and i wore "
            "them on one run and they kind of rub my heel. can i return them",
            "A: I'm sorry they rub. Our 'Returns and Refunds' policy only accepts shoes that "
            "are unworn; they should only be tried on indoors on a clean floor. Once they've "
            "been worn outside, they can't be returned or exchanged for fit.",
            "U: seriously? it was one run. like five miles",
            "A: I understand it's frustrating. That rule applies to all worn shoes. A real "
            "defect, like a seam coming apart, is handled separately, but rubbing from the fit "
            "isn't a defect.",
            "U: ok. well thats annoying. whatever, thanks",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=2,
        reason="return_refund",
        tools=(
            _tool("search_knowledge", query="return running shoes worn outside", kind="policy"),
        ),
    ),
    Case(
        id="b6-16",
        kind="speaker_pool_question_de",
        turns=(
            "U: Hallo, ich habe den Pulse Lautsprecher gekauft und wollte fragen, ob ich den "
            "mit in den Pool nehmen kann. Also, ins Wasser.",
            "A: Ja. Der Pulse Portable Bluetooth Speaker ist nach IPX7 zertifiziert: Er hält "
            "30 Minuten in einem Meter Süßwasser aus und schwimmt sogar im Pool. Wichtig ist, "
            "dass die Gummiklappe über dem Ladeanschluss fest geschlossen ist, sonst gilt der "
            "Schutz nicht.",
            "U: ah super. und nach dem schwimmen, kann ich den gleich laden?",
            "A: Bitte erst trocknen lassen. Laden Sie ihn nie, solange er nass ist, und "
            "trocknen Sie den Anschluss, bevor Sie das Kabel einstecken. Nach Salzwasser mit "
            "Süßwasser abspülen. Das steht in der Bedienungsanleitung des Pulse-Lautsprechers.",
            "U: Alles klar, das ist gut zu wissen. Vielen Dank, schönen Tag noch!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="Pulse Lautsprecher Pool wasserdicht laden",
                product_id=27,
            ),
        ),
        extra={"language": "de"},
    ),
    Case(
        id="b6-17",
        kind="complaint_hold_time_and_wrong_eta",
        turns=(
            "U: yeah i want to make a complaint. i called tuesday and your assistant told me my "
            "order would come in two days, and it took three, and then i waited forty minutes "
            "on hold for a person yesterday",
            "A: I'm sorry, that's a poor experience. I can check where the order is now. Do "
            "you have the order number?",
            "U: i dont want you to check it, it came this morning. i want someone to know that "
            "this is bad service",
            "A: Understood. I can't log a formal complaint myself, but customer care can, and "
            "you can also write to us through Contact us in your Contoso account; they reply "
            "within 1 business day. Calls are quickest before 10 am and after 6 pm Pacific.",
            "U: so i have to wait on hold again to complain about waiting on hold. great",
            "A: I'm sorry. The written message through your account avoids the hold entirely.",
            "U: yeah whatever. this is useless",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=1,
        reason="complaint",
    ),
    Case(
        id="b6-18",
        kind="purchase_tent_enthusiastic",
        turns=(
            "U: Hi there! My partner and I are going backpacking in the spring and we need a "
            "tent for two. Something light.",
            "A: The Summit 2-Person Tent by Adventure Works is $189.99 and in stock. It's "
            "freestanding and three-season, with two doors and two vestibules, and the trail "
            "weight is 2.1 kilograms.",
            "U: two doors, oh thats nice, no climbing over each other. is it waterproof?",
            "A: The rainfly is rated 3,000 mm waterproof with factory-taped seams, according to "
            "the Summit 2-Person Tent care guide.",
            "U: sold. lets do one",
            "A: One Summit 2-Person Tent, $189.99. Shall I place the order?",
            "U: yes please",
            "A: Order 7038 9235 is placed. Where should it go?",
            "U: 915 southeast alder street portland oregon 97214",
            "A: 915 SE Alder St, Portland, OR 97214. Standard shipping is free, and it should "
            "arrive Tuesday, December 8. Tracking NW 0030 8991 9370 734.",
            "U: Amazing, thank you so much!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="purchase",
        tools=(
            _tool(
                "search_products",
                query="lightweight 2 person backpacking tent",
                category="Outdoor",
            ),
            _tool("search_knowledge", query="summit tent waterproof rating", product_id=49),
            _order(49, 1),
            _tool(
                "create_shipment",
                order_id="70389235",
                address="915 SE Alder Street, Portland, Oregon 97214",
                speed="standard",
            ),
        ),
        links=(("order", "70389235"), ("shipment", "SH8MRF2VC6KT")),
    ),
    Case(
        id="b6-19",
        kind="grandmother_gift_status_chatty",
        turns=(
            "U: Oh hello, yes, I ordered a robot kit for my grandson, he's turning nine on the "
            "twelfth, and I just wanted to make sure it's coming. He's very into computers, "
            "you know, not like me.",
            "A: That sounds like a lovely present. Do you have the 8-digit order number?",
            "U: Let me find my glasses... here. four five five three, oh seven one eight.",
            "A: Order 4553 0718, the CodeBot STEM Robot Kit, shipped with Northwind Parcel "
            "Ground, tracking NW 8119 8601 8704 956. It's in transit and due Tuesday, "
            "December 8, well before the twelfth.",
            "U: Oh good, oh that's a relief. And it's alright for a nine year old? It's not "
            "too hard for him?",
            "A: The CodeBot kit is for ages 8 and up, so nine is just right. One tip from the "
            "manual: it needs 4 AA batteries, which aren't included.",
            "U: Batteries! I'd never have thought of that. Thank you, dear, you've been ever so "
            "helpful.",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="order_status",
        tools=(
            _tool("track_shipment", order_id="45530718"),
            _tool("search_knowledge", query="codebot robot kit age", product_id=92),
        ),
    ),
    Case(
        id="b6-20",
        kind="refund_not_received_frustrated",
        turns=(
            "U: i sent back the blender, the velocity one, like eight days ago and i still "
            "dont have my refund",
            "A: I'm sorry for the wait. Refunds go to your original payment method within 5 to "
            "7 business days after the return arrives at our warehouse in Redmond, not from "
            "when you send it. I can't see return status myself, but customer care can check "
            "whether it has arrived.",
            "U: eight days. it doesnt take eight days to get to redmond",
            "A: Ground parcels can take up to 6 business days, and the refund clock starts "
            "when the return is scanned in at the warehouse. Customer care can look up the "
            "return tracking and tell you exactly where it is. Shall I transfer you?",
            "U: so more waiting. fine transfer me",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=2,
        reason="return_refund",
        tools=(
            _tool(
                "search_knowledge",
                query="how long does a refund take after a return",
                kind="policy",
            ),
        ),
    ),
    Case(
        id="b6-21",
        kind="policy_payment_methods",
        turns=(
            "U: quick question, can i pay with apple pay or paypal",
            "A: We accept PayPal; Visa, Mastercard, American Express and Discover cards; and "
            "Contoso gift cards. Apple Pay isn't on the list in our 'Payment Methods' policy.",
            "U: ok paypal works then. thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="policy_question",
        tools=(_tool("search_knowledge", query="payment methods apple pay paypal", kind="policy"),),
    ),
    Case(
        id="b6-22",
        kind="purchase_yoga_mats_pt",
        turns=(
            "U: Oi, boa tarde. Eu queria comprar um tapete de yoga, na verdade dois, um pra mim "
            "e um pra minha irmã.",
            "A: Boa tarde! Temos o ProGrip Yoga Mat, da Lamna, por 34,99 dólares, em estoque. "
            "Dois ficam 69,98 dólares. Posso fazer o pedido?",
            "U: pode sim",
            "A: Pedido feito: número 7039 6641, total de 69,98 dólares. Para onde envio?",
            "U: quarenta e oito ferry street, newark, new jersey, zero sete um zero cinco",
            "A: Endereço: 48 Ferry St, Newark, NJ 07105. O frete padrão é grátis porque o "
            "pedido passa de 50 dólares, e a entrega está prevista para sexta-feira, 11 de "
            "dezembro. O código de rastreio é NW 8676 3986 3229 347.",
            "U: Ai que ótimo, frete grátis! Obrigada, viu?",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="purchase",
        tools=(
            _tool("search_products", query="tapete de yoga", category="Sports"),
            _order(61, 2),
            _tool(
                "create_shipment",
                order_id="70396641",
                address="48 Ferry Street, Newark, New Jersey 07105",
            ),
        ),
        links=(("order", "70396641"), ("shipment", "SHQ2J9XZ5BLE")),
        extra={"language": "pt"},
    ),
    Case(
        id="b6-23",
        kind="cancel_already_shipped",
        turns=(
            "U: hi i need to cancel an order i just made, its 6 2 0 4 8 8 5 3",
            "A: I'm sorry, order 6204 8853 has already shipped, so it can't be cancelled; the "
            "label was printed this morning. Once it arrives you can return it within 30 days, "
            "free from a US address, or refuse it at the door and it comes back to us as a "
            "return.",
            "U: what? i ordered it last night. how is it already shipped",
            "A: An order counts as shipped as soon as its shipment is created and the label "
            "printed, even before the carrier picks it up. After that it can't be stopped.",
            "U: thats really annoying. so i have to deal with a return for something i never "
            "even got",
            "A: Refusing it at the door is the simplest: you don't need to do anything else, "
            "and it's refunded as a return.",
            "U: fine. whatever.",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=2,
        reason="cancellation",
        tools=(_tool("cancel_order", ok=False, order_id="62048853", reason="changed mind"),),
    ),
    Case(
        id="b6-24",
        kind="wrong_address_after_shipping",
        turns=(
            "U: oh god ok so I just realised the order I placed yesterday is going to my old "
            "apartment. I moved last month. Can you change the address? order 5 1 8 7 3 3 6 0",
            "A: Let me check. Order 5187 3360 shipped with Tailspin Express 2-Day, tracking TX "
            "0659 6318 5577 054, to 340 Pine St, Apt 12, Sacramento. The label is printed, so "
            "I can't redirect it myself.",
            "U: oh no. so its just going to go there? someone else lives there now",
            "A: Customer care should hear about it as soon as possible. If the carrier returns "
            "the parcel to us, we refund it or reship it to the right address. They're open "
            "until 9 pm Pacific, and I can transfer you now.",
            "U: ok. yes please, transfer me. ugh.",
        ),
        sentiment="negative",
        satisfaction="neutral",
        rating=3,
        reason="delivery_issue",
        tools=(_tool("track_shipment", order_id="51873360"),),
    ),
    Case(
        id="b6-25",
        kind="sizing_chinos",
        turns=(
            "U: hi um what size should i get in the metro chinos if my waist is like thirty three",
            "A: A 33-inch waist is a Medium, which covers 31 to 34 inches. The Metro Slim Chino "
            "Pants are slim through the leg with a 32-inch inseam that can be hemmed shorter, "
            "and you choose them by waist.",
            "U: gotcha. and theyre, like, how much again",
            "A: $44.99, and they're in stock.",
            "U: cool ok ill think about it. thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="product_question",
        tools=(
            _tool("search_knowledge", query="metro slim chino size for 33 waist", kind="sizing"),
            _tool("get_product", product_id=4),
        ),
    ),
    Case(
        id="b6-26",
        kind="headphones_browse_line_dropped",
        turns=(
            "U: hey so im looking at noise cancelling headphones whats good",
            "A: The Nimbus Noise-Cancelling Headphones by Litware are $199.99 and in stock. If "
            "you'd like earbuds instead, the Aria Wireless Earbuds are $79.99.",
            "U: two hundred hm ok and do the nimbus ones",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=2,
        reason="purchase",
        tools=(_tool("search_products", query="noise cancelling headphones"),),
        status="abandoned",
    ),
    Case(
        id="b6-27",
        kind="monitor_cracked_angry",
        turns=(
            "U: I just opened the monitor I ordered, the Horizon 27 inch, and the screen is "
            "cracked. Right across the corner. Three hundred eighty dollars.",
            "A: I'm really sorry. Can you give me the order number so I can pull it up?",
            "U: 2 8 3 0 6 6 4 5",
            "A: Order 2830 6645, one Horizon 27-Inch 4K Monitor at $379.99. Arriving damaged is "
            "covered: report it within 7 days and we send a free replacement or a full refund. "
            "For a large item like a monitor we send a prepaid label and collect the damaged "
            "one. Customer care handles the report; a photo of the screen and the box helps.",
            "U: so I can't just get a new one from you right now",
            "A: I can't arrange the replacement myself, I'm sorry. Customer care can, and "
            "they're open now until 9 pm Pacific. I'll transfer you.",
            "U: Fine. Just get me to someone who can send a new one.",
        ),
        sentiment="negative",
        satisfaction="neutral",
        rating=3,
        reason="damaged_item",
        tools=(
            _tool("get_order", order_id="28306645"),
            _tool("search_knowledge", query="monitor arrived with cracked screen", kind="policy"),
        ),
    ),
    Case(
        id="b6-28",
        kind="two_orders_status_then_ship",
        turns=(
            "U: hi, I have two orders going and I wanted to check both. The first is 4 4 1 9 2 "
            "0 5 7.",
            "A: Order 4419 2057 shipped with Northwind Parcel Ground, tracking NW 0864 9701 "
            "0946 791. It's out for delivery today.",
            "U: great. and the other one is 4 4 1 9 2 3 1 0",
            "A: Order 4419 2310 is placed but has no shipment yet, so it hasn't shipped. "
            "Would you like me to ship it now? I'd need the delivery "
            "address.",
            "U: oh, no, that one I'm picking... no wait, you don't do pickup, do you",
            "A: No, our Redmond warehouse doesn't have a pickup counter; everything is delivered.",
            "U: right. ok send it to the same place as the other one",
            "A: I'll need the full address to create the shipment: street, city, state and ZIP.",
            "U: 1207 Lake Street, Minneapolis, Minnesota 55408",
            "A: 1207 Lake St, Minneapolis, MN 55408. Standard shipping is free, and it arrives "
            "Thursday, December 10. Tracking NW 6764 4814 1947 287.",
            "U: perfect. thank you",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="order_status",
        tools=(
            _tool("track_shipment", order_id="44192057"),
            _tool("track_shipment", order_id="44192310"),
            _tool(
                "create_shipment",
                order_id="44192310",
                address="1207 Lake Street, Minneapolis, Minnesota 55408",
            ),
        ),
        links=(("shipment", "SHA6PN3WD8YG"),),
    ),
    Case(
        id="b6-29",
        kind="policy_free_shipping_threshold",
        turns=(
            "U: whats the minimum for free shipping",
            "A: Standard shipping is free on US orders with a subtotal of $50 or more, before "
            "shipping. Expedited, overnight and Canadian orders always pay for shipping.",
            "U: great, thanks!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="policy_question",
        tools=(_tool("search_knowledge", query="free shipping minimum", kind="policy"),),
    ),
    Case(
        id="b6-30",
        kind="parka_out_of_stock",
        turns=(
            "U: hi i want to order the polar parka, the insulated one, size medium",
            "A: The Polar Insulated Parka by Alpine Ski House is $249. Shall I place an order "
            "for one?",
            "U: yes",
            "A: I'm sorry, the order didn't go through: the Polar Insulated Parka is out of "
            "stock right now. The Cascade Packable Rain Jacket is in stock at $119, but it's a "
            "shell, not insulated; you'd layer a fleece under it.",
            "U: no, i need a real winter coat, its minus ten here. ugh, figures. never mind then",
            "A: I'm sorry about that. I can't say when it will be back in stock, but it's worth "
            "checking again.",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=2,
        reason="purchase",
        tools=(
            _tool("search_products", query="polar insulated parka"),
            {**_order(7, 1), "ok": False},
        ),
    ),
    Case(
        id="b6-31",
        kind="policy_price_match_other_store",
        turns=(
            "U: Hi. I saw the Nimbus headphones for $169 on another website. Do you price match?",
            "A: We only match Contoso's own price drops: if our price falls within 14 days of "
            "your purchase, we refund the difference. Prices at other stores or websites "
            "don't qualify, per our 'Price Adjustments and Price Match' policy. Ours is "
            "$199.99 right now.",
            "U: Hm. Ok. No then, thanks.",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=3,
        reason="policy_question",
        tools=(
            _tool("search_knowledge", query="price match another store", kind="policy"),
            _tool("search_products", query="nimbus headphones"),
        ),
    ),
    Case(
        id="b6-32",
        kind="tracking_number_misheard_then_found",
        turns=(
            "U: can you track a package for me the number is t x 1 7 6 8 9 8 8 8 0 2 3 8 8 5 6",
            "A: That number doesn't check out, so I probably misheard a digit. I got TX 1768 "
            "9888 0238 856. Could you read it again, slowly?",
            "U: t x one seven six eight, nine eight eight eight, zero two three eight, eight six "
            "five",
            "A: Got it: TX 1768 9888 0238 865. It's Tailspin Express 2-Day, out for delivery in "
            "Tucson, Arizona this morning, so it should arrive today.",
            "U: oh today! great, thanks",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=4,
        reason="order_status",
        tools=(
            _tool("track_shipment", ok=False, tracking_number="TX 1768 9888 0238 856"),
            _tool("track_shipment", tracking_number="TX 1768 9888 0238 865"),
        ),
    ),
    Case(
        id="b6-33",
        kind="late_parcel_trace_es",
        turns=(
            "U: Buenas, mire, mi paquete tenía que llegar el martes de la semana pasada y "
            "todavía nada. El pedido es uno nueve seis cuatro cero cinco dos dos.",
            "A: Lo siento. El pedido 1964 0522 va con Northwind Parcel, número de seguimiento "
            "NW 5754 9683 1507 178. La entrega estaba prevista para el martes 24 de noviembre "
            "y el último escaneo fue en tránsito en Reno, Nevada, el lunes 23. Como ya lleva "
            "más de 5 días hábiles de retraso, el servicio al cliente abre una investigación "
            "con el transportista y, si se ha perdido, le envía un reemplazo o le devuelve el "
            "dinero. Atienden de 7 de la mañana a 9 de la noche, hora del Pacífico.",
            "U: Vale. ¿Y eso cuánto tarda?",
            "A: No tengo un plazo exacto para la investigación; el servicio al cliente se lo "
            "confirmará. Si hay reemplazo, se envía con la misma velocidad de envío que usted "
            "eligió, sin coste.",
            "U: Bueno, vale. Páseme, gracias.",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=3,
        reason="delivery_issue",
        tools=(_tool("track_shipment", order_id="19640522"),),
        extra={"language": "es"},
    ),
    Case(
        id="b6-34",
        kind="return_hoodie_in_window_exchange",
        turns=(
            "U: Hi! I'd like to return a hoodie, it's just not my color. Is it too late? I got "
            "it like three weeks ago. Order 3 6 6 5 2 0 1 9.",
            "A: It was delivered on Tuesday, November 17, so you're within the 30-day window "
            "until December 17. It needs to be unworn and unwashed with the tags on. Returns "
            "from US addresses are free: we email a prepaid label and you drop it off within "
            "14 days. And if you'd just like a different colour, an exchange is free too.",
            "U: oh a different color, yes, the navy would be nice. how do I do that?",
            "A: Go to Orders in your Contoso account and choose Exchange, or I can transfer you "
            "to customer care, open until 9 pm Pacific. They'll check navy is in stock and "
            "reserve it.",
            "U: Oh I'll just do it in the app, that's easy. Thanks so much!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=4,
        reason="return_refund",
        tools=(
            _tool("track_shipment", order_id="36652019"),
            _tool("search_knowledge", query="return window for clothing", kind="policy"),
        ),
    ),
    Case(
        id="b6-35",
        kind="gift_puzzle_to_mum",
        turns=(
            "U: hello! I'd like to send a jigsaw puzzle to my mum in Florida for Christmas, "
            "she loves them. something with a nice picture",
            "A: The Lighthouse at Dusk 1000-Piece Jigsaw Puzzle by Wide World Importers is "
            "$18.99 and in stock.",
            "U: oh a lighthouse, she'll love that. yes please, one",
            "A: Order 7040 2276 is placed, $18.99. What's your mum's address?",
            "U: its 2210 palm avenue, tampa, florida, 33605",
            "A: 2210 Palm Ave, Tampa, FL 33605. Standard shipping is $11.89 and it arrives "
            "Friday, December 11. The packing slip doesn't show prices, so it's gift-ready. "
            "Tracking NW 0311 2758 6882 809.",
            "U: lovely, well before christmas. thank you!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="purchase",
        tools=(
            _tool("search_products", query="jigsaw puzzle with a nice picture", category="Toys"),
            _order(91, 1),
            _tool(
                "create_shipment",
                order_id="70402276",
                address="2210 Palm Avenue, Tampa, Florida 33605",
                speed="standard",
            ),
        ),
        links=(("order", "70402276"), ("shipment", "SHV3K8LT2RUC")),
    ),
    Case(
        id="b6-36",
        kind="wrong_number_pharmacy",
        turns=(
            "U: yeah hi is this walgreens i need to refill a prescription",
            "A: This is the Contoso store's voice assistant, so I can't help with "
            "prescriptions, I'm afraid. You'll need to contact your pharmacy directly.",
            "U: oh. sorry wrong number",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=3,
        reason="other",
    ),
    Case(
        id="b6-37",
        kind="cast_iron_rust_relief",
        turns=(
            "U: hi so i think i ruined my cast iron pan, the heritage one, i left it soaking "
            "overnight and now theres rust spots",
            "A: Don't worry, a few rust spots aren't a problem. Scrub them off with steel wool, "
            "rinse, dry it straight away, then re-season: rub a thin layer of vegetable oil "
            "over the whole pan, wipe off as much as you can, and bake it upside down at 450 F "
            "for an hour with foil on the rack below. Let it cool in the oven.",
            "U: oh thank god. 450 for an hour. and just regular vegetable oil?",
            "A: Yes, vegetable oil, as in the Heritage Cast Iron Skillet care guide. And next "
            "time, skip the soaking: clean it while it's warm, dry it and heat it for a minute.",
            "U: perfect, you saved my pan, thank you!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="product_question",
        tools=(
            _tool("search_knowledge", query="cast iron skillet rust after soaking", product_id=43),
        ),
    ),
    Case(
        id="b6-38",
        kind="tracking_quiet_reassured",
        turns=(
            "U: tracking hasnt moved in two days, is my package lost? order 5 7 7 3 0 1 8 4",
            "A: Order 5773 0184 is with Northwind Parcel Ground, tracking NW 1221 2919 4285 "
            "425. The last scan was in transit in Kansas City, Missouri, on Tuesday. It's due "
            "Friday, December 4, so it's still on time. Tracking often goes quiet while a "
            "parcel is on a truck between scans.",
            "U: ok so just wait",
            "A: Yes. If there's no update for 5 business days, or it's 5 business days late, "
            "contact us and we'll open a trace with the carrier.",
            "U: ok makes sense. thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="delivery_issue",
        tools=(_tool("track_shipment", order_id="57730184"),),
    ),
    Case(
        id="b6-39",
        kind="cancel_air_fryer_gift_chatty",
        turns=(
            "U: Hi there, so funny story, I ordered an air fryer on Monday and then my sister "
            "shows up on Tuesday with an air fryer as a housewarming present! So I really don't "
            "need two. Can I cancel mine?",
            "A: That's a good sister! If it hasn't shipped yet, yes. What's the order number?",
            "U: its six three three one eight nine two zero",
            "A: Order 6331 8920, one Crisp 5-Quart Air Fryer at $79.99, not shipped yet. Shall "
            "I cancel it?",
            "U: yes please",
            "A: It's cancelled. The full $79.99 is refunded today to your original payment "
            "method and usually shows up within 5 to 7 business days.",
            "U: Oh wonderful. That was so easy, thank you!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="cancellation",
        tools=(
            _tool("get_order", order_id="63318920"),
            _tool("cancel_order", order_id="63318920", reason="received one as a gift"),
        ),
    ),
    Case(
        id="b6-40",
        kind="policy_quebec_shipping_duties",
        turns=(
            "U: hi im in montreal, how long does shipping take to quebec and do i pay duty on top",
            "A: Standard to Quebec takes about 10 business days with Wide World Post, at "
            "$14.99 plus $2.50 per pound; expedited is 4 business days at $29.99 plus $4.00 per "
            "pound. Prices are in US dollars, and duties, GST or HST and provincial sales tax "
            "aren't included at checkout; Wide World Post may collect them at delivery.",
            "U: ten days plus duty at the door. hm. bon, ok. thanks",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=3,
        reason="policy_question",
        tools=(
            _tool("search_knowledge", query="shipping time to quebec and duties", kind="policy"),
        ),
    ),
    Case(
        id="b6-41",
        kind="purchase_blender_matter_of_fact",
        turns=(
            "U: yeah i want to order the velocity blender",
            "A: The Velocity High-Speed Blender by Contoso is $149.99 and in stock. Order one?",
            "U: whats the warranty on it",
            "A: 5 years from the delivery date, covering defects in materials and workmanship.",
            "U: ok good. yeah one",
            "A: Order 7041 5538, $149.99. Where should it ship?",
            "U: 1800 north clark street chicago illinois 60614",
            "A: 1800 N Clark St, Chicago, IL 60614. Standard shipping is free; it arrives "
            "Thursday, December 10. Tracking NW 1370 8777 9866 436.",
            "U: ok. thats it",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="purchase",
        tools=(
            _tool("search_products", query="velocity blender"),
            _tool("search_knowledge", query="velocity blender warranty", product_id=42),
            _order(42, 1),
            _tool(
                "create_shipment",
                order_id="70415538",
                address="1800 North Clark Street, Chicago, Illinois 60614",
                speed="standard",
            ),
        ),
        links=(("order", "70415538"), ("shipment", "SHM5Z2QE7HNW")),
    ),
    Case(
        id="b6-42",
        kind="order_number_misheard_repeatedly",
        turns=(
            "U: hi i want to check on my order its 8 1 5 5 0 2 7 3",
            "A: I heard 8 1 5 5 2 7 3, which is only seven digits. Could you say it again?",
            "U: eight one five five oh nine seven three",
            "A: I couldn't find order 8155 0973. Could you read it once more, one digit at a time?",
            "U: EIGHT. ONE. FIVE. FIVE. ZERO. TWO. SEVEN. THREE. how hard is this",
            "A: Sorry about that. Order 8155 0273 is placed and hasn't shipped yet; it's one "
            "Ace Graphite Tennis Racket, $89.99.",
            "U: its been placed for a week. why hasnt it shipped. actually forget it, i want a "
            "real person",
            "A: I understand. Customer care is open until 9 pm Pacific; I'll transfer you now.",
            "U: finally",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=1,
        reason="order_status",
        tools=(
            _tool("get_order", ok=False, order_id="8155273"),
            _tool("get_order", ok=False, order_id="81550973"),
            _tool("get_order", order_id="81550273"),
        ),
    ),
    Case(
        id="b6-43",
        kind="third_call_late_parcel_hung_up",
        turns=(
            "U: this is the third time im calling about my package. order 2 0 9 3 1 7 5 4. its "
            "two weeks late",
            "A: I'm sorry. Order 2093 1754 is with Northwind Parcel Ground, tracking NW 4467 "
            "8305 0882 433. The last scan was in transit in Memphis, Tennessee, on November 18, "
            "and it was due November 20. Because it's more than 5 business days late, customer "
            "care can open a trace with the carrier and send a replacement or a refund",
            "U: i know that. ive been told that twice. nobody has done anything",
            "A: I'm sorry you've had to chase this. Let me transfer you to customer care and "
            "note that this is your third call, so",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=1,
        reason="delivery_issue",
        tools=(_tool("track_shipment", order_id="20931754"),),
        status="abandoned",
    ),
    Case(
        id="b6-44",
        kind="dollhouse_stock_and_age",
        turns=(
            "U: hi do you still have the wooden dollhouse in stock, the willow lane one",
            "A: Yes, the Willow Lane Wooden Dollhouse is $129.99, but there are only 4 left.",
            "U: oh ok only four. and its ok for a four year old?",
            "A: It's for ages 3 and up, so yes. It's 90 cm tall with six rooms, a working "
            "elevator and 17 pieces of furniture.",
            "U: ok thanks, ill talk to my husband and maybe order tonight",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="product_question",
        tools=(
            _tool("search_products", query="willow lane wooden dollhouse"),
            _tool("search_knowledge", query="willow lane dollhouse age", product_id=95),
        ),
    ),
    Case(
        id="b6-45",
        kind="return_headphones_de",
        turns=(
            "U: Guten Tag. Ich möchte die Nimbus-Kopfhörer zurückgeben. Ich habe sie ausgepackt "
            "und ausprobiert, aber sie drücken mir auf die Ohren.",
            "A: Guten Tag. Das geht: Sie können die meisten Artikel innerhalb von 30 Tagen nach "
            "der Lieferung zurückgeben, wenn sie unbenutzt und in der Originalverpackung mit "
            "allem Zubehör sind. Zu Hause anprobieren ist in Ordnung. Rücksendungen von "
            "US-Adressen sind kostenlos; wir schicken Ihnen ein vorfrankiertes Etikett per "
            "E-Mail. Das steht in unserer Richtlinie „Returns and Refunds“.",
            "U: Und wann bekomme ich das Geld zurück?",
            "A: Innerhalb von 5 bis 7 Werktagen, nachdem die Rücksendung in unserem Lager in "
            "Redmond angekommen ist, auf die ursprüngliche Zahlungsart. Die Rücksendung starten "
            "Sie unter Bestellungen in Ihrem Contoso-Konto, oder ich verbinde Sie mit dem "
            "Kundenservice.",
            "U: Alles klar, das mache ich im Konto. Das ist ja einfach. Danke schön.",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="return_refund",
        tools=(_tool("search_knowledge", query="Kopfhörer zurückgeben ausgepackt", kind="policy"),),
        extra={"language": "de"},
    ),
    Case(
        id="b6-46",
        kind="order_unexpectedly_cancelled",
        turns=(
            "U: hi has my order shipped yet. 3 0 8 8 5 1 4 2",
            "A: Order 3088 5142 shows as cancelled, on Monday. It was one Tempo Fitness "
            "Smartwatch, $149.99.",
            "U: cancelled? i didnt cancel anything. why was it cancelled",
            "A: I'm sorry, I can't see why it was cancelled. A cancelled order is refunded in "
            "full to the original payment method. Customer care can tell you what happened; "
            "they're open until 9 pm Pacific. Would you like me to transfer you, or place a "
            "new order for the watch?",
            "U: no i want to know why first. this is weird. transfer me",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=2,
        reason="order_status",
        tools=(_tool("get_order", order_id="30885142"),),
    ),
    Case(
        id="b6-47",
        kind="elderly_purchase_blood_pressure_monitor",
        turns=(
            "U: Yes hello. My doctor says I should check my blood pressure at home. Do you sell "
            "the, the machine for that?",
            "A: We do. The Vital Upper Arm Blood Pressure Monitor by Proseware is $49.99 and in "
            "stock. It measures blood pressure and pulse automatically and has a large "
            "backlit display.",
            "U: A large display, good, my eyes aren't what they were. Now my arms are rather "
            "big, will the cuff fit?",
            "A: The cuff fits upper arms from 22 to 42 centimetres around, that's roughly 8 and "
            "a half to 16 and a half inches.",
            "U: Let me see... I think I'm about fourteen inches. So that's alright.",
            "A: Yes, 14 inches is well within that. Shall I order one for $49.99?",
            "U: Sorry, what was the price again?",
            "A: $49.99.",
            "U: Yes, alright. One please.",
            "A: It's ordered, order number 7042 1960. Where shall I send it?",
            "U: 310 Oak Street, Eugene, Oregon. 97401.",
            "A: 310 Oak St, Eugene, OR 97401. Standard shipping is $8.39, and it arrives "
            "Tuesday, December 8. Your total is $58.38.",
            "U: Tuesday. Very good. Thank you, that wasn't so hard after all.",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="purchase",
        tools=(
            _tool("search_products", query="blood pressure monitor", category="Health"),
            _tool("search_knowledge", query="blood pressure monitor cuff size", product_id=104),
            _order(104, 1),
            _tool(
                "create_shipment",
                order_id="70421960",
                address="310 Oak Street, Eugene, Oregon 97401",
                speed="standard",
            ),
        ),
        links=(("order", "70421960"), ("shipment", "SHG8B4YJ3SXP")),
    ),
    Case(
        id="b6-48",
        kind="gel_pack_leaked",
        turns=(
            "U: Hi, I ordered the hot and cold gel bead packs and one of them arrived leaking. "
            "There's blue gel all over the box. Order 2 4 4 7 6 6 1 9.",
            "A: I'm sorry. Order 2447 6619, the Hot & Cold Gel Bead Pack 2-Pack. Please don't "
            "use or try to patch the leaking pack; wipe up the spill with a damp cloth and wash "
            "your hands. Report it within 7 days of delivery and we'll send a free replacement. "
            "A photo of the pack and the box helps.",
            "U: ok. and I report it where?",
            "A: To customer care, open until 9 pm Pacific, or with Report a problem under "
            "Orders in your Contoso account.",
            "U: Ok, thanks, that's helpful. I'll do it online.",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="damaged_item",
        tools=(
            _tool("get_order", order_id="24476619"),
            _tool("search_knowledge", query="gel pack arrived leaking", kind="policy"),
        ),
    ),
    Case(
        id="b6-49",
        kind="policy_gift_card_expiry",
        turns=(
            "U: hi um do your gift cards expire? i wanna get one for my niece but she never "
            "uses them right away lol",
            "A: They never expire, and there are no activation or inactivity fees. You can "
            "choose any amount from $10 to $500, as an e-gift card by email or a physical card "
            "in a greeting card, which ships free.",
            "U: oh perfect, thats exactly what i wanted to hear. thanks!",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="policy_question",
        tools=(_tool("search_knowledge", query="do gift cards expire", kind="policy"),),
    ),
    Case(
        id="b6-50",
        kind="canada_tracking_slow_ok",
        turns=(
            "U: hi im calling from ontario, can you tell me where my parcel is, tracking is c p "
            "5 3 1 3 2 6 7 4 3 u s",
            "A: CP 5313 2674 3 US is Wide World Post Standard. It's in transit, last scanned in "
            "Seattle, Washington, on Monday, and it's due Wednesday, December 9.",
            "U: the ninth. thats slow but ok i guess, as long as its coming",
            "A: Standard to Ontario takes about 10 business days. Canadian duties and taxes may "
            "be collected when it arrives.",
            "U: yeah yeah i know. ok thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="order_status",
        tools=(_tool("track_shipment", tracking_number="CP531326743US"),),
    ),
    Case(
        id="b6-51",
        kind="purchase_po_box_refused",
        turns=(
            "U: hi i need two headlamps, the rechargeable ones, firefly",
            "A: The Firefly Rechargeable LED Headlamp by Contoso is $24.99 each and in stock. "
            "Two would be $49.98. Shall I order them?",
            "U: yes",
            "A: Order 7043 3817 is placed, $49.98. Where should I ship it?",
            "U: p o box one one four santa fe new mexico eight seven five oh one",
            "A: I'm sorry, we can't deliver to PO boxes. Is there a street address I can use?",
            "U: oh. ok um, 68 canyon road, santa fe, same zip",
            "A: 68 Canyon Rd, Santa Fe, NM 87501. Standard shipping is $9.49, arriving "
            "Thursday, December 10. Tracking NW 1168 6441 9009 535.",
            "U: nine forty nine, and i was two cents off free shipping huh. oh well. ok thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="purchase",
        tools=(
            _tool("search_products", query="firefly rechargeable headlamp"),
            _order(53, 2),
            _tool(
                "create_shipment",
                ok=False,
                order_id="70433817",
                address="PO Box 114, Santa Fe, New Mexico 87501",
            ),
            _tool(
                "create_shipment",
                order_id="70433817",
                address="68 Canyon Road, Santa Fe, New Mexico 87501",
            ),
        ),
        links=(("order", "70433817"), ("shipment", "SHR2D6NA9VKF")),
    ),
    Case(
        id="b6-52",
        kind="exchange_running_shoe_size",
        turns=(
            "U: hi! so i got the trailblazer running shoes in a ten and theyre a bit tight in "
            "the toes. can i swap them for a ten and a half? i only tried them on in the house",
            "A: Yes. Size exchanges are free within 30 days of delivery, as long as they've "
            "only been tried on indoors. We send a prepaid return label and ship the new size "
            "by standard shipping at no charge, as soon as the carrier scans your return "
            "parcel. That's from our 'Exchanges' policy.",
            "U: oh nice, so i dont even have to wait for them to get it back",
            "A: Right. To set it up, use Exchange under Orders in your Contoso account, or I "
            "can transfer you to customer care, open until 9 pm Pacific. They'll check the "
            "10.5 is in stock and reserve it.",
            "U: great, transfer me please, thanks for explaining it so clearly",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=4,
        reason="return_refund",
        tools=(
            _tool(
                "search_knowledge",
                query="exchange running shoes for a different size",
                kind="policy",
            ),
        ),
    ),
    Case(
        id="b6-53",
        kind="missing_item_from_parcel",
        turns=(
            "U: Hello, I ordered two packs of the merino hiking socks and only one pack came. "
            "Order 1 5 5 9 7 2 6 3.",
            "A: Order 1559 7263 has two Trail Merino Hiking Socks 3-Packs, and it shipped as "
            "one parcel, tracking NW 3491 4529 8581 011, delivered on Tuesday. So both packs "
            "should have been in that box.",
            "U: Well they weren't. Just the one.",
            "A: I'm sorry. Missing items are covered: report it within 7 days of delivery and "
            "we send the missing item or refund it. Customer care handles that, open until "
            "9 pm Pacific, or use Report a problem under Orders in your account.",
            "U: Alright. I'll call them.",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=3,
        reason="delivery_issue",
        tools=(
            _tool("get_order", order_id="15597263"),
            _tool("track_shipment", order_id="15597263"),
        ),
    ),
    Case(
        id="b6-54",
        kind="rewards_balance_other",
        turns=(
            "U: hey can you tell me how many rewards points i have",
            "A: I can't see Rewards balances, I'm afraid. Your balance, tier and certificates "
            "are in your Contoso account under Rewards, and customer care can read them to you "
            "from 7 am to 9 pm Pacific.",
            "U: oh ok. ill check the app then",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=3,
        reason="other",
        tools=(_tool("search_knowledge", query="check my rewards points balance", kind="policy"),),
    ),
    Case(
        id="b6-55",
        kind="policy_opening_hours",
        turns=(
            "U: What time does customer care close?",
            "A: Customer care is open 7 am to 9 pm Pacific time, seven days a week. That's "
            "10 am to midnight Eastern.",
            "U: OK, thanks.",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="policy_question",
        tools=(_tool("search_knowledge", query="customer care opening hours", kind="policy"),),
    ),
    Case(
        id="b6-56",
        kind="purchase_tee_shipping_sarcasm",
        turns=(
            "U: yeah i need one of the plain cotton tees, black, large",
            "A: The Everyday Cotton T-Shirt by Contoso is $14.99 and comes in black and in "
            "large. Shall I order one?",
            "U: yep",
            "A: Order 7044 0395, $14.99. Where should I ship it?",
            "U: 350 west 42nd street new york new york 10036",
            "A: 350 W 42nd St, New York, NY 10036. Standard shipping is $10.69, arriving "
            "Friday, December 11. Tracking NW 0628 6002 0717 742.",
            "U: oh great, eleven bucks to ship a fifteen dollar shirt. fantastic. love that",
            "A: I'm sorry, I know that's a lot on a small order. Standard shipping is free "
            "from $50, so it can help to group items next time.",
            "U: yeah yeah. whatever. bye",
        ),
        sentiment="negative",
        satisfaction="neutral",
        rating=3,
        reason="purchase",
        tools=(
            _tool("search_products", query="plain cotton t-shirt"),
            _order(1, 1),
            _tool(
                "create_shipment",
                order_id="70440395",
                address="350 West 42nd Street, New York, New York 10036",
                speed="standard",
            ),
        ),
        links=(("order", "70440395"), ("shipment", "SHW4E8TK3NPB")),
    ),
    Case(
        id="b6-57",
        kind="smartwatch_water_question",
        turns=(
            "U: hi, i have the tempo smartwatch. can i wear it in the shower and when i swim laps",
            "A: Swimming laps is fine: it's water resistant to 5 ATM, about 50 metres, and "
            "made for the pool. Hot showers aren't: the manual says no saunas or hot showers, "
            "and hot-water damage isn't covered by the warranty. Rinse it in fresh water after "
            "chlorine and dry it before charging.",
            "U: ok, no showers. got it. thanks",
        ),
        sentiment="neutral",
        satisfaction="satisfied",
        rating=4,
        reason="product_question",
        tools=(
            _tool(
                "search_knowledge",
                query="tempo smartwatch swimming shower water resistance",
                product_id=30,
            ),
        ),
    ),
    Case(
        id="b6-58",
        kind="cancel_line_dropped",
        turns=(
            "U: hi i need to cancel an order, number is 6 6 2 0 9 4 7 1",
            "A: Order 6620 9471 is one Lakeside Folding Camp Chair, $39.99, not shipped yet. "
            "Would you like me to cancel it?",
            "U: yeah um actually wait is the",
        ),
        sentiment="neutral",
        satisfaction="neutral",
        rating=2,
        reason="cancellation",
        tools=(_tool("get_order", order_id="66209471"),),
        status="abandoned",
    ),
    Case(
        id="b6-59",
        kind="status_plus_side_questions_chatty",
        turns=(
            "U: Hi! Okay so I ordered a towel set and I'm hosting family next week, so I'm just "
            "making sure it'll be here. Order is 4 2 8 1 6 6 5 0. Oh and also, my sister "
            "asked, are your stoneware mugs dishwasher safe? She wants to get some.",
            "A: Order 4281 6650, the Plush Cotton Bath Towel Set, shipped with Northwind Parcel "
            "Ground, tracking NW 3654 0980 4134 247, and it's due Monday, December 7.",
            "U: Oh Monday, great, they come Wednesday, perfect timing.",
            "A: And yes, the Stoneware Coffee Mug Set of 4 is microwave and dishwasher safe. "
            "Just avoid sudden temperature changes, like boiling water into a mug straight "
            "from the freezer.",
            "U: Great, I'll tell her. Oh, and should I wash the towels first?",
            "A: Yes, the care guide says to wash them before first use to boost absorbency, "
            "and to skip fabric softener. New towels can shed a little lint the first few "
            "washes.",
            "U: Good to know! Thanks so much, you've been super helpful.",
        ),
        sentiment="positive",
        satisfaction="satisfied",
        rating=5,
        reason="order_status",
        tools=(
            _tool("track_shipment", order_id="42816650"),
            _tool("search_knowledge", query="stoneware mugs dishwasher safe", product_id=45),
            _tool("search_knowledge", query="wash towels before first use", product_id=48),
        ),
    ),
    Case(
        id="b6-60",
        kind="complaint_tshirt_quality",
        turns=(
            "U: yeah I bought three of your everyday t shirts and after one wash they shrank. "
            "your stuff is junk honestly",
            "A: I'm sorry to hear that. The Everyday Cotton T-Shirt is pre-shrunk; washing cold "
            "and drying on low keeps its size, and a hot dryer can shrink it by around 3%. If "
            "they shrank more than that, it may be a defect: the Contoso Quality Promise covers "
            "defects within 90 days of delivery, and customer care can replace or refund them.",
            "U: i dried them normal. i dont want replacements, i want you to know your quality "
            "is bad. ive bought here for years",
            "A: I understand, and thank you for telling us. I can't log feedback myself, but "
            "customer care can record it, or you can send it through Contact us in your "
            "Contoso account.",
            "U: yeah. sure. someone will definitely read that",
        ),
        sentiment="negative",
        satisfaction="not satisfied",
        rating=2,
        reason="complaint",
        tools=(
            _tool(
                "search_knowledge",
                query="everyday cotton t-shirt shrank after washing",
                product_id=1,
            ),
        ),
    ),
)
