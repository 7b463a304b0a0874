"""Generated product artwork: friendly flat SVG pictures for catalog items.

Everything here is pure and deterministic: the same arguments always give the
same bytes, and the SVG is self-contained (no external URLs, fonts or scripts),
so it can be served straight from the API or inlined into the web page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple
from xml.sax.saxutils import escape

SIZE = 480
_LABEL_WIDTH = 440
_CHAR_EM = 0.6  # average glyph width of a bold sans-serif, in em
_MAX_LABEL_CHARS = 96
_INK = "#1f2937"
_FONT = "'Segoe UI', Helvetica, Arial, sans-serif"

COLOR_HEX: dict[str, str] = {
    "black": "#2e3440",
    "white": "#f7f7f5",
    "gray": "#9aa3ad",
    "grey": "#9aa3ad",
    "charcoal": "#4a5059",
    "silver": "#c0c6cc",
    "navy": "#2c3e70",
    "blue": "#4a7fd4",
    "sky blue": "#8ec1ea",
    "teal": "#2aa198",
    "turquoise": "#3cc5c0",
    "mint": "#98dbbd",
    "green": "#4caf6e",
    "sage": "#9cb89a",
    "olive": "#7d8b4a",
    "khaki": "#c8b88a",
    "tan": "#d2b48c",
    "beige": "#e8dcc4",
    "cream": "#f3ead3",
    "brown": "#8b5e3c",
    "red": "#e05252",
    "burgundy": "#8c2f45",
    "pink": "#f28fb1",
    "rose": "#e8879c",
    "coral": "#ff7f6b",
    "orange": "#f59e42",
    "yellow": "#f6cd4b",
    "gold": "#d4a84a",
    "purple": "#8e6cc9",
    "lavender": "#b9a3e3",
    "clear": "#d8eef7",
}

# Colours used when a product has no (known) colour: picked from the product id.
_FALLBACK_PALETTE: tuple[str, ...] = tuple(
    COLOR_HEX[n]
    for n in ("blue", "red", "green", "orange", "purple", "teal", "pink", "gold", "navy", "coral")
)

_HEX_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


class _Palette(NamedTuple):
    fill: str
    dark: str
    light: str
    accent: str  # contrasting mark drawn on top of the fill (e.g. the first-aid cross)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16)


def _mix(hex_color: str, other: str, amount: float) -> str:
    """Blend ``amount`` (0..1) of ``other`` into ``hex_color``."""
    a, b = _rgb(hex_color), _rgb(other)
    parts = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{max(0, min(255, p)):02x}" for p in parts)


def _luminance(hex_color: str) -> float:
    r, g, b = _rgb(hex_color)
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


def resolve_color(color: str | None, product_id: int) -> str:
    """Hex colour for a colour name; unknown or missing names pick one from the id."""
    if color:
        key = " ".join(color.strip().lower().replace("-", " ").replace("_", " ").split())
        if key in COLOR_HEX:
            return COLOR_HEX[key]
        if _HEX_RE.match(color.strip()):
            return color.strip().lower()
    return _FALLBACK_PALETTE[(abs(product_id) * 7 + 3) % len(_FALLBACK_PALETTE)]


def _palette(fill: str) -> _Palette:
    light_fill = _luminance(fill) > 0.6
    return _Palette(
        fill=fill,
        dark=_mix(fill, "#000000", 0.45 if light_fill else 0.35),
        light=_mix(fill, "#ffffff", 0.45),
        accent="#e5484d" if light_fill else "#ffffff",
    )


# --------------------------------------------------------------------------- pictograms
# Each pictogram draws inside roughly x 70..410, y 60..360 of the 480x480 canvas.


def _shoe(p: _Palette) -> str:
    return (
        f'<path d="M112 272 V204 Q112 180 134 178 L170 176 Q190 198 216 190 L238 182 '
        f'Q256 208 304 216 L340 222 Q398 236 404 272 Z" fill="{p.fill}" stroke="{p.dark}" '
        f'stroke-width="6" stroke-linejoin="round"/>'
        f'<path d="M346 224 Q398 238 404 272 H336 Q336 244 346 224 Z" fill="{p.light}"/>'
        f'<rect x="100" y="266" width="310" height="34" rx="16" fill="#ffffff" '
        f'stroke="{p.dark}" stroke-width="6"/>'
        f'<path d="M100 286 H410" stroke="{p.dark}" stroke-width="4" opacity="0.35"/>'
        f'<path d="M228 200 l16 -12 M246 208 l16 -12 M266 214 l16 -10" stroke="#ffffff" '
        f'stroke-width="7" stroke-linecap="round"/>'
        f'<path d="M150 236 Q220 250 300 238" fill="none" stroke="{p.light}" stroke-width="10" '
        f'stroke-linecap="round"/>'
    )


def _shirt(p: _Palette) -> str:
    return (
        f'<path d="M180 88 L136 102 L78 152 L116 206 L150 186 V344 H330 V186 L364 206 '
        f'L402 152 L344 102 L300 88 Q240 140 180 88 Z" fill="{p.fill}" stroke="{p.dark}" '
        f'stroke-width="6" stroke-linejoin="round"/>'
        f'<path d="M180 88 Q240 140 300 88" fill="none" stroke="{p.dark}" stroke-width="10" '
        f'stroke-linecap="round"/>'
        f'<path d="M96 178 L126 158 M384 178 L354 158" stroke="{p.light}" stroke-width="8" '
        f'stroke-linecap="round"/>'
        f'<rect x="168" y="196" width="14" height="130" rx="7" fill="#ffffff" opacity="0.3"/>'
    )


def _headphones(p: _Palette) -> str:
    band = "M138 250 V206 A102 102 0 0 1 342 206 V250"
    return (
        f'<path d="{band}" fill="none" stroke="{p.dark}" stroke-width="28" '
        f'stroke-linecap="round"/>'
        f'<path d="{band}" fill="none" stroke="{p.fill}" stroke-width="14" '
        f'stroke-linecap="round"/>'
        f'<rect x="104" y="226" width="66" height="108" rx="28" fill="{p.fill}" '
        f'stroke="{p.dark}" stroke-width="6"/>'
        f'<rect x="310" y="226" width="66" height="108" rx="28" fill="{p.fill}" '
        f'stroke="{p.dark}" stroke-width="6"/>'
        f'<rect x="154" y="240" width="26" height="80" rx="12" fill="{p.dark}"/>'
        f'<rect x="300" y="240" width="26" height="80" rx="12" fill="{p.dark}"/>'
        f'<rect x="118" y="246" width="10" height="56" rx="5" fill="#ffffff" opacity="0.4"/>'
    )


def _mug(p: _Palette) -> str:
    steam = "".join(
        f'<path d="M{x} 146 q-14 -18 0 -36 q14 -18 0 -36" fill="none" stroke="{p.dark}" '
        f'stroke-width="8" stroke-linecap="round" opacity="0.45"/>'
        for x in (188, 226, 264)
    )
    saucer = (
        f'<ellipse cx="226" cy="346" rx="128" ry="16" fill="#ffffff" stroke="{p.dark}" '
        f'stroke-width="5"/>'
    )
    return (
        steam
        + saucer
        + f'<path d="M308 198 h24 a42 42 0 0 1 0 84 h-24" fill="none" stroke="{p.dark}" '
        f'stroke-width="22"/>'
        f'<path d="M308 198 h24 a42 42 0 0 1 0 84 h-24" fill="none" stroke="{p.fill}" '
        f'stroke-width="10"/>'
        f'<rect x="138" y="160" width="176" height="180" rx="22" fill="{p.fill}" '
        f'stroke="{p.dark}" stroke-width="6"/>'
        f'<rect x="158" y="182" width="14" height="132" rx="7" fill="#ffffff" opacity="0.35"/>'
        f'<rect x="138" y="226" width="176" height="22" fill="{p.light}" opacity="0.8"/>'
    )


def _tent(p: _Palette) -> str:
    return (
        f'<path d="M64 334 H416" stroke="{p.dark}" stroke-width="6" stroke-linecap="round"/>'
        f'<path d="M240 66 V96" stroke="{p.dark}" stroke-width="6" stroke-linecap="round"/>'
        f'<path d="M240 66 l34 11 l-34 11 Z" fill="{p.dark}"/>'
        f'<path d="M240 94 L392 332 H88 Z" fill="{p.fill}" stroke="{p.dark}" '
        f'stroke-width="6" stroke-linejoin="round"/>'
        f'<path d="M240 94 L150 332 H88 Z" fill="{p.light}" opacity="0.55"/>'
        f'<path d="M240 188 L294 332 H186 Z" fill="{p.dark}" stroke="{p.dark}" '
        f'stroke-width="4" stroke-linejoin="round"/>'
        f'<path d="M240 188 L262 332 H240 Z" fill="#ffffff" opacity="0.25"/>'
        f'<path d="M88 332 L60 350 M392 332 L420 350" stroke="{p.dark}" stroke-width="4"/>'
    )


def _ball(p: _Palette) -> str:
    return (
        f'<circle cx="240" cy="212" r="124" fill="{p.fill}" stroke="{p.dark}" '
        f'stroke-width="6"/>'
        f'<path d="M116 212 Q240 168 364 212 M240 88 Q196 212 240 336 '
        f'M152 126 Q236 206 152 300 M328 126 Q244 206 328 300" fill="none" '
        f'stroke="{p.dark}" stroke-width="6" stroke-linecap="round"/>'
        f'<circle cx="196" cy="150" r="22" fill="#ffffff" opacity="0.35"/>'
        f'<ellipse cx="240" cy="352" rx="96" ry="10" fill="{p.dark}" opacity="0.2"/>'
    )


def _bottle(p: _Palette) -> str:
    return (
        f'<rect x="204" y="92" width="72" height="30" rx="8" fill="{p.dark}"/>'
        f'<path d="M272 98 h44 v14 h-44 Z" fill="{p.dark}"/>'
        f'<rect x="216" y="120" width="48" height="44" rx="6" fill="{p.dark}"/>'
        f'<rect x="166" y="158" width="148" height="192" rx="30" fill="{p.fill}" '
        f'stroke="{p.dark}" stroke-width="6"/>'
        f'<rect x="188" y="216" width="104" height="84" rx="10" fill="#ffffff" '
        f'opacity="0.85"/>'
        f'<path d="M206 244 H274 M214 266 H266" stroke="{p.dark}" stroke-width="6" '
        f'stroke-linecap="round"/>'
        f'<rect x="180" y="176" width="12" height="150" rx="6" fill="#ffffff" opacity="0.35"/>'
        f'<rect x="330" y="282" width="82" height="68" rx="14" fill="{p.light}" '
        f'stroke="{p.dark}" stroke-width="5"/>'
        f'<rect x="324" y="262" width="94" height="26" rx="9" fill="{p.dark}"/>'
    )


def _teddy(p: _Palette) -> str:
    return (
        f'<g fill="{p.fill}" stroke="{p.dark}" stroke-width="6">'
        f'<circle cx="176" cy="104" r="30"/><circle cx="304" cy="104" r="30"/>'
        f'<ellipse cx="240" cy="286" rx="88" ry="72"/>'
        f'<ellipse cx="156" cy="268" rx="26" ry="46" transform="rotate(28 156 268)"/>'
        f'<ellipse cx="324" cy="268" rx="26" ry="46" transform="rotate(-28 324 268)"/>'
        f'<circle cx="186" cy="346" r="28"/><circle cx="294" cy="346" r="28"/>'
        f'<circle cx="240" cy="160" r="74"/></g>'
        f'<circle cx="176" cy="104" r="14" fill="{p.light}"/>'
        f'<circle cx="304" cy="104" r="14" fill="{p.light}"/>'
        f'<ellipse cx="240" cy="292" rx="46" ry="40" fill="{p.light}"/>'
        f'<circle cx="186" cy="346" r="13" fill="{p.light}"/>'
        f'<circle cx="294" cy="346" r="13" fill="{p.light}"/>'
        f'<ellipse cx="240" cy="184" rx="32" ry="24" fill="{p.light}"/>'
        f'<ellipse cx="240" cy="174" rx="11" ry="8" fill="{_INK}"/>'
        f'<circle cx="212" cy="146" r="8" fill="{_INK}"/>'
        f'<circle cx="268" cy="146" r="8" fill="{_INK}"/>'
        f'<path d="M228 194 q12 10 24 0" fill="none" stroke="{_INK}" stroke-width="4" '
        f'stroke-linecap="round"/>'
    )


def _first_aid(p: _Palette) -> str:
    return (
        f'<path d="M196 122 V96 q0 -12 12 -12 h64 q12 0 12 12 V122" fill="none" '
        f'stroke="{p.dark}" stroke-width="14" stroke-linejoin="round"/>'
        f'<rect x="106" y="118" width="268" height="214" rx="32" fill="{p.fill}" '
        f'stroke="{p.dark}" stroke-width="6"/>'
        f'<rect x="106" y="118" width="268" height="36" rx="18" fill="{p.light}" '
        f'opacity="0.6"/>'
        f'<path d="M214 168 h52 v46 h46 v52 h-46 v46 h-52 v-46 h-46 v-52 h46 Z" '
        f'fill="{p.accent}" stroke="{p.dark}" stroke-width="3" stroke-linejoin="round"/>'
    )


def _shopping_bag(p: _Palette) -> str:
    return (
        f'<path d="M192 152 V122 a48 48 0 0 1 96 0 V152" fill="none" stroke="{p.dark}" '
        f'stroke-width="12" stroke-linecap="round"/>'
        f'<path d="M132 146 H348 L370 346 H110 Z" fill="{p.fill}" stroke="{p.dark}" '
        f'stroke-width="6" stroke-linejoin="round"/>'
        f'<circle cx="192" cy="176" r="8" fill="{p.dark}"/>'
        f'<circle cx="288" cy="176" r="8" fill="{p.dark}"/>'
    )


CATEGORY_ICONS: dict[str, Callable[[_Palette], str]] = {
    "footwear": _shoe,
    "clothing": _shirt,
    "electronics": _headphones,
    "home-kitchen": _mug,
    "outdoor": _tent,
    "sports": _ball,
    "beauty": _bottle,
    "toys": _teddy,
    "health": _first_aid,
}


# --------------------------------------------------------------------------- label


def _clean_name(name: str) -> str:
    return " ".join(_CONTROL_RE.sub(" ", name).split()) or "Product"


def _label_lines(name: str) -> tuple[list[str], int]:
    """Split a product name into one or two lines and pick a font size that fits."""
    if len(name) > _MAX_LABEL_CHARS:
        name = name[: _MAX_LABEL_CHARS - 1].rstrip() + "\u2026"
    one_line = min(30, int(_LABEL_WIDTH / (_CHAR_EM * len(name))))
    words = name.split(" ")
    if one_line >= 26 or len(words) == 1:
        return [name], max(14, one_line)
    best = [name]
    for i in range(1, len(words)):
        candidate = [" ".join(words[:i]), " ".join(words[i:])]
        if len(best) == 1 or max(map(len, candidate)) < max(map(len, best)):
            best = candidate
    longest = max(map(len, best))
    return best, max(14, min(28, int(_LABEL_WIDTH / (_CHAR_EM * longest))))


def _label(name: str) -> str:
    lines, size = _label_lines(name)
    first_y = 442 if len(lines) == 1 else 426
    spans = "".join(
        f'<text x="240" y="{first_y + i * round(size * 1.2)}" text-anchor="middle" '
        f'font-family="{_FONT}" font-size="{size}" font-weight="600" fill="{_INK}">'
        f"{escape(line)}</text>"
        for i, line in enumerate(lines)
    )
    return f'<g class="label">{spans}</g>'


# --------------------------------------------------------------------------- public API


def render_product_svg(*, product_id: int, name: str, category: str, color: str | None) -> str:
    """A self-contained 480x480 SVG picture of a product.

    The pictogram depends on ``category`` (unknown categories get a shopping bag),
    its fill on ``color`` and the label at the bottom is the product name.
    """
    fill = resolve_color(color, product_id)
    pal = _palette(fill)
    slug = category.strip().lower()
    draw = CATEGORY_ICONS.get(slug, _shopping_bag)
    icon_class = slug if slug in CATEGORY_ICONS else "generic"
    if _luminance(fill) > 0.75:
        bg_top, bg_bottom = "#edf2f7", "#cfd9e6"
    else:
        bg_top, bg_bottom = _mix(fill, "#ffffff", 0.88), _mix(fill, "#ffffff", 0.7)
    uid = f"vc{product_id}".replace("-", "n")
    clean = _clean_name(name)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}" role="img" aria-labelledby="{uid}-title">'
        f'<title id="{uid}-title">{escape(clean)}</title>'
        f"<defs>"
        f'<linearGradient id="{uid}-bg" x1="0" y1="0" x2="1" y2="1">'
        f'<stop offset="0" stop-color="{bg_top}"/><stop offset="1" stop-color="{bg_bottom}"/>'
        f"</linearGradient>"
        f'<clipPath id="{uid}-clip"><rect width="{SIZE}" height="{SIZE}" rx="32"/></clipPath>'
        f"</defs>"
        f'<g clip-path="url(#{uid}-clip)">'
        f'<rect width="{SIZE}" height="{SIZE}" fill="url(#{uid}-bg)"/>'
        f'<circle cx="240" cy="212" r="168" fill="#ffffff" opacity="0.5"/>'
        f'<ellipse cx="240" cy="362" rx="150" ry="14" fill="{pal.dark}" opacity="0.12"/>'
        f'<g class="pictogram pictogram-{icon_class}">{draw(pal)}</g>'
        f'<rect y="392" width="{SIZE}" height="88" fill="#ffffff" opacity="0.72"/>'
        f"{_label(clean)}"
        f"</g></svg>"
    )
