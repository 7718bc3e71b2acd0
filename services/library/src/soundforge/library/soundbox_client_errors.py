"""Client error reports: stored truncated, rate-limited per user, never read back by any RPC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import utcnow
from soundforge.library.soundbox_models import ClientError
from soundforge.runtime.errors import InvalidArgument, RateLimited

LIMITS = {"message": 2000, "stack": 16000, "url": 2000, "user_agent": 512}
MAX_PER_WINDOW = 20
WINDOW = timedelta(minutes=1)


@dataclass(frozen=True)
class ClientErrorReport:
    user_id: str
    message: str
    stack: str = ""
    url: str = ""
    user_agent: str = ""


class ClientErrors:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def log(self, report: ClientErrorReport) -> None:
        if not report.user_id:
            raise InvalidArgument("an error report needs a user")
        if not report.message.strip():
            raise InvalidArgument("message is required")
        async with self._sessions.begin() as session:
            recent = await session.scalar(
                select(func.count())
                .select_from(ClientError)
                .where(ClientError.user_id == report.user_id, ClientError.created_at >= utcnow() - WINDOW)
            )
            if int(recent or 0) >= MAX_PER_WINDOW:
                raise RateLimited(
                    "too many error reports", details={"retry_after": int(WINDOW.total_seconds())}
                )
            session.add(
                ClientError(
                    user_id=report.user_id,
                    message=report.message[: LIMITS["message"]],
                    stack=report.stack[: LIMITS["stack"]],
                    url=report.url[: LIMITS["url"]],
                    user_agent=report.user_agent[: LIMITS["user_agent"]],
                )
            )
