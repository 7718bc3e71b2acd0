"""User accounts: validated emails, argon2id password hashes (hashed off the event loop), roles and plans."""

from __future__ import annotations

import asyncio
import re
import secrets
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import User
from soundforge.library.pagination import PageRequest, PageResult, fetch_page
from soundforge.runtime.errors import AlreadyExists, Conflict, NotFound, Unauthenticated, ValidationFailed
from soundforge.runtime.plans import DEFAULT_PLAN, Plan, checked_plan

ROLES = frozenset({"user", "admin"})
ADMIN_ROLE = "admin"
LAST_ADMIN = "the last active admin cannot be demoted or disabled"
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_EMAIL_LENGTH = 320
INVALID_LOGIN = "invalid email or password"

# Deliberately loose: one "@", no spaces, a dot in the domain. Deliverability is the mailer's job.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


class Passwords:
    """Hashes and checks passwords; `burn` spends the same work when there is nothing to check."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        # argon2-cffi's default type is argon2id with the RFC 9106 "low memory" parameters.
        self._hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._hasher.hash, password)

    async def verify(self, hashed: str, password: str) -> bool:
        return await asyncio.to_thread(self._verify_sync, hashed, password)

    def needs_rehash(self, hashed: str) -> bool:
        return self._hasher.check_needs_rehash(hashed)

    async def burn(self, password: str) -> None:
        """Verifies against a throwaway hash so an unknown email costs as much as a wrong password."""
        if self._dummy_hash is None:
            self._dummy_hash = await self.hash(secrets.token_urlsafe(16))
        await self.verify(self._dummy_hash, password)

    def _verify_sync(self, hashed: str, password: str) -> bool:
        try:
            return self._hasher.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False


def normalise_email(raw: str) -> str:
    return raw.strip().lower()


def _check_role(role: str, problems: dict[str, list[str]]) -> None:
    if role not in ROLES:
        problems.setdefault("role", []).append(f"must be one of {', '.join(sorted(ROLES))}")


def validate_new_user(email: str, password: str, role: str) -> None:
    """Raises ValidationFailed listing every problem (so a form can show them all at once)."""
    problems: dict[str, list[str]] = {}
    if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.match(email):
        problems["email"] = ["not a valid email address"]
    if len(password) < MIN_PASSWORD_LENGTH:
        problems["password"] = [f"must be at least {MIN_PASSWORD_LENGTH} characters"]
    elif len(password) > MAX_PASSWORD_LENGTH:
        problems["password"] = [f"must be at most {MAX_PASSWORD_LENGTH} characters"]
    _check_role(role, problems)
    if problems:
        raise ValidationFailed(problems)


async def load_user(session: AsyncSession, user_id: str, *, lock: bool = False) -> User:
    user = await session.get(User, user_id, with_for_update=lock) if user_id else None
    if user is None:
        raise NotFound("user not found")
    return user


class Users:
    """Accounts and password login; every method opens (and closes) its own DB session.

    A user's plan is the one an admin set, else `default_plan` (stored as NULL, so a new default
    reaches every user no admin has placed).
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        passwords: Passwords,
        default_plan: Plan = DEFAULT_PLAN,
    ) -> None:
        self._sessions = sessions
        self._passwords = passwords
        self._default_plan = default_plan

    def plan_of(self, user: User) -> str:
        return user.plan or self._default_plan

    async def create(self, email: str, password: str, role: str = "") -> User:
        email = normalise_email(email)
        role = role or "user"
        validate_new_user(email, password, role)
        async with self._sessions() as session:
            if await session.scalar(select(User.id).where(User.email == email)) is not None:
                raise AlreadyExists("a user with this email already exists")
            user = User(email=email, password_hash=await self._passwords.hash(password), role=role)
            session.add(user)
            try:
                await session.commit()
            except IntegrityError as err:
                # Two sign-ups with one email raced past the check above; the unique index decided.
                raise AlreadyExists("a user with this email already exists") from err
            return user

    async def verify_password(self, email: str, password: str) -> User:
        """The user whose email and password match; Unauthenticated, with one message, otherwise."""
        async with self._sessions() as session:
            user = await session.scalar(select(User).where(User.email == normalise_email(email)))
            if user is None or user.password_hash is None:
                await self._passwords.burn(password)
                raise Unauthenticated(INVALID_LOGIN)
            if not await self._passwords.verify(user.password_hash, password):
                raise Unauthenticated(INVALID_LOGIN)
            if user.disabled:
                raise Unauthenticated("account disabled")
            if self._passwords.needs_rehash(user.password_hash):
                user.password_hash = await self._passwords.hash(password)
                await session.commit()
            return user

    async def get(self, user_id: str) -> User:
        async with self._sessions() as session:
            return await load_user(session, user_id)

    async def list_page(self, page: PageRequest) -> PageResult[User]:
        async with self._sessions() as session:
            query = select(User).order_by(User.created_at, User.id)
            return await fetch_page(session, query, page)

    async def update(
        self,
        user_id: str,
        *,
        role: str | None = None,
        disabled: bool | None = None,
        settings: dict[str, Any] | None = None,
        plan: str | None = None,
    ) -> User:
        """Applies what is given; `settings` is merged key by key, and a None value removes a key.

        A change that would leave no active admin is a Conflict: someone must still be able to
        administer the deployment (the admin CLI bootstraps only the first).
        """
        problems: dict[str, list[str]] = {}
        if role is not None:
            _check_role(role, problems)
        if plan is not None:
            try:
                checked_plan(plan)
            except ValidationFailed as err:
                problems.update(err.details)
        if problems:
            raise ValidationFailed(problems)
        async with self._sessions() as session:
            admins = await _lock_active_admins(session) if role is not None or disabled else set()
            # Locked: settings are merged read-modify-write.
            user = await load_user(session, user_id, lock=True)
            leaves = (role is not None and role != ADMIN_ROLE) or disabled is True
            if leaves and _is_active_admin(user) and not admins - {user.id}:
                raise Conflict(LAST_ADMIN)
            if role is not None:
                user.role = role
            if plan is not None:
                user.plan = plan
            if disabled is not None:
                user.disabled = disabled
            if settings:
                merged = {**user.settings, **settings}
                # A new dict (not in-place edits) so the JSON column sees the change.
                user.settings = {key: value for key, value in merged.items() if value is not None}
            await session.commit()
            return user


def _is_active_admin(user: User) -> bool:
    return user.role == ADMIN_ROLE and not user.disabled


async def _lock_active_admins(session: AsyncSession) -> set[str]:
    """The ids of every active admin, their rows locked in id order (PostgreSQL; SQLite's writers are
    serial anyway): two admins demoting each other at once take turns, and the second sees the first
    gone, instead of both passing the count or deadlocking."""
    query = (
        select(User.id)
        .where(User.role == ADMIN_ROLE, User.disabled.is_(False))
        .order_by(User.id)
        .with_for_update()
    )
    return set((await session.scalars(query)).all())
