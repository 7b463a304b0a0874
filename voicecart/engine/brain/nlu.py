"""Understanding one shopper utterance: an intent and its slots, tolerant of speech errors.

Rules, not a model: keyword and pattern matching over the normalised words, after
a light fuzzy correction of misheard keywords ("retern polcy" -> "return policy").
Product words are recognised against a vocabulary (the shipped catalog's names,
tags and category synonyms plus common retail nouns), again with fuzzy matching
("runing shoos" counts as a product phrase). Numbers, choices and order/tracking
numbers come from :mod:`~voicecart.engine.brain.numbers`, addresses from
:mod:`~voicecart.engine.brain.addresses`.

The result says what was *said*; what it means in the conversation (a "yes" to
which question, "the second one" of which list) is decided by the dialog manager.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extractOne

from voicecart.commerce.query import STOP_WORDS, extract_price, normalize, prepare
from voicecart.engine.brain.addresses import AddressField, AddressParts, address_text, parse_address
from voicecart.engine.brain.numbers import (
    choice_of,
    order_number_of,
    quantity_of,
    tracking_number_in_text,
    tracking_number_of,
)
from voicecart.engine.brain.vocabulary import KEYWORDS, PROTECTED, product_vocabulary

__all__ = ["Intent", "Speed", "Understanding", "product_vocabulary", "tokenize", "understand"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


Speed = Literal["standard", "expedited", "overnight"]
Expect = Literal["address", "order_number", "quantity", "choice", "yes_no"]


class Intent(StrEnum):
    GREETING = "greeting"
    HELP = "help"
    CATEGORIES = "categories"
    SEARCH = "search"
    DETAILS = "details"
    BUY = "buy"
    YES = "yes"
    NO = "no"
    ADDRESS = "address"
    ORDER_STATUS = "order_status"
    TRACK = "track"
    CANCEL_ORDER = "cancel_order"
    POLICY = "policy"
    HUMAN = "human"
    REPEAT = "repeat"
    THANKS = "thanks"
    GOODBYE = "goodbye"
    OTHER = "other"


@dataclass(frozen=True)
class Understanding:
    """One utterance, understood."""

    text: str  # what speech recognition gave us
    words: tuple[str, ...]  # normalised words, misheard keywords corrected
    intent: Intent
    affirm: bool = False  # starts with yes / sure / go ahead ...
    negate: bool = False  # starts with no / cancel / changed my mind ...
    thanks: bool = False
    quantity: int | None = None
    choices: tuple[int, ...] = ()  # 1-based positions in the last list; -1 = the last one
    product_ids: tuple[int, ...] = ()  # products named, among the candidates given
    ambiguous_ids: tuple[int, ...] = ()  # several candidates fit the name equally
    also: bool = False  # "also", "as well", "too": add to, don't replace
    search_text: str = ""  # the product phrase, price words removed
    names_something: bool = False  # the phrase has content words ("trailblazers", not "it")
    max_price: float | None = None
    order_number: str | None = None
    digits_heard: int = 0  # the longest run of digits, when no full order number was heard
    tracking_number: str | None = None
    address: AddressParts | None = None
    speed: Speed | None = None
    reason: str | None = None  # why, after "because"
    cheapest: bool = False
    priciest: bool = False
    attribute: str | None = None  # "colors", "sizes", "price", "stock": a question about it
    product_terms: frozenset[str] = field(default_factory=frozenset)  # words naming products


# ------------------------------------------------------------------ normalising

_CONTRACTIONS: Final = {
    "i'd": "i would",
    "i'll": "i will",
    "i'm": "i am",
    "i've": "i have",
    "it's": "it is",
    "what's": "what is",
    "where's": "where is",
    "when's": "when is",
    "how's": "how is",
    "that's": "that is",
    "there's": "there is",
    "let's": "let us",
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "isn't": "is not",
    "can't": "can not",
    "cannot": "can not",
    "won't": "will not",
    "wouldn't": "would not",
    "you're": "you are",
    "we're": "we are",
    "they're": "they are",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "gimme": "give me",
    "lemme": "let me",
    "colour": "color",
    "colours": "colors",
    "ok": "okay",
    "cancelled": "canceled",
    "cancelling": "canceling",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|#")


def tokenize(text: str) -> list[str]:
    """Lower-case words of ``text`` with contractions expanded: "I'd like" -> i would like."""
    out: list[str] = []
    for token in _TOKEN.findall(normalize(text).replace("-", " ")):
        out.extend(_CONTRACTIONS.get(token, token).split())
    return out


def _max_edits(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) <= 6 else 2


def correct(word: str, lexicon: frozenset[str]) -> str:
    """``word``, or the lexicon entry it was probably misheard for (same first letter,
    one edit for short words, two for long ones)."""
    if word in lexicon or word in STOP_WORDS or word in PROTECTED or not word.isalpha():
        return word
    limit = _max_edits(word)
    if limit == 0:
        return word
    candidates = [w for w in lexicon if w[0] == word[0] and abs(len(w) - len(word)) <= limit]
    best = extractOne(word, candidates, scorer=Levenshtein.distance, score_cutoff=limit)
    return word if best is None else str(best[0])


# ------------------------------------------------------------------- vocabulary


def product_words(words: Sequence[str], vocabulary: frozenset[str]) -> list[str]:
    """The words of ``words`` that name products, allowing for misheard spellings."""
    out: list[str] = []
    for w in words:
        if w in STOP_WORDS or w in PROTECTED or w in KEYWORDS or not w.isalpha():
            continue
        if w in vocabulary or (len(w) >= 4 and correct(w, vocabulary) in vocabulary):
            out.append(w)
    return out


# --------------------------------------------------------------------- patterns


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_YES = _rx(
    r"^(?:(?:um|uh|oh|well|so|okay then)\s+)?(?:yes|yeah|yep|yup|yea|ya|yah|sure|okay|alright|"
    r"all right|correct|right|exactly|absolutely|definitely|certainly|perfect|affirmative|"
    r"of course|please do|go ahead|go for it|do it|sounds good|sounds great|that works|"
    r"looks good|confirm|confirmed|uh huh|mhm|please|place it|place the order|ship it|"
    r"let us do it|that is (?:right|correct|it|fine|good|perfect))\b"
)
_NO = _rx(
    r"^(?:(?:um|uh|oh|well|so|actually|sorry)\s+)?(?:no|nope|nah|not really|negative|"
    r"cancel|cancel that|cancel it|stop|wait|hold on|never mind|nevermind|forget it|"
    r"do not|not now|not yet|incorrect|wrong|that is (?:wrong|not right|incorrect))\b"
    r"|\b(?:changed my mind|change my mind|never mind|nevermind|forget it|do not want)\b"
)
_THANKS = _rx(r"\b(?:thanks|thank you|thank|cheers|appreciate it)\b")
_GOODBYE = _rx(
    r"\b(?:bye|goodbye|good bye|see you|that is all|that is it|that will be all|nothing else|"
    r"i am done|that is everything|have a (?:good|nice|great) (?:day|one|night|evening))\b"
)
_GREETING = _rx(r"^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|greetings)\b")
_REPEAT = _rx(
    r"\b(?:say (?:that|it) again|repeat (?:that|it|yourself)?|come again|pardon|"
    r"what did you say|i did not (?:catch|hear|get) that|could you repeat)\b"
)
_HUMAN = _rx(
    r"\b(?:(?:talk|speak|chat) (?:to|with) (?:a |an |some )?(?:human|person|agent|"
    r"representative|someone|somebody|manager|real person)|real person|human agent|"
    r"customer (?:service|care|support)|operator)\b"
)
_HELP = _rx(
    r"\b(?:help|what can you do|what do you do|how does this work|what can i (?:do|ask)|"
    r"how can you help|who are you)\b"
)
_CATEGORIES = _rx(
    r"\b(?:what (?:do|else do) you (?:sell|have|carry|offer|stock)$|what (?:kind|kinds|sort|"
    r"sorts|type|types) of (?:things|products|stuff|items)|categories|departments|"
    r"what (?:products|departments|categories))\b"
)
_POLICY = _rx(
    r"\b(?:return|returns|returning|refund|refunds|exchange|exchanges|warranty|warranties|"
    r"guarantee|policy|policies|manual|instructions|size chart|size guide|sizing|"
    r"fit guide|gift cards?|payment methods?|pay (?:with|by|using)|price match|promo codes?|"
    r"coupons?|discount codes?|international|restocking|damaged|defective|broken)\b"
    r"|\b(?:shipping|delivery) (?:cost|costs|fee|fees|price|prices|rates?|times?|options?|"
    r"charges?|take)\b|\bfree (?:shipping|delivery)\b"
    r"|\bhow (?:much|long) (?:is|does|will|do)(?: it)?(?: the)? (?:shipping|delivery|take)\b"
    r"|\bwhat size (?:\w+ )?(?:should|do|would) i\b"
    r"|\b(?:opening|business|store|office) hours\b|\bwhat are your hours\b"
    r"|\bwhen (?:are|is) (?:you|you guys|the store|customer (?:care|service)) open\b"
    r"|\bwhat time do you (?:open|close)\b|\bare you (?:guys )?open\b"
    r"|\b(?:loyalty|reward points|rewards (?:program|programme|points|card))\b"
    r"|\b(?:privacy|my (?:personal )?(?:data|information)|call recordings?)\b"
    r"|\bdo you (?:guys )?(?:ship|deliver)(?: to| internationally| overseas| abroad| outside)\b"
    r"|\b(?:ship|deliver|shipping|delivery) (?:to )?(?:canada|mexico|europe|overseas|abroad|"
    r"internationally)\b|\bp ?o box\b"
    r"|\b(?:will not|does not|do not|can not|is not|are not|stopped) (?:pair|pairing|turn on|"
    r"charge|charging|connect|connecting|work|working|power on|heat up|sync|syncing)\b"
    r"|\btroubleshoot\w*\b"
    r"|\bhow (?:do|should|can|would) (?:i|you) (?:clean|wash|care for|use|set up|setup|"
    r"charge|pair|assemble|store|fold|maintain|descale|connect|reset|install)\b"
)
# Questions about cancelling in general, not a request to cancel one order.
_CANCEL_POLICY = _rx(
    r"\bcancellation (?:policy|policies|fee|fees)\b"
    r"|\bcan (?:i|you|we) (?:still )?cancel (?:an|a) order\b"
    r"|\bhow (?:late|long) (?:can|do) (?:i|we) (?:have to )?cancel\b"
)
# The words of policy questions, for recognising misheard ones ("price mach", "retern
# polcy", "warrenty"); used only to decide whether an utterance is a policy question.
POLICY_WORDS: Final = _words(
    """
    return returns refund refunds exchange exchanges warranty guarantee policy policies
    price match shipping delivery international restocking damaged defective payment
    payments gift cards coupon coupons discount loyalty rewards privacy opening hours
    canada cancellation instructions manual troubleshooting
    """
)
_CANCEL_ORDER = _rx(
    r"\bcancel (?:my|the|this|that|an|our)? ?(?:order|purchase)\b|\bcancel order\b"
    r"|\bcancellation of\b"
)
_TRACK = _rx(
    r"\b(?:track|tracking|trace)\b|\bwhere is (?:my |the |our |this |that )?(?:order|package|"
    r"parcel|shipment|"
    r"delivery|stuff|item|items)\b|\bwhen (?:will|does|should|is) (?:it|my|the|our)\b.*\b(?:"
    r"arrive|get here|be delivered|come|delivered|show up)\b|\b(?:has|did) (?:it|my order|"
    r"the order|my package) (?:ship|shipped|arrive|arrived)\b|\b(?:delivery|shipment|"
    r"shipping) status\b"
)
_STATUS = _rx(
    r"\b(?:status|check|look up|lookup|find|details|what happened to)\b.*\b(?:order|purchase)\b"
    r"|\bmy order\b|\border number\b|\b(?:an|my|the) order (?:i|we) (?:placed|made)\b"
    r"|\b(?:order|purchase) status\b|\bstatus of (?:it|that|this)\b"
)
_BUY = _rx(
    r"\b(?:buy|purchase|take|grab|add (?:it|them|that|this|those|these|one|two) to|add to|"
    r"check out|checkout|sold|place (?:an|the|my) order|i will get|get me|i will have)\b"
    r"|\b(?:like|want|going|love|need|can i|could i|let me|please|will|would) to order\b"
    r"|\border (?:it|that|this|those|these|them|one|two|three|four|five|a|an|the|some)\b"
    r"|\b(?:want|like|need|get) (?:it|that|this|those|these|them|that one|this one)\b"
    r"|\b(?:want|like|need|get) (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
    r"(?:of|pairs?|more)\b"
)
_SEARCH = _rx(
    r"\b(?:do you (?:have|sell|carry|stock|got|offer)|have you got|you got any|got any|"
    r"(?:i am|i am just|just|i was) looking for|looking for|search (?:for)?|find (?:me )?|"
    r"show me|i need|i want|i would like|i am after|i am interested in|interested in|"
    r"recommend|suggest|something for|anything (?:for|under|below|like)|"
    r"what (?:kind of|sort of)? ?\w+ do you have|any (?:good )?\w+)\b"
)
_DETAILS = _rx(
    r"\b(?:tell me (?:more )?about|more about|more (?:info|information|details) (?:on|about)|"
    r"what about|how about|describe|details (?:on|about|of)|what is (?:that|this)|"
    r"tell me more|more details|is it (?:waterproof|wireless|good)|does it come in|"
    r"what (?:colors|sizes|size|color)|which (?:colors|sizes))\b"
)
_ATTRIBUTE: Final = (
    ("colors", _rx(r"\b(?:colors?|shades?)\b")),
    ("sizes", _rx(r"\bsizes?\b")),
    ("price", _rx(r"\b(?:how much|price|cost|costs)\b")),
    ("stock", _rx(r"\b(?:in stock|available|availability|how many (?:left|do you have))\b")),
)
_ALSO = _rx(r"\b(?:also|as well|too|plus|another|add)\b")
_CHEAPEST = _rx(r"\b(?:cheapest|cheaper one|least expensive|lowest price|most affordable)\b")
_PRICIEST = _rx(r"\b(?:most expensive|priciest|pricier one|best one|premium one)\b")
_SPEEDS: Final[tuple[tuple[Speed, re.Pattern[str]], ...]] = (
    ("overnight", _rx(r"\b(?:overnight|next day|tomorrow|fastest)\b")),
    (
        "expedited",
        _rx(r"\b(?:express|expedited|expedite|two day|2 day|priority|rush|faster|fast|quick)\b"),
    ),
    ("standard", _rx(r"\b(?:standard|regular|normal|ground|slow|cheapest shipping)\b")),
)
_REASON = _rx(r"\b(?:because|since|as|reason is|due to)\b\s+(.+)$")
_SEARCH_CUES = _rx(
    r"^(?:(?:um|uh|so|well|hi|hello|hey|okay|yes|yeah|and|also|actually|oh|please|now|"
    r"then|next)\s+)*"
    r"(?:(?:can|could) you (?:show|find|get) me|do you (?:have|sell|carry|stock|got|offer)|"
    r"have you got|you got|got|(?:i am|i was|i am just|just|we are) looking for|looking for|"
    r"(?:i am|we are) (?:after|interested in)|interested in|search for|search|find me|find|"
    r"show me|i need|we need|i want to buy|i would like to buy|i want|i would like|"
    r"i will take|i will have|recommend|suggest|what about|how about|tell me about|"
    r"(?:i want|i would like|i need) to (?:buy|order|get)|buy|order|get me|"
    r"what \w+ do you have)?\s*"
    r"(?:(?:a|an|the|some|any|a pair of|a few|me)\s+)*"
)
_LEADING_COUNT = _rx(
    r"^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a couple|"
    r"a pair of|a few|some|more)\s+(?:of\s+(?:the|those|these)\s+|pairs? of\s+)?"
)
_SEARCH_TAIL = _rx(
    r"(?:\s+(?:please|thanks|thank you|for me|do you have|in stock|available|today|right now))+$"
)


_CONTRACTION_RE = re.compile(r"[a-z]+'[a-z]+|\b(?:wanna|gonna|gimme|lemme|gotta)\b")


def _expand_contractions(text: str) -> str:
    """ "I'd like" -> "i would like", keeping punctuation and "$" for the price parser."""
    return _CONTRACTION_RE.sub(lambda m: _CONTRACTIONS.get(m.group(), m.group()), normalize(text))


def _yes_no(words: str) -> tuple[bool, bool]:
    negate = bool(_NO.search(words))
    affirm = bool(_YES.search(words)) and not negate
    return affirm, negate


def _speed(words: str) -> Speed | None:
    for speed, pattern in _SPEEDS:
        if pattern.search(words):
            return speed
    return None


def _attribute(words: str) -> str | None:
    for name, pattern in _ATTRIBUTE:
        if pattern.search(words):
            return name
    return None


def _search_phrase(text: str) -> tuple[str, float | None]:
    """The product phrase of a search utterance and its price limit:
    "do you have running shoes under fifty" -> ("running shoes", 50.0)."""
    prepared = prepare(_expand_contractions(text))
    bounds = extract_price(prepared)
    rest = bounds.rest if bounds.min_cents is None else prepared
    rest = re.sub(r"[^\w' -]+", " ", rest)
    rest = _SEARCH_CUES.sub("", " ".join(rest.split()))
    rest = _SEARCH_TAIL.sub("", rest).strip(" -'")
    rest = _LEADING_COUNT.sub("", rest)
    max_price = None if bounds.max_cents is None else bounds.max_cents / 100
    return rest, max_price


# ------------------------------------------------------------- product mentions

_GENERIC_NAME_WORDS: Final = frozenset({"set", "pack", "kit", "pair", "piece", "inch", "the"})


def _name_tokens(name: str) -> set[str]:
    return {
        t for t in tokenize(name) if t.isalpha() and len(t) >= 3 and t not in _GENERIC_NAME_WORDS
    }


def _mentions(
    words: Sequence[str], candidates: Sequence[tuple[int, str]]
) -> tuple[list[int], bool]:
    """Candidates the words name ("the trailblazer", "the tent", "trail blazer"), best
    first; ``True`` when the best are tied (the shopper must say which)."""
    if not candidates:
        return [], False
    said = {w for w in words if len(w) >= 3 and w not in STOP_WORDS and w not in PROTECTED}
    said |= {w[:-1] for w in said if w.endswith("s") and len(w) > 4}  # "trailblazers"
    token_sets = [(pid, _name_tokens(name)) for pid, name in candidates]
    name_words = set().union(*(tokens for _, tokens in token_sets))
    for a, b in itertools.pairwise(words):  # "trail blazer" -> "trailblazer"
        joined = a + b
        if joined in name_words or any(
            len(t) >= 5 and Levenshtein.distance(joined, t) <= _max_edits(t) for t in name_words
        ):
            said.add(joined)
            said.difference_update({a, b})  # the halves belong to the compound
    counts: dict[str, int] = {}
    for _, tokens in token_sets:
        for t in tokens:
            counts[t] = counts.get(t, 0) + 1
    scores: dict[int, float] = {}
    for pid, tokens in token_sets:
        score = 0.0
        for t in tokens:
            if t in said or (len(t) >= 5 and _mentions_fuzzy_name(t, said)):
                score += 1.0 / counts[t]
        if score > 0:
            scores[pid] = max(scores.get(pid, 0.0), score)
    if not scores:
        return [], False
    ranked = sorted(scores, key=lambda pid: -scores[pid])
    best = scores[ranked[0]]
    tied = [pid for pid in ranked if abs(scores[pid] - best) < 1e-9]
    return (tied if len(tied) > 1 else ranked[:1]), len(tied) > 1


def _mentions_fuzzy_name(word: str, said: set[str]) -> bool:
    return any(Levenshtein.distance(word, s) <= _max_edits(word) for s in said)


# ------------------------------------------------------------------ understand


def understand(
    text: str,
    *,
    candidates: Sequence[tuple[int, str]] = (),
    expect: Expect | None = None,
    expect_field: AddressField | None = None,
    vocabulary: Iterable[str] | None = None,
) -> Understanding:
    """Intent and slots of one utterance.

    ``candidates`` are ``(product id, name)`` pairs the shopper may refer to (the last
    search results, the product under discussion). ``expect`` says what the assistant
    just asked for, so a bare "two" is a quantity and a bare run of digits an order
    number or a ZIP code (``expect_field`` names the address part asked for).
    """
    vocab = frozenset(vocabulary) if vocabulary is not None else product_vocabulary()
    raw_words = tokenize(text)
    words = [correct(w, KEYWORDS) for w in raw_words]
    s = " ".join(words)
    affirm, negate = _yes_no(s)
    thanks = bool(_THANKS.search(s))
    nouns = frozenset(product_words(words, vocab))

    order_number, digits_heard = order_number_of(words)
    tracking = tracking_number_in_text(text) or tracking_number_of(words)
    if tracking is not None:
        order_number = None

    cue_text = address_text(text)
    address: AddressParts | None = None
    if cue_text is not None:
        address = parse_address(cue_text)
    elif expect == "address" or re.search(
        r"\d.*\b(?:street|st|avenue|ave|road|rd|drive|"
        r"lane|way|boulevard|blvd|court|place)\b",
        s,
    ):
        address = parse_address(text, expect=expect_field)
    if address is not None and address.is_empty():
        address = None
    if address is not None and (address.street or address.postal_code):
        order_number = None if cue_text is not None or expect == "address" else order_number

    choices = tuple(choice_of(words))
    mentioned, tied = _mentions(raw_words, candidates)
    quantity = quantity_of(words, bare=expect in ("quantity", "yes_no"), nouns=nouns)
    search_text, max_price = _search_phrase(text)
    reason_match = _REASON.search(s)

    policy_s = " ".join(correct(w, POLICY_WORDS) for w in words)
    intent = _classify(
        s,
        policy=bool(_POLICY.search(s) or _POLICY.search(policy_s)),
        cancel_policy=bool(_CANCEL_POLICY.search(policy_s)),
        words=words,
        affirm=affirm,
        negate=negate,
        thanks=thanks,
        has_product_words=bool(nouns),
        has_choice=bool(choices or mentioned) or bool(_CHEAPEST.search(s) or _PRICIEST.search(s)),
        has_price=max_price is not None,
        order_number=order_number,
        digits_heard=digits_heard,
        tracking=tracking,
        address=address,
        cue_address=cue_text is not None,
        expect=expect,
        attribute=_attribute(s),
    )
    return Understanding(
        text=text,
        words=tuple(words),
        intent=intent,
        affirm=affirm,
        negate=negate,
        thanks=thanks,
        quantity=quantity,
        choices=choices,
        product_ids=tuple(mentioned) if not tied else (),
        ambiguous_ids=tuple(mentioned) if tied else (),
        also=bool(_ALSO.search(s)),
        search_text=search_text,
        names_something=any(
            t not in STOP_WORDS and t not in PROTECTED and not t.isdigit()
            for t in tokenize(search_text)
        ),
        max_price=max_price if intent in _PRODUCT_INTENTS else None,
        order_number=order_number,
        digits_heard=digits_heard,
        tracking_number=tracking,
        address=address,
        speed=_speed(s),
        reason=reason_match.group(1) if reason_match else None,
        cheapest=bool(_CHEAPEST.search(s)),
        priciest=bool(_PRICIEST.search(s)),
        attribute=_attribute(s),
        product_terms=frozenset(nouns),
    )


_PRODUCT_INTENTS: Final = frozenset({Intent.SEARCH, Intent.BUY, Intent.DETAILS, Intent.OTHER})


def _classify(
    s: str,
    *,
    policy: bool,
    cancel_policy: bool,
    words: Sequence[str],
    affirm: bool,
    negate: bool,
    thanks: bool,
    has_product_words: bool,
    has_choice: bool,
    has_price: bool,
    order_number: str | None,
    digits_heard: int,
    tracking: str | None,
    address: AddressParts | None,
    cue_address: bool,
    expect: Expect | None,
    attribute: str | None = None,
) -> Intent:
    """The most likely intent, before the conversation's context is considered."""
    if not words:
        return Intent.OTHER
    if _REPEAT.search(s):
        return Intent.REPEAT
    if _HUMAN.search(s):
        return Intent.HUMAN
    if cancel_policy and not order_number:
        return Intent.POLICY
    if _CANCEL_ORDER.search(s) or (order_number and re.search(r"\bcancel\b", s)):
        return Intent.CANCEL_ORDER
    if policy:
        return Intent.POLICY
    if tracking or _TRACK.search(s):
        return Intent.TRACK
    if cue_address or (address is not None and address.street and address.city):
        return Intent.ADDRESS
    if expect == "address" and address is not None and not (affirm or negate):
        return Intent.ADDRESS
    if order_number or (_STATUS.search(s) and not _BUY.search(s)):
        return Intent.ORDER_STATUS
    if digits_heard >= 4 and "order" in words:  # a misheard order number, not "order two"
        return Intent.ORDER_STATUS
    if _BUY.search(s):
        return Intent.BUY
    if has_price and not _DETAILS.search(s):
        return Intent.SEARCH
    if _DETAILS.search(s) or (has_choice and not _SEARCH.search(s)):
        return Intent.DETAILS
    if _CATEGORIES.search(s):
        return Intent.CATEGORIES
    if _SEARCH.search(s) and (has_product_words or has_price or len(words) >= 3):
        return Intent.SEARCH
    if has_product_words or has_price:
        return Intent.SEARCH
    if _HELP.search(s):
        return Intent.HELP
    if _GOODBYE.search(s):
        return Intent.GOODBYE
    if negate:
        return Intent.NO
    if affirm:
        return Intent.YES
    if thanks:
        return Intent.THANKS
    if _GREETING.search(s):
        return Intent.GREETING
    if attribute:  # "how much is it", "what sizes"
        return Intent.DETAILS
    return Intent.OTHER
