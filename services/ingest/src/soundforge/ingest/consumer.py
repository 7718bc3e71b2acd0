"""The download worker: takes `jobs.ingest.requested` from JetStream and runs each job's DownloadWork."""

from __future__ import annotations

from google.protobuf import json_format

from soundforge.events import EventBus, JobContext, JobWorker
from soundforge.ingest.downloads import SERVICE
from soundforge.ingest.fetching import DownloadOrder, DownloadWork
from soundforge.ingest.settings import IngestSettings
from soundforge.jobs.v1 import jobs_pb2, payloads_pb2
from soundforge.library.v1 import library_pb2


class DownloadJobs:
    """The job handler: job params -> DownloadOrder, progress -> job updates, result -> the job's result.

    Downloading reports status `downloading` (the seed's value); converting and storing report
    `processing`.
    """

    def __init__(self, work: DownloadWork[library_pb2.Track]) -> None:
        self.work = work

    async def __call__(self, ctx: JobContext) -> payloads_pb2.JobResult:
        request = ctx.request
        params = json_format.MessageToDict(ctx.params.download, preserving_proto_field_name=True)
        order = DownloadOrder.from_params(request.owner_id, request.track_id, params)

        async def report(percent: int, stage: str, processing: bool) -> None:
            if not processing:
                await ctx.progress(percent, stage)
                return
            ctx.percent = percent
            await ctx.publish("progress", jobs_pb2.JOB_STATUS_PROCESSING, stage=stage)

        result = await self.work.run(order, report)
        return payloads_pb2.JobResult(download=json_format.ParseDict(result, payloads_pb2.DownloadResult()))


def build_worker(bus: EventBus, work: DownloadWork[library_pb2.Track], settings: IngestSettings) -> JobWorker:
    return JobWorker(
        bus,
        SERVICE,
        DownloadJobs(work),
        max_deliver=settings.max_deliver,
        ack_wait=settings.ack_wait_seconds,
        concurrency=settings.worker_concurrency,
        working_status=jobs_pb2.JOB_STATUS_DOWNLOADING,
    )
