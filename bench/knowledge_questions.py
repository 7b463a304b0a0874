"""Labelled questions for the knowledge benchmark: what shoppers say (paraphrases,
spoken numbers, speech-recognition slips) -> the documents that answer it.

A question may have several relevant documents; finding any of them counts. Tags:
``para`` paraphrase without the document's words, ``asr`` a recognition error,
``num`` a spoken number.
"""

from __future__ import annotations

from typing import Final

# (question, relevant document ids, tags)
QUESTIONS: Final[list[tuple[str, frozenset[str], frozenset[str]]]] = []


def _q(question: str, *docs: str, tags: str = "") -> None:
    QUESTIONS.append((question, frozenset(docs), frozenset(tags.split())))


# --- returns, refunds, exchanges ---------------------------------------------------------
_q("how many days do I have to return something", "policy-returns")
_q("can I return it after thirty days", "policy-returns", tags="num")
_q("I want my money back for a sweater I bought", "policy-returns", tags="para")
_q("how long until my refund shows up on my card", "policy-returns", "policy-order-changes")
_q("does it cost anything to send a return back", "policy-returns")
_q("what stuff can't be returned", "policy-returns", "policy-final-sale")
_q("can I swap these jeans for a bigger size", "policy-exchanges", "faq-clothing", tags="para")
_q("is there a fee for exchanges", "policy-exchanges")
_q("the size I want for my exchange is out of stock", "policy-exchanges")
_q("can I return lipstick I opened", "policy-final-sale", "faq-beauty")
_q("are first aid kits final sale", "policy-final-sale", "care-first-aid-kits")
_q("can I return a blender I used once", "faq-home-kitchen", "policy-returns")
_q("can I return shoes I wore outside", "faq-footwear", "policy-returns", "care-athletic-footwear")
_q(
    "I changed my mind about the headphones can I send them back",
    "faq-electronics",
    "policy-returns",
)
_q("can I return stuff from canada", "policy-shipping-canada", "policy-returns")
_q("re fund for a gift card", "policy-gift-cards", "policy-final-sale", tags="asr")

# --- damaged, missing, recalls -----------------------------------------------------------
_q("my package arrived broken", "policy-damaged-missing", tags="para")
_q("one item was missing from my box", "policy-damaged-missing")
_q("you sent me the wrong thing", "policy-damaged-missing", tags="para")
_q("the shampoo leaked all over the box", "policy-damaged-missing")
_q("how many days do I have to report damage", "policy-damaged-missing")
_q("do I have to send back the broken one", "policy-damaged-missing")
_q("the cold pack burst and leaked in the bag", "manual-instant-cold-pack", "faq-health")
_q("is anything I bought recalled", "policy-recalls")
_q("how do I report a safety problem with a product", "policy-recalls", "guide-toy-safety-ages")

# --- shipping, tracking, addresses -------------------------------------------------------
_q("how much is shipping", "policy-shipping")
_q("do you have free shipping", "policy-shipping")
_q("how fast is overnight delivery", "policy-shipping")
_q("what does two day shipping cost", "policy-shipping", tags="num")
_q("which carrier do you use for standard shipping", "policy-shipping")
_q("do you ship to canada", "policy-shipping-canada")
_q("will I pay duties on a parcel to toronto", "policy-shipping-canada", tags="para")
_q("how long does delivery take to british columbia", "policy-shipping-canada")
_q("where is my order", "policy-order-tracking")
_q("where do I find my tracking number", "policy-order-tracking")
_q("tracking hasn't moved in four days", "policy-order-tracking", tags="num")
_q("it says delivered but it's not here", "policy-order-tracking")
_q("can you ship to a p o box", "policy-delivery-addresses", tags="asr")
_q("can I send it to my mom's house", "policy-delivery-addresses", tags="para")
_q("I need to change the delivery address", "policy-delivery-addresses", "policy-order-changes")
_q("why is shipping so expensive on the dumbbells", "faq-sports")
_q("do you ship propane", "faq-outdoor")

# --- orders, payment, price, gift cards, rewards -----------------------------------------
_q("how do I cancel my order", "policy-order-changes")
_q("can I cancel after it shipped", "policy-order-changes")
_q("can I add another item to my order", "policy-order-changes", tags="para")
_q("what payment methods do you take", "policy-payment-methods")
_q("do you take pay pal", "policy-payment-methods", tags="asr")
_q("my card got declined", "policy-payment-methods")
_q("when do you charge my card", "policy-payment-methods")
_q("do you charge sales tax", "policy-payment-methods", "policy-shipping-canada")
_q("do you price match", "policy-price-match")
_q("the price dropped a week after I bought it", "policy-price-match", tags="para")
_q("do you guys do price mach with other stores", "policy-price-match", tags="asr")
_q("do gift cards expire", "policy-gift-cards")
_q("how do I check my gift card balance", "policy-gift-cards")
_q("I lost my gift card", "policy-gift-cards")
_q("how do I earn reward points", "policy-rewards")
_q("what are the loyalty tiers", "policy-rewards")
_q("do my points expire", "policy-rewards")

# --- contact, privacy, assistant, accessibility, warranty --------------------------------
_q("what are your customer service hours", "policy-contact")
_q("can I talk to a real person", "policy-contact", "policy-voice-assistant")
_q("are you open on sundays", "policy-contact", tags="para")
_q("are my calls recorded", "policy-privacy", "policy-voice-assistant")
_q("do you sell my data", "policy-privacy", tags="para")
_q(
    "can the assistant read my order number back digit by digit",
    "policy-voice-assistant",
    "policy-accessibility",
)
_q("I use a screen reader", "policy-accessibility")
_q("can someone pick up my return from home", "policy-accessibility")
_q("how do I make a warranty claim", "policy-warranty")
_q("what does the warranty cover", "policy-warranty")
_q(
    "how long is the warrenty on the ear buds",
    "manual-aria-earbuds",
    "faq-electronics",
    "policy-warranty",
    tags="asr",
)
_q(
    "is there a warranty on the cookware set",
    "faq-home-kitchen",
    "manual-tri-ply-cookware",
    "policy-warranty",
)

# --- electronics -------------------------------------------------------------------------
_q(
    "how do I pair my earbuds",
    "manual-aria-earbuds",
    "troubleshooting-aria-earbuds",
    "troubleshooting-bluetooth-audio",
)
_q("only one earbud is playing", "troubleshooting-aria-earbuds")
_q(
    "my bluetooth sound keeps cutting out",
    "troubleshooting-bluetooth-audio",
    "troubleshooting-aria-earbuds",
)
_q("how do I factory reset the speaker", "troubleshooting-pulse-speaker")
_q(
    "can I pair two pulse speakers together",
    "manual-pulse-speaker",
    "troubleshooting-pulse-speaker",
)
_q("is the pulse speaker water proof", "faq-electronics", "manual-pulse-speaker", tags="asr")
_q("can I bring the power bank on a plane", "faq-electronics", "manual-volt-power-bank")
_q(
    "will the sixty five watt charger charge my laptop",
    "faq-electronics",
    "manual-swift-charger",
    tags="num",
)
_q("how long does the noise cancelling headphone battery last", "manual-nimbus-headphones")
_q("does the monitor work with a mac", "faq-electronics", "manual-horizon-monitor")
_q("there is a dead pixel on my screen", "manual-horizon-monitor", tags="para")
_q("how do I put a micro s d card in the tablet", "manual-lumen-tablet", tags="asr")
_q("how do I get four k on the streaming stick", "manual-vista-streaming-stick", tags="num")
_q("can I swim with the smart watch", "manual-tempo-smartwatch")
_q("the webcam picture is dark", "manual-clarity-webcam")
_q("how do I turn off the camera on the smart display", "manual-beacon-smart-display")
_q("how many shots do I get per charge on the camera", "manual-aperture-camera")

# --- home and kitchen --------------------------------------------------------------------
_q("how do I season a cast iron pan", "care-cast-iron-skillet")
_q("my skillit has rust on it", "care-cast-iron-skillet", tags="asr")
_q("my air fryer is smoking", "manual-crisp-air-fryer")
_q(
    "what's the difference between the air fryer and the pressure cooker",
    "faq-home-kitchen",
    "manual-hearth-multi-cooker",
)
_q("how do I release the pressure on the multi cooker", "manual-hearth-multi-cooker")
_q("my coffee tastes bitter", "troubleshooting-harbor-coffee-maker")
_q("the coffee maker is overflowing", "troubleshooting-harbor-coffee-maker")
_q("how do I set the timer on the coffee maker", "manual-harbor-coffee-maker")
_q("how do I descale the kettle", "manual-gooseneck-kettle")
_q("what temperature for green tea in the kettle", "manual-gooseneck-kettle")
_q("what grind size should I use", "manual-ritual-burr-grinder", "faq-home-kitchen")
_q("does the cookware work on induction", "faq-home-kitchen", "manual-tri-ply-cookware")
_q("how do I sharpen the chef's knife", "care-knife-cutting-boards")
_q(
    "can the bamboo cutting board go in the dishwasher",
    "care-knife-cutting-boards",
    "faq-home-kitchen",
)
_q("the blender won't turn on", "manual-velocity-blender")
_q("my towels smell musty", "care-mugs-towels", tags="para")

# --- clothing and footwear ---------------------------------------------------------------
_q("what size jacket should I get", "sizing-clothing", "faq-clothing")
_q("I'm between two sizes", "faq-clothing", "sizing-clothing")
_q("how do I wash a down parka", "care-down-parka")
_q("my merino sweater shrank", "care-wool-merino")
_q("how do I make my rain jacket waterproof again", "care-rain-jacket")
_q("how do I iron linen", "care-linen")
_q("are the yoga leggings see through", "faq-clothing")
_q("my gym clothes still stink after washing", "care-performance-fabrics", tags="para")
_q("what's a size ten in european sizes", "sizing-footwear", "sizing-footwear-womens", tags="num")
_q("do you have wide shoes", "faq-footwear")
_q("can I put my walking shoes in the washing machine", "care-athletic-footwear")
_q("how do I get salt stains off leather boots", "care-leather-footwear")
_q("do the hiking boots need breaking in", "faq-footwear")
_q("how often should I replace running shoes", "faq-footwear", "care-athletic-footwear")

# --- health, beauty ----------------------------------------------------------------------
_q("can I sleep with the heating pad on", "faq-health", "manual-comfort-plus-heating-pad")
_q(
    "what cuff size is the blood pressure monitor",
    "faq-health",
    "manual-vital-blood-pressure-monitor",
)
_q("how accurate is the forehead thermometer", "faq-health", "manual-quickread-thermometer")
_q("how often do I clean the humidifier", "faq-health", "manual-mistral-humidifier")
_q("there's white dust around the humidifier", "manual-mistral-humidifier")
_q("how do I wrap a sprained ankle", "care-ankle-brace-bandage")
_q("should I use heat or ice on my back", "care-hot-cold-therapy", tags="para")
_q("how do I do a patch test", "guide-beauty-patch-test")
_q("how much sunscreen should I put on", "guide-sun-protection")
_q("can I use the hair dryer in europe", "faq-beauty", "manual-ionic-hair-dryer")
_q("how do I clean my makeup brushes", "care-makeup-brushes")
_q("when should I change the tooth brush head", "manual-sonic-toothbrush", tags="asr")
_q("what heat setting for the flat iron", "manual-silk-press-flat-iron")

# --- outdoor, sports, toys ---------------------------------------------------------------
_q("how do I set up the tent", "care-summit-tent")
_q("is the tent ok for winter camping", "faq-outdoor", "care-summit-tent")
_q("how cold can the sleeping bag go", "faq-outdoor", "care-glacier-sleeping-bag")
_q("how long does ice last in the cooler", "faq-outdoor", "care-cooler-water-bottle")
_q("can I cook with the camp stove inside my tent", "faq-outdoor", "manual-ember-camp-stove")
_q("how do I fit the backpack to my torso", "care-backpack-trekking-poles", "faq-outdoor")
_q("how do I inflate the kayak", "manual-tidepool-kayak")
_q("how do I hang the hammock", "care-hammock-camp-chair")
_q("how long does the solar lantern take to charge", "manual-headlamp-lantern")
_q("do the balls come pumped up", "faq-sports", "care-balls-rackets", tags="para")
_q("what size bike helmet do I need", "sizing-helmet-brace", "faq-sports")
_q("should I replace my helmet after a crash", "faq-sports")
_q("does the yoga mat have latex", "faq-sports", "care-fitness-equipment")
_q("how do I change the weight on the dumbbells", "manual-adjustable-dumbbells")
_q("which toys are ok for a baby", "faq-toys", "guide-toy-safety-ages")
_q("does the code bot need an ipad", "faq-toys", "manual-codebot-robot", tags="asr")
_q("a piece is missing from the dollhouse", "manual-easel-dollhouse-assembly")
_q("how long does the stunt car battery last", "faq-toys", "manual-turbo-flip-rc-car")
_q("are the magnetic tiles safe for kids", "faq-toys", "guide-toy-safety-ages")
