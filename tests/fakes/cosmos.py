"""A stand-in for the Azure Cosmos DB REST API on a real loopback socket.

Enough of the protocol for the ``azure-cosmos`` SDK to create a database and a
container and upsert documents: the account read (``GET /``), databases, containers,
partition key ranges and documents. Every request's master-key signature is checked
the way Cosmos DB does (HMAC-SHA256 over verb, resource type, resource link and
``x-ms-date``), so a request the real service would refuse is refused here too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from aiohttp import web

KEY = base64.b64encode(b"voicecart-test-cosmos-master-key-0123456789").decode()


def _signature(key: str, verb: str, resource_type: str, link: str, date: str) -> str:
    text = f"{verb.lower()}\n{resource_type.lower()}\n{link}\n{date.lower()}\n\n"
    digest = hmac.new(base64.b64decode(key), text.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def _resource(path: str) -> tuple[str, str]:
    """(resource type, resource link) of a request path, as Cosmos DB signs them."""
    parts = [p for p in path.strip("/").split("/") if p]
    if not parts:
        return "", ""
    if len(parts) % 2 == 1:  # a feed: /dbs, /dbs/x/colls ... the link is the parent
        return parts[-1], "/".join(parts[:-1])
    return parts[-2], "/".join(parts)


@dataclass
class FakeCosmos:
    endpoint: str = ""
    key: str = KEY
    databases: dict[str, dict[str, Any]] = field(default_factory=dict)
    containers: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    documents: dict[tuple[str, str], dict[str, dict[str, Any]]] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail_next: list[int] = field(default_factory=list)  # statuses to answer upserts with

    def _meta(self, rid: str) -> dict[str, Any]:
        return {"_rid": rid, "_self": rid, "_etag": f'"{uuid.uuid4()}"', "_ts": int(time.time())}

    async def handle(self, request: web.Request) -> web.Response:
        path = unquote(request.path)
        body = await request.read()
        rtype, link = _resource(path)
        self.requests.append(
            {"method": request.method, "path": path, "headers": dict(request.headers), "body": body}
        )
        auth = unquote(request.headers.get("authorization", ""))
        fields = dict(p.split("=", 1) for p in auth.split("&") if "=" in p)
        date = request.headers.get("x-ms-date", "")
        expected = _signature(self.key, request.method, rtype, link, date)
        if fields.get("type") != "master" or not hmac.compare_digest(
            fields.get("sig", ""), expected
        ):
            return web.json_response(
                {"code": "Unauthorized", "message": "bad signature"}, status=401
            )
        return self._route(request.method, path, body, request.headers)

    def _route(self, method: str, path: str, body: bytes, headers: Any) -> web.Response:
        parts = [p for p in path.strip("/").split("/") if p]
        ok = web.json_response
        if not parts and method == "GET":
            loc = [{"name": "local", "databaseAccountEndpoint": self.endpoint + "/"}]
            return ok(
                {
                    "id": "fake",
                    "_self": "",
                    "writableLocations": loc,
                    "readableLocations": loc,
                    "enableMultipleWriteLocations": False,
                    "userConsistencyPolicy": {"defaultConsistencyLevel": "Session"},
                    "userReplicationPolicy": {"minReplicaSetSize": 1, "maxReplicasetSize": 1},
                    "systemReplicationPolicy": {"minReplicaSetSize": 1, "maxReplicasetSize": 1},
                    "readPolicy": {"primaryReadCoefficient": 1, "secondaryReadCoefficient": 1},
                    "queryEngineConfiguration": "{}",
                }
            )
        if parts == ["dbs"] and method == "POST":
            db = json.loads(body)
            if db["id"] in self.databases:
                return ok({"code": "Conflict"}, status=409)
            self.databases[db["id"]] = db | self._meta(f"dbs/{db['id']}")
            return ok(self.databases[db["id"]], status=201)
        if len(parts) == 2 and parts[0] == "dbs" and method == "GET":
            found = self.databases.get(parts[1])
            return ok(found) if found else ok({"code": "NotFound"}, status=404)
        if len(parts) == 3 and parts[2] == "colls" and method == "POST":
            coll = json.loads(body)
            key = (parts[1], coll["id"])
            if key in self.containers:
                return ok({"code": "Conflict"}, status=409)
            self.containers[key] = coll | self._meta(f"dbs/{parts[1]}/colls/{coll['id']}")
            self.documents[key] = {}
            return ok(self.containers[key], status=201)
        if len(parts) == 4 and parts[2] == "colls" and method == "GET":
            found = self.containers.get((parts[1], parts[3]))
            return ok(found) if found else ok({"code": "NotFound"}, status=404)
        if len(parts) == 5 and parts[4] == "pkranges" and method == "GET":
            rng = {"id": "0", "minInclusive": "", "maxExclusive": "FF"} | self._meta("pk0")
            return ok({"_rid": "x", "PartitionKeyRanges": [rng], "_count": 1})
        if len(parts) == 5 and parts[4] == "docs" and method == "POST":
            if self.fail_next:
                return ok({"code": "Busy"}, status=self.fail_next.pop(0))
            doc = json.loads(body)
            store = self.documents.setdefault((parts[1], parts[3]), {})
            upsert = headers.get("x-ms-documentdb-is-upsert", "").lower() == "true"
            if doc["id"] in store and not upsert:
                return ok({"code": "Conflict"}, status=409)
            created = doc["id"] not in store
            store[doc["id"]] = doc | self._meta(f"docs/{doc['id']}")
            return ok(store[doc["id"]], status=201 if created else 200)
        return ok({"code": "BadRequest", "message": f"{method} {path}"}, status=400)


@asynccontextmanager
async def fake_cosmos_server() -> AsyncIterator[FakeCosmos]:
    fake = FakeCosmos()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", fake.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert server is not None
    port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.endpoint = f"http://127.0.0.1:{port}"
    try:
        yield fake
    finally:
        await runner.cleanup()
