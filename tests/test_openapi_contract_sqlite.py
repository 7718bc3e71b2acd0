"""The OpenAPI contract (openapi_fuzz) on SQLite and the local blob directory, the embedded defaults."""

from __future__ import annotations

import pytest

from openapi_fuzz import check_every_operation
from platform_harness import Platform

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.mark.parametrize("platform", ["sqlite+local"], indirect=True)
async def test_every_operation_answers_as_documented(platform: Platform) -> None:
    await check_every_operation(platform)
