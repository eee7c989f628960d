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
import { SLURM_API_VERSIONS, submitBody, type SlurmApiVersion } from './slurmApiVersion';
import { slurmNodeCapacity, type SlurmNode } from './slurmNodes';
import { slurmClusterSchema, slurmPoolSchema, slurmSpecSchema, type SlurmCluster } from './slurmSpec';

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
  /** The API version each slurmrestd offers, found once per cluster. */
  private readonly versions = new Map<SlurmCluster, Promise<SlurmApiVersion>>();

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

  private request<T>(cluster: SlurmCluster, method: string, path: string, body?: unknown) {
    return requestJson<T & SlurmErrors>(cluster.endpoint, method, path, {
      headers: { 'X-SLURM-USER-NAME': cluster.userName, 'X-SLURM-USER-TOKEN': cluster.token },
      ...(body !== undefined ? { body } : {}),
    });
  }

  private version(cluster: SlurmCluster): Promise<SlurmApiVersion> {
    let version = this.versions.get(cluster);
    if (!version) {
      version = this.negotiate(cluster);
      // A failed negotiation (slurmrestd down) is tried again on the next call.
      version.catch(() => this.versions.delete(cluster));
      this.versions.set(cluster, version);
    }
    return version;
  }

  /** slurmrestd serves only the plugins it loaded, so the newest version whose ping answers wins. */
  private async negotiate(cluster: SlurmCluster): Promise<SlurmApiVersion> {
    const answers: string[] = [];
    for (const version of SLURM_API_VERSIONS) {
      const response = await this.request(cluster, 'GET', `slurm/${version}/ping`);
      if (response.status === 200) return version;
      // Every version answers a wrong user or token alike: no point trying the others.
      if (response.status === 401 || response.status === 403)
        throw new BackendRejectedError(
          BACKEND,
          `slurmrestd refused the credentials (${response.status}): ${describeBody(response.body)}`,
        );
      answers.push(`${version}: ${response.status}`);
    }
    throw new Error(
      `slurmrestd at ${cluster.endpoint.url} offers none of ${SLURM_API_VERSIONS.join(', ')} (${answers.join(', ')})`,
    );
  }

  private async call<T>(cluster: SlurmCluster, method: string, path: string, body?: unknown) {
    return this.request<T>(cluster, method, `slurm/${await this.version(cluster)}/${path}`, body);
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    const spec = parseBackendInput(BACKEND, 'spec', slurmSpecSchema, request.spec);
    const cluster = this.cluster(request.poolId);
    const name = runNameFor(request.jobId, request.attempt, SLURM_NAME);
    try {
      const existing = (await this.jobs(cluster)).find((j) => j.name === name);
      if (existing) return { runId: poolRunId(request.poolId, String(existing.job_id)) };
      const body = submitBody(await this.version(cluster), spec, {
        name,
        comment: `sluice job ${request.jobId} attempt ${request.attempt}`,
      });
      const response = await this.call<{ job_id?: number }>(cluster, 'POST', 'job/submit', body);
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
    const report = await onPremCapacityReport(probe.poolId, running, cluster.prometheus, config.prometheus);
    const nodes = expectStatus(
      await this.call<{ nodes: SlurmNode[] }>(cluster, 'GET', 'nodes'),
      [200],
      'slurmrestd nodes',
    ).nodes;
    const measured = slurmNodeCapacity(nodes ?? []);
    // The controller's own node counts are exact; Prometheus adds what it measures beyond them.
    return {
      ...report,
      observed: { ...report.observed, ...measured.observed },
      capacity: { ...report.capacity, ...measured.capacity },
    };
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
