"""Page requests and results: 1-based pages, a capped page size, and counts for the PageMeta."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class PageRequest:
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @classmethod
    def of(cls, page: int, page_size: int) -> PageRequest:
        """Clamps what a client asked for: page >= 1, 1 <= page_size <= MAX_PAGE_SIZE (0 -> default)."""
        size = DEFAULT_PAGE_SIZE if page_size <= 0 else min(page_size, MAX_PAGE_SIZE)
        return cls(page=max(page, 1), page_size=size)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass(frozen=True)
class PageResult(Generic[T]):
    items: Sequence[T]
    page: int
    page_size: int
    total_count: int

    @property
    def total_pages(self) -> int:
        return -(-self.total_count // self.page_size)


async def fetch_page(session: AsyncSession, query: Select[T], page: PageRequest) -> PageResult[T]:
    """Runs `query` (already filtered and ordered) for one page, plus a count of every match."""
    total = await session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = (await session.scalars(query.limit(page.page_size).offset(page.offset))).all()
    return PageResult(items=rows, page=page.page, page_size=page.page_size, total_count=int(total or 0))
