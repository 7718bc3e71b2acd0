"""The separation service's seams: what the servicer needs from lalal.ai accounts and the DAW mixer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Quota:
    quota_minutes: float
    used_minutes: float
    remaining_minutes: float


class LalalaiAccounts(Protocol):
    """A user's lalal.ai side: their quota and their running tasks (license from their settings
    or the server default; no key at all raises a typed error the gateway shows as 4xx/503)."""

    async def quota(self, owner_id: str) -> Quota: ...

    async def require_key(self, owner_id: str) -> None:
        """Raises LicenseKeyMissing (409) when the owner has no key of their own and the server none."""
        ...

    async def cancel(self, owner_id: str, task_id: str) -> list[str]:
        """Cancels one of the owner's tasks (another user's task is NotFound); the cancelled ids."""
        ...

    async def cancel_all(self, owner_id: str) -> list[str]: ...


class Mixer(Protocol):
    """Mixes the owner's stems (object keys) by a DAW edit manifest into one WAV object; its key."""

    async def export(self, owner_id: str, track_id: str, stem_keys: list[str], manifest_json: str) -> str: ...
