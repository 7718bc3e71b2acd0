"""Tracks: owner-scoped records of audio, deduplicated per owner by content hash, with tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Protocol

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from soundforge.library.models import Analysis, Job, Stem, Track, TrackAlias, TrackTag, User
from soundforge.library.pagination import PageRequest, PageResult, fetch_page
from soundforge.library.track_aliases import add_alias, aliased_track
from soundforge.library.track_fields import check_edit, check_tags
from soundforge.runtime.errors import AlreadyExists, InvalidArgument, NotFound, ValidationFailed
from soundforge.storage import keys

# Track ids become object key components (users/<owner>/tracks/<id>/...), so keep them plain.
_TRACK_ID = re.compile(r"^[A-Za-z0-9_-]{1,36}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_LIKE_SPECIALS = re.compile(r"([\\%_])")


class BlobDeleter(Protocol):
    """The part of the blob store a track deletion needs."""

    async def delete_prefix(self, prefix: str) -> list[str]: ...


class TrackJobs(Protocol):
    """The part of the jobs a track deletion needs: stopping the work still under way on it."""

    async def stop_for_track(self, owner_id: str, track_id: str, reason: str) -> list[str]: ...


@dataclass
class NewTrack:
    """What a caller may set on a new track (ids and timestamps are the library's unless `id` is given)."""

    owner_id: str
    id: str = ""
    title: str = ""
    artist: str = ""
    album: str = ""
    duration: float = 0.0
    sample_rate: int = 0
    channels: int = 0
    codec: str = ""
    content_type: str = ""
    size_bytes: int = 0
    sha256: str = ""
    source_key: str = ""
    canonical_key: str = ""
    source: str = "upload"
    source_url: str = ""
    spotify_id: str = ""
    album_art_url: str = ""
    bpm: float | None = None
    key: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TrackChanges:
    """An edit: None leaves a field as it is; `tags` replaces all tags when not None; `clear_bpm`
    unsets bpm ("" clears artist and key)."""

    title: str | None = None
    artist: str | None = None
    bpm: float | None = None
    key: str | None = None
    tags: list[str] | None = None
    clear_bpm: bool = False


def _tag_rows(tags: list[str]) -> list[TrackTag]:
    return [TrackTag(tag=tag, position=position) for position, tag in enumerate(tags)]


def _validate(new: NewTrack) -> None:
    problems: dict[str, list[str]] = {}
    if not new.owner_id:
        problems["owner_id"] = ["required"]
    if new.id and not _TRACK_ID.match(new.id):
        problems["id"] = ["letters, digits, '-' and '_' only, at most 36 characters"]
    if new.sha256 and not _SHA256.match(new.sha256):
        problems["sha256"] = ["64 lowercase hex digits"]
    if problems:
        raise ValidationFailed(problems)


async def owned_track(session: AsyncSession, owner_id: str, track_id: str) -> Track:
    """The track if `owner_id` owns it, by its id or one of its aliases; NotFound otherwise. An empty
    owner owns nothing: a proto default must never widen a lookup to every owner."""
    track = await session.get(Track, track_id) if track_id and owner_id else None
    if track is None and track_id and owner_id:
        track = await aliased_track(session, owner_id, track_id)
    if track is None or track.owner_id != owner_id:
        raise NotFound("track not found")
    return track


class Tracks:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], blobs: BlobDeleter, jobs: TrackJobs
    ) -> None:
        self._sessions = sessions
        self._blobs = blobs
        self._jobs = jobs

    async def create(self, new: NewTrack) -> tuple[Track, bool]:
        """Records a track; returns (track, created). An owner's second copy of a file is not created:
        the track they have is returned, and the id asked for becomes its alias (a download announced
        that id to its client, who must still reach the audio through it)."""
        new.sha256 = new.sha256.lower()
        _validate(new)
        values = {f.name: getattr(new, f.name) for f in fields(new) if f.name not in ("id", "tags")}
        values["sha256"] = new.sha256 or None
        tags = check_tags(new.tags)
        async with self._sessions() as session:
            if (existing := await self._same_file(session, new)) is not None:
                return await self._known_as(session, existing, new), False
            if await session.get(User, new.owner_id) is None:
                raise NotFound("user not found")
            if new.id and (
                await session.get(Track, new.id) is not None
                or await session.get(TrackAlias, new.id) is not None
            ):
                raise AlreadyExists("a track with this id already exists")
            track = Track(**values, tag_rows=_tag_rows(tags))
            if new.id:
                track.id = new.id
            session.add(track)
            try:
                await session.commit()
            except IntegrityError as err:
                # A concurrent create of the same file (or id) won; answer as if it came first.
                await session.rollback()
                if (existing := await self._same_file(session, new)) is not None:
                    return await self._known_as(session, existing, new), False
                raise AlreadyExists("a track with this id already exists") from err
            return track, True

    async def _known_as(self, session: AsyncSession, existing: Track, new: NewTrack) -> Track:
        """`existing`, with the id `new` asked for recorded as its alias."""
        if not new.id or new.id == existing.id:
            return existing
        await add_alias(session, existing, new.id)
        try:
            await session.commit()
        except IntegrityError:
            # A concurrent delivery of the same job recorded the alias, or the track went meanwhile.
            await session.rollback()
            if (again := await self._same_file(session, new)) is None:
                raise NotFound("track not found") from None
            return again
        return existing

    @staticmethod
    async def _same_file(session: AsyncSession, new: NewTrack) -> Track | None:
        if not new.sha256:
            return None
        query = select(Track).where(Track.owner_id == new.owner_id, Track.sha256 == new.sha256)
        return await session.scalar(query)

    async def get(self, owner_id: str, track_id: str) -> Track:
        async with self._sessions() as session:
            return await owned_track(session, owner_id, track_id)

    async def list_page(
        self, owner_id: str, page: PageRequest, tag: str = "", search: str = ""
    ) -> PageResult[Track]:
        """The owner's tracks, newest first; `tag` matches a whole tag, `search` any part of title/artist.

        Tags are stored lower-case, so the filter is too.
        """
        if not owner_id:
            raise InvalidArgument("owner_id is required")
        query = select(Track).where(Track.owner_id == owner_id)
        if tag := tag.strip().lower():
            query = query.where(Track.id.in_(select(TrackTag.track_id).where(TrackTag.tag == tag)))
        if search := search.strip().lower():
            pattern = "%" + _LIKE_SPECIALS.sub(r"\\\1", search) + "%"
            query = query.where(
                or_(
                    func.lower(Track.title).like(pattern, escape="\\"),
                    func.lower(Track.artist).like(pattern, escape="\\"),
                )
            )
        query = query.order_by(Track.created_at.desc(), Track.id.desc())
        async with self._sessions() as session:
            return await fetch_page(session, query, page)

    async def update(self, owner_id: str, track_id: str, changes: TrackChanges) -> Track:
        """Applies the given fields (validated and normalised by track_fields; ValidationFailed otherwise)."""
        if changes.clear_bpm and changes.bpm is not None:
            raise ValidationFailed({"bpm": ["cannot be both set and cleared"]})
        edit = check_edit(
            title=changes.title,
            artist=changes.artist,
            bpm=changes.bpm,
            key=changes.key,
            tags=changes.tags,
        )
        async with self._sessions() as session:
            track = await owned_track(session, owner_id, track_id)
            for name in ("title", "artist", "bpm", "key"):
                if (value := getattr(edit, name)) is not None:
                    setattr(track, name, value)
            if changes.clear_bpm:
                track.bpm = None
            if edit.tags is not None:
                track.tag_rows = []
                # Flush the removals first: re-adding a kept tag would otherwise collide on the key.
                await session.flush()
                track.tag_rows = _tag_rows(edit.tags)
            await session.commit()
            await session.refresh(track)
            return track

    async def delete(self, owner_id: str, track_id: str) -> list[str]:
        """Deletes the track, its rows and every object under its prefix; returns the object keys.

        Work still under way on the track is cancelled first, so no worker writes stems or
        spectrograms under the prefix after it is emptied. Its jobs stay as history but lose the
        link (track_id ""). Objects go before rows: if the store fails, the track still exists
        and the call can be repeated.
        """
        async with self._sessions() as session:
            track = await owned_track(session, owner_id, track_id)
            owner_id, track_id = track.owner_id, track.id
        await self._jobs.stop_for_track(owner_id, track_id, "track deleted")
        async with self._sessions() as session:
            await owned_track(session, owner_id, track_id)  # a concurrent delete won: NotFound
            deleted = await self._blobs.delete_prefix(keys.track_prefix(owner_id, track_id))
            # Explicit deletes rather than ON DELETE CASCADE: SQLite enforces it only when asked to.
            for model in (Stem, Analysis, TrackTag, TrackAlias):
                await session.execute(delete(model).where(model.track_id == track_id))
            await session.execute(delete(Track).where(Track.id == track_id))
            await session.execute(update(Job).where(Job.track_id == track_id).values(track_id=""))
            await session.commit()
            return deleted


class TrackOutputs:
    """What workers produced for a track (stems, its analysis), visible only through its owner."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def list_stems(self, owner_id: str, track_id: str) -> list[Stem]:
        async with self._sessions() as session:
            track = await owned_track(session, owner_id, track_id)
            query = select(Stem).where(Stem.track_id == track.id).order_by(Stem.created_at, Stem.name)
            return list((await session.scalars(query)).all())

    async def get_stem(self, owner_id: str, stem_id: str) -> Stem:
        """The stem if its track belongs to `owner_id`; NotFound otherwise (an empty owner owns nothing)."""
        query = (
            select(Stem)
            .join(Track, Track.id == Stem.track_id)
            .where(Stem.id == stem_id, Track.owner_id == owner_id)
        )
        async with self._sessions() as session:
            stem = await session.scalar(query) if owner_id else None
            if stem is None:
                raise NotFound("stem not found")
            return stem

    async def get_analysis(self, owner_id: str, track_id: str) -> Analysis:
        async with self._sessions() as session:
            track = await owned_track(session, owner_id, track_id)
            analysis = await session.get(Analysis, track.id)
            if analysis is None:
                raise NotFound("track has no analysis yet")
            return analysis
