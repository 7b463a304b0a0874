"""Annotated dependencies shared by the routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.commerce.catalog import CategoryDirectory
from voicecart.commerce.search import CatalogIndex
from voicecart.config import Settings
from voicecart.runtime import Runtime


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_settings_dep(runtime: RuntimeDep) -> Settings:
    return runtime.settings


async def get_session(runtime: RuntimeDep) -> AsyncIterator[AsyncSession]:
    async with runtime.db.session() as session:
        yield session


def get_index(runtime: RuntimeDep) -> CatalogIndex:
    return runtime.catalog_index


def get_categories(runtime: RuntimeDep) -> CategoryDirectory:
    return runtime.categories


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
CategoriesDep = Annotated[CategoryDirectory, Depends(get_categories)]
SessionDep = Annotated[AsyncSession, Depends(get_session)]
IndexDep = Annotated[CatalogIndex, Depends(get_index)]
