/**
 * The backend has no record of a run Sluice believes it started. The reconciler fails such jobs
 * ("run lost") so their reserved capacity is freed instead of being held forever.
 */
export class RunNotFoundError extends Error {
  constructor(
    readonly backend: string,
    readonly runId: string,
    detail?: string,
  ) {
    super(`${backend} has no run ${runId}${detail ? `: ${detail}` : ''}`);
    this.name = 'RunNotFoundError';
  }
}
