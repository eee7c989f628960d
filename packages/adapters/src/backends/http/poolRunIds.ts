/** `<pool id>/<backend id>`: on-prem adapters serve several clusters and route a run by its pool. */
export const poolRunId = (poolId: string, id: string) => `${poolId}/${id}`;

export function splitPoolRunId(runId: string): { poolId: string; id: string } {
  const at = runId.indexOf('/');
  return { poolId: runId.slice(0, at), id: runId.slice(at + 1) };
}

/**
 * Runs this process cancelled by deleting them. Livy and Kubernetes forget a deleted run, so a
 * later status read finds nothing; remembering our own deletions lets that read say "cancelled"
 * (the reconciler treats a vanished run whose cancellation was requested the same way).
 */
export class DeletedRuns {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 10_000) {}

  add(runId: string): void {
    this.ids.add(runId);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value!);
  }

  has(runId: string): boolean {
    return this.ids.has(runId);
  }
}
