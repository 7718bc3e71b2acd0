"""lalal.ai for the separation service: the engine and the users' accounts (quota, cancel)."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx

from soundforge.events import EventBus
from soundforge.library.client import LibraryClient
from soundforge.runtime.errors import Conflict, InvalidArgument, NotFound, SoundForgeError
from soundforge.separation.engine import Progress, StemFile, StemRequest
from soundforge.separation.lalalai_client import LalalaiApiError, LalalaiClient
from soundforge.separation.lalalai_engine import LalalaiEngine
from soundforge.separation.lalalai_hosts import DownloadHosts, parse_hosts
from soundforge.separation.lalalai_keys import LicenseKeys, explain
from soundforge.separation.lalalai_tasks import BUCKET, TaskRegistry
from soundforge.separation.ports import Quota
from soundforge.separation.settings import SeparationSettings
from soundforge.storage.blob_store import BlobStore

log = logging.getLogger(__name__)

REQUEST_TIMEOUT_SECONDS = 60.0
# Registry entries outlive the longest task a little, so only a dead worker's entries expire.
REGISTRY_SLACK_SECONDS = 600.0


class LalalaiService:
    """Both seams in one object: `separate` (the engine) and quota/cancel (the accounts).

    Quota: lalal.ai reports only the minutes left on a license. The plan's size comes from the
    user's settings ("lalalai_quota_minutes") with their own key, or SEPARATION_LALALAI_PLAN_MINUTES
    with the server's; used = plan - left. With no known plan size, quota = remaining and used = 0.
    The engine leaves stems on local disk (the worker stores them), so `store` is not used here.
    """

    def __init__(
        self, settings: SeparationSettings, bus: EventBus, library: LibraryClient, store: BlobStore
    ) -> None:
        self.settings = settings
        self.bus = bus
        self.library = library
        self.keys = LicenseKeys(
            library, settings.lalalai_license_key.get_secret_value().strip(), settings.lalalai_plan_minutes
        )
        self._http: httpx.AsyncClient | None = None
        self._client: LalalaiClient | None = None
        self._registry: TaskRegistry | None = None
        self._engine: LalalaiEngine | None = None

    async def start(self) -> None:
        """Opens the HTTP client and the task registry (a KV bucket shared by every replica)."""
        settings = self.settings
        kv = await self.bus.key_value(BUCKET, settings.lalalai_timeout_seconds + REGISTRY_SLACK_SECONDS)
        self._registry = TaskRegistry(kv, self.bus.js)
        self._http = httpx.AsyncClient(timeout=REQUEST_TIMEOUT_SECONDS, follow_redirects=False)
        hosts = DownloadHosts(settings.lalalai_api_url, parse_hosts(settings.lalalai_download_hosts))
        self._client = LalalaiClient(
            self._http, settings.lalalai_api_url, hosts, backoff_seconds=settings.lalalai_poll_seconds
        )
        self._engine = LalalaiEngine(
            self._client,
            self.keys,
            self._registry,
            poll_seconds=settings.lalalai_poll_seconds,
            timeout_seconds=settings.lalalai_timeout_seconds,
        )

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    def _started(self) -> tuple[LalalaiClient, TaskRegistry, LalalaiEngine]:
        if self._client is None or self._registry is None or self._engine is None:
            raise RuntimeError("LalalaiService.start() was not awaited")
        return self._client, self._registry, self._engine

    async def separate(
        self, source: Path, out_dir: Path, request: StemRequest, on_progress: Progress
    ) -> list[StemFile]:
        return await self._started()[2].separate(source, out_dir, request, on_progress)

    async def require_key(self, owner_id: str) -> None:
        await self.keys.account(owner_id)

    async def quota(self, owner_id: str) -> Quota:
        if not owner_id:
            raise InvalidArgument("owner_id is required")
        client = self._started()[0]
        account = await self.keys.account(owner_id)
        try:
            left = await client.minutes_left(account.key)
        except LalalaiApiError as err:
            raise explain(err, account.key) from err
        plan = account.plan_minutes
        if plan is None:
            return Quota(quota_minutes=left, used_minutes=0.0, remaining_minutes=left)
        return Quota(
            quota_minutes=max(plan, left), used_minutes=max(0.0, plan - left), remaining_minutes=left
        )

    async def cancel(self, owner_id: str, task_id: str) -> list[str]:
        if not owner_id:
            raise InvalidArgument("owner_id is required")
        job_id = await self._started()[1].job_of(owner_id, task_id)
        if job_id is None:
            # Another user's task reads exactly like one that does not exist (or has ended).
            raise NotFound("no running lalal.ai task with this id")
        return await self._cancel(owner_id, {task_id: job_id})

    async def cancel_all(self, owner_id: str) -> list[str]:
        """The owner's tasks only: `cancel/all/` would stop every task of the license, which the
        server's default key shares between users."""
        if not owner_id:
            raise InvalidArgument("owner_id is required")
        tasks = await self._started()[1].tasks_of(owner_id)
        return await self._cancel(owner_id, tasks) if tasks else []

    async def _cancel(self, owner_id: str, tasks: dict[str, str]) -> list[str]:
        """Cancels the platform jobs first, so they read `cancelled` (not failed: their workers see the
        lalal.ai task end), then the tasks on lalal.ai. The ids of the tasks either stopped."""
        client, registry, _ = self._started()
        cancelled: set[str] = set()
        try:
            for task_id, job_id in tasks.items():
                if not job_id:
                    continue
                try:
                    await self.library.cancel_job(owner_id, job_id)
                    cancelled.add(task_id)
                except (Conflict, NotFound):
                    pass  # the job ended already
        finally:
            try:
                account = await self.keys.account(owner_id)
                answers = await client.cancel(account.key, list(tasks))
                cancelled.update(t for t, a in answers.items() if t in tasks and a.get("status") == "success")
            except SoundForgeError as err:
                # The job's worker cancels with the key it started the task with, once told above.
                log.warning("lalal.ai cancel failed; relying on the job's worker: %s", err)
        for task_id in tasks:
            await registry.remove(owner_id, task_id)
        return sorted(cancelled)
