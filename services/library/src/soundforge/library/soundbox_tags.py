"""Tag consensus: a category is added to (or removed from) a generation once 3 distinct users ask.

A user's repeated suggestion counts once (one row per generation, category, action and user). When
a change reaches the threshold it is applied and its suggestions are settled (deleted), so the
reverse change, and later the same change again, start counting from zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.soundbox_catalog import visible_generation
from soundforge.library.soundbox_categories import check_category
from soundforge.library.soundbox_models import Generation, TagSuggestion
from soundforge.runtime.errors import InvalidArgument

THRESHOLD = 3
ACTIONS = ("add", "remove")


@dataclass(frozen=True)
class Suggested:
    message: str
    current_votes: int
    threshold: int
    consensus_reached: bool


@dataclass(frozen=True)
class Suggestions:
    suggestions: dict[str, int]  # pending additions: category -> distinct users
    user_suggestions: list[str]
    current_categories: list[str]
    threshold: int


class TagConsensus:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], dialect: str) -> None:
        self._sessions = sessions
        self._insert = pg_insert if dialect == "postgresql" else sqlite_insert

    async def suggest(
        self, generation_id: str, user_id: str, category: str, action: str = "add"
    ) -> Suggested:
        if action not in ACTIONS:
            raise InvalidArgument(f"unknown action {action!r}")
        if not user_id:
            raise InvalidArgument("a suggestion needs a user")
        async with self._sessions.begin() as session:
            generation = await visible_generation(session, generation_id, user_id)
            # Serializes suggestions on this generation, so the third one applies the change once.
            await session.execute(
                select(Generation.id).where(Generation.id == generation.id).with_for_update()
            )
            await session.refresh(generation)
            name = check_category(category, generation.model)
            present = name in generation.categories
            if action == "add" and present:
                raise InvalidArgument(f"generation already has category {name!r}")
            if action == "remove" and not present:
                raise InvalidArgument(f"generation has no category {name!r}")
            await session.execute(
                self._insert(TagSuggestion)
                .values(generation_id=generation.id, category=name, action=action, user_id=user_id)
                .on_conflict_do_nothing()
            )
            this_change = (
                TagSuggestion.generation_id == generation.id,
                TagSuggestion.category == name,
                TagSuggestion.action == action,
            )
            votes = int(await session.scalar(select(func.count()).where(*this_change)) or 0)
            if votes < THRESHOLD:
                wording = "suggested this category" if action == "add" else "suggested removing this category"
                return Suggested(
                    f"Suggestion recorded. {votes}/{THRESHOLD} users have {wording}.", votes, THRESHOLD, False
                )
            current = list(generation.categories)
            generation.categories = [*current, name] if action == "add" else [c for c in current if c != name]
            await session.execute(delete(TagSuggestion).where(*this_change))
            message = (
                "Category applied! Consensus reached."
                if action == "add"
                else "Category removed! Consensus reached."
            )
            return Suggested(message, votes, THRESHOLD, True)

    async def of_generation(self, generation_id: str, viewer_id: str) -> Suggestions:
        async with self._sessions() as session:
            generation = await visible_generation(session, generation_id, viewer_id)
            rows = await session.execute(
                select(TagSuggestion.category, func.count())
                .where(TagSuggestion.generation_id == generation.id, TagSuggestion.action == "add")
                .group_by(TagSuggestion.category)
            )
            counts = {str(category): int(count) for category, count in rows.all()}
            mine: list[str] = []
            if viewer_id:
                mine = list(
                    (
                        await session.scalars(
                            select(TagSuggestion.category)
                            .where(
                                TagSuggestion.generation_id == generation.id,
                                TagSuggestion.action == "add",
                                TagSuggestion.user_id == viewer_id,
                            )
                            .order_by(TagSuggestion.category)
                        )
                    ).all()
                )
        return Suggestions(counts, mine, list(generation.categories), THRESHOLD)
