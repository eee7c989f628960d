import {
  ListClustersCommand,
  ListStepsCommand,
  RunJobFlowCommand,
  TerminateJobFlowsCommand,
  type ClusterSummary,
  type EMRClient,
} from '@aws-sdk/client-emr';
import type { EventInput, PoolCapacityReportedData } from '@sluice/domain';
import { ACTIVE_STEP_STATES, clusterNameOf, parseClusterName } from '../emrSpec';
import {
  clusterGroupConfigSchema,
  type ClusterGroupConfig,
  type ClusterGroupConfigInput,
} from './clusterGroupConfig';
import { planClusterGroup, type ClusterGroupAction, type ObservedCluster } from './planClusterGroup';
import { runJobFlowInput } from './runJobFlowInput';
import { SIZE_TIERS, tierCapacity, type SizeTier } from './sizeTiers';

export interface ClusterGroupManagerOptions {
  client: EMRClient;
  now?: () => number;
  /** Extra tiers by name, next to the built-in SIZE_TIERS. */
  tiers?: Record<string, SizeTier>;
  /** Ended clusters older than this are not looked at (their history no longer matters). */
  historyHours?: number;
}

export interface ClusterGroupOutcome {
  actions: ClusterGroupAction[];
  /** Launched cluster ids by member. */
  launched: { member: number; clusterId: string }[];
  /** PoolCapacityReported events for the caller to append to the pool stream; empty when nothing changed. */
  events: EventInput[];
}

/**
 * Carries out cluster-group plans: observes the group's clusters and steps, asks the pure
 * planner what to do, launches and terminates clusters, and reports the pool's new capacity.
 */
export class ClusterGroupManager {
  constructor(private readonly options: ClusterGroupManagerOptions) {}

  private nowMs(): number {
    return this.options.now?.() ?? Date.now();
  }

  async reconcileGroup(
    configInput: ClusterGroupConfigInput,
    queuedJobs: number,
  ): Promise<ClusterGroupOutcome> {
    const config = clusterGroupConfigSchema.parse(configInput);
    const tier = this.options.tiers?.[config.tier] ?? SIZE_TIERS[config.tier];
    if (!tier) throw new Error(`cluster group ${config.groupId} names unknown size tier ${config.tier}`);
    const nowMs = this.nowMs();
    const clusters = await this.observe(config, nowMs);
    const plan = planClusterGroup({ config, clusters, nowMs, queuedJobs });
    const launched: ClusterGroupOutcome['launched'] = [];
    for (const action of plan.actions) {
      if (action.type === 'terminate') {
        await this.options.client.send(new TerminateJobFlowsCommand({ JobFlowIds: action.clusterIds }));
        continue;
      }
      const name = clusterNameOf(config.groupId, action.member, action.market, nowMs);
      const out = await this.options.client.send(
        new RunJobFlowCommand(runJobFlowInput(config, tier, action.member, action.market, name)),
      );
      launched.push({ member: action.member, clusterId: out.JobFlowId! });
    }
    if (plan.actions.length === 0) return { actions: [], launched, events: [] };
    const data: PoolCapacityReportedData = {
      poolId: config.poolId,
      observed: { runs: clusters.reduce((sum, c) => sum + c.activeSteps, 0) },
      capacity: tierCapacity(tier, plan.membersAfter),
    };
    return { actions: plan.actions, launched, events: [{ type: 'PoolCapacityReported', data }] };
  }

  private async observe(config: ClusterGroupConfig, nowMs: number): Promise<ObservedCluster[]> {
    const createdAfter = new Date(nowMs - (this.options.historyHours ?? 24 * 7) * 3_600_000);
    const summaries: ClusterSummary[] = [];
    let marker: string | undefined;
    do {
      const page = await this.options.client.send(
        new ListClustersCommand({ CreatedAfter: createdAfter, ...(marker ? { Marker: marker } : {}) }),
      );
      summaries.push(
        ...(page.Clusters ?? []).filter((c) => parseClusterName(c.Name ?? '')?.group === config.groupId),
      );
      marker = page.Marker;
    } while (marker);

    const observed: ObservedCluster[] = [];
    for (const summary of summaries) {
      const parsed = parseClusterName(summary.Name!)!;
      const state = summary.Status?.State ?? 'TERMINATED';
      const timeline = summary.Status?.Timeline;
      let activeSteps = 0;
      let lastStepEndedAtMs: number | undefined;
      if (!['TERMINATING', 'TERMINATED', 'TERMINATED_WITH_ERRORS'].includes(state)) {
        const steps =
          (await this.options.client.send(new ListStepsCommand({ ClusterId: summary.Id! }))).Steps ?? [];
        activeSteps = steps.filter((s) => ACTIVE_STEP_STATES.has(s.Status?.State ?? '')).length;
        const ends = steps
          .map((s) => s.Status?.Timeline?.EndDateTime?.getTime())
          .filter((t): t is number => t !== undefined);
        if (ends.length > 0) lastStepEndedAtMs = Math.max(...ends);
      }
      observed.push({
        clusterId: summary.Id!,
        member: parsed.member,
        market: parsed.market,
        state,
        createdAtMs: timeline?.CreationDateTime?.getTime() ?? nowMs,
        ...(timeline?.ReadyDateTime ? { readyAtMs: timeline.ReadyDateTime.getTime() } : {}),
        ...(timeline?.EndDateTime ? { endedAtMs: timeline.EndDateTime.getTime() } : {}),
        ...(summary.Status?.StateChangeReason?.Code
          ? { endReason: summary.Status.StateChangeReason.Code }
          : {}),
        activeSteps,
        ...(lastStepEndedAtMs !== undefined ? { lastStepEndedAtMs } : {}),
      });
    }
    return observed;
  }
}
