import type { JobDetail } from '@aws-sdk/client-batch';

/** vCPUs, memory and GPUs a running Batch job holds, across its running children for an array job. */
export function resourcesOfJob(job: JobDetail): { vcpu: number; memoryMiB: number; gpu: number } {
  const container = job.container;
  const requirement = (type: string) =>
    Number(container?.resourceRequirements?.find((r) => r.type === type)?.value ?? Number.NaN);
  const vcpu = pick(requirement('VCPU'), container?.vcpus);
  const memoryMiB = pick(requirement('MEMORY'), container?.memory);
  const gpu = pick(requirement('GPU'), 0);
  const copies = job.arrayProperties?.size
    ? (job.arrayProperties.statusSummary?.RUNNING ?? 0) + (job.arrayProperties.statusSummary?.STARTING ?? 0)
    : 1;
  return { vcpu: vcpu * copies, memoryMiB: memoryMiB * copies, gpu: gpu * copies };
}

function pick(fromRequirements: number, legacy: number | undefined): number {
  return Number.isFinite(fromRequirements) ? fromRequirements : (legacy ?? 0);
}
