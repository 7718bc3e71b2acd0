"""Third-party identities (Spotify) linked to users, with their token sets kept server-side only."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import OAuthAccount, User
from soundforge.library.users import MAX_EMAIL_LENGTH, load_user, normalise_email
from soundforge.runtime.errors import Conflict, NotFound, ValidationFailed

PROVIDERS = frozenset({"spotify"})
MAX_SUBJECT_LENGTH = 255
# Reserved by RFC 2606: an address no mail can reach, for a provider account that shares no email.
_NO_EMAIL_DOMAIN = "users.invalid"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_SUBJECT = re.compile(r"^[^\s@]+$")


def _check(provider: str, subject: str) -> None:
    problems: dict[str, list[str]] = {}
    if provider not in PROVIDERS:
        problems["provider"] = [f"must be one of {', '.join(sorted(PROVIDERS))}"]
    if not subject or len(subject) > MAX_SUBJECT_LENGTH or not _SUBJECT.match(subject):
        problems["subject"] = ["must be the provider's user id"]
    if problems:
        raise ValidationFailed(problems)


def account_email(provider: str, subject: str, email: str) -> str:
    """The provider's email when it looks like one; otherwise an unreachable placeholder."""
    email = normalise_email(email)
    if email and len(email) <= MAX_EMAIL_LENGTH and _EMAIL.match(email):
        return email
    return f"{provider}-{subject.lower()}@{_NO_EMAIL_DOMAIN}"


class OAuthAccounts:
    """Links provider identities to users; every method opens (and closes) its own DB session."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def link(
        self, provider: str, subject: str, email: str, token: dict[str, Any], user_id: str = ""
    ) -> User:
        """The user the identity belongs to, after storing `token` for it.

        * A known identity signs in as its user (and its token is replaced); with `user_id` it
          must already be that user's, else Conflict.
        * A new identity with `user_id` is linked to that user, replacing any other identity of
          the same provider the user had.
        * A new identity without `user_id` creates a user. When the provider's email already
          belongs to a user, nothing is linked (Conflict): an email the provider may not have
          verified must not hand over an existing account; that user links from a session.
        """
        _check(provider, subject)
        async with self._sessions() as session:
            account = await session.scalar(
                select(OAuthAccount).where(OAuthAccount.provider == provider, OAuthAccount.subject == subject)
            )
            if account is not None:
                if user_id and account.user_id != user_id:
                    raise Conflict(f"this {provider} account is linked to another user")
                user = await load_user(session, account.user_id)
                account.token = dict(token)
                await session.commit()
                return user
            user = await self._owner(session, provider, subject, email, user_id)
            session.add(OAuthAccount(user_id=user.id, provider=provider, subject=subject, token=dict(token)))
            try:
                await session.commit()
            except IntegrityError as err:
                # A concurrent first sign-in with the same identity or email won the unique index.
                raise Conflict(f"this {provider} account was linked at the same time; try again") from err
            return user

    @staticmethod
    async def _owner(session: AsyncSession, provider: str, subject: str, email: str, user_id: str) -> User:
        if user_id:
            user = await load_user(session, user_id)
            await session.execute(
                delete(OAuthAccount).where(OAuthAccount.user_id == user.id, OAuthAccount.provider == provider)
            )
            return user
        address = account_email(provider, subject, email)
        if await session.scalar(select(User.id).where(User.email == address)) is not None:
            raise Conflict(
                f"an account with this email already exists; log in and connect {provider} from it"
            )
        user = User(email=address, password_hash=None, role="user")
        session.add(user)
        await session.flush()
        return user

    async def get(self, user_id: str, provider: str) -> OAuthAccount:
        """The user's identity at `provider` with its token; NotFound when none is linked."""
        async with self._sessions() as session:
            account = await session.scalar(
                select(OAuthAccount).where(OAuthAccount.user_id == user_id, OAuthAccount.provider == provider)
            )
            if account is None:
                raise NotFound(f"no {provider} account linked")
            return account
