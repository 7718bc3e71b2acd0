"""Whose lalal.ai license a user's work runs on: their own key from their settings, else the server's."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import dict_from_struct
from soundforge.runtime.errors import Conflict, SoundForgeError, UpstreamError
from soundforge.separation.lalalai_client import LalalaiApiError, LicenseKey

# Keys of `User.settings` a user sets for themselves.
KEY_SETTING = "lalalai_license_key"
QUOTA_SETTING = "lalalai_quota_minutes"


class LicenseKeyMissing(Conflict):
    """No license key at all: the user has none in their settings and the server has no default (409)."""


class LicenseKeyRejected(Conflict):
    """lalal.ai refused the user's own key (401/403): theirs to fix in their settings (409)."""


class UserDirectory(Protocol):
    async def get_user(self, user_id: str) -> library_pb2.User: ...


@dataclass(frozen=True)
class Account:
    """A key and the size of its plan in minutes (None: unknown; lalal.ai reports only minutes left)."""

    key: LicenseKey
    plan_minutes: float | None


def _plan(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value > 0 else None


class LicenseKeys:
    def __init__(self, users: UserDirectory, default_key: str, default_plan_minutes: float) -> None:
        self.users = users
        self.default_key = default_key
        self.default_plan_minutes = default_plan_minutes

    async def account(self, owner_id: str) -> Account:
        """The owner's own key (settings "lalalai_license_key"), else the server's; else LicenseKeyMissing."""
        settings = dict_from_struct((await self.users.get_user(owner_id)).settings) if owner_id else {}
        own = settings.get(KEY_SETTING)
        if isinstance(own, str) and own.strip():
            return Account(LicenseKey(own.strip(), "user"), _plan(settings.get(QUOTA_SETTING)))
        if self.default_key:
            return Account(LicenseKey(self.default_key, "server"), _plan(self.default_plan_minutes))
        raise LicenseKeyMissing(
            f"no lalal.ai license key: add yours to your settings as {KEY_SETTING!r} "
            "(this server has no default key)"
        )


def explain(err: LalalaiApiError, key: LicenseKey) -> SoundForgeError:
    """A refused key named for whose it is; any other lalal.ai error as it came."""
    if not err.key_rejected:
        return err
    if key.source == "user":
        return LicenseKeyRejected(f"lalal.ai rejected your license key ({KEY_SETTING} in your settings)")
    if key.source == "server":
        return UpstreamError("lalal.ai rejected the server's license key")
    return UpstreamError("lalal.ai rejected the license key")
