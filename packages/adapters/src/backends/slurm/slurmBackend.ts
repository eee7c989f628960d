import {
  BackendBusyError,
  BackendRejectedError,
  type BackendPort,
  type PoolCapacityReportedData,
  type PoolProbe,
  type RunStatus,
  type StartRequest,
  RunNotFoundError,
} from '@sluice/domain';
import type { z } from 'zod';
import {
  describeBody,
  expectStatus,
  requestJson,
  toHttpStartError,
  type JsonResponse,
} from '../http/jsonHttp';
import { poolRunId, splitPoolRunId } from '../http/poolRunIds';
import { onPremCapacityReport } from '../prometheus/prometheusCapacity';
import { SLURM_NAME, parseRunName, runNameFor } from '../runNames';
import { parseBackendInput } from '../specParsing';
import { isFinalSlurmJob, slurmRunStatus, type SlurmJob } from './slurmJobState';
import {
  SLURM_API,
  slurmClusterSchema,
  slurmPoolSchema,
  slurmSpecSchema,
  type SlurmCluster,
  type SlurmSpec,
} from './slurmSpec';

const BACKEND = 'slurm';

interface SlurmErrors {
  errors?: { error?: string; error_number?: number; description?: string }[];
}

/**
 * SLURM through slurmrestd. The job is named from (jobId, attempt); a start first lists the
 * controller's jobs (as squeue does) for that name, so a retried start adopts the job it
 * submitted before.
 */
export class SlurmBackend implements BackendPort {
  readonly backend = BACKEND;
  private readonly clusters: Record<string, SlurmCluster>;

  constructor(options: { clusters: Record<string, z.input<typeof slurmClusterSchema>> }) {
    this.clusters = Object.fromEntries(
      Object.entries(options.clusters).map(([poolId, c]) => [poolId, slurmClusterSchema.parse(c)]),
    );
  }

  private cluster(poolId: string): SlurmCluster {
    const cluster = this.clusters[poolId];
    if (!cluster) throw new Error(`no slurmrestd is configured for pool ${poolId}`);
    return cluster;
  }

  private call<T>(cluster: SlurmCluster, method: string, path: string, body?: unknown) {
    return requestJson<T & SlurmErrors>(cluster.endpoint, method, `${SLURM_API}/${path}`, {
      headers: { 'X-SLURM-USER-NAME': cluster.userName, 'X-SLURM-USER-TOKEN': cluster.token },
      ...(body !== undefined ? { body } : {}),
    });
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    const spec = parseBackendInput(BACKEND, 'spec', slurmSpecSchema, request.spec);
    const cluster = this.cluster(request.poolId);
    const name = runNameFor(request.jobId, request.attempt, SLURM_NAME);
    try {
      const existing = (await this.jobs(cluster)).find((j) => j.name === name);
      if (existing) return { runId: poolRunId(request.poolId, String(existing.job_id)) };
      const response = await this.call<{ job_id?: number }>(cluster, 'POST', 'job/submit', {
        job: submitJob(spec, name, request),
      });
      if (response.status !== 200 || response.body.errors?.length || response.body.job_id === undefined)
        throw submitRefusal(response);
      return { runId: poolRunId(request.poolId, String(response.body.job_id)) };
    } catch (error) {
      throw toHttpStartError(BACKEND, error);
    }
  }

  private async jobs(cluster: SlurmCluster): Promise<SlurmJob[]> {
    return (
      expectStatus(await this.call<{ jobs: SlurmJob[] }>(cluster, 'GET', 'jobs'), [200], 'slurmrestd jobs')
        .jobs ?? []
    );
  }

  async status(runId: string): Promise<RunStatus> {
    const { poolId, id } = splitPoolRunId(runId);
    const response = await this.call<{ jobs: SlurmJob[] }>(this.cluster(poolId), 'GET', `job/${id}`);
    const job =
      response.status === 200 ? response.body.jobs?.find((j) => String(j.job_id) === id) : undefined;
    // slurmrestd answers an unknown id with an error ("Invalid job id specified") rather than always a 404.
    if (
      !job &&
      (response.status === 200 ||
        response.status === 404 ||
        /invalid job id/i.test(describeBody(response.body)))
    ) {
      throw new RunNotFoundError(BACKEND, runId);
    }
    expectStatus(response, [200], `slurmrestd job ${id}`);
    return slurmRunStatus(job!);
  }

  async cancel(runId: string): Promise<void> {
    const { poolId, id } = splitPoolRunId(runId);
    const response = await this.call(this.cluster(poolId), 'DELETE', `job/${id}`);
    if (response.status === 200 && !response.body.errors?.length) return;
    // slurmrestd refuses to signal a job that has already completed; that is what a cancel wants anyway.
    const status = await this.status(runId);
    if (status.state === 'queued' || status.state === 'starting' || status.state === 'running') {
      expectStatus(response, [], `slurmrestd cancel ${id}`);
    }
  }

  async probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    const config = parseBackendInput(BACKEND, 'pool config', slurmPoolSchema, probe.config);
    const cluster = this.cluster(probe.poolId);
    const running = (await this.jobs(cluster)).filter(
      (j) => !isFinalSlurmJob(j) && slurmRunStatus(j).state !== 'queued',
    ).length;
    return onPremCapacityReport(probe.poolId, running, cluster.prometheus, config.prometheus);
  }

  async listRuns(probe: PoolProbe): Promise<{ runId: string; jobId?: string; status: RunStatus }[]> {
    return (await this.jobs(this.cluster(probe.poolId)))
      .filter((j) => j.name?.startsWith('sluice-'))
      .map((j) => {
        const parsed = parseRunName(j.name ?? '');
        return {
          runId: poolRunId(probe.poolId, String(j.job_id)),
          ...(parsed ? { jobId: parsed.jobId } : {}),
          status: slurmRunStatus(j),
        };
      });
  }
}

/** Words slurmctld uses when a submission may succeed later (a busy controller, a submit limit). */
const TRANSIENT =
  /temporarily|try again|timed out|unable to contact|connection|socket|busy|submit limit|too many/i;

/**
 * slurmrestd answers most refusals with a 500 and the controller's errors, whether the job is
 * wrong or the controller is busy, so the error text decides between "not now" and "never".
 */
function submitRefusal(response: JsonResponse<SlurmErrors>): Error {
  const text = describeBody(response.body?.errors?.length ? response.body.errors : response.body);
  const message = `slurmrestd refused the job (${response.status}): ${text}`;
  if (response.status === 401 || response.status === 403) return new BackendRejectedError(BACKEND, message);
  if ([408, 429, 502, 503, 504].includes(response.status) || TRANSIENT.test(text))
    return new BackendBusyError(BACKEND, message);
  return new BackendRejectedError(BACKEND, message);
}

function submitJob(spec: SlurmSpec, name: string, request: StartRequest) {
  return {
    script: spec.script,
    name,
    comment: `sluice job ${request.jobId} attempt ${request.attempt}`,
    current_working_directory: spec.currentWorkingDirectory,
    environment: Object.entries(spec.environment).map(([k, v]) => `${k}=${v}`),
    ...(spec.partition ? { partition: spec.partition } : {}),
    ...(spec.account ? { account: spec.account } : {}),
    ...(spec.qos ? { qos: spec.qos } : {}),
    ...(spec.timeLimitMinutes
      ? { time_limit: { set: true, infinite: false, number: spec.timeLimitMinutes } }
      : {}),
    ...(spec.tasks ? { tasks: spec.tasks } : {}),
    ...(spec.cpusPerTask ? { cpus_per_task: spec.cpusPerTask } : {}),
    ...(spec.memoryPerNodeMiB
      ? { memory_per_node: { set: true, infinite: false, number: spec.memoryPerNodeMiB } }
      : {}),
  };
}
