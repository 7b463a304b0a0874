"""A stand-in for the Azure AI Search REST API on a real socket (aiohttp, 127.0.0.1).

It answers the three operations the knowledge adapter uses, the way the service does:
``PUT /indexes('name')`` (create or update an index), ``POST
/indexes('name')/docs/search.index`` (upload, merge or delete documents) and ``POST
/indexes('name')/docs/search.post.search`` (search). It checks what real Azure checks
at the edge (``api-key`` header, ``api-version`` parameter, the index exists, documents
have a key) and records every request so tests can assert the shapes the SDK sent.
Searching is deliberately naive (word overlap, plus ``eq`` / ``any`` filters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

_INDEX = re.compile(r"^/indexes\('([^']+)'\)(/docs/search\.(index|post\.search))?$")


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any


@dataclass
class FakeAzureSearch:
    api_key: str
    requests: list[Recorded] = field(default_factory=list)
    indexes: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    url: str = ""
    _runner: web.AppRunner | None = None

    async def __aenter__(self) -> FakeAzureSearch:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def of(self, kind: str) -> list[Recorded]:
        """Recorded requests of one operation: ``index``, ``docs`` or ``search``."""
        suffix = {"index": None, "docs": "index", "search": "post.search"}[kind]
        out = []
        for r in self.requests:
            match = _INDEX.match(r.path)
            if match and match.group(3) == suffix:
                out.append(r)
        return out

    @staticmethod
    def _error(status: int, message: str) -> web.Response:
        return web.json_response(
            {"error": {"code": str(status), "message": message}}, status=status
        )

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.json() if request.can_read_body else None
        self.requests.append(
            Recorded(request.method, request.path, dict(request.query), dict(request.headers), body)
        )
        if request.headers.get("api-key") != self.api_key:
            return self._error(403, "Invalid or missing api-key")
        if not request.query.get("api-version"):
            return self._error(400, "api-version is required")
        match = _INDEX.match(request.path)
        if match is None:
            return self._error(404, "no such resource")
        name, operation = match.group(1), match.group(3)
        if operation is None and request.method == "PUT":
            created = name not in self.indexes
            self.indexes[name] = body
            self.documents.setdefault(name, {})
            return web.json_response(body, status=201 if created else 200)
        if name not in self.indexes:
            return self._error(404, f"The index '{name}' was not found")
        if operation == "index" and request.method == "POST":
            return self._index(name, body)
        if operation == "post.search" and request.method == "POST":
            return self._search(name, body)
        return self._error(405, "method not allowed")

    def _index(self, name: str, body: dict[str, Any]) -> web.Response:
        docs = self.documents[name]
        results = []
        for sent in body["value"]:
            item = dict(sent)  # the recorded body stays as sent
            action = item.pop("@search.action")
            key = item.get("id")
            if not key:
                return self._error(400, "document key 'id' is missing")
            if action == "delete":
                docs.pop(key, None)
            elif action in ("upload", "mergeOrUpload"):
                docs[key] = {**docs.get(key, {}), **item}
            results.append({"key": key, "status": True, "errorMessage": None, "statusCode": 200})
        return web.json_response({"value": results})

    def _search(self, name: str, body: dict[str, Any]) -> web.Response:
        docs = list(self.documents[name].values())
        flt = body.get("filter")
        if flt:
            docs = [d for d in docs if _matches(d, flt)]
        text = body.get("search") or "*"
        words = set(re.findall(r"[a-z0-9]+", text.lower()))
        scored = []
        for d in docs:
            haystack = set(re.findall(r"[a-z0-9]+", f"{d.get('title')} {d.get('text')}".lower()))
            score = 1.0 if text == "*" else float(len(words & haystack))
            if score > 0:
                scored.append((score, d))
        scored.sort(key=lambda sd: -sd[0])
        top = int(body.get("top") or 50)
        select = body.get("select")
        fields = select.split(",") if select else None
        value = []
        for score, d in scored[:top]:
            shown = {k: v for k, v in d.items() if fields is None or k in fields}
            shown["@search.score"] = score
            if body.get("queryType") == "semantic":
                shown["@search.rerankerScore"] = score / 2
            value.append(shown)
        return web.json_response({"value": value})


def _matches(doc: dict[str, Any], flt: str) -> bool:
    for clause in flt.split(" and "):
        eq = re.fullmatch(r"(\w+) eq '((?:[^']|'')*)'", clause.strip())
        anyof = re.fullmatch(r"(\w+)/any\(\w+: \w+ eq '?((?:[^']|'')*?)'?\)", clause.strip())
        if eq:
            if str(doc.get(eq.group(1))) != eq.group(2).replace("''", "'"):
                return False
        elif anyof:
            values = [str(v) for v in doc.get(anyof.group(1)) or []]
            if anyof.group(2).replace("''", "'") not in values:
                return False
        else:
            raise ValueError(f"unsupported filter clause {clause!r}")
    return True
