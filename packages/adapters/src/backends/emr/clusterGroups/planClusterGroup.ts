import type { ClusterGroupConfig } from './clusterGroupConfig';

export type Market = 'SPOT' | 'ON_DEMAND';

/** A cluster of the group as the executor observed it (terminated ones included, for history). */
export interface ObservedCluster {
  clusterId: string;
  member: number;
  market: Market;
  state: string;
  createdAtMs: number;
  readyAtMs?: number;
  endedAtMs?: number;
  /** EMR's StateChangeReason code once it ended (INSTANCE_FAILURE after a Spot reclaim…). */
  endReason?: string;
  activeSteps: number;
  lastStepEndedAtMs?: number;
}

export type ClusterGroupAction =
  | { type: 'launch'; member: number; market: Market; reason: 'missing' | 'replacement' }
  | { type: 'terminate'; clusterIds: string[]; reason: 'idle' };

export interface ClusterGroupPlan {
  actions: ClusterGroupAction[];
  /** Members alive once the actions are carried out. */
  membersAfter: number;
}

const ALIVE = new Set(['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING']);
const SPOT_LOSS_REASONS = new Set(['INSTANCE_FAILURE', 'INSTANCE_FLEET_TIMEOUT']);

/**
 * What a cluster group needs now. Pure: the same observations, time and config give the same plan.
 * - a group with queued work or live members keeps `members` clusters: missing ones are launched,
 *   lost ones replaced (on-demand for a while after a Spot loss);
 * - a group with no steps and no queued job for `idleTerminateAfterSeconds` is terminated whole,
 *   and stays down until work is queued for it again.
 */
export function planClusterGroup(input: {
  config: ClusterGroupConfig;
  clusters: ObservedCluster[];
  nowMs: number;
  /** Jobs admitted to or waiting for this pool that have not finished. */
  queuedJobs: number;
}): ClusterGroupPlan {
  const { config, clusters, nowMs, queuedJobs } = input;
  const alive = clusters.filter((c) => ALIVE.has(c.state));
  const busy = queuedJobs > 0 || alive.some((c) => c.activeSteps > 0);

  if (alive.length > 0 && !busy) {
    const lastActivity = Math.max(
      ...alive.map((c) => Math.max(c.readyAtMs ?? c.createdAtMs, c.lastStepEndedAtMs ?? 0)),
    );
    if (nowMs - lastActivity >= config.idleTerminateAfterSeconds * 1000) {
      return {
        actions: [{ type: 'terminate', clusterIds: alive.map((c) => c.clusterId).sort(), reason: 'idle' }],
        membersAfter: 0,
      };
    }
  }
  if (alive.length === 0 && queuedJobs === 0) return { actions: [], membersAfter: 0 };

  const actions: ClusterGroupAction[] = [];
  const covered = new Set(alive.map((c) => c.member));
  for (let member = 0; member < config.members; member++) {
    if (covered.has(member)) continue;
    const previous = clusters
      .filter((c) => c.member === member && !ALIVE.has(c.state))
      .sort((a, b) => (b.endedAtMs ?? b.createdAtMs) - (a.endedAtMs ?? a.createdAtMs))[0];
    actions.push({
      type: 'launch',
      member,
      market: marketFor(config, previous, nowMs),
      reason: previous ? 'replacement' : 'missing',
    });
  }
  return { actions, membersAfter: Math.min(alive.length, config.members) + actions.length };
}

function marketFor(config: ClusterGroupConfig, previous: ObservedCluster | undefined, nowMs: number): Market {
  if (!config.spot) return 'ON_DEMAND';
  const lostToSpot =
    previous?.market === 'SPOT' &&
    SPOT_LOSS_REASONS.has(previous.endReason ?? '') &&
    nowMs - (previous.endedAtMs ?? previous.createdAtMs) < config.onDemandAfterSpotLossSeconds * 1000;
  return lostToSpot ? 'ON_DEMAND' : 'SPOT';
}
