"""`page` and `page_size` query parameters of every list route, checked against what the proto can carry."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from soundforge.library.v1 import library_pb2

# `Page.page` is an int32: a larger page is a 422 here, not an overflow while building the request.
MAX_PAGE = 2**31 - 1
MAX_PAGE_SIZE = 100


def page_query(
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
) -> library_pb2.Page:
    return library_pb2.Page(page=page, page_size=page_size)


PageQuery = Annotated[library_pb2.Page, Depends(page_query)]
