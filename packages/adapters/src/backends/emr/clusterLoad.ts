/** A cluster of a group as a placement candidate. */
export interface ClusterCandidate {
  clusterId: string;
  /** RUNNING or WAITING clusters start steps now; STARTING and BOOTSTRAPPING ones later. */
  ready: boolean;
  /** Steps PENDING, RUNNING or CANCEL_PENDING in the last listing. */
  activeSteps: number;
  /** Ids of the steps in the last listing. */
  listedStepIds: ReadonlySet<string>;
}

/**
 * Steps this process placed that a listing did not show yet. ListSteps lags AddJobFlowSteps a
 * little, and several starts can run at once: without counting these, a burst of starts would
 * all pick the cluster that looked idle at the last poll.
 */
export class PlacedSteps {
  private readonly placed = new Map<string, { stepId: string; atMs: number }[]>();

  constructor(private readonly forgetAfterMs = 5 * 60_000) {}

  record(clusterId: string, stepId: string, atMs: number): void {
    const list = this.placed.get(clusterId) ?? [];
    list.push({ stepId, atMs });
    this.placed.set(clusterId, list);
  }

  /** Placed steps the listing does not show; steps it shows, and old ones, are dropped. */
  unseen(clusterId: string, listed: ReadonlySet<string>, nowMs: number): number {
    const list = (this.placed.get(clusterId) ?? []).filter(
      (p) => !listed.has(p.stepId) && nowMs - p.atMs < this.forgetAfterMs,
    );
    this.placed.set(clusterId, list);
    return list.length;
  }
}

/** The least-loaded cluster: fewest active plus unseen placed steps, ready clusters first, then by id. */
export function leastLoaded(
  candidates: ClusterCandidate[],
  placed: PlacedSteps,
  nowMs: number,
): string | undefined {
  const scored = candidates.map((c) => ({
    c,
    load: c.activeSteps + placed.unseen(c.clusterId, c.listedStepIds, nowMs),
  }));
  scored.sort(
    (a, b) =>
      Number(b.c.ready) - Number(a.c.ready) || a.load - b.load || a.c.clusterId.localeCompare(b.c.clusterId),
  );
  return scored[0]?.c.clusterId;
}
