import { DIMENSIONS, type PoolCapacityReportedData, type ResourceVector } from '@sluice/domain';
import { z } from 'zod';
import type { HttpEndpoint } from '../http/httpEndpoint';
import { queryPrometheus } from './prometheusQuery';

const promqlByDimension = z.partialRecord(z.enum(DIMENSIONS), z.string().min(1));

/**
 * PromQL per dimension, each an instant query giving an amount in the dimension's unit
 * (vCPUs, MiB): `observed` for what is in use, `capacity` for what the cluster has.
 */
export const prometheusQueriesSchema = z.object({
  observed: promqlByDimension.default({}),
  capacity: promqlByDimension.default({}),
});
export type PrometheusQueries = z.output<typeof prometheusQueriesSchema>;

/** Defaults for a Kubernetes cluster with kube-state-metrics. */
export const KUBERNETES_QUERIES: PrometheusQueries = {
  observed: {
    vcpu: 'sum(kube_pod_container_resource_requests{resource="cpu"} and on(namespace, pod) (kube_pod_status_phase{phase="Running"} == 1))',
    memoryMiB:
      'sum(kube_pod_container_resource_requests{resource="memory"} and on(namespace, pod) (kube_pod_status_phase{phase="Running"} == 1)) / 1048576',
  },
  capacity: {
    vcpu: 'sum(kube_node_status_allocatable{resource="cpu"})',
    memoryMiB: 'sum(kube_node_status_allocatable{resource="memory"}) / 1048576',
  },
};

/** Defaults for a SLURM cluster with prometheus-slurm-exporter. */
export const SLURM_QUERIES: PrometheusQueries = {
  observed: { vcpu: 'slurm_cpus_alloc' },
  capacity: { vcpu: 'slurm_cpus_total' },
};

/** Runs the queries; a query whose vector is empty leaves its dimension out. */
export async function prometheusCapacity(
  endpoint: HttpEndpoint,
  queries: PrometheusQueries,
): Promise<{ observed: ResourceVector; capacity: ResourceVector }> {
  const run = async (byDimension: PrometheusQueries['observed']) => {
    const vector: ResourceVector = {};
    for (const [dimension, promql] of Object.entries(byDimension) as [keyof ResourceVector, string][]) {
      const value = await queryPrometheus(endpoint, promql);
      if (value !== undefined && Number.isFinite(value)) vector[dimension] = Math.max(0, value);
    }
    return vector;
  };
  return { observed: await run(queries.observed), capacity: await run(queries.capacity) };
}

/**
 * An on-prem pool's capacity report: the runs Sluice counts itself, plus what Prometheus measures
 * when both the cluster and the pool name it.
 */
export async function onPremCapacityReport(
  poolId: string,
  runningRuns: number,
  endpoint: HttpEndpoint | undefined,
  queries: PrometheusQueries | undefined,
): Promise<PoolCapacityReportedData> {
  const measured = endpoint && queries ? await prometheusCapacity(endpoint, queries) : undefined;
  const capacity = measured?.capacity ?? {};
  return {
    poolId,
    observed: { ...measured?.observed, runs: runningRuns },
    ...(Object.keys(capacity).length > 0 ? { capacity } : {}),
  };
}
