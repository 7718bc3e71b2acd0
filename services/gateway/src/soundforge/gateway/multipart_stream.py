"""A multipart body parsed as it arrives, each part's events handed to a receiver: never held whole."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar

from python_multipart.multipart import MultipartParseError, MultipartParser, parse_options_header

from soundforge.runtime.errors import InvalidArgument, PayloadTooLarge, UnsupportedMediaType

PartEvent = Literal["begin", "data", "end"]
Result_co = TypeVar("Result_co", covariant=True)
Result = TypeVar("Result")


@dataclass
class Part:
    headers: dict[str, str] = field(default_factory=dict)
    name: str = ""
    filename: str | None = None
    value: bytearray = field(default_factory=bytearray)


class MultipartReceiver(Protocol[Result_co]):
    """What becomes of the parts: `handle` sees every event, then `result` or, on any failure, `abandon`."""

    async def handle(self, event: PartEvent, part: Part, chunk: bytes) -> None: ...

    def result(self) -> Result_co: ...

    async def abandon(self) -> None: ...


def multipart_boundary(content_type: str | None) -> bytes:
    kind, options = parse_options_header(content_type)
    if kind != b"multipart/form-data":
        raise UnsupportedMediaType("expected a multipart/form-data body")
    boundary = options.get(b"boundary")
    if not boundary:
        raise InvalidArgument("multipart body without a boundary")
    return boundary


async def pump_multipart(
    body: AsyncIterator[bytes],
    content_type: str | None,
    receiver: MultipartReceiver[Result],
    limit: int,
) -> Result:
    """Feeds the body to the parser chunk by chunk; on any failure the receiver abandons before re-raising."""
    events: list[tuple[PartEvent, Part, bytes]] = []
    parser = _parser(multipart_boundary(content_type), events)
    received = 0
    try:
        async for chunk in body:
            received += len(chunk)
            if received > limit:
                raise PayloadTooLarge(f"request body exceeds {limit} bytes")
            try:
                parser.write(chunk)
            except MultipartParseError as err:
                raise InvalidArgument("malformed multipart body") from err
            for event in events:
                await receiver.handle(*event)
            events.clear()
        parser.finalize()
        return receiver.result()
    except BaseException:
        await receiver.abandon()
        raise


def _parser(boundary: bytes, events: list[tuple[PartEvent, Part, bytes]]) -> MultipartParser:
    """A parser whose callbacks only queue events: the receiver's awaits run between parser writes."""
    part = Part()
    header_name = bytearray()
    header_value = bytearray()

    def on_part_begin() -> None:
        nonlocal part
        part = Part()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header_name.extend(data[start:end])

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header_value.extend(data[start:end])

    def on_header_end() -> None:
        # Latin-1 keeps the bytes as they came: parse_options_header encodes back to them, and the
        # names inside (UTF-8 from browsers) are decoded once they are cut out.
        part.headers[header_name.decode("latin-1").lower()] = header_value.decode("latin-1")
        header_name.clear()
        header_value.clear()

    def on_headers_finished() -> None:
        _, options = parse_options_header(part.headers.get("content-disposition"))
        part.name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            part.filename = options[b"filename"].decode("utf-8", "replace")
        events.append(("begin", part, b""))

    def on_part_data(data: bytes, start: int, end: int) -> None:
        events.append(("data", part, bytes(data[start:end])))

    def on_part_end() -> None:
        events.append(("end", part, b""))

    return MultipartParser(
        boundary,
        callbacks={
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
