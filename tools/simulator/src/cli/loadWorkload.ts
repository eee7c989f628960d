import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseSwf } from '../swf/parseSwf';
import { swfWorkload } from '../swf/swfWorkload';
import { syntheticDataLake } from '../synthetic/generateDataLake';
import { saturatedDataLake } from '../synthetic/saturatedDataLake';
import { recurringPipelines } from '../synthetic/recurringPipelines';
import { withoutEstimates } from '../workload/withoutEstimates';
import { sliceWorkload } from '@sluice/scheduler';
import type { Workload } from '@sluice/scheduler';
import { DEFAULT_SYNTHETIC_JOBS } from './defaults';
import type { TraceSpec } from './traceArgument';
import { UsageError } from './usageError';

export interface WorkloadRequest {
  trace: TraceSpec;
  /** Only the first N jobs (synthetic: how many to generate). */
  jobs?: number;
  /** SWF: total processors. Synthetic and saturated: factor on every pool's capacity and quotas. */
  capacity?: number;
  /** False drops every job's estimate. */
  estimates?: boolean;
}

/** The workload a command line asks for; unreadable or malformed input is a UsageError. */
export function loadWorkload(request: WorkloadRequest): Workload {
  const workload = traceWorkload(request);
  return request.estimates === false ? withoutEstimates(workload) : workload;
}

function traceWorkload(request: WorkloadRequest): Workload {
  const { trace } = request;
  const capacityScale = request.capacity !== undefined ? { capacityScale: request.capacity } : {};
  if (trace.kind === 'synthetic') {
    return syntheticDataLake({
      seed: trace.seed,
      jobs: request.jobs ?? DEFAULT_SYNTHETIC_JOBS,
      ...capacityScale,
    });
  }
  if (trace.kind === 'saturated') {
    return saturatedDataLake({
      seed: trace.seed,
      jobs: request.jobs ?? DEFAULT_SYNTHETIC_JOBS,
      load: trace.load,
      singleSource: trace.singleSource,
      ...capacityScale,
    });
  }
  if (trace.kind === 'pipelines') {
    return recurringPipelines({ seed: trace.seed, jobs: request.jobs ?? DEFAULT_SYNTHETIC_JOBS });
  }
  let text: string;
  try {
    text = readFileSync(trace.path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read trace ${trace.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let workload: Workload;
  try {
    workload = swfWorkload(parseSwf(text), {
      name: basename(trace.path),
      ...(request.capacity !== undefined ? { capacity: request.capacity } : {}),
    });
  } catch (error) {
    throw new UsageError(`${trace.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (workload.jobs.length === 0) throw new UsageError(`${trace.path}: no job in the trace can be replayed`);
  return request.jobs !== undefined ? sliceWorkload(workload, request.jobs) : workload;
}
