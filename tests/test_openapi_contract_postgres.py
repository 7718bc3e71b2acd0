"""The OpenAPI contract (openapi_fuzz) on PostgreSQL and S3.

They refuse inputs (NUL characters, odd keys) that SQLite and a directory accept."""

from __future__ import annotations

import pytest

from openapi_fuzz import check_every_operation
from platform_harness import Platform

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.mark.parametrize("platform", ["postgres+s3"], indirect=True)
async def test_every_operation_answers_as_documented(platform: Platform) -> None:
    await check_every_operation(platform)
