import type {
  BackendPort,
  PoolCapacityReportedData,
  PoolProbe,
  RunStatus,
  StartRequest,
} from '@sluice/domain';
import type { z } from 'zod';
import { expectStatus, requestJson, toHttpStartError } from '../http/jsonHttp';
import { DeletedRuns, poolRunId, splitPoolRunId } from '../http/poolRunIds';
import { onPremCapacityReport } from '../prometheus/prometheusCapacity';
import { RunNotFoundError } from '@sluice/domain';
import { LIVY_NAME, parseRunName, runNameFor } from '../runNames';
import { parseBackendInput } from '../specParsing';
import { livyClusterSchema, livyPoolSchema, livySpecSchema } from './livySpec';
import { FINAL_LIVY_STATES, livyRunStatus } from './livyState';

const BACKEND = 'livy';
const PAGE = 100;

interface LivyBatch {
  id: number;
  name?: string | null;
  state: string;
}

type LivyCluster = z.output<typeof livyClusterSchema>;

/**
 * Spark batches through Apache Livy. A batch is named from (jobId, attempt); a start first lists
 * the server's batches for that name, and a "duplicate session name" refusal is answered the same
 * way, so a retried start adopts the batch it submitted before.
 */
export class LivyBackend implements BackendPort {
  readonly backend = BACKEND;
  private readonly clusters: Record<string, LivyCluster>;
  private readonly deleted = new DeletedRuns();

  constructor(options: { clusters: Record<string, z.input<typeof livyClusterSchema>> }) {
    this.clusters = Object.fromEntries(
      Object.entries(options.clusters).map(([poolId, c]) => [poolId, livyClusterSchema.parse(c)]),
    );
  }

  private cluster(poolId: string): LivyCluster {
    const cluster = this.clusters[poolId];
    if (!cluster) throw new Error(`no Livy server is configured for pool ${poolId}`);
    return cluster;
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    const spec = parseBackendInput(BACKEND, 'spec', livySpecSchema, request.spec);
    const { endpoint } = this.cluster(request.poolId);
    const name = runNameFor(request.jobId, request.attempt, LIVY_NAME);
    try {
      const existing = (await this.batches(request.poolId)).find((b) => b.name === name);
      if (existing) return { runId: poolRunId(request.poolId, String(existing.id)) };
      const response = await requestJson<LivyBatch>(endpoint, 'POST', 'batches', { body: { ...spec, name } });
      if (response.status === 400 && /duplicate/i.test(JSON.stringify(response.body))) {
        // Another start of this attempt got there first.
        const raced = (await this.batches(request.poolId)).find((b) => b.name === name);
        if (raced) return { runId: poolRunId(request.poolId, String(raced.id)) };
      }
      const batch = expectStatus(response, [200, 201], 'Livy POST /batches');
      return { runId: poolRunId(request.poolId, String(batch.id)) };
    } catch (error) {
      throw toHttpStartError(BACKEND, error);
    }
  }

  /** Every batch the server still knows (it forgets finished ones after its retention time). */
  private async batches(poolId: string): Promise<LivyBatch[]> {
    const { endpoint } = this.cluster(poolId);
    const all: LivyBatch[] = [];
    for (let from = 0; ; from += PAGE) {
      const page = expectStatus(
        await requestJson<{ total: number; sessions: LivyBatch[] }>(
          endpoint,
          'GET',
          `batches?from=${from}&size=${PAGE}`,
        ),
        [200],
        'Livy GET /batches',
      );
      all.push(...page.sessions);
      if (page.sessions.length < PAGE || all.length >= page.total) return all;
    }
  }

  async status(runId: string): Promise<RunStatus> {
    const { poolId, id } = splitPoolRunId(runId);
    const response = await requestJson<{ id: number; state: string }>(
      this.cluster(poolId).endpoint,
      'GET',
      `batches/${id}/state`,
    );
    if (response.status === 404) {
      if (this.deleted.has(runId)) return { state: 'cancelled', reason: 'batch deleted' };
      throw new RunNotFoundError(BACKEND, runId);
    }
    return livyRunStatus(expectStatus(response, [200], `Livy GET /batches/${id}/state`).state);
  }

  async cancel(runId: string): Promise<void> {
    const { poolId, id } = splitPoolRunId(runId);
    // Deleting a finished batch would erase its outcome; there is nothing left to stop anyway.
    const current = await requestJson<{ state: string }>(
      this.cluster(poolId).endpoint,
      'GET',
      `batches/${id}/state`,
    );
    if (current.status === 404 || (current.status === 200 && FINAL_LIVY_STATES.has(current.body.state)))
      return;
    const response = await requestJson(this.cluster(poolId).endpoint, 'DELETE', `batches/${id}`);
    if (response.status !== 404) expectStatus(response, [200, 204], `Livy DELETE /batches/${id}`);
    this.deleted.add(runId);
  }

  async probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    const config = parseBackendInput(BACKEND, 'pool config', livyPoolSchema, probe.config);
    const cluster = this.cluster(probe.poolId);
    const running = (await this.batches(probe.poolId)).filter((b) => !FINAL_LIVY_STATES.has(b.state)).length;
    return onPremCapacityReport(probe.poolId, running, cluster.prometheus, config.prometheus);
  }

  async listRuns(probe: PoolProbe): Promise<{ runId: string; jobId?: string; status: RunStatus }[]> {
    return (await this.batches(probe.poolId))
      .filter((b) => b.name?.startsWith('sluice-'))
      .map((b) => {
        const parsed = parseRunName(b.name ?? '');
        return {
          runId: poolRunId(probe.poolId, String(b.id)),
          ...(parsed ? { jobId: parsed.jobId } : {}),
          status: livyRunStatus(b.state),
        };
      });
  }
}
