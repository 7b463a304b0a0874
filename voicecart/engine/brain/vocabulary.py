"""The words the retail NLU knows: intent keywords, protected everyday words, and the
product vocabulary (common retail nouns plus the shipped catalog's words)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Final

from voicecart.commerce.query import STOP_WORDS

__all__ = ["KEYWORDS", "PROTECTED", "product_vocabulary", "tokenize_plain"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def tokenize_plain(text: str) -> list[str]:
    """Lower-case alphanumeric words (no contraction handling; enough for catalog text)."""
    return re.findall(r"[a-z0-9]+", text.lower())


# Keywords the NLU patterns rely on; a misheard one is corrected to the nearest.
KEYWORDS: Final = _words(
    """
    return returns returning refund refunds exchange exchanges warranty guarantee policy
    policies shipping delivery deliver delivered cancel canceled cancellation track
    tracking package parcel shipment status order orders purchase buy address overnight
    express expedited standard tomorrow thanks thank goodbye hello help manual
    instructions clean wash sizing colors available cheapest expensive categories
    category department departments customer representative agent human person repeat
    again recommend looking searching interested arrive arrived shipped number
    """
)
# Everyday words that must never be "corrected" into a keyword or a product word.
PROTECTED: Final = _words(
    """
    mind wait hold sorry never forget instead else another other first second third last
    next option which much long come came where when will still done good great fine
    perfect right wrong correct make take give send ship said talk speak someone care
    service support free fast quick days week weeks time told bye yeah yes nope sure
    okay alright cheap hundred thousand dozen couple pair change changed exactly think
    thing want wants like need sell have carry show tell find look more about each place
    placed those these them then than that this with what does have would could should
    also well true false real maybe just only same different size sizes color
    """
)


_RETAIL_NOUNS: Final = _words(
    """
    shoe shoes sneaker sneakers boot boots sandal sandals slipper slippers heels
    trainers shirt shirts tshirt tee tees jacket jackets coat coats sweater sweaters
    hoodie hoodies pants jeans shorts socks leggings dress skirt hat hats cap gloves
    scarf parka vest headphones earbuds earphones speaker speakers charger cable phone
    tablet laptop camera watch smartwatch monitor tv television webcam keyboard mouse
    tent tents backpack bag bags sleeping cooler chair stove lantern hammock kayak
    bottle blender kettle coffee grinder mug mugs pan pans skillet knife knives towel
    towels toaster fryer cooker cookware mat ball racket helmet dumbbell dumbbells
    kettlebell goggles rope bands roller bike shampoo lotion cream serum sunscreen
    lipstick perfume toothbrush dryer toy toys puzzle game lego blocks doll dollhouse
    robot car train bear bandage thermometer humidifier brace running hiking walking
    waterproof wireless bluetooth rain winter
    """
)


# Catalog words that are also everyday words: never evidence of a product search.
_NOT_PRODUCT: Final = _words(
    """
    one two three four five six seven eight nine ten over top upper low high work play
    little person lane house home light plus cold hot daily weekend weather family
    everyday classic speed team party music office night media reading relax art back
    slow soft warm wide calls face hand heart water power rate control press match core
    flat double smart pro multi quarter layer basics personal physical contact display
    """
)


# Words in product names that are everyday English, so no sign of a product search.
_COMMON_NAME_WORDS: Final = _words(
    """
    everyday classic daily family little weekend first double cold hot high over plus
    power press pressure control support person pair size speed upper water smart multi
    flat band hand arm neck blood down lane match core display noise instant island
    honey storm spectrum tempo pulse swift vital frost drift ember keen crisp ritual
    radiance gentle elastic flex slim rise sage dusk harbor heritage junction rally
    remote repair resistance stabilize stunt turbo volt slide bath bead butter button
    cutting folding indoor jump pour polar metro coastal endurance pocket quart brush
    bubble canceling cedar electric facial foam mist sided adjustable artist
    """
)


@lru_cache(maxsize=1)
def product_vocabulary() -> frozenset[str]:
    """Words that name products: common retail nouns, the shipped catalog's category
    names and synonyms, one-word product tags and the last word of each product name
    ("Shoe", "Tent"). Read once."""
    words: set[str] = set(_RETAIL_NOUNS)
    try:
        base = resources.files("voicecart.data").joinpath("catalog")
        products = json.loads(base.joinpath("products.json").read_text(encoding="utf-8"))
        categories = json.loads(base.joinpath("categories.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, ModuleNotFoundError):
        products, categories = [], []
    texts: list[str] = []
    for p in products:
        alpha = [t for t in tokenize_plain(str(p.get("name", ""))) if t.isalpha()]
        texts.extend(alpha[-1:])
        # Model names ("Trailblazer", "Switchback") name products too.
        texts.extend(t for t in alpha if len(t) >= 5 and t not in _COMMON_NAME_WORDS)
        texts.extend(str(t) for t in p.get("tags", []) if " " not in str(t))
    for c in categories:
        texts.append(str(c.get("name", "")))
        texts.extend(str(s) for s in c.get("synonyms", []))
    for text in texts:
        words.update(t for t in tokenize_plain(text) if len(t) >= 3 and t.isalpha())
    return frozenset(
        w for w in words if w not in STOP_WORDS and w not in PROTECTED and w not in _NOT_PRODUCT
    )
