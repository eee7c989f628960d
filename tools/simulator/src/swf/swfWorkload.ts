import { DEFAULT_CLASSES } from '@sluice/domain';
import type { SimJob, SimPool, Workload } from '@sluice/scheduler';
import type { ParsedSwf } from './parseSwf';
import { queueClasses } from './queueClasses';
import { SWF_CANCELLED, type SwfRecord } from './swfRecord';

export const SWF_POOL_ID = 'swf-cluster';

export const SKIP_REASONS = {
  cancelled: 'cancelled (status 5)',
  submitTime: 'submit time missing',
  runTime: 'run time missing or not positive',
  processors: 'processor count missing or not positive',
  duplicate: 'duplicate job number',
  tooLarge: 'more processors than the capacity',
} as const;

export interface SwfWorkloadOptions {
  name?: string;
  /** Total processors; by default the header's MaxProcs, else MaxNodes, else the largest job. */
  capacity?: number;
}

/**
 * A parsed trace as a Sluice workload on one pool of processors: user -> source, queue -> class,
 * processors and memory -> demand, run time -> duration, requested time -> estimate. Records that
 * cannot be replayed are left out and counted by reason.
 */
export function swfWorkload(parsed: ParsedSwf, options: SwfWorkloadOptions = {}): Workload {
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const seen = new Set<number>();
  const usable: SwfRecord[] = [];
  for (const record of parsed.records) {
    const reason = unusableReason(record, seen);
    if (reason) skip(reason);
    else usable.push(record);
    seen.add(record.jobNumber);
  }
  const capacity =
    options.capacity ??
    parsed.header.maxProcs ??
    parsed.header.maxNodes ??
    Math.max(1, ...usable.map(processorsOf));
  const fitting = usable.filter((record) => {
    if (processorsOf(record) <= capacity) return true;
    skip(SKIP_REASONS.tooLarge);
    return false;
  });
  const classOf = queueClasses(fitting.map((r) => r.queueNumber));
  const jobs = fitting.map((record) => toJob(record, classOf)).sort((a, b) => a.arrival - b.arrival);
  const pool: SimPool = { poolId: SWF_POOL_ID, backend: 'slurm', capacity: { vcpu: capacity }, quotas: {} };
  return {
    name: options.name ?? 'swf',
    pools: [pool],
    jobs,
    classes: { ...DEFAULT_CLASSES },
    shares: {},
    skipped,
  };
}

function unusableReason(record: SwfRecord, seen: Set<number>): string | undefined {
  if (record.status === SWF_CANCELLED) return SKIP_REASONS.cancelled;
  if (record.submitTime < 0) return SKIP_REASONS.submitTime;
  if (record.runTime <= 0) return SKIP_REASONS.runTime;
  if (processorsOf(record) <= 0) return SKIP_REASONS.processors;
  if (seen.has(record.jobNumber)) return SKIP_REASONS.duplicate;
  return undefined;
}

/** What the job ran on; logs that only know the request give that instead. */
function processorsOf(record: SwfRecord): number {
  return record.allocatedProcessors > 0 ? record.allocatedProcessors : record.requestedProcessors;
}

function toJob(record: SwfRecord, classOf: (queue: number) => string): SimJob {
  const processors = processorsOf(record);
  const kilobytesPerProcessor = record.usedMemory > 0 ? record.usedMemory : record.requestedMemory;
  const app = record.executableNumber >= 0 ? `app-${record.executableNumber}` : 'app-unknown';
  return {
    jobId: `swf-${record.jobNumber}`,
    arrival: record.submitTime,
    duration: record.runTime,
    ...(record.requestedTime > 0 ? { estimate: record.requestedTime } : {}),
    source: record.userId >= 0 ? `user-${record.userId}` : 'user-unknown',
    dataset: app,
    jobName: app,
    priorityClass: classOf(record.queueNumber),
    backend: 'slurm',
    demand: {
      vcpu: processors,
      ...(kilobytesPerProcessor > 0
        ? { memoryMiB: Math.ceil((kilobytesPerProcessor * processors) / 1024) }
        : {}),
    },
    pools: [SWF_POOL_ID],
  };
}
