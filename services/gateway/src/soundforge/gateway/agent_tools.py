"""The Orchestrator's tools over the platform's own services, for one caller: the REST routes' RPCs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

from soundforge.analysis.v1 import analysis_pb2
from soundforge.gateway.agent_orchestrator import ToolOutcome
from soundforge.gateway.client_text import text_problem
from soundforge.gateway.clients import GatewayClients
from soundforge.gateway.ratelimit import Verdict
from soundforge.jobs.v1 import payloads_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime import payloads
from soundforge.runtime.convert import status_name
from soundforge.runtime.errors import NotFound, SoundForgeError
from soundforge.runtime.vocabulary import SEPARATION_MODELS
from soundforge.separation.v1 import separation_pb2

TRACKS_PER_PAGE = 20
MAX_TRACK_ID = 64
MAX_SEARCH = 200
# Errors whose message names our internals; the model (and so the user) sees only what went wrong.
_PUBLIC_MESSAGES = {"INTERNAL_ERROR": "internal error", "SERVICE_UNAVAILABLE": "service unavailable"}

_TRACK_ID = {"type": "string", "description": "a track id from list_tracks"}


def _function(name: str, description: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            },
        },
    }


TOOL_SPECS = [
    _function(
        "list_tracks",
        "List the user's tracks, newest first (20 a page): id, title, artist, duration, bpm, key.",
        {
            "search": {"type": "string", "description": "part of a title or artist"},
            "page": {"type": "integer", "minimum": 1},
        },
        [],
    ),
    _function(
        "get_track_analysis",
        "The latest analysis of one of the user's tracks (tempo, key, loudness...); null if never analysed.",
        {"track_id": _TRACK_ID},
        ["track_id"],
    ),
    _function(
        "analyze_track",
        "Start an analysis job (every feature) on one of the user's tracks.",
        {"track_id": _TRACK_ID},
        ["track_id"],
    ),
    _function(
        "separate_stems",
        "Start a stem separation job on one of the user's tracks.",
        {"track_id": _TRACK_ID, "model": {"type": "string", "enum": SEPARATION_MODELS.names}},
        ["track_id"],
    ),
]


class ToolArgumentError(Exception):
    """The model called a tool with arguments it does not take."""


def _track_id(arguments: dict[str, Any]) -> str:
    track_id = arguments.get("track_id")
    if not isinstance(track_id, str) or not track_id.strip() or len(track_id) > MAX_TRACK_ID:
        raise ToolArgumentError("track_id must be a track id from list_tracks")
    return _text(track_id.strip(), "track_id")


def _text(value: str, name: str) -> str:
    """The routes' rule for client text holds for the model's too (no NUL, valid Unicode)."""
    if (problem := text_problem(value)) is not None:
        raise ToolArgumentError(f"{name} {problem}")
    return value


def _scalars(flat: dict[str, Any]) -> dict[str, Any]:
    """The analysis without its per-frame lists and matrices, which would flood the model's context."""
    return {name: value for name, value in flat.items() if not isinstance(value, list | dict)}


class PlatformTools:
    """AgentTools for one user: every RPC carries their id, so another user's track is "not found".

    `heavy_hit` spends one of the caller's api_heavy hits (ratelimit.RequestMeter.heavy): each job a
    tool starts costs what POST /api/analysis/analyze or /api/processing/separate would, so a chat
    turn cannot start more jobs than the caller could through the REST routes.
    """

    def __init__(
        self, clients: GatewayClients, owner_id: str, heavy_hit: Callable[[], Awaitable[Verdict]]
    ) -> None:
        self._clients = clients
        self._owner_id = owner_id
        self._heavy_hit = heavy_hit
        self._tools: dict[str, Callable[[dict[str, Any]], Awaitable[ToolOutcome]]] = {
            "list_tracks": self._list_tracks,
            "get_track_analysis": self._get_track_analysis,
            "analyze_track": self._analyze_track,
            "separate_stems": self._separate_stems,
        }

    def specs(self) -> list[dict[str, Any]]:
        return TOOL_SPECS

    async def call(self, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        tool = self._tools.get(name)
        if tool is None:
            return ToolOutcome({"error": f"no tool named {name[:64]!r}"})
        try:
            return await tool(arguments)
        except ToolArgumentError as err:
            return ToolOutcome({"error": str(err)})
        except SoundForgeError as err:
            # The service's answer goes back to the model, which tells the user; the turn goes on.
            return ToolOutcome({"error": _PUBLIC_MESSAGES.get(err.code, err.message), "code": err.code})

    async def _list_tracks(self, arguments: dict[str, Any]) -> ToolOutcome:
        search = arguments.get("search") or ""
        page = arguments.get("page") or 1
        if not isinstance(search, str) or len(search) > MAX_SEARCH:
            raise ToolArgumentError(f"search must be text of at most {MAX_SEARCH} characters")
        _text(search, "search")
        if not isinstance(page, int) or isinstance(page, bool) or not 1 <= page < 2**31:
            raise ToolArgumentError("page must be a positive integer")
        listed = await self._clients.library.ListTracks(
            library_pb2.ListTracksRequest(
                owner_id=self._owner_id,
                page=library_pb2.Page(page=page, page_size=TRACKS_PER_PAGE),
                search=search,
            )
        )
        tracks = [
            {
                "id": t.id,
                "title": t.title,
                "artist": t.artist,
                "duration": round(t.duration, 1),
                "bpm": t.bpm if t.HasField("bpm") else None,
                "key": t.key or None,
            }
            for t in listed.tracks
        ]
        meta = listed.meta
        return ToolOutcome(
            {
                "tracks": tracks,
                "page": meta.page,
                "total_pages": meta.total_pages,
                "total_count": meta.total_count,
            }
        )

    async def _get_track_analysis(self, arguments: dict[str, Any]) -> ToolOutcome:
        track_id = _track_id(arguments)
        library = self._clients.library
        track = await library.GetTrack(
            library_pb2.GetTrackRequest(owner_id=self._owner_id, track_id=track_id)
        )
        try:
            analysis = await library.GetTrackAnalysis(
                library_pb2.GetTrackAnalysisRequest(owner_id=self._owner_id, track_id=track_id)
            )
        except NotFound:
            return ToolOutcome({"track_id": track.id, "title": track.title, "analysis": None})
        flat = _scalars(payloads.analysis_to_flat(analysis.result))
        return ToolOutcome({"track_id": track.id, "title": track.title, "analysis": flat})

    async def _rate_limited(self) -> ToolOutcome | None:
        """Spends a heavy hit before a job starts; past the limit, the refusal the model is given."""
        verdict = await self._heavy_hit()
        if verdict.allowed:
            return None
        return ToolOutcome(
            {"error": "rate limit exceeded", "code": "RATE_LIMITED", "retry_after": verdict.retry_after}
        )

    async def _analyze_track(self, arguments: dict[str, Any]) -> ToolOutcome:
        track_id = _track_id(arguments)
        if (refused := await self._rate_limited()) is not None:
            return refused
        job = await self._clients.analysis.Analyze(
            analysis_pb2.AnalyzeRequest(
                owner_id=self._owner_id,
                track_id=track_id,
                params=payloads_pb2.AnalysisParams(features=["all"]),
            )
        )
        action = {
            "type": "analysis",
            "job_id": job.id,
            "track_id": job.track_id,
            "status": status_name(job.status),
            "model": None,
        }
        return ToolOutcome(action, action)

    async def _separate_stems(self, arguments: dict[str, Any]) -> ToolOutcome:
        track_id = _track_id(arguments)
        model_name = arguments.get("model") or "htdemucs"
        if not isinstance(model_name, str) or model_name not in SEPARATION_MODELS.names:
            raise ToolArgumentError(f"model must be one of {', '.join(SEPARATION_MODELS.names)}")
        model = cast(payloads_pb2.SeparationModel, SEPARATION_MODELS.value(model_name, "model"))
        if (refused := await self._rate_limited()) is not None:
            return refused
        job = await self._clients.separation.Separate(
            separation_pb2.SeparateRequest(
                owner_id=self._owner_id, track_id=track_id, params=payloads_pb2.SeparationParams(model=model)
            )
        )
        action = {
            "type": "separation",
            "job_id": job.id,
            "track_id": job.track_id,
            "status": status_name(job.status),
            "model": model_name,
        }
        return ToolOutcome(action, action)
