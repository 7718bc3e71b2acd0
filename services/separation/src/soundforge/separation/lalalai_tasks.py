"""Which lalal.ai tasks run for whom, shared by every replica: a NATS KV bucket `<owner>.<task>` -> job."""

from __future__ import annotations

import asyncio
import logging
import re

import nats.errors
import nats.js.errors
from nats.js.kv import KeyValue

from soundforge.runtime.errors import Unavailable

log = logging.getLogger(__name__)

BUCKET = "lalalai_tasks"
# One KV token each: no dots (they separate owner from task) and no wildcards.
_TOKEN = re.compile(r"^[-_=A-Za-z0-9]{1,200}$")
LIST_TIMEOUT_SECONDS = 5.0


def valid_token(value: str) -> bool:
    return bool(_TOKEN.match(value))


class TaskRegistry:
    """A task is added when its split starts and removed when it ends; the bucket's TTL drops the
    entries of a worker that died mid-task, so a stale one outlives its task by at most the TTL."""

    def __init__(self, kv: KeyValue) -> None:
        self.kv = kv

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
            entry = await self.kv.get(f"{owner_id}.{task_id}")
        except nats.js.errors.KeyNotFoundError:
            return None
        except nats.errors.Error as err:
            raise Unavailable(f"cannot read lalal.ai tasks: {err or type(err).__name__}") from err
        return (entry.value or b"").decode()

    async def tasks_of(self, owner_id: str) -> dict[str, str]:
        """task id -> job id of every task registered for this owner."""
        if not valid_token(owner_id):
            return {}
        tasks: dict[str, str] = {}
        try:
            watcher = await self.kv.watch(f"{owner_id}.*", ignore_deletes=True)
            try:
                async with asyncio.timeout(LIST_TIMEOUT_SECONDS):
                    async for entry in watcher:
                        if entry is None:
                            break
                        if entry.value:
                            tasks[entry.key.partition(".")[2]] = entry.value.decode()
            finally:
                await watcher.stop()
        except (TimeoutError, nats.errors.Error) as err:
            raise Unavailable(f"cannot list lalal.ai tasks: {err or type(err).__name__}") from err
        return tasks
