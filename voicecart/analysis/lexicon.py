"""Phrases the local analyser looks for: call reasons, escalation, satisfaction markers.

Matching is on lower-case text with whole-word boundaries; each reason scores the
phrases found in the shopper's turns (earlier turns count more: a caller says why
they called first).
"""

from __future__ import annotations

import re
from typing import Final

from voicecart.analysis.schema import Reason


def _rx(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b")


REASON_PATTERNS: Final[dict[Reason, re.Pattern[str]]] = {
    Reason.DAMAGED_ITEM: _rx(
        r"broken",
        r"broke",
        r"damaged?",
        r"cracked",
        r"shattered",
        r"leak(?:s|ed|ing)?",
        r"defective",
        r"faulty",
        r"torn",
        r"ripped",
        r"dented",
        r"(?:doesn't|does not|won't|will not|isn't|is not) (?:work|turn on|charge|heat)(?:ing)?",
        r"stopped working",
        r"not working",
        r"water inside",
        r"dead on arrival",
    ),
    Reason.DELIVERY_ISSUE: _rx(
        r"late",
        r"delayed",
        r"never (?:arrived|came|got here|showed up)",
        r"(?:hasn't|has not|haven't|have not|didn't|did not) "
        r"(?:arrived?|come|got|gotten|received?|shown up)",
        r"still (?:waiting|not here|hasn't)",
        r"lost (?:package|parcel|order)",
        r"missing (?:package|parcel|order)",
        r"wrong address",
        r"where(?:'s| is) my (?:package|parcel|order|delivery)",
        r"supposed to (?:arrive|be here)",
    ),
    Reason.RETURN_REFUND: _rx(
        r"return(?:ing)?",
        r"refund(?:ed)?",
        r"money back",
        r"exchange",
        r"send (?:it|them) back",
    ),
    Reason.CANCELLATION: _rx(r"cancel(?:l?ing|l?ed)?", r"call off"),
    Reason.ORDER_STATUS: _rx(
        r"track(?:ing)?",
        r"status of my",
        r"order status",
        r"where(?:'s| is) my",
        r"when will (?:it|my)",
        r"check on my",
        r"shipped yet",
    ),
    Reason.POLICY_QUESTION: _rx(
        r"polic(?:y|ies)",
        r"warranty",
        r"guarantee",
        r"return window",
        r"how long do i have",
        r"shipping (?:cost|fee|time|options?)",
        r"how much (?:is|does) (?:shipping|delivery)",
        r"free shipping",
        r"price match",
        r"gift cards?",
        r"store hours",
        r"do you ship",
        r"international",
    ),
    Reason.PURCHASE: _rx(
        r"buy",
        r"purchase",
        r"order (?:a|an|one|two|three|some|the)",
        r"(?:i'd|i would|i want to|i'd like to|like to) (?:order|get|buy)",
        r"i'll take",
        r"add (?:it|that|one) to",
        r"place an order",
        r"looking for",
        r"shopping for",
        r"need (?:a|an|some|new)",
    ),
    Reason.PRODUCT_QUESTION: _rx(
        r"tell me (?:more )?about",
        r"is (?:it|this|that) (?:waterproof|compatible|good|safe)",
        r"does (?:it|this|that) (?:come|have|work|fit)",
        r"what sizes?",
        r"what colou?rs?",
        r"how much (?:is|does)",
        r"difference between",
        r"compare",
        r"in stock",
        r"specs?",
        r"battery life",
        r"how do i (?:use|set up|clean)",
        r"manual",
    ),
    Reason.COMPLAINT: _rx(
        r"rude",
        r"terrible service",
        r"awful service",
        r"complain(?:t)?",
        r"unacceptable",
        r"worst",
        r"ridiculous",
    ),
}

# What each tool tells about the reason (weaker than what the shopper says).
# Looking an order up serves a status question and a delivery problem alike, so it
# supports both and leaves the choice to what the shopper said.
TOOL_REASONS: Final[dict[str, tuple[Reason, ...]]] = {
    "create_order": (Reason.PURCHASE,),
    "create_shipment": (Reason.PURCHASE,),
    "cancel_order": (Reason.CANCELLATION,),
    "track_shipment": (Reason.ORDER_STATUS, Reason.DELIVERY_ISSUE),
    "get_order": (Reason.ORDER_STATUS, Reason.DELIVERY_ISSUE),
    "get_product": (Reason.PRODUCT_QUESTION,),
    "search_products": (Reason.PRODUCT_QUESTION,),
    "list_categories": (Reason.PRODUCT_QUESTION,),
}

REASON_LABELS: Final[dict[Reason, str]] = {
    Reason.PURCHASE: "Purchase",
    Reason.PRODUCT_QUESTION: "Product question",
    Reason.ORDER_STATUS: "Order status",
    Reason.DELIVERY_ISSUE: "Late or missing delivery",
    Reason.DAMAGED_ITEM: "Damaged or faulty item",
    Reason.RETURN_REFUND: "Return or refund",
    Reason.CANCELLATION: "Order cancellation",
    Reason.POLICY_QUESTION: "Store policy question",
    Reason.COMPLAINT: "Complaint about service",
    Reason.OTHER: "General enquiry",
}

# Tie-break: the more specific problem wins.
REASON_PRIORITY: Final[tuple[Reason, ...]] = (
    Reason.DAMAGED_ITEM,
    Reason.DELIVERY_ISSUE,
    Reason.POLICY_QUESTION,  # "return policy" is a question, not a return
    Reason.RETURN_REFUND,
    Reason.CANCELLATION,
    Reason.COMPLAINT,
    Reason.ORDER_STATUS,
    Reason.PURCHASE,
    Reason.PRODUCT_QUESTION,
    Reason.OTHER,
)

ESCALATION: Final = _rx(
    r"(?:speak|talk) (?:to|with) (?:a |an |your )?"
    r"(?:human|person|manager|supervisor|agent|someone)",
    r"real person",
    r"human agent",
    r"transfer(?:ring)? you",
    r"connect you (?:with|to) (?:a|an|our)",
    r"escalat(?:e|ed|ing)",
    r"specialist will (?:call|contact|reach)",
)

GRATITUDE: Final = _rx(
    r"thanks?",
    r"thank you",
    r"perfect",
    r"great",
    r"awesome",
    r"wonderful",
    r"excellent",
    r"appreciate (?:it|that|your help)",
    r"that helps",
    r"helpful",
)

FRUSTRATION: Final = _rx(
    r"ridiculous",
    r"unacceptable",
    r"useless",
    r"waste of (?:my )?time",
    r"never (?:shop|order|buy)(?:ping)? (?:here|from you|again)",
    r"forget it",
    r"not (?:helpful|good enough)",
    r"(?:this|that) (?:doesn't|does not) help",
    r"still (?:don't|do not) (?:understand|know)",
    r"you(?:'re| are) not (?:listening|understanding|helping)",
    r"what\?+",
    r"i already (?:said|told you)",
    r"frustrat(?:ed|ing)",
    r"angry",
    r"furious",
    r"disappointed",
)

# Exaggerated praise that, right after bad news, means the opposite.
SARCASM: Final = _rx(
    r"oh (?:great|fantastic|wonderful|perfect|brilliant|lovely|super|terrific|marvell?ous|joy)",
    r"just (?:great|perfect|wonderful|brilliant|fantastic|lovely|super|what i needed|my luck)",
    r"(?:great|fantastic|wonderful|brilliant|perfect|lovely|amazing)[.!,]+ "
    r"(?:just |really )?(?:great|fantastic|wonderful|brilliant|perfect|lovely|amazing)",
    r"as (?:always|usual)",
    r"what a (?:surprise|shock|joy|treat)",
    r"of course (?:it is|it did|it does|it was|it isn't|it's not|not)",
    r"thanks for nothing",
    r"how (?:convenient|lovely|wonderful|nice)",
    r"great job",
    r"so that's (?:just )?(?:great|perfect|fantastic|wonderful|brilliant)",
    r"love (?:that|it) for me",
    r"can't wait",
    r"(?:really )?looking forward to (?:it|that)",
)

# Giving up or thanking without meaning it: the shopper accepts what they did not want.
RESIGNATION: Final = _rx(
    r"thanks?(?: you)?,? i (?:guess|suppose)",
    r"i (?:guess|suppose) (?:that'll|that will|it'll|it will|that has to|it has to) "
    r"(?:have to )?do",
    r"(?:thanks|thank you) anyway",
    r"whatever",
    r"never ?mind",
    r"not what i (?:hoped|wanted|asked|expected)",
    r"(?:i'll|i will) (?:just )?(?:go|shop|buy it|get it|order it|look) "
    r"(?:somewhere else|elsewhere)",
    r"nothing (?:else )?you can do",
    r"if that's (?:the best|all) you can do",
    r"(?:that's|that is) a (?:shame|pity)",
)

# Bare praise words (sarcastic once the shopper has been sarcastic already).
PRAISE: Final = _rx(
    r"great",
    r"lovely",
    r"wonderful",
    r"brilliant",
    r"fantastic",
    r"perfect",
    r"amazing",
    r"marvell?ous",
    r"super",
    r"terrific",
    r"awesome",
    r"excellent",
)

# What an assistant says when the news is bad for the shopper.
BAD_NEWS: Final = _rx(
    r"sorry",
    r"unfortunately",
    r"i'm afraid",
    r"delay(?:s|ed)?",
    r"held up",
    r"missed",
    r"out of stock",
    r"sold out",
    r"(?:can't|cannot|can not|unable to|not able to|won't be able)",
    r"no longer",
    r"(?:isn't|is not|aren't|are not) (?:eligible|available|covered|possible|returnable)",
    r"(?:new|revised|updated|later) (?:estimate|estimated|delivery|date)",
    r"another (?:week|two weeks|\d+ days)",
    r"not until",
    r"no (?:update|record|sign)",
    r"surcharge",
    r"non-refundable",
    r"final sale",
)

REMEDY: Final = _rx(
    r"replacement",
    r"refund",
    r"return label",
    r"reship",
    r"send (?:you )?a new",
    r"credit",
    r"prepaid label",
)

__all__ = [
    "BAD_NEWS",
    "ESCALATION",
    "FRUSTRATION",
    "GRATITUDE",
    "PRAISE",
    "REASON_LABELS",
    "REASON_PATTERNS",
    "REASON_PRIORITY",
    "REMEDY",
    "RESIGNATION",
    "SARCASM",
    "TOOL_REASONS",
]
