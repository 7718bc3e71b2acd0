"""Which lalal.ai tasks run for whom, shared by every replica: a NATS KV bucket `<owner>.<task>` -> job."""

from __future__ import annotations

import asyncio
import logging
import re

import nats.errors
import nats.js.errors
from nats.js import JetStreamContext
from nats.js.kv import KeyValue

from soundforge.runtime.errors import Unavailable

log = logging.getLogger(__name__)

BUCKET = "lalalai_tasks"
# How NATS lays a KV bucket out as a stream: stream KV_<bucket>, one subject $KV.<bucket>.<key> per key.
_STREAM = f"KV_{BUCKET}"
_KEY_SUBJECT = f"$KV.{BUCKET}."
# One KV token each: no dots (they separate owner from task) and no wildcards.
_TOKEN = re.compile(r"^[-_=A-Za-z0-9]{1,200}$")
LIST_TIMEOUT_SECONDS = 5.0


def valid_token(value: str) -> bool:
    return bool(_TOKEN.match(value))


class TaskRegistry:
    """A task is added when its split starts and removed when it ends; the bucket's TTL drops the
    entries of a worker that died mid-task, so a stale one outlives its task by at most the TTL."""

    def __init__(self, kv: KeyValue, js: JetStreamContext) -> None:
        """`kv` is the bucket BUCKET; `js` reads its stream to list an owner's tasks."""
        self.kv = kv
        self.js = js

    async def add(self, owner_id: str, task_id: str, job_id: str) -> None:
        if not (valid_token(owner_id) and valid_token(task_id)):
            log.warning("lalal.ai task not registered (unusable id)", extra={"task_id": task_id})
            return
        try:
            await self.kv.put(f"{owner_id}.{task_id}", job_id.encode())
        except nats.errors.Error as err:
            raise Unavailable(f"cannot record lalal.ai task: {err or type(err).__name__}") from err

    async def remove(self, owner_id: str, task_id: str) -> None:
        if not (valid_token(owner_id) and valid_token(task_id)):
            return
        try:
            await self.kv.delete(f"{owner_id}.{task_id}")
        except nats.errors.Error as err:
            # The TTL removes it later; a failed cleanup must not fail a finished separation.
            log.warning("cannot remove lalal.ai task %s: %s", task_id, err or type(err).__name__)

    async def job_of(self, owner_id: str, task_id: str) -> str | None:
        """The job running `task_id` for this owner; None for another owner's task or an unknown one."""
        if not (valid_token(owner_id) and valid_token(task_id)):
            return None
        try:
            entry = await self._entry(f"{owner_id}.{task_id}")
        except nats.errors.Error as err:
            raise Unavailable(f"cannot read lalal.ai tasks: {err or type(err).__name__}") from err
        return None if entry is None else (entry.value or b"").decode()

    async def tasks_of(self, owner_id: str) -> dict[str, str]:
        """task id -> job id of every task registered for this owner before the call.

        Not a KV watch: nats-py ends a watch's initial listing when the consumer reports nothing
        pending, which the server can report while an entry is still on its way to us, so a task
        registered just before could be missed. The stream's own list of subjects is exact.
        """
        if not valid_token(owner_id):
            return {}
        try:
            async with asyncio.timeout(LIST_TIMEOUT_SECONDS):
                info = await self.js.stream_info(_STREAM, subjects_filter=f"{_KEY_SUBJECT}{owner_id}.*")
                keys = [subject.removeprefix(_KEY_SUBJECT) for subject in info.state.subjects or {}]
                entries = await asyncio.gather(*(self._entry(key) for key in keys))
        except (TimeoutError, nats.errors.Error) as err:
            raise Unavailable(f"cannot list lalal.ai tasks: {err or type(err).__name__}") from err
        return {
            key.partition(".")[2]: entry.value.decode()
            for key, entry in zip(keys, entries, strict=True)
            if entry is not None and entry.value
        }

    async def _entry(self, key: str) -> KeyValue.Entry | None:
        """The key's entry; None for an unknown key or a deleted or purged one (its marker remains)."""
        try:
            return await self.kv.get(key)
        except nats.js.errors.KeyNotFoundError:
            return None
