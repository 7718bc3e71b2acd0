"""Sound Box file names -> generations (private ones kept private), and spectrograms recorded later."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2 as pb
from soundforge.library.v1 import library_pb2_grpc
from soundforge.runtime.errors import InvalidArgument, NotFound
from soundforge.testing.soundbox_library import generation_rows, insert_generations

pytestmark = pytest.mark.asyncio(loop_scope="module")

Stub = library_pb2_grpc.LibraryServiceStub
ANONYMOUS = jobs_pb2.Caller()
ADMIN = jobs_pb2.Caller(user_id="someone-admin", admin=True)


async def add(database_url: str, **override: Any) -> dict[str, Any]:
    (row,) = generation_rows(1, seed=uuid.uuid4().int % 10**9)
    stem = uuid.uuid4().hex
    row.update(
        filename=f"{stem}.wav",
        object_key=f"users/{row['user_id']}/generations/{stem}.wav",
        spectrogram="",
        spectrogram_key="",
        private=False,
    )
    row.update(override)
    await insert_generations(database_url, [row])
    return row


def by_audio(filename: str, viewer: jobs_pb2.Caller = ANONYMOUS) -> pb.GetGenerationFileRequest:
    return pb.GetGenerationFileRequest(viewer=viewer, audio_filename=filename)


def by_image(filename: str, viewer: jobs_pb2.Caller = ANONYMOUS) -> pb.GetGenerationFileRequest:
    return pb.GetGenerationFileRequest(viewer=viewer, spectrogram_filename=filename)


async def test_a_public_generation_is_found_by_its_audio_file_name(
    stub: Stub, database_url: str, library: object
) -> None:
    row = await add(database_url)
    found = await stub.GetGenerationFile(by_audio(row["filename"]))
    assert (found.id, found.object_key, found.prompt) == (row["id"], row["object_key"], row["prompt"])


async def test_unknown_names_and_path_like_names_are_not_found(
    stub: Stub, database_url: str, library: object
) -> None:
    row = await add(database_url)
    for name in ("", "nope.wav", f"../{row['filename']}", row["object_key"], row["filename"].upper()):
        with pytest.raises(NotFound):
            await stub.GetGenerationFile(by_audio(name))
    with pytest.raises(NotFound):
        await stub.GetGenerationFile(pb.GetGenerationFileRequest(viewer=ANONYMOUS))


async def test_a_private_generation_is_found_only_by_its_creator_or_an_admin(
    stub: Stub, database_url: str, library: object
) -> None:
    row = await add(database_url, private=True, spectrogram="private.png")
    creator = jobs_pb2.Caller(user_id=row["user_id"])
    for viewer in (ANONYMOUS, jobs_pb2.Caller(user_id="someone-else"), jobs_pb2.Caller(admin=True)):
        with pytest.raises(NotFound):
            await stub.GetGenerationFile(by_audio(row["filename"], viewer))
        with pytest.raises(NotFound):
            await stub.GetGenerationFile(by_image("private.png", viewer))
    for viewer in (creator, ADMIN):
        assert (await stub.GetGenerationFile(by_audio(row["filename"], viewer))).id == row["id"]
        assert (await stub.GetGenerationFile(by_image("private.png", viewer))).id == row["id"]


async def test_a_spectrogram_drawn_later_is_recorded_and_found_by_its_name(
    stub: Stub, database_url: str, library: object
) -> None:
    row = await add(database_url)
    stem = row["filename"].removesuffix(".wav")
    key = f"users/{row['user_id']}/generations/spectrograms/{stem}.png"
    request = pb.SetGenerationSpectrogramRequest(
        viewer=ANONYMOUS, generation_id=row["id"], spectrogram_key=key
    )
    recorded = await stub.SetGenerationSpectrogram(request)
    assert (recorded.spectrogram, recorded.spectrogram_key) == (f"{stem}.png", key)
    assert (await stub.GetGenerationFile(by_image(f"{stem}.png"))).id == row["id"]
    assert (await stub.GetGenerationFile(by_audio(row["filename"]))).spectrogram == f"{stem}.png"


async def test_a_spectrogram_key_must_be_a_png_of_the_creator(
    stub: Stub, database_url: str, library: object
) -> None:
    row = await add(database_url)
    for key in (
        "users/another-user/generations/spectrograms/x.png",
        f"users/{row['user_id']}/generations/x.wav",
        f"users/{row['user_id']}/../x.png",
        "cache/x.png",
        "",
    ):
        request = pb.SetGenerationSpectrogramRequest(generation_id=row["id"], spectrogram_key=key)
        with pytest.raises(InvalidArgument):
            await stub.SetGenerationSpectrogram(request)
    assert (await stub.GetGenerationFile(by_audio(row["filename"]))).spectrogram_key == ""


async def test_a_private_generation_s_spectrogram_is_recorded_only_for_its_creator_or_an_admin(
    stub: Stub, database_url: str, library: object
) -> None:
    row = await add(database_url, private=True)
    key = f"users/{row['user_id']}/generations/spectrograms/p.png"

    def request(viewer: jobs_pb2.Caller) -> pb.SetGenerationSpectrogramRequest:
        return pb.SetGenerationSpectrogramRequest(viewer=viewer, generation_id=row["id"], spectrogram_key=key)

    for viewer in (ANONYMOUS, jobs_pb2.Caller(user_id="someone-else")):
        with pytest.raises(NotFound):
            await stub.SetGenerationSpectrogram(request(viewer))
    assert (await stub.SetGenerationSpectrogram(request(ADMIN))).spectrogram == "p.png"
    creator = jobs_pb2.Caller(user_id=row["user_id"])
    assert (await stub.SetGenerationSpectrogram(request(creator))).spectrogram_key == key
