import type { Backend } from '../vocabulary';
import type { PoolCapacityReportedData } from '../events/poolEvents';
import type { ResourceVector } from '../resources/resourceVector';

/** A backend run's state, normalized across Glue, EMR, Batch, Step Functions and on-prem schedulers. */
export type RunStatus =
  | { state: 'queued' }
  | { state: 'starting' }
  | { state: 'running' }
  | { state: 'succeeded' }
  | { state: 'failed'; reason: string; retryable: boolean }
  | { state: 'cancelled'; reason?: string };

export interface StartRequest {
  jobId: string;
  /** With jobId, the idempotency key: a retried start of the same attempt never launches a second run. */
  attempt: number;
  backend: Backend;
  poolId: string;
  spec: Record<string, unknown>;
  demand: ResourceVector;
}

export interface PoolProbe {
  poolId: string;
  backend: Backend;
  /** Backend-specific: Glue job names, EMR cluster group, Batch queue and compute environments, endpoints… */
  config: Record<string, unknown>;
}

/**
 * One adapter per backend. `start` must be idempotent per (jobId, attempt): it uses the backend's
 * client token where there is one, otherwise names or tags to find a run it started before.
 */
export interface BackendPort {
  readonly backend: Backend;
  start(request: StartRequest): Promise<{ runId: string }>;
  status(runId: string): Promise<RunStatus>;
  cancel(runId: string): Promise<void>;
  probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData>;
  /** Runs the backend knows that Sluice started, for reconciliation (optional where unsupported). */
  listRuns?(probe: PoolProbe): Promise<{ runId: string; jobId?: string; status: RunStatus }[]>;
}

/** The backend said "not now" (throttling, a crawler already running): the job stays admitted and is retried. */
export class BackendBusyError extends Error {
  constructor(
    readonly backend: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'BackendBusyError';
  }
}

/** The backend refused for good (bad arguments, missing job definition): the job fails with this message. */
export class BackendRejectedError extends Error {
  constructor(
    readonly backend: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackendRejectedError';
  }
}
