"""SeparationService over gRPC: translates requests to the model catalog, the library and the seams."""

from __future__ import annotations

from typing import cast

import grpc

from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.client import LibraryClient
from soundforge.runtime.errors import Conflict, InvalidArgument, NotFound
from soundforge.separation.catalog import ModelCatalog
from soundforge.separation.pipeline_stages import STAGES
from soundforge.separation.ports import LalalaiAccounts, Mixer
from soundforge.separation.requests import check_params, require_audio
from soundforge.separation.settings import SeparationSettings
from soundforge.separation.v1 import separation_pb2, separation_pb2_grpc

SERVICE_NAME = separation_pb2.DESCRIPTOR.services_by_name["SeparationService"].full_name


class SeparationServicer(separation_pb2_grpc.SeparationServiceServicer):
    """Thin: validation lives in `requests`, models in `catalog`; errors go to the ErrorInterceptor."""

    def __init__(
        self,
        library: LibraryClient,
        catalog: ModelCatalog,
        lalalai: LalalaiAccounts,
        mixer: Mixer,
        settings: SeparationSettings,
    ) -> None:
        self.settings = settings
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
                unavailable_reason=d.reason,
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
        await self._audio_track(request.owner_id, request.track_id)
        if params.engine == payloads_pb2.SEPARATION_ENGINE_LOCAL:
            # Refused now rather than queued to fail at once: ListModels says it is unavailable.
            self.catalog.require_available(params.model)
        if params.engine == payloads_pb2.SEPARATION_ENGINE_LALALAI:
            # Refused now rather than queued to fail: the key is known before any work starts.
            await self.lalalai.require_key(request.owner_id)
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

    async def GetPipelineConfig(
        self, request: separation_pb2.GetPipelineConfigRequest, context: grpc.aio.ServicerContext
    ) -> separation_pb2.PipelineConfig:
        formats = [f.strip() for f in self.settings.pipeline_formats.split(",") if f.strip()]
        stages = [
            separation_pb2.StageInfo(stage=s.stage, name=s.name, processor_type=s.processor_type)
            for s in STAGES
        ]
        return separation_pb2.PipelineConfig(
            max_file_size_mb=self.settings.pipeline_max_file_size_mb, supported_formats=formats, stages=stages
        )

    async def StartPipeline(
        self, request: separation_pb2.StartPipelineRequest, context: grpc.aio.ServicerContext
    ) -> jobs_pb2.Job:
        if not request.owner_id:
            raise InvalidArgument("owner_id is required")
        params = payloads_pb2.PipelineParams()
        params.CopyFrom(request.params)
        if params.model == payloads_pb2.SEPARATION_MODEL_UNSPECIFIED:
            params.model = payloads_pb2.SEPARATION_MODEL_HTDEMUCS
        self.catalog.spec(params.model)  # an unknown model is a ValidationFailed naming it
        await self._audio_track(request.owner_id, request.track_id)
        self.catalog.require_available(params.model)  # not a job that fails at once
        return await self.library.create_job(
            request.owner_id, payloads_pb2.JobParams(pipeline=params), track_id=request.track_id
        )

    async def ExportMix(
        self, request: separation_pb2.ExportMixRequest, context: grpc.aio.ServicerContext
    ) -> separation_pb2.ExportMixResponse:
        if not request.owner_id:
            raise InvalidArgument("owner_id is required")
        key = await self.mixer.export(
            request.owner_id, request.track_id, list(request.stem_keys), request.manifest_json
        )
        return separation_pb2.ExportMixResponse(object_key=key)

    async def _audio_track(self, owner_id: str, track_id: str) -> None:
        """The owner's track with stored audio; NotFound, or Conflict while it is still coming."""
        track = await self.library.find_track(owner_id, track_id)
        if track is None:
            if await self.library.pending_download_of(owner_id, track_id):
                raise Conflict("the track is still being downloaded")
            raise NotFound("track not found")
        require_audio(track)
