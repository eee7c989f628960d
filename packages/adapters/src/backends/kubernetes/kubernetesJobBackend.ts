import {
  BackendRejectedError,
  type BackendPort,
  type PoolCapacityReportedData,
  type PoolProbe,
  type RunStatus,
  type StartRequest,
  RunNotFoundError,
} from '@sluice/domain';
import type { z } from 'zod';
import { expectStatus, requestJson, toHttpStartError } from '../http/jsonHttp';
import { DeletedRuns, poolRunId, splitPoolRunId } from '../http/poolRunIds';
import { onPremCapacityReport } from '../prometheus/prometheusCapacity';
import { KUBERNETES_NAME, runNameFor } from '../runNames';
import { parseBackendInput } from '../specParsing';
import { JOB_ID_ANNOTATION, MANAGED_BY_LABEL, kubernetesJobManifest } from './kubernetesJobManifest';
import { isFinishedJob, kubernetesJobRunStatus, type KubernetesJob } from './kubernetesJobStatus';
import {
  kubernetesClusterSchema,
  kubernetesPoolSchema,
  kubernetesSpecSchema,
  type KubernetesCluster,
} from './kubernetesSpec';

const BACKEND = 'kubernetes';

/**
 * Kubernetes batch/v1 Jobs. The Job is named from (jobId, attempt): creating it twice answers
 * 409 AlreadyExists, and the start adopts the existing Job when its job-id annotation matches.
 */
export class KubernetesJobBackend implements BackendPort {
  readonly backend = BACKEND;
  private readonly clusters: Record<string, KubernetesCluster>;
  private readonly deleted = new DeletedRuns();

  constructor(options: { clusters: Record<string, z.input<typeof kubernetesClusterSchema>> }) {
    this.clusters = Object.fromEntries(
      Object.entries(options.clusters).map(([poolId, c]) => [poolId, kubernetesClusterSchema.parse(c)]),
    );
  }

  private cluster(poolId: string): KubernetesCluster {
    const cluster = this.clusters[poolId];
    if (!cluster) throw new Error(`no Kubernetes API server is configured for pool ${poolId}`);
    return cluster;
  }

  private jobsPath(cluster: KubernetesCluster, name?: string): string {
    return `apis/batch/v1/namespaces/${encodeURIComponent(cluster.namespace)}/jobs${name ? `/${encodeURIComponent(name)}` : ''}`;
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    const spec = parseBackendInput(BACKEND, 'spec', kubernetesSpecSchema, request.spec);
    const cluster = this.cluster(request.poolId);
    const name = runNameFor(request.jobId, request.attempt, KUBERNETES_NAME);
    const runId = poolRunId(request.poolId, name);
    try {
      const manifest = kubernetesJobManifest(name, cluster.namespace, spec, request);
      const created = await requestJson<KubernetesJob>(cluster.endpoint, 'POST', this.jobsPath(cluster), {
        body: manifest,
      });
      if (created.status !== 409) {
        expectStatus(created, [200, 201, 202], 'Kubernetes create Job');
        return { runId };
      }
      const existing = expectStatus(
        await requestJson<KubernetesJob>(cluster.endpoint, 'GET', this.jobsPath(cluster, name)),
        [200],
        'Kubernetes get Job',
      );
      if (existing.metadata.annotations?.[JOB_ID_ANNOTATION] !== request.jobId) {
        throw new BackendRejectedError(BACKEND, `a Job named ${name} exists for another job`);
      }
      return { runId };
    } catch (error) {
      throw toHttpStartError(BACKEND, error);
    }
  }

  async status(runId: string): Promise<RunStatus> {
    const { poolId, id } = splitPoolRunId(runId);
    const cluster = this.cluster(poolId);
    const response = await requestJson<KubernetesJob>(cluster.endpoint, 'GET', this.jobsPath(cluster, id));
    if (response.status === 404) {
      if (this.deleted.has(runId)) return { state: 'cancelled', reason: 'job deleted' };
      throw new RunNotFoundError(BACKEND, runId);
    }
    return kubernetesJobRunStatus(expectStatus(response, [200], 'Kubernetes get Job'));
  }

  async cancel(runId: string): Promise<void> {
    const { poolId, id } = splitPoolRunId(runId);
    const cluster = this.cluster(poolId);
    // A finished Job keeps its outcome: deleting it would turn a success into "cancelled".
    const current = await requestJson<KubernetesJob>(cluster.endpoint, 'GET', this.jobsPath(cluster, id));
    if (current.status === 404 || (current.status === 200 && isFinishedJob(current.body))) return;
    const response = await requestJson(cluster.endpoint, 'DELETE', this.jobsPath(cluster, id), {
      body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: cluster.propagationPolicy },
    });
    if (response.status !== 404) expectStatus(response, [200, 202], 'Kubernetes delete Job');
    this.deleted.add(runId);
  }

  private async managedJobs(poolId: string): Promise<KubernetesJob[]> {
    const cluster = this.cluster(poolId);
    const selector = encodeURIComponent(`${MANAGED_BY_LABEL}=sluice`);
    const jobs: KubernetesJob[] = [];
    let token: string | undefined;
    do {
      const page = expectStatus(
        await requestJson<{ items: KubernetesJob[]; metadata?: { continue?: string } }>(
          cluster.endpoint,
          'GET',
          `${this.jobsPath(cluster)}?labelSelector=${selector}&limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
        ),
        [200],
        'Kubernetes list Jobs',
      );
      jobs.push(...page.items);
      token = page.metadata?.continue || undefined;
    } while (token);
    return jobs;
  }

  async probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    const config = parseBackendInput(BACKEND, 'pool config', kubernetesPoolSchema, probe.config);
    const cluster = this.cluster(probe.poolId);
    const running = (await this.managedJobs(probe.poolId)).filter((j) => !isFinishedJob(j)).length;
    return onPremCapacityReport(probe.poolId, running, cluster.prometheus, config.prometheus);
  }

  async listRuns(probe: PoolProbe): Promise<{ runId: string; jobId?: string; status: RunStatus }[]> {
    return (await this.managedJobs(probe.poolId)).map((job) => {
      const jobId = job.metadata.annotations?.[JOB_ID_ANNOTATION];
      return {
        runId: poolRunId(probe.poolId, job.metadata.name),
        ...(jobId ? { jobId } : {}),
        status: kubernetesJobRunStatus(job),
      };
    });
  }
}
