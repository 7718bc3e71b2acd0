"""Sound Box's surface under /soundbox: its routers, and the errors every one of them can answer."""

from __future__ import annotations

from fastapi import APIRouter

from soundforge.gateway.openapi_errors import soundbox_responses
from soundforge.gateway.routes import (
    soundbox_favorites,
    soundbox_files,
    soundbox_generation,
    soundbox_library,
    soundbox_radio,
    soundbox_utility,
)

# A bad credential (401), the per-IP or per-user rate limit (429), counters or library unreachable (503).
SOUNDBOX_ERRORS = (401, 429, 503)

router = APIRouter(prefix="/soundbox", responses=soundbox_responses(*SOUNDBOX_ERRORS))
router.include_router(soundbox_generation.router)
router.include_router(soundbox_library.router)
router.include_router(soundbox_radio.router)
router.include_router(soundbox_favorites.router)
router.include_router(soundbox_utility.router)
router.include_router(soundbox_files.router)
