"""Reference data for US states and Canadian provinces: names, ZIP prefixes, rough positions.

Public facts, kept compact:

* ``US_STATES`` / ``CA_PROVINCES``: USPS two-letter codes and Canada Post
  province/territory symbols.
* ``ZIP_PREFIXES``: the USPS three-digit ZIP prefix (sectional center) ranges
  allocated to each state. Military (AA/AE/AP) and territory prefixes are left
  out because we ship to the 50 states, DC and Canada only.
* ``CA_POSTAL_FIRST_LETTER``: the first letter of a Canadian postal code names
  the province (the forward sortation area's district).
* ``CENTROIDS``: an approximate population centre (latitude, longitude) per
  state/province, used only to estimate shipping zones.
"""

from __future__ import annotations

US_STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}

CA_PROVINCES: dict[str, str] = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
    "YT": "Yukon",
}

REGION_NAMES: dict[str, str] = {**US_STATES, **CA_PROVINCES}

# Extra spoken/written names, lower case, mapped to a code.
_ALIASES: dict[str, str] = {
    "washington dc": "DC",
    "washington d c": "DC",
    "d c": "DC",
    "newfoundland": "NL",
    "labrador": "NL",
    "pei": "PE",
    "québec": "QC",
    "yukon territory": "YT",
    "the yukon": "YT",
    "northwest territory": "NT",
}

# Lower-case name or code -> code.
REGION_LOOKUP: dict[str, str] = {
    **{name.lower(): code for code, name in REGION_NAMES.items()},
    **{code.lower(): code for code in REGION_NAMES},
    **_ALIASES,
}


def region_code(text: str | None) -> str | None:
    """``"washington"``, ``"WA"``, ``"w.a."`` -> ``"WA"``; unknown -> None."""
    if not text:
        return None
    key = " ".join(text.replace(".", " ").replace(",", " ").lower().split())
    if key in REGION_LOOKUP:
        return REGION_LOOKUP[key]
    squeezed = key.replace(" ", "")
    if len(squeezed) == 2:
        return REGION_LOOKUP.get(squeezed)
    return None


# USPS three-digit ZIP prefix ranges (inclusive) per state.
ZIP_PREFIXES: tuple[tuple[int, int, str], ...] = (
    (5, 5, "NY"),
    (10, 27, "MA"),
    (28, 29, "RI"),
    (30, 38, "NH"),
    (39, 49, "ME"),
    (50, 54, "VT"),
    (55, 55, "MA"),
    (56, 59, "VT"),
    (60, 69, "CT"),
    (70, 89, "NJ"),
    (100, 149, "NY"),
    (150, 196, "PA"),
    (197, 199, "DE"),
    (200, 200, "DC"),
    (201, 201, "VA"),
    (202, 205, "DC"),
    (206, 219, "MD"),
    (220, 246, "VA"),
    (247, 268, "WV"),
    (270, 289, "NC"),
    (290, 299, "SC"),
    (300, 319, "GA"),
    (320, 339, "FL"),
    (341, 349, "FL"),
    (350, 369, "AL"),
    (370, 385, "TN"),
    (386, 397, "MS"),
    (398, 399, "GA"),
    (400, 427, "KY"),
    (430, 459, "OH"),
    (460, 479, "IN"),
    (480, 499, "MI"),
    (500, 528, "IA"),
    (530, 549, "WI"),
    (550, 567, "MN"),
    (569, 569, "DC"),
    (570, 577, "SD"),
    (580, 588, "ND"),
    (590, 599, "MT"),
    (600, 629, "IL"),
    (630, 658, "MO"),
    (660, 679, "KS"),
    (680, 693, "NE"),
    (700, 714, "LA"),
    (716, 729, "AR"),
    (730, 732, "OK"),
    (733, 733, "TX"),
    (734, 749, "OK"),
    (750, 799, "TX"),
    (800, 816, "CO"),
    (820, 831, "WY"),
    (832, 838, "ID"),
    (840, 847, "UT"),
    (850, 865, "AZ"),
    (870, 884, "NM"),
    (885, 885, "TX"),
    (889, 898, "NV"),
    (900, 961, "CA"),
    (967, 968, "HI"),
    (970, 979, "OR"),
    (980, 994, "WA"),
    (995, 999, "AK"),
)


def state_of_zip(zip_code: str) -> str | None:
    """The state a ZIP code's three-digit prefix is allocated to, or None if unallocated."""
    if len(zip_code) < 3 or not zip_code[:3].isdigit():
        return None
    prefix = int(zip_code[:3])
    for lo, hi, code in ZIP_PREFIXES:
        if lo <= prefix <= hi:
            return code
    return None


# First letter of a Canadian postal code -> province/territory codes it may belong to.
CA_POSTAL_FIRST_LETTER: dict[str, tuple[str, ...]] = {
    "A": ("NL",),
    "B": ("NS",),
    "C": ("PE",),
    "E": ("NB",),
    "G": ("QC",),
    "H": ("QC",),
    "J": ("QC",),
    "K": ("ON",),
    "L": ("ON",),
    "M": ("ON",),
    "N": ("ON",),
    "P": ("ON",),
    "R": ("MB",),
    "S": ("SK",),
    "T": ("AB",),
    "V": ("BC",),
    "X": ("NT", "NU"),
    "Y": ("YT",),
}

# Approximate population centres (degrees latitude, longitude); good enough for zones.
CENTROIDS: dict[str, tuple[float, float]] = {
    "AL": (32.8, -86.8),
    "AK": (61.2, -149.9),
    "AZ": (33.7, -111.9),
    "AR": (34.9, -92.4),
    "CA": (35.5, -119.4),
    "CO": (39.5, -105.0),
    "CT": (41.6, -72.7),
    "DE": (39.4, -75.6),
    "DC": (38.9, -77.0),
    "FL": (27.8, -81.6),
    "GA": (33.3, -84.0),
    "HI": (21.3, -157.9),
    "ID": (43.9, -115.5),
    "IL": (41.3, -88.4),
    "IN": (39.9, -86.3),
    "IA": (41.9, -93.0),
    "KS": (38.5, -97.0),
    "KY": (37.8, -85.3),
    "LA": (30.7, -91.5),
    "ME": (44.3, -69.9),
    "MD": (39.1, -76.8),
    "MA": (42.3, -71.4),
    "MI": (42.9, -84.2),
    "MN": (45.2, -93.6),
    "MS": (32.5, -89.5),
    "MO": (38.4, -92.2),
    "MT": (46.6, -110.8),
    "NE": (41.0, -97.4),
    "NV": (37.2, -115.6),
    "NH": (43.2, -71.5),
    "NJ": (40.4, -74.4),
    "NM": (34.6, -106.4),
    "NY": (41.5, -74.6),
    "NC": (35.6, -79.4),
    "ND": (47.4, -99.3),
    "OH": (40.5, -82.7),
    "OK": (35.6, -97.0),
    "OR": (44.7, -122.5),
    "PA": (40.5, -77.0),
    "RI": (41.8, -71.4),
    "SC": (34.0, -81.0),
    "SD": (44.0, -98.9),
    "TN": (35.8, -86.4),
    "TX": (30.9, -97.4),
    "UT": (40.5, -111.9),
    "VT": (44.1, -72.8),
    "VA": (37.8, -77.8),
    "WA": (47.3, -122.1),
    "WV": (38.6, -80.9),
    "WI": (43.7, -89.0),
    "WY": (42.5, -107.2),
    "AB": (52.3, -113.8),
    "BC": (49.4, -123.0),
    "MB": (49.9, -97.2),
    "NB": (46.1, -66.0),
    "NL": (47.6, -53.0),
    "NS": (44.9, -63.5),
    "NT": (62.5, -114.4),
    "NU": (63.7, -68.5),
    "ON": (43.9, -79.4),
    "PE": (46.3, -63.2),
    "QC": (46.0, -72.5),
    "SK": (51.4, -106.0),
    "YT": (60.7, -135.1),
}
