import type { PolicyName } from '../policyNames';
import type { TraceSpec } from './traceArgument';

/** The parsed command line. */
export interface SimulateOptions {
  trace: TraceSpec;
  capacity?: number;
  jobs?: number;
  json?: boolean;
  /** False with --no-estimates: every job's estimate is dropped. */
  estimates: boolean;
  /** Where the chart goes; false with --no-chart. */
  chart: string | false;
  runCap: number;
  policies: PolicyName[];
  /** Threads to run policies on; undefined lets the size of the workload decide. */
  workers?: number;
}
