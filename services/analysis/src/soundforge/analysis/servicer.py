"""AnalysisService over gRPC: Analyze queues a job; RenderSpectrogram draws (or finds) a mel PNG."""

from __future__ import annotations

import grpc

from soundforge.analysis.features import resolve_features
from soundforge.analysis.spectrogram_renderer import SpectrogramRenderer
from soundforge.analysis.v1 import analysis_pb2, analysis_pb2_grpc
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.client import LibraryClient
from soundforge.runtime.errors import InvalidArgument

SERVICE_NAME = analysis_pb2.DESCRIPTOR.services_by_name["AnalysisService"].full_name


class AnalysisServicer(analysis_pb2_grpc.AnalysisServiceServicer):
    """Validates and records the job in the library, which queues it; errors go to the ErrorInterceptor."""

    def __init__(self, library: LibraryClient, spectrograms: SpectrogramRenderer) -> None:
        self.library = library
        self.spectrograms = spectrograms

    async def Analyze(
        self, request: analysis_pb2.AnalyzeRequest, context: grpc.aio.ServicerContext
    ) -> jobs_pb2.Job:
        features = resolve_features(request.params.features)
        if not request.owner_id:
            raise InvalidArgument("owner_id is required")
        # Owner-scoped: another user's track is NotFound, exactly like a missing one.
        await self.library.get_track(request.owner_id, request.track_id)
        # The library commits the job and publishes its request (or resends it once NATS is back).
        params = payloads_pb2.JobParams(analysis=payloads_pb2.AnalysisParams(features=features))
        return await self.library.create_job(request.owner_id, params, track_id=request.track_id)

    async def RenderSpectrogram(
        self, request: analysis_pb2.RenderSpectrogramRequest, context: grpc.aio.ServicerContext
    ) -> analysis_pb2.RenderSpectrogramResponse:
        key = await self.spectrograms.render(request.owner_id, request.audio_key)
        return analysis_pb2.RenderSpectrogramResponse(spectrogram_key=key)
