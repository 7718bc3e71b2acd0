"""The user socket (`/socket/websocket`): Phoenix Channels framing, live job updates per job or per user."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from nats.aio.subscription import Subscription

from soundforge.events import watch_updates
from soundforge.gateway.context import GatewayContext
from soundforge.gateway.serializers import job_status_json
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.v1 import library_pb2
from soundforge.runtime import payloads
from soundforge.runtime.convert import status_name
from soundforge.runtime.errors import NotFound, SoundForgeError, Unauthenticated, Unavailable

log = logging.getLogger(__name__)
router = APIRouter()

# Phoenix closes a socket that sends no heartbeat for this long; we do the same on our side.
IDLE_TIMEOUT_SECONDS = 60.0
POLICY_VIOLATION = 1008
TRY_AGAIN_LATER = 1013
# A push re-checks the credential unless it held this recently: a burst of progress updates costs
# the library one look-up a second per socket, not one per update.
AUTH_FRESH_SECONDS = 1.0


class PhoenixCodec:
    """Phoenix serializer v2 (`[join_ref, ref, topic, event, payload]`) or v1 (an object)."""

    def __init__(self, vsn: str) -> None:
        self.v1 = vsn.startswith("1.")

    def decode(self, text: str) -> tuple[str | None, str | None, str, str, dict[str, Any]]:
        raw = json.loads(text)
        if self.v1:
            return None, raw.get("ref"), raw["topic"], raw["event"], raw.get("payload") or {}
        join_ref, ref, topic, event, payload = raw
        return join_ref, ref, topic, event, payload or {}

    def encode(self, join_ref: str | None, ref: str | None, topic: str, event: str, payload: Any) -> str:
        if self.v1:
            return json.dumps({"topic": topic, "event": event, "payload": payload, "ref": ref})
        return json.dumps([join_ref, ref, topic, event, payload])


class SocketSession:
    """One connected user: the topics they joined and the job updates they may see."""

    def __init__(self, websocket: WebSocket, context: GatewayContext, user: library_pb2.User) -> None:
        self.websocket = websocket
        self.context = context
        self.user = user
        self.codec = PhoenixCodec(websocket.query_params.get("vsn", "2.0.0"))
        self.joined: dict[str, str | None] = {}  # topic -> join_ref
        self.send_lock = asyncio.Lock()
        self.closed = False
        self.checked_at = time.monotonic()

    async def send(self, join_ref: str | None, ref: str | None, topic: str, event: str, payload: Any) -> None:
        async with self.send_lock:
            await self.websocket.send_text(self.codec.encode(join_ref, ref, topic, event, payload))

    async def reply(self, join_ref: str | None, ref: str | None, topic: str, ok: bool, response: Any) -> None:
        status = "ok" if ok else "error"
        await self.send(join_ref, ref, topic, "phx_reply", {"status": status, "response": response})

    async def still_signed_in(self) -> bool:
        """Asks the authenticator again; a key revoked, a session ended or an account disabled since
        the connect closes the socket as a refused connect would be (an admin's disable cuts it off)."""
        if self.closed:
            return False
        try:
            self.user = await _authenticate(self.websocket, self.context)
        except Unauthenticated:
            async with self.send_lock:
                self.closed = True
                with contextlib.suppress(RuntimeError, WebSocketDisconnect):
                    await self.websocket.close(code=POLICY_VIOLATION)
            return False
        self.checked_at = time.monotonic()
        return True

    async def handle(self, text: str) -> None:
        try:
            # Join params are accepted and ignored: no topic takes any yet.
            join_ref, ref, topic, event, _params = self.codec.decode(text)
        except (ValueError, KeyError, TypeError):
            await self.send(None, None, "phoenix", "phx_error", {"reason": "malformed message"})
            return
        if event in ("heartbeat", "phx_join") and not await self.still_signed_in():
            return
        if topic == "phoenix" and event == "heartbeat":
            await self.reply(join_ref, ref, topic, True, {})
        elif event == "phx_join":
            ok, response = await self.join(topic)
            if ok:
                self.joined[topic] = join_ref
            await self.reply(join_ref, ref, topic, ok, response)
        elif event == "phx_leave":
            self.joined.pop(topic, None)
            await self.reply(join_ref, ref, topic, True, {})
        else:
            await self.reply(join_ref, ref, topic, False, {"reason": f"unknown event {event!r}"})

    async def join(self, topic: str) -> tuple[bool, dict[str, Any]]:
        """`jobs:<job id>` for one of the user's jobs, or `user:<own user id>` for all of them."""
        kind, _, ident = topic.partition(":")
        if kind == "user":
            if ident != self.user.id:
                return False, {"reason": "unauthorized"}
            return True, {}
        if kind == "jobs" and ident:
            try:
                job = await self.context.clients.library.GetJob(
                    library_pb2.GetJobRequest(owner_id=self.user.id, job_id=ident)
                )
            except NotFound:
                return False, {"reason": "not found"}  # another user's job looks exactly like none
            return True, {"job": job_status_json(job)}
        return False, {"reason": "unknown topic"}

    async def on_update(self, service: str, event: str, update: jobs_pb2.JobUpdate) -> None:
        try:
            await self._push(service, event, update)
        except (SoundForgeError, RuntimeError, WebSocketDisconnect) as err:
            # The library is briefly unreachable or the socket just closed: this push is lost,
            # which live views tolerate (the job record stays the source of truth).
            log.debug("job update not pushed: %s", err)

    async def _push(self, service: str, event: str, update: jobs_pb2.JobUpdate) -> None:
        job_topic = f"jobs:{update.job_id}"
        user_topic = f"user:{self.user.id}"
        targets = [t for t in (job_topic, user_topic) if t in self.joined]
        # Every update names its job's owner: routing needs no call to the library per socket.
        if not targets or update.owner_id != self.user.id:
            return
        recent = time.monotonic() - self.checked_at < AUTH_FRESH_SECONDS
        if not recent and not await self.still_signed_in():
            return
        payload: dict[str, Any] = {
            "job_id": update.job_id,
            "service": service,
            "event": event,
            "status": status_name(update.status) if update.status else None,
            "progress": update.progress,
            "stage": update.stage or None,
            "error": update.error or None,
        }
        if update.HasField("result"):
            payload["result"] = payloads.result_http_json(update.result)
        for topic in targets:
            await self.send(self.joined[topic], None, topic, "job_update", payload)


async def _authenticate(websocket: WebSocket, context: GatewayContext) -> library_pb2.User:
    """Phoenix clients pass `?token=`; browsers send the session cookie (or a bearer header).

    Asked afresh every time (the REST routes' authenticator, its cache bypassed): the socket
    re-checks on every join and heartbeat and before pushes."""
    token = websocket.query_params.get("token")
    if token:
        return (await context.authenticator.authenticate_token(token)).user
    principal = await context.authenticator.reauthenticate(websocket)
    if principal is None:
        raise Unauthenticated("authentication required")
    return principal.user


@router.websocket("/socket/websocket")
async def user_socket(websocket: WebSocket) -> None:
    context: GatewayContext = websocket.app.state.gateway
    try:
        user = await _authenticate(websocket, context)
    except SoundForgeError:
        await websocket.close(code=POLICY_VIOLATION)  # before accept: the handshake gets a 403
        return
    await websocket.accept()
    session = SocketSession(websocket, context, user)
    subscription: Subscription = await watch_updates(context.bus, session.on_update)
    try:
        # The server knows the subscription before any join is answered: an update published
        # right after a successful join reaches this socket.
        await context.bus.sync()
        while not session.closed:
            text = await asyncio.wait_for(websocket.receive_text(), IDLE_TIMEOUT_SECONDS)
            await session.handle(text)
    except (WebSocketDisconnect, TimeoutError):
        pass
    except Unavailable:
        # NATS is unreachable: close with "try again later" rather than serve a socket that
        # would silently miss every update.
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close(code=TRY_AGAIN_LATER)
    finally:
        await subscription.unsubscribe()
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close()
