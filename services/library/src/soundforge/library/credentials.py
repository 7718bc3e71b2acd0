"""Login sessions and API keys: random bearer tokens of which only the sha256 is ever stored."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import ApiKey, LoginSession, User, utcnow
from soundforge.library.users import load_user
from soundforge.runtime.errors import NotFound, Unauthenticated, ValidationFailed

API_KEY_PREFIX = "sfa_"
API_KEY_SHOWN_CHARS = 8
MAX_KEY_NAME_LENGTH = 100
INVALID_SESSION = "invalid or expired session"
INVALID_API_KEY = "invalid API key"
LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_hash(token: str) -> str:
    """sha256 hex: tokens carry 256 random bits, so a fast unsalted hash is enough to look them up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Credentials:
    """Issues, resolves and revokes session tokens and API keys."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], session_ttl: timedelta) -> None:
        self._sessions = sessions
        self._session_ttl = session_ttl

    async def create_session(self, user_id: str) -> tuple[str, datetime]:
        """A new session token for the user (returned once) and when it expires."""
        token = secrets.token_urlsafe(32)
        async with self._sessions() as session:
            user = await load_user(session, user_id)
            if user.disabled:
                raise Unauthenticated("account disabled")
            row = LoginSession(
                token_hash=token_hash(token), user_id=user.id, expires_at=utcnow() + self._session_ttl
            )
            session.add(row)
            await session.commit()
            return token, row.expires_at

    async def resolve_session(self, token: str) -> User:
        """The user a live session token belongs to; one message for unknown, expired or disabled."""
        if not token:
            raise Unauthenticated(INVALID_SESSION)
        async with self._sessions() as session:
            row = await session.get(LoginSession, token_hash(token))
            if row is None:
                raise Unauthenticated(INVALID_SESSION)
            if row.expires_at <= utcnow():
                await session.delete(row)
                await session.commit()
                raise Unauthenticated(INVALID_SESSION)
            user = await session.get(User, row.user_id)
            if user is None or user.disabled:
                raise Unauthenticated(INVALID_SESSION)
            return user

    async def delete_session(self, token: str) -> None:
        """Logs out; idempotent, so a repeated or unknown token is not an error."""
        async with self._sessions() as session:
            await session.execute(delete(LoginSession).where(LoginSession.token_hash == token_hash(token)))
            await session.commit()

    async def create_api_key(self, user_id: str, name: str) -> tuple[ApiKey, str]:
        """A new key and its token; the token is shown this once and cannot be recovered later."""
        name = name.strip()
        if len(name) > MAX_KEY_NAME_LENGTH:
            raise ValidationFailed({"name": [f"must be at most {MAX_KEY_NAME_LENGTH} characters"]})
        token = API_KEY_PREFIX + secrets.token_urlsafe(32)
        async with self._sessions() as session:
            user = await load_user(session, user_id)
            key = ApiKey(
                user_id=user.id,
                name=name,
                prefix=token[:API_KEY_SHOWN_CHARS],
                token_hash=token_hash(token),
            )
            session.add(key)
            await session.commit()
            return key, token

    async def list_api_keys(self, user_id: str) -> list[ApiKey]:
        async with self._sessions() as session:
            query = select(ApiKey).where(ApiKey.user_id == user_id).order_by(ApiKey.created_at, ApiKey.id)
            return list((await session.scalars(query)).all())

    async def delete_api_key(self, user_id: str, key_id: str) -> None:
        """Revokes one of the user's keys; another user's key id is NotFound, never revealed."""
        async with self._sessions() as session:
            key = await session.get(ApiKey, key_id) if key_id else None
            if key is None or key.user_id != user_id:
                raise NotFound("API key not found")
            await session.delete(key)
            await session.commit()

    async def authenticate_api_key(self, token: str) -> User:
        """The owner of a valid key (recording when it was last used); Unauthenticated otherwise."""
        if not token.startswith(API_KEY_PREFIX):
            raise Unauthenticated(INVALID_API_KEY)
        async with self._sessions() as session:
            key = await session.scalar(select(ApiKey).where(ApiKey.token_hash == token_hash(token)))
            if key is None:
                raise Unauthenticated(INVALID_API_KEY)
            user = await session.get(User, key.user_id)
            if user is None or user.disabled:
                raise Unauthenticated(INVALID_API_KEY)
            now = utcnow()
            # A write per authenticated request would cost every API call a commit; "last used"
            # to the minute is what a user reading their key list needs.
            if key.last_used_at is None or now - key.last_used_at >= LAST_USED_RESOLUTION:
                key.last_used_at = now
                await session.commit()
            return user
