"""The shipped Contoso corpus (``voicecart/data/knowledge``) as source files."""

from __future__ import annotations

import hashlib
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final

from voicecart.knowledge.chunking import CHUNKER_VERSION
from voicecart.knowledge.ingest import SourceFile
from voicecart.knowledge.readers import READERS

BUILTIN_PREFIX: Final = "builtin:"
FINGERPRINT_KEY: Final = "builtin_fingerprint"


def _walk(root: Traversable, prefix: str = "") -> list[SourceFile]:
    out: list[SourceFile] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            out.extend(_walk(entry, relative + "/"))
        elif any(entry.name.endswith(suffix) for suffix in READERS):
            out.append(SourceFile(BUILTIN_PREFIX + relative, entry.name, entry.read_bytes()))
    return out


def builtin_files() -> list[SourceFile]:
    """Every document of the built-in corpus, in a stable order."""
    return _walk(resources.files("voicecart").joinpath("data", "knowledge"))


def fingerprint(files: list[SourceFile], model: str) -> str:
    """One hash over the whole corpus, the chunker and the model: equal means up to date."""
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\0{model}".encode())
    for f in files:
        digest.update(f"\0{f.source}\0".encode())
        digest.update(hashlib.sha256(f.data).digest())
    return digest.hexdigest()
