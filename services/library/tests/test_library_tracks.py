"""Tracks, tags, stems and track deletion (rows and objects) through the real library service."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from soundforge.db import make_engine
from soundforge.library.models import Stem
from soundforge.library.settings import LibrarySettings
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import AlreadyExists, InvalidArgument, NotFound, ValidationFailed
from soundforge.storage import open_blob_store
from soundforge.testing.job_params import job_params

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
UserFactory = Callable[..., Awaitable[pb.User]]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


async def add_track(stub: Stub, owner_id: str, **fields: Any) -> pb.Track:
    response = await stub.CreateTrack(pb.CreateTrackRequest(track=pb.Track(owner_id=owner_id, **fields)))
    assert response.created
    track: pb.Track = response.track
    return track


async def test_create_and_get_track_scoped_to_its_owner(stub: Stub, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    track_id = str(uuid.uuid4())
    track = await add_track(
        stub,
        owner.id,
        id=track_id,
        title="Song",
        artist="Band",
        duration=181.5,
        sample_rate=44100,
        channels=2,
        sha256=sha("song"),
        bpm=121.0,
        tags=["Rock", " live ", "rock"],
        source_key=f"users/{owner.id}/tracks/{track_id}/source.mp3",
    )
    assert track.id == track_id
    assert list(track.tags) == ["rock", "live"]
    assert track.HasField("bpm")
    assert track.bpm == 121.0
    assert track.HasField("created_at")

    assert await stub.GetTrack(pb.GetTrackRequest(owner_id=owner.id, track_id=track_id)) == track
    with pytest.raises(NotFound):  # an empty owner owns nothing
        await stub.GetTrack(pb.GetTrackRequest(owner_id="", track_id=track_id))
    with pytest.raises(NotFound):
        await stub.GetTrack(pb.GetTrackRequest(owner_id=other.id, track_id=track_id))
    with pytest.raises(NotFound):
        await stub.GetTrack(pb.GetTrackRequest(owner_id=owner.id, track_id=str(uuid.uuid4())))

    without_bpm = await add_track(stub, owner.id, title="No tempo")
    assert not without_bpm.HasField("bpm")
    assert without_bpm.sha256 == ""


async def test_create_track_validates(stub: Stub, make_user: UserFactory) -> None:
    owner = await make_user()
    with pytest.raises(ValidationFailed):
        await stub.CreateTrack(pb.CreateTrackRequest(track=pb.Track(owner_id=owner.id, id="../escape")))
    with pytest.raises(ValidationFailed):
        await stub.CreateTrack(pb.CreateTrackRequest(track=pb.Track(owner_id=owner.id, sha256="abc")))
    with pytest.raises(ValidationFailed):
        await stub.CreateTrack(pb.CreateTrackRequest(track=pb.Track(title="nobody's")))
    with pytest.raises(NotFound):
        await stub.CreateTrack(pb.CreateTrackRequest(track=pb.Track(owner_id=str(uuid.uuid4()))))


async def test_same_file_twice_returns_the_existing_track(stub: Stub, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    first = await add_track(stub, owner.id, title="Original", sha256=sha("same bytes"))
    again = await stub.CreateTrack(
        pb.CreateTrackRequest(track=pb.Track(owner_id=owner.id, title="Re-upload", sha256=sha("same bytes")))
    )
    assert not again.created
    assert again.track == first
    # Another owner's copy of the same file is theirs: not deduplicated across owners.
    theirs = await add_track(stub, other.id, title="Theirs", sha256=sha("same bytes").upper())
    assert theirs.id != first.id
    assert theirs.sha256 == sha("same bytes")


async def test_the_id_asked_for_a_file_the_owner_has_becomes_that_tracks_alias(
    stub: Stub, make_user: UserFactory
) -> None:
    owner, other = await make_user(), await make_user()
    first = await add_track(stub, owner.id, title="Original", sha256=sha("downloaded twice"))
    announced = str(uuid.uuid4())  # what the second download told its client
    again = await stub.CreateTrack(
        pb.CreateTrackRequest(track=pb.Track(id=announced, owner_id=owner.id, sha256=sha("downloaded twice")))
    )
    assert not again.created and again.track == first
    assert await stub.GetTrack(pb.GetTrackRequest(owner_id=owner.id, track_id=announced)) == first
    with pytest.raises(NotFound):  # an alias is its owner's, like the track
        await stub.GetTrack(pb.GetTrackRequest(owner_id=other.id, track_id=announced))
    with pytest.raises(AlreadyExists):  # and never the id of another track
        await stub.CreateTrack(pb.CreateTrackRequest(track=pb.Track(id=announced, owner_id=owner.id)))
    # Work asked by the announced id is recorded against the track itself, where its results go.
    params = job_params("analysis")
    job = await stub.CreateJob(pb.CreateJobRequest(owner_id=owner.id, track_id=announced, params=params))
    assert job.track_id == first.id

    await stub.DeleteTrack(pb.DeleteTrackRequest(owner_id=owner.id, track_id=announced))
    for track_id in (first.id, announced):
        with pytest.raises(NotFound):
            await stub.GetTrack(pb.GetTrackRequest(owner_id=owner.id, track_id=track_id))


async def test_list_tracks_pages_filters_and_searches(stub: Stub, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    titles = [
        ("Morning Rain", "The Clouds", ["ambient"]),
        ("Night Drive", "Synth Kid", ["synthwave", "night"]),
        ("Rainbow", "Prism", ["pop"]),
        ("100% Pure", "Percent", ["pop"]),
        ("Last Song", "drain gang", ["night"]),
    ]
    created = [await add_track(stub, owner.id, title=t, artist=a, tags=tags) for t, a, tags in titles]
    await add_track(stub, other.id, title="Rain on someone else", tags=["pop"])

    def request(page: int = 1, size: int = 2, **kw: str) -> pb.ListTracksRequest:
        return pb.ListTracksRequest(owner_id=owner.id, page=pb.Page(page=page, page_size=size), **kw)

    first = await stub.ListTracks(request())
    assert (first.meta.total_count, first.meta.total_pages, first.meta.page_size) == (5, 3, 2)
    assert [t.id for t in first.tracks] == [created[4].id, created[3].id]  # newest first
    last = await stub.ListTracks(request(page=3))
    assert [t.id for t in last.tracks] == [created[0].id]
    assert (await stub.ListTracks(request(page=4))).tracks == []
    assert (await stub.ListTracks(request(size=1000))).meta.page_size == 100

    def titles_of(response: pb.ListTracksResponse) -> set[str]:
        return {t.title for t in response.tracks}

    assert titles_of(await stub.ListTracks(request(size=50, tag="pop"))) == {"Rainbow", "100% Pure"}
    assert titles_of(await stub.ListTracks(request(size=50, tag="night"))) == {"Night Drive", "Last Song"}
    assert titles_of(await stub.ListTracks(request(size=50, tag="nothing"))) == set()
    rain = await stub.ListTracks(request(size=50, search="RAIN"))
    assert titles_of(rain) == {"Morning Rain", "Rainbow", "Last Song"}  # "drain gang" is the artist
    assert rain.meta.total_count == 3
    assert titles_of(await stub.ListTracks(request(size=50, search="synth kid"))) == {"Night Drive"}
    assert titles_of(await stub.ListTracks(request(size=50, search="%"))) == {"100% Pure"}
    assert titles_of(await stub.ListTracks(request(size=50, search="rain", tag="pop"))) == {"Rainbow"}
    with pytest.raises(InvalidArgument):
        await stub.ListTracks(pb.ListTracksRequest(owner_id=""))


async def test_update_track(stub: Stub, make_user: UserFactory) -> None:
    owner, other = await make_user(), await make_user()
    track = await add_track(stub, owner.id, title="Draft", artist="Me", tags=["a", "b"])

    def update(**kw: Any) -> pb.UpdateTrackRequest:
        return pb.UpdateTrackRequest(owner_id=owner.id, track_id=track.id, **kw)

    renamed = await stub.UpdateTrack(update(title="Final", bpm=98.5, key="A minor"))
    assert (renamed.title, renamed.artist, renamed.bpm, renamed.key) == ("Final", "Me", 98.5, "A minor")
    assert list(renamed.tags) == ["a", "b"]  # set_tags not given: tags untouched
    retagged = await stub.UpdateTrack(update(tags=["b", "c"], set_tags=True))
    assert list(retagged.tags) == ["b", "c"]
    assert retagged.title == "Final"
    assert retagged.updated_at.ToDatetime() >= track.updated_at.ToDatetime()
    cleared = await stub.UpdateTrack(update(set_tags=True))
    assert list(cleared.tags) == []
    with pytest.raises(NotFound):
        await stub.UpdateTrack(pb.UpdateTrackRequest(owner_id=other.id, track_id=track.id, title="Mine"))
    assert (await stub.GetTrack(pb.GetTrackRequest(owner_id=owner.id, track_id=track.id))).title == "Final"


def files_under(root: Path) -> set[str]:
    """Every object file below `root`, as a key (the store's own dot-files are not objects)."""
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    }


async def test_delete_track_removes_rows_and_objects(
    stub: Stub, make_user: UserFactory, settings: LibrarySettings, blob_dir: Path
) -> None:
    owner, other = await make_user(), await make_user()
    doomed = await add_track(stub, owner.id, title="Doomed", tags=["x"])
    kept = await add_track(stub, owner.id, title="Kept")
    store = open_blob_store(settings)
    doomed_keys = sorted(
        f"users/{owner.id}/tracks/{doomed.id}/{name}"
        for name in ("source.mp3", "canonical.flac", "stems/job-1/vocals.wav")
    )
    kept_key = f"users/{owner.id}/tracks/{kept.id}/source.mp3"
    for key in [*doomed_keys, kept_key]:
        await store.put_bytes(key, b"audio")

    with pytest.raises(NotFound):
        await stub.DeleteTrack(pb.DeleteTrackRequest(owner_id=other.id, track_id=doomed.id))
    assert set(doomed_keys) <= files_under(blob_dir)

    deleted = await stub.DeleteTrack(pb.DeleteTrackRequest(owner_id=owner.id, track_id=doomed.id))
    assert list(deleted.deleted_keys) == doomed_keys
    remaining = files_under(blob_dir)
    assert not any(key.startswith(f"users/{owner.id}/tracks/{doomed.id}/") for key in remaining)
    assert kept_key in remaining
    with pytest.raises(NotFound):
        await stub.GetTrack(pb.GetTrackRequest(owner_id=owner.id, track_id=doomed.id))
    with pytest.raises(NotFound):
        await stub.DeleteTrack(pb.DeleteTrackRequest(owner_id=owner.id, track_id=doomed.id))
    listed = await stub.ListTracks(pb.ListTracksRequest(owner_id=owner.id, tag="x"))
    assert listed.meta.total_count == 0


async def test_stems_are_visible_only_through_their_track_owner(
    stub: Stub, make_user: UserFactory, database_url: str
) -> None:
    owner, other = await make_user(), await make_user()
    track = await add_track(stub, owner.id, title="Separated")
    assert list((await stub.ListStems(pb.ListStemsRequest(owner_id=owner.id, track_id=track.id))).stems) == []
    # The separation worker will record stems; until it exists, write the row as it would.
    stem_id = str(uuid.uuid4())
    engine = make_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                insert(Stem).values(
                    id=stem_id,
                    track_id=track.id,
                    job_id="job-1",
                    name="vocals",
                    object_key=f"users/{owner.id}/tracks/{track.id}/stems/job-1/vocals.wav",
                    model="htdemucs",
                    size_bytes=1234,
                )
            )
    finally:
        await engine.dispose()

    (stem,) = (await stub.ListStems(pb.ListStemsRequest(owner_id=owner.id, track_id=track.id))).stems
    assert (stem.id, stem.name, stem.model, stem.size_bytes) == (stem_id, "vocals", "htdemucs", 1234)
    assert await stub.GetStem(pb.GetStemRequest(owner_id=owner.id, stem_id=stem_id)) == stem
    with pytest.raises(NotFound):
        await stub.GetStem(pb.GetStemRequest(owner_id=other.id, stem_id=stem_id))
    with pytest.raises(NotFound):
        await stub.ListStems(pb.ListStemsRequest(owner_id=other.id, track_id=track.id))
    with pytest.raises(NotFound):
        await stub.GetTrackAnalysis(pb.GetTrackAnalysisRequest(owner_id=owner.id, track_id=track.id))
