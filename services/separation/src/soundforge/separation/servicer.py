"""SeparationService over gRPC: translates requests to the model catalog, the library and the seams."""

from __future__ import annotations

from typing import cast

import grpc

from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.client import LibraryClient
from soundforge.runtime.errors import Conflict, InvalidArgument, NotFound
from soundforge.separation.catalog import ModelCatalog
from soundforge.separation.ports import LalalaiAccounts, Mixer
from soundforge.separation.requests import check_params, require_audio
from soundforge.separation.v1 import separation_pb2, separation_pb2_grpc

SERVICE_NAME = separation_pb2.DESCRIPTOR.services_by_name["SeparationService"].full_name


class SeparationServicer(separation_pb2_grpc.SeparationServiceServicer):
    """Thin: validation lives in `requests`, models in `catalog`; errors go to the ErrorInterceptor."""

    def __init__(
        self, library: LibraryClient, catalog: ModelCatalog, lalalai: LalalaiAccounts, mixer: Mixer
    ) -> None:
        self.library = library
        self.catalog = catalog
        self.lalalai = lalalai
        self.mixer = mixer

    async def ListModels(
        self, request: separation_pb2.ListModelsRequest, context: grpc.aio.ServicerContext
    ) -> separation_pb2.ListModelsResponse:
        models = [
            separation_pb2.ModelInfo(
                model=cast(payloads_pb2.SeparationModel, d.spec.model),
                name=d.spec.name,
                description=d.spec.description,
                stems=len(d.spec.sources),
                sources=d.spec.sources,
                available=d.available,
            )
            for d in self.catalog.describe()
        ]
        return separation_pb2.ListModelsResponse(models=models)

    async def Separate(
        self, request: separation_pb2.SeparateRequest, context: grpc.aio.ServicerContext
    ) -> jobs_pb2.Job:
        if not request.owner_id:
            raise InvalidArgument("owner_id is required")
        params = check_params(request.params, self.catalog)
        # Owner-scoped: another user's track is NotFound, exactly like a missing one; a track
        # whose audio is not stored yet is a Conflict (409), not a job doomed to fail.
        track = await self.library.find_track(request.owner_id, request.track_id)
        if track is None:
            if await self.library.pending_download_of(request.owner_id, request.track_id):
                raise Conflict("the track is still being downloaded")
            raise NotFound("track not found")
        require_audio(track)
        job_params = payloads_pb2.JobParams(separation=params)
        return await self.library.create_job(request.owner_id, job_params, track_id=request.track_id)

    async def GetLalalaiQuota(
        self, request: separation_pb2.GetLalalaiQuotaRequest, context: grpc.aio.ServicerContext
    ) -> separation_pb2.LalalaiQuota:
        quota = await self.lalalai.quota(request.owner_id)
        return separation_pb2.LalalaiQuota(
            quota_minutes=quota.quota_minutes,
            used_minutes=quota.used_minutes,
            remaining_minutes=quota.remaining_minutes,
        )

    async def CancelLalalaiTask(
        self, request: separation_pb2.CancelLalalaiTaskRequest, context: grpc.aio.ServicerContext
    ) -> separation_pb2.CancelLalalaiTaskResponse:
        if not request.task_id:
            raise InvalidArgument("task_id is required")
        cancelled = await self.lalalai.cancel(request.owner_id, request.task_id)
        return separation_pb2.CancelLalalaiTaskResponse(cancelled_task_ids=cancelled)

    async def CancelAllLalalaiTasks(
        self, request: separation_pb2.CancelAllLalalaiTasksRequest, context: grpc.aio.ServicerContext
    ) -> separation_pb2.CancelLalalaiTaskResponse:
        cancelled = await self.lalalai.cancel_all(request.owner_id)
        return separation_pb2.CancelLalalaiTaskResponse(cancelled_task_ids=cancelled)

    async def ExportMix(
        self, request: separation_pb2.ExportMixRequest, context: grpc.aio.ServicerContext
    ) -> separation_pb2.ExportMixResponse:
        if not request.owner_id:
            raise InvalidArgument("owner_id is required")
        key = await self.mixer.export(
            request.owner_id, request.track_id, list(request.stem_keys), request.manifest_json
        )
        return separation_pb2.ExportMixResponse(object_key=key)
