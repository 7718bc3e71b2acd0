"""Login with an unknown email vs a known email and a wrong password: the two must cost the same.

Otherwise the answer's timing tells an attacker which emails have accounts. The test
(services/library/tests/test_library_accounts.py) proves both run one argon2 check of the same
cost; this prints the times and their ratio (goal: unknown / known between 0.8 and 1.25).
Run: `make bench` (or .venv/bin/python bench/bench_login_timing.py).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
import uuid
from pathlib import Path

from soundforge.db import make_engine, make_sessionmaker, upgrade_to_head
from soundforge.library.app import MIGRATIONS
from soundforge.library.users import Passwords, Users
from soundforge.runtime.errors import Unauthenticated

ROUNDS = 5


async def seconds(users: Users, email: str) -> float:
    started = time.perf_counter()
    try:
        await users.verify_password(email, "not the password")
    except Unauthenticated:
        return time.perf_counter() - started
    raise AssertionError("a wrong password was accepted")


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'library.db'}"
        await upgrade_to_head(url, str(MIGRATIONS))
        engine = make_engine(url)
        try:
            users = Users(make_sessionmaker(engine), Passwords())
            user = await users.create("known@example.com", "the right password")
            await seconds(users, "warm-up@example.com")  # the first unknown email builds the dummy hash
            known = min([await seconds(users, user.email) for _ in range(ROUNDS)])
            unknown = min(
                [await seconds(users, f"ghost-{uuid.uuid4().hex}@example.com") for _ in range(ROUNDS)]
            )
        finally:
            await engine.dispose()
    print(f"known email, wrong password: {known * 1000:.1f} ms (best of {ROUNDS})")
    print(f"unknown email: {unknown * 1000:.1f} ms (best of {ROUNDS})")
    print(f"ratio unknown/known: {unknown / known:.2f}  (goal: 0.8 to 1.25)")


if __name__ == "__main__":
    asyncio.run(main())
