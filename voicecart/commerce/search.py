"""In-memory free-text product search, tolerant to speech-recognition errors.

Pure and synchronous: no database, no I/O. :meth:`CatalogIndex.build` takes the products
and categories once (start-up); :meth:`CatalogIndex.search` answers a spoken query such
as "um, runing shoos under fifty" in well under a millisecond for a few hundred products.

Query understanding (prices, "in stock", fillers, tokens) lives in
:mod:`voicecart.commerce.query`; this module resolves the words against the catalog's
vocabulary and ranks products:

* each unknown word is corrected to a catalog word: joined with its neighbour when the
  joined form is a catalog word ("head fones" -> "headphones", "ear buds" -> "earbuds"),
  else by spelling (rapidfuzz ratio >= 80 with the same first letter and a similar
  length, and below 90 also the same metaphone key: "shoos" -> "shoes"), else by sound
  alone (same metaphone key, ratio >= 70: "tint" -> "tent", at a reduced weight), else
  as the prefix of product-name words. Shoppers mostly say real words the catalog does
  not have ("skirt", "lamp"), hence the caution. A word that cannot be resolved is
  dropped, and a query made only of such words finds nothing;
* category names and slugs ("electronics", "home and kitchen") filter; a query made only
  of one category's synonyms ("tents", "shoes", "gadgets") filters too; synonyms beside
  other words ("running shoes") only boost that category. A filter taken from the text
  is dropped again when products outside it match the words better (explicit arguments
  never are): "outdoor basketball" still finds the indoor/outdoor basketball;
* a colour word ("red running shoes") filters on the product's colours; colour words that
  are also product words ("cream" in "hand cream") stay ordinary search terms;
* ranking is BM25F: field weights name 3, tags 2, category 1.5, brand 1.5, colours 1,
  description 1; a query word that is in no product name also matches name words it
  prefixes ("cook" -> "cooker"); products matching more of the query words rank higher,
  and those matching less than half as much of it as the best one are left out;
  out-of-stock products get a small penalty (x0.85). Without words ("anything under
  twenty dollars") every product passing the filters is listed, cheapest first.

Corrections and whole query analyses are cached per index (bounded dicts), so a repeated
spoken query costs only the ranking.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import chain, filterfalse
from typing import Final

import jellyfish
from rapidfuzz import fuzz, process

from voicecart.commerce.query import (
    COLOR_WORDS,
    STOP_WORDS,
    content_tokens,
    extract_in_stock,
    extract_price,
    normalize,
    normalize_color,
    prepare,
    split_words,
    stem,
    strip_noise,
)

__all__ = ["CatalogIndex", "CategoryInfo", "Hit", "ParsedQuery", "SearchDoc", "SearchResult"]


@dataclass(frozen=True)
class SearchDoc:
    """What the index needs of a product."""

    id: int
    name: str
    category: str  # slug, e.g. "footwear", "home-kitchen"
    brand: str
    description: str
    price_cents: int
    stock: int
    tags: tuple[str, ...]
    colors: tuple[str, ...]


@dataclass(frozen=True)
class CategoryInfo:
    slug: str
    name: str  # "Home & Kitchen"
    synonyms: tuple[str, ...] = ()  # ("shoes", "sneakers", ...)


@dataclass(frozen=True)
class ParsedQuery:
    """What was understood of a query (and, from search, which filters were applied)."""

    text: str  # the original
    terms: tuple[str, ...]  # corrected content terms used for matching
    corrections: dict[str, str]  # e.g. {"shoos": "shoes", "runing": "running"}
    category: str | None  # category slug
    min_price_cents: int | None
    max_price_cents: int | None
    color: str | None
    in_stock_only: bool


@dataclass(frozen=True)
class Hit:
    id: int
    score: float


@dataclass(frozen=True)
class SearchResult:
    parsed: ParsedQuery
    hits: list[Hit]
    total: int  # matching products before limit/offset


# ----------------------------------------------------------------------------- tuning

_TEXT_FIELDS: Final = ("name", "tags", "brand", "colors", "description")  # + "category"
_WEIGHT: Final = {
    "name": 3.0,
    "tags": 2.0,
    "category": 1.5,
    "brand": 1.5,
    "colors": 1.0,
    "description": 1.0,
}
_LENGTH_B: Final = {
    "name": 0.5,
    "tags": 0.4,
    "category": 0.0,
    "brand": 0.0,
    "colors": 0.0,
    "description": 0.75,
}
_K1: Final = 1.6
_OUT_OF_STOCK: Final = 0.85  # score factor for products that cannot be bought now
_CATEGORY_BOOST: Final = 1.15  # products in a category a synonym in the query points to
_FUZZY_CUTOFF: Final = 80.0
_FUZZY_JOINED_CUTOFF: Final = 85.0
_PHONETIC_WEIGHT: Final = 0.7
_PREFIX_WEIGHT_UNKNOWN: Final = 0.6
_PREFIX_WEIGHT_KNOWN: Final = 0.3
_CACHE_MAX: Final = 4096


@dataclass(frozen=True)
class _Term:
    display: str  # the (corrected) word as shown back to the shopper
    alts: tuple[tuple[str, float], ...]  # (stem, weight): the word, its prefix expansions


@dataclass(frozen=True)
class _Tok:
    original: str
    surface: str
    stem: str | None  # None: not resolved
    weight: float
    alts: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class _Plan:
    parsed: ParsedQuery
    terms: tuple[_Term, ...]
    category_terms: tuple[_Term, ...]  # the words naming a text-derived category filter
    boost: frozenset[str]
    nothing: bool  # the query had words and none of them could be understood


@dataclass(frozen=True)
class _Match:
    scores: dict[int, float]  # position -> BM25F score
    coverage: dict[int, float]  # position -> share of the query's idf mass matched (0..1]


def _field_words(text: str) -> list[str]:
    """Content words of a product field, plus joined hyphenated words ('t-shirt' -> 'tshirt')."""
    words, joined = split_words(text.lower() if text.isascii() else normalize(text))
    if joined:
        words += joined
    return list(filterfalse(STOP_WORDS.__contains__, words))


def _category_words(info: CategoryInfo) -> list[str]:
    words = _field_words(info.slug.replace("-", " ")) + _field_words(info.name)
    for synonym in info.synonyms:
        words += _field_words(synonym)
    return words


class CatalogIndex:
    """An immutable-text, mutable-stock search index over a product catalog."""

    def __init__(self) -> None:  # use CatalogIndex.build
        self._ids: list[int] = []
        self._pos: dict[int, int] = {}
        self._price: list[int] = []
        self._stock: list[int] = []
        self._category: list[str] = []
        self._colors: list[frozenset[str]] = []
        self._postings: dict[str, dict[int, float]] = {}
        self._idf: dict[str, float] = {}
        self._name_stems: set[str] = set()
        self._name_prefix: dict[str, tuple[str, ...]] = {}
        self._surface_stem: dict[str, str] = {}
        self._display: dict[str, str] = {}
        self._counts: list[tuple[float, Counter[str]]] = []  # (field weight, word counts)
        self._prominence: dict[str, float] = {}
        self._by_letter: dict[str, list[str]] = {}
        self._by_sound: dict[str, list[str]] = {}
        self._sound: dict[str, str] = {}
        self._strong: set[str] = set()  # words of names, tags, brands, categories, colours
        self._phrases: dict[tuple[str, ...], tuple[str | None, bool]] = {}
        self._max_phrase = 1
        self._colors_known: frozenset[str] = frozenset()
        self._colors_ambiguous: frozenset[str] = frozenset()
        self._resolved: dict[str, _Tok] = {}
        self._plans: dict[str, _Plan] = {}

    # ------------------------------------------------------------------------ build

    @classmethod
    def build(cls, docs: Iterable[SearchDoc], categories: Iterable[CategoryInfo]) -> CatalogIndex:
        self = cls()
        cats = {c.slug: c for c in categories}
        # Field words, per distinct text (brands, tags and colours repeat a lot).
        memo: dict[str, list[str]] = {}

        def words_of(text: str) -> list[str]:
            ws = memo.get(text)
            if ws is None:
                ws = memo[text] = _field_words(text)
            return ws

        cat_words = {slug: _category_words(info) for slug, info in cats.items()}
        # Pass 1: every field's words; field lengths.
        surfaces: list[tuple[list[str], list[str], list[str], list[str], list[str]]] = []
        totals = [0, 0, 0, 0, 0]
        for doc in docs:
            if doc.id in self._pos:
                raise ValueError(f"duplicate product id {doc.id}")
            self._pos[doc.id] = len(self._ids)
            self._ids.append(doc.id)
            self._price.append(doc.price_cents)
            self._stock.append(doc.stock)
            self._category.append(doc.category)
            colors = frozenset(map(normalize_color, doc.colors))
            self._colors.append(colors)
            if doc.category not in cat_words:
                cat_words[doc.category] = _field_words(doc.category.replace("-", " "))
            if "-" in doc.name:
                self._display.update(
                    (h.replace("-", ""), h) for h in normalize(doc.name).split() if "-" in h
                )
            row = (
                words_of(doc.name),
                [w for tag in doc.tags for w in words_of(tag)],
                words_of(doc.brand),
                words_of(" ".join(sorted(colors))),
                _field_words(doc.description),
            )
            for k, ws in enumerate(row):
                totals[k] += len(ws)
            surfaces.append(row)
        n = len(surfaces)

        # Vocabulary: every surface word, its stem, how prominent it is.
        weights = [_WEIGHT[f] for f in _TEXT_FIELDS]
        b = [_LENGTH_B[f] for f in _TEXT_FIELDS]
        avg = [(t / n if n else 0.0) or 1.0 for t in totals]
        counts = [
            Counter(chain.from_iterable(row[k] for row in surfaces))
            for k in range(len(_TEXT_FIELDS))
        ]
        cat_counts = Counter(w for ws in cat_words.values() for w in ws)
        self._counts = [
            *((weights[k], c) for k, c in enumerate(counts)),
            (_WEIGHT["category"], cat_counts),
        ]
        self._strong = set(cat_counts).union(*counts[:4])
        stems = {w: stem(w) for w in self._strong.union(counts[4])}
        self._surface_stem = stems

        # Pass 2: BM25F pseudo term frequencies (weighted, length-normalized), per term.
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        stem_of = stems.__getitem__
        for i, row in enumerate(surfaces):
            acc: dict[str, float] = {}
            get = acc.get
            for k, ws in enumerate(row):
                if ws:
                    norm = weights[k] / (1.0 - b[k] + b[k] * len(ws) / avg[k])
                    for st in map(stem_of, ws):
                        acc[st] = get(st, 0.0) + norm
            for st, tf in acc.items():
                postings[st][i] = tf
            self._name_stems.update(map(stem_of, row[0]))
        members: dict[str, list[int]] = defaultdict(list)
        for i, slug in enumerate(self._category):
            members[slug].append(i)
        category_only: dict[str, dict[int, float]] = defaultdict(dict)
        for slug, ws in cat_words.items():
            for st, tf in Counter(stems[w] for w in ws).items():
                weighted = tf * _WEIGHT["category"]
                posting = postings.get(st)
                if posting is not None:
                    # A word found in product text matches that text; the category field
                    # then only adds to it.
                    for i in members.get(slug, ()):
                        if i in posting:
                            posting[i] += weighted
                else:  # a word only categories use ("gadgets") matches the whole category
                    category_only[st].update((i, weighted) for i in members.get(slug, ()))
        for st, posting in category_only.items():
            postings[st] = posting
        self._postings = dict(postings)
        self._idf = {
            st: math.log(1.0 + (n - len(p) + 0.5) / (len(p) + 0.5)) for st, p in postings.items()
        }

        self._index_vocabulary()
        self._index_categories(cats)
        self._index_colors(surfaces)
        return self

    def _index_vocabulary(self) -> None:
        for w in sorted(self._surface_stem):
            if w.isalpha() and len(w) >= 3:
                self._by_letter.setdefault(w[0], []).append(w)
                if w in self._strong:  # only these may be matched by sound alone
                    self._by_sound.setdefault(self._sound_of(w), []).append(w)
        prefixes: dict[str, set[str]] = defaultdict(set)
        for s in self._name_stems:
            if s.isalpha():
                for k in range(4, len(s)):
                    prefixes[s[:k]].add(s)
        self._name_prefix = {p: tuple(sorted(ss))[:6] for p, ss in prefixes.items()}

    def _index_categories(self, cats: dict[str, CategoryInfo]) -> None:
        phrases: dict[tuple[str, ...], set[tuple[str, bool]]] = defaultdict(set)
        for slug, info in cats.items():
            for text, is_name in (
                (slug.replace("-", " "), True),
                (info.name, True),
                *((s, False) for s in info.synonyms),
            ):
                words, joined = split_words(normalize(text))
                for key in (
                    tuple(stem(w) for w in words if w not in STOP_WORDS),
                    tuple(stem(w) for w in joined),  # "t-shirts" as "tshirts"
                ):
                    if key:
                        phrases[key].add((slug, is_name))
        for key, owners in phrases.items():
            explicit = {slug for slug, e in owners if e}
            slugs = explicit or {slug for slug, _ in owners}
            self._phrases[key] = (next(iter(slugs)) if len(slugs) == 1 else None, bool(explicit))
            self._max_phrase = max(self._max_phrase, len(key))

    def _index_colors(self, surfaces: Sequence[Sequence[list[str]]]) -> None:
        known = {normalize_color(c) for c in COLOR_WORDS} | {c for cs in self._colors for c in cs}
        self._colors_known = frozenset(c for c in known if " " not in c)
        product_words = {w for row in surfaces for ws in row[:2] for w in ws}
        self._colors_ambiguous = frozenset(c for c in self._colors_known if c in product_words)

    def __len__(self) -> int:
        return len(self._ids)

    def update_stock(self, product_id: int, stock: int) -> None:
        """Record a product's new stock level (unknown ids are ignored)."""
        pos = self._pos.get(product_id)
        if pos is not None:
            self._stock[pos] = stock

    # ----------------------------------------------------------------- understanding

    def parse(self, query: str) -> ParsedQuery:
        """What the text alone says (search() may still relax or override it)."""
        parsed = self._plan(query).parsed
        return replace(parsed, corrections=dict(parsed.corrections))

    def _plan(self, query: str) -> _Plan:
        plan = self._plans.get(query)
        if plan is None:
            if len(self._plans) >= _CACHE_MAX:
                self._plans.clear()
            plan = self._plans[query] = self._understand(query)
        return plan

    def _understand(self, query: str) -> _Plan:
        price = extract_price(strip_noise(prepare(query)))
        in_stock, rest = extract_in_stock(price.rest)
        toks = self._resolve_all(content_tokens(rest))

        color: str | None = None
        words: list[_Tok] = []
        for t in toks:
            c = normalize_color(t.surface)
            if c in self._colors_known and c not in self._colors_ambiguous:
                color = color or c
            else:
                words.append(t)

        # Category phrases, longest first, over the resolved stems.
        owner: list[tuple[str | None, bool] | None] = [None] * len(words)
        i = 0
        while i < len(words):
            for size in range(min(self._max_phrase, len(words) - i), 0, -1):
                key = tuple(t.stem or "" for t in words[i : i + size])
                if key in self._phrases:
                    owner[i : i + size] = [self._phrases[key]] * size
                    i += size
                    break
            else:
                i += 1
        explicit = {o[0] for o in owner if o is not None and o[1] and o[0] is not None}
        synonyms = {o[0] for o in owner if o is not None and not o[1] and o[0] is not None}
        resolved = [k for k, t in enumerate(words) if t.stem is not None]

        category: str | None = None
        in_category: set[int] = set()
        if len(explicit) == 1:
            category = next(iter(explicit))
            in_category = {k for k, o in enumerate(owner) if o == (category, True)}
        elif not explicit and len(synonyms) == 1 and resolved:
            slug = next(iter(synonyms))
            if all(owner[k] == (slug, False) for k in resolved):
                category = slug  # only that category's words: "tents", "do you have shoes"
        boost = frozenset(synonyms) if category is None and len(synonyms) <= 2 else frozenset()

        terms = [self._term(words[k]) for k in resolved if k not in in_category]
        category_terms = [self._term(words[k]) for k in resolved if k in in_category]
        corrections = {
            t.original: t.surface for t in toks if t.stem is not None and t.original != t.surface
        }
        parsed = ParsedQuery(
            text=query,
            terms=tuple(t.display for t in terms),
            corrections=corrections,
            category=category,
            min_price_cents=price.min_cents,
            max_price_cents=price.max_cents,
            color=color,
            in_stock_only=in_stock,
        )
        # Words were said, none of them is a catalog word: nothing to show ("xylophone"),
        # rather than every product. A stray letter from the recognizer does not count.
        unknown = any(t.stem is None and len(t.original) > 1 for t in words)
        nothing = unknown and not terms and category is None
        return _Plan(parsed, tuple(terms), tuple(category_terms), boost, nothing)

    def _term(self, tok: _Tok) -> _Term:
        assert tok.stem is not None
        alts = tok.alts or ((tok.stem, tok.weight),)
        return _Term(self._display.get(tok.stem, tok.surface), alts)

    def _resolve_all(self, tokens: list[str]) -> list[_Tok]:
        out: list[_Tok] = []
        i = 0
        while i < len(tokens):
            if i + 1 < len(tokens):
                joined = self._resolve_joined(tokens[i], tokens[i + 1])
                if joined is not None:
                    out.append(joined)
                    i += 2
                    continue
            out.append(self._resolve(tokens[i]))
            i += 1
        return out

    def _known(self, word: str) -> bool:
        return stem(word) in self._postings

    def _resolve_joined(self, a: str, b: str) -> _Tok | None:
        joined = a + b
        original = f"{a} {b}"
        if self._known(joined):
            surface = self._display.get(joined, joined)
            return _Tok(original, surface, stem(joined), 1.0)
        if min(len(a), len(b)) < 2 or not (a.isalpha() and b.isalpha()):
            return None
        # Only when one of the two words means nothing on its own ("head fones").
        if all(self._known(w) or self._correct(w, _FUZZY_CUTOFF, sound=False) for w in (a, b)):
            return None
        if normalize_color(a) in self._colors_known or normalize_color(b) in self._colors_known:
            return None
        fixed = self._correct(joined, _FUZZY_JOINED_CUTOFF)
        if fixed is None:
            return None
        surface, weight = fixed
        stem_ = self._surface_stem[surface]
        return _Tok(original, self._display.get(stem_, surface), stem_, weight)

    def _resolve(self, word: str) -> _Tok:
        tok = self._resolved.get(word)
        if tok is None:
            if len(self._resolved) >= _CACHE_MAX:
                self._resolved.clear()
            tok = self._resolved[word] = self._resolve_uncached(word)
        return tok

    def _resolve_uncached(self, word: str) -> _Tok:
        s = stem(word)
        if s in self._postings:
            alts: tuple[tuple[str, float], ...] = ()
            if s not in self._name_stems and len(s) >= 4:
                extra = tuple((p, _PREFIX_WEIGHT_KNOWN) for p in self._name_prefix.get(s, ()))
                alts = ((s, 1.0), *extra) if extra else ()
            return _Tok(word, word, s, 1.0, alts)
        if normalize_color(word) in self._colors_known:
            return _Tok(word, normalize_color(word), None, 0.0)
        fixed = self._correct(word, _FUZZY_CUTOFF)
        if fixed is not None:
            surface, weight = fixed
            stem_ = self._surface_stem[surface]
            return _Tok(word, self._display.get(stem_, surface), stem_, weight)
        if word.isalpha() and len(word) >= 4 and word in self._name_prefix:
            prefixed = tuple((p, _PREFIX_WEIGHT_UNKNOWN) for p in self._name_prefix[word])
            return _Tok(word, word, prefixed[0][0], _PREFIX_WEIGHT_UNKNOWN, prefixed)
        return _Tok(word, word, None, 0.0)

    def _sound_of(self, word: str) -> str:
        key = self._sound.get(word)
        if key is None:
            key = self._sound[word] = jellyfish.metaphone(word)
        return key

    def _prominent(self, word: str) -> float:
        """0..3: how much the catalog uses ``word`` (weighted by field), to break ties."""
        p = self._prominence.get(word)
        if p is None:
            total = sum(weight * counts[word] for weight, counts in self._counts)
            p = self._prominence[word] = min(3.0, math.log1p(total))
        return p

    def _correct(self, word: str, cutoff: float, *, sound: bool = True) -> tuple[str, float] | None:
        """The catalog word ``word`` was most likely meant to be, with a confidence.

        Shoppers' words are mostly real English words the catalog lacks ("skirt", "lamp"),
        so a near-spelling alone is not enough: below a ratio of 90 the two words must also
        sound alike (equal metaphone keys), the lengths must be close, and words found only
        in descriptions need a ratio of at least 85 and are never matched by sound alone.
        """
        if not word.isalpha() or len(word) < 4:
            return None
        key = jellyfish.metaphone(word)
        max_diff = 1 if len(word) <= 6 else 2
        best: tuple[float, str, float] | None = None
        choices = self._by_letter.get(word[0], [])
        cut = max(cutoff, 85.0) if len(word) == 4 else cutoff
        for cand, ratio, _ in process.extract(
            word, choices, scorer=fuzz.ratio, score_cutoff=cut, limit=8
        ):
            if abs(len(cand) - len(word)) > max_diff:
                continue
            same_sound = self._sound_of(cand) == key
            strong = cand in self._strong
            if not (ratio >= 90.0 or same_sound) or not (strong or (same_sound and ratio >= 85)):
                continue
            rank = ratio + (5.0 if same_sound else 0.0) + self._prominent(cand)
            if best is None or rank > best[0]:
                best = (rank, cand, ratio / 100.0)
        if best is not None:
            return best[1], best[2]
        if not sound or len(key) < 2:
            return None
        sounds = [
            (fuzz.ratio(word, c) + self._prominent(c), c)
            for c in self._by_sound.get(key, ())
            if c[0] == word[0] and c in self._strong and abs(len(c) - len(word)) <= max_diff
        ]
        sounds = [(r, c) for r, c in sounds if r >= 70.0]
        if sounds:
            return max(sounds)[1], _PHONETIC_WEIGHT
        return None

    # ------------------------------------------------------------------------ search

    def search(
        self,
        query: str,
        *,
        category: str | None = None,
        min_price_cents: int | None = None,
        max_price_cents: int | None = None,
        in_stock: bool | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> SearchResult:
        """Rank products for ``query``; keyword arguments override what the text implies.

        ``in_stock=True`` keeps only products in stock, ``False`` disables the "in stock"
        filter the text may ask for, ``None`` follows the text.
        """
        plan = self._plan(query)
        text = plan.parsed
        terms = plan.terms
        cat = category if category is not None else text.category
        lo = min_price_cents if min_price_cents is not None else text.min_price_cents
        hi = max_price_cents if max_price_cents is not None else text.max_price_cents
        only_in_stock = in_stock if in_stock is not None else text.in_stock_only
        color = text.color

        ranked: list[tuple[float, int]] = []
        if not plan.nothing:
            match = self._match(terms)
            ranked, coverage = self._select(match, cat, lo, hi, only_in_stock, color, plan.boost)
            if terms and category is None and cat is not None:
                # A category named in the text is dropped again when products outside it
                # match the words better ("outdoor basketball" -> the indoor/outdoor ball).
                _, wider = self._select(match, None, lo, hi, only_in_stock, color, plan.boost)
                if wider > coverage + 1e-9:
                    cat, terms = None, terms + plan.category_terms
                    match = self._match(terms)
                    ranked, coverage = self._select(
                        match, cat, lo, hi, only_in_stock, color, plan.boost
                    )
            if not ranked and terms and color is not None:
                color = None  # no product in that colour: say so by returning the others
                ranked, _ = self._select(match, cat, lo, hi, only_in_stock, color, plan.boost)

        parsed = replace(
            text,
            terms=tuple(t.display for t in terms),
            corrections=dict(text.corrections),
            category=cat,
            min_price_cents=lo,
            max_price_cents=hi,
            color=color,
            in_stock_only=only_in_stock,
        )
        page = ranked[max(offset, 0) : max(offset, 0) + max(limit, 0)]
        hits = [Hit(self._ids[i], round(score, 4)) for score, i in page]
        return SearchResult(parsed, hits, len(ranked))

    def _match(self, terms: tuple[_Term, ...]) -> _Match | None:
        """BM25F scores and matched idf mass per product, before any filter."""
        if not terms:
            return None
        scores: dict[int, float] = defaultdict(float)
        covered: dict[int, float] = defaultdict(float)
        total = 0.0
        for term in terms:
            best: dict[int, tuple[float, float]] = {}
            top = 0.0
            for s, weight in term.alts:
                idf = self._idf.get(s, 0.0) * weight
                top = max(top, idf)
                scale = idf * (_K1 + 1.0)
                for i, tf in self._postings.get(s, {}).items():
                    sc = scale * tf / (tf + _K1)
                    if (prev := best.get(i)) is None or sc > prev[0]:
                        best[i] = (sc, idf)
            total += top
            for i, (sc, idf) in best.items():
                scores[i] += sc
                covered[i] += idf
        return _Match(scores, {i: c / total for i, c in covered.items()} if total else {})

    def _select(
        self,
        match: _Match | None,
        category: str | None,
        lo: int | None,
        hi: int | None,
        only_in_stock: bool,
        color: str | None,
        boost: frozenset[str],
    ) -> tuple[list[tuple[float, int]], float]:
        """Filtered, ranked (score, position) pairs and the best coverage among them."""

        def keep(i: int) -> bool:
            return (
                (category is None or self._category[i] == category)
                and (lo is None or self._price[i] >= lo)
                and (hi is None or self._price[i] <= hi)
                and (not only_in_stock or self._stock[i] > 0)
                and (color is None or color in self._colors[i])
            )

        def adjust(i: int, score: float) -> float:
            if self._stock[i] <= 0:
                score *= _OUT_OF_STOCK
            if self._category[i] in boost:
                score *= _CATEGORY_BOOST
            return round(score, 6)

        if match is None:  # no words: every product that passes the filters, cheapest first
            scored = [(adjust(i, 1.0), i) for i in range(len(self._ids)) if keep(i)]
            scored.sort(key=lambda si: (-si[0], self._price[si[1]], self._ids[si[1]]))
            return scored, 1.0

        coverage = match.coverage
        kept = [i for i in coverage if keep(i)]
        best = max((coverage[i] for i in kept), default=0.0)
        # Drop products that match much less of the query than the best one does
        # ("water bottle": not every product whose description mentions water).
        floor = 0.5 * best - 1e-9
        scored = [
            (adjust(i, match.scores[i] * (0.5 + 0.5 * coverage[i])), i)
            for i in kept
            if coverage[i] >= floor
        ]
        scored.sort(key=lambda si: (-si[0], self._ids[si[1]]))
        return scored, best
