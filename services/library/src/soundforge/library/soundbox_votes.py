"""Votes on generations: one per user, changeable; exact counts and the Wilson lower bound kept on the row."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import case, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.soundbox_catalog import stored_ids, visible_generation
from soundforge.library.soundbox_models import Generation, Vote
from soundforge.runtime.errors import InvalidArgument

Z_95 = 1.959963984540054
MAX_REASONS = 16
MAX_REASON_LENGTH = 64
MAX_NOTES_LENGTH = 2000
MAX_BATCH = 500


def wilson_lower_bound(up: int, down: int, z: float = Z_95) -> float:
    """Lower bound of the 95% Wilson score interval of the share of up votes; 0 without votes.

    1 up / 0 down scores ~0.21, 95 up / 5 down ~0.89: many votes outweigh one.
    """
    n = up + down
    if n == 0:
        return 0.0
    p = up / n
    z2 = z * z
    centre = p + z2 / (2 * n)
    spread = z * math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)
    return (centre - spread) / (1 + z2 / n)


@dataclass(frozen=True)
class Ballot:
    generation_id: str
    user_id: str
    vote: int
    feedback_reasons: list[str] = field(default_factory=list)
    notes: str = ""
    suggested_model: str = ""


def _checked(ballot: Ballot) -> Ballot:
    if ballot.vote not in (-1, 0, 1):
        raise InvalidArgument("vote must be -1, 0 or 1")
    if not ballot.user_id:
        raise InvalidArgument("a vote needs a voter")
    reasons = [r.strip() for r in ballot.feedback_reasons if r.strip()]
    if len(reasons) > MAX_REASONS or any(len(r) > MAX_REASON_LENGTH for r in reasons):
        raise InvalidArgument(
            f"feedback_reasons: at most {MAX_REASONS}, each at most {MAX_REASON_LENGTH} characters"
        )
    if len(ballot.notes) > MAX_NOTES_LENGTH:
        raise InvalidArgument(f"notes: at most {MAX_NOTES_LENGTH} characters")
    return Ballot(
        ballot.generation_id,
        ballot.user_id,
        ballot.vote,
        list(dict.fromkeys(reasons)),
        ballot.notes,
        ballot.suggested_model,
    )


async def tally(session: AsyncSession, generation: Generation) -> None:
    """Recounts the generation's votes from the votes table (the caller holds its row lock)."""
    up, down = (
        await session.execute(
            select(
                func.coalesce(func.sum(case((Vote.vote > 0, 1), else_=0)), 0),
                func.coalesce(func.sum(case((Vote.vote < 0, 1), else_=0)), 0),
            ).where(Vote.generation_id == generation.id)
        )
    ).one()
    generation.upvotes, generation.downvotes = int(up), int(down)
    generation.net_votes = generation.upvotes - generation.downvotes
    generation.wilson_lower = wilson_lower_bound(generation.upvotes, generation.downvotes)


class Votes:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def cast(self, ballot: Ballot) -> tuple[int, int]:
        """Sets (or with 0 removes) the voter's vote; returns the exact (upvotes, downvotes) after it.

        The generation row is locked first (FOR UPDATE on PostgreSQL; SQLite's transactions are
        IMMEDIATE), so concurrent voters recount one after another and no vote is lost.
        """
        ballot = _checked(ballot)
        async with self._sessions.begin() as session:
            generation = await visible_generation(session, ballot.generation_id, ballot.user_id)
            await session.execute(
                select(Generation.id).where(Generation.id == generation.id).with_for_update()
            )
            existing = await session.get(Vote, (generation.id, ballot.user_id), with_for_update=True)
            if ballot.vote == 0:
                if existing is not None:
                    await session.execute(
                        delete(Vote).where(
                            Vote.generation_id == generation.id, Vote.user_id == ballot.user_id
                        )
                    )
            elif existing is None:
                session.add(
                    Vote(
                        generation_id=generation.id,
                        user_id=ballot.user_id,
                        vote=ballot.vote,
                        feedback_reasons=ballot.feedback_reasons,
                        notes=ballot.notes,
                        suggested_model=ballot.suggested_model,
                    )
                )
            else:
                existing.vote = ballot.vote
                existing.feedback_reasons = ballot.feedback_reasons
                existing.notes = ballot.notes
                existing.suggested_model = ballot.suggested_model
            await session.flush()
            await tally(session, generation)
            return generation.upvotes, generation.downvotes

    async def of_user(self, user_id: str, generation_ids: list[str]) -> dict[str, int]:
        """The user's own votes on each id; 0 where none (or the id is unknown)."""
        if len(generation_ids) > MAX_BATCH:
            raise InvalidArgument(f"generation_ids: at most {MAX_BATCH}")
        votes = dict.fromkeys(generation_ids, 0)
        if not user_id or not generation_ids:
            return votes
        async with self._sessions() as session:
            stored = await stored_ids(session, generation_ids)
            rows = await session.execute(
                select(Vote.generation_id, Vote.vote).where(
                    Vote.user_id == user_id, Vote.generation_id.in_(set(stored.values()))
                )
            )
            given = {generation_id: int(vote) for generation_id, vote in rows.all()}
        return {sent: given.get(stored[sent], 0) for sent in votes}

    async def feedback(
        self, generation_id: str, viewer_id: str
    ) -> tuple[dict[str, int], dict[str, int], int]:
        """Reason counts of up and of down votes, and the number of votes; notes are never read."""
        async with self._sessions() as session:
            generation = await visible_generation(session, generation_id, viewer_id)
            rows = await session.execute(
                select(Vote.vote, Vote.feedback_reasons).where(Vote.generation_id == generation.id)
            )
            positive: Counter[str] = Counter()
            negative: Counter[str] = Counter()
            total = 0
            for vote, reasons in rows.all():
                total += 1
                (positive if vote > 0 else negative).update(reasons or [])
        return dict(positive), dict(negative), total
