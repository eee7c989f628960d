import { describe, expect, it } from 'vitest';
import { clusterGroupConfigSchema } from './clusterGroupConfig';
import { planClusterGroup, type ObservedCluster } from './planClusterGroup';

const config = clusterGroupConfigSchema.parse({
  groupId: 'analytics',
  poolId: 'emr-analytics',
  tier: 'medium',
  members: 3,
  idleTerminateAfterSeconds: 1800,
  launch: {
    releaseLabel: 'emr-7.5.0',
    serviceRole: 'EMR_DefaultRole',
    jobFlowRole: 'EMR_EC2_DefaultRole',
    subnetIds: ['subnet-1'],
  },
});
const HOUR = 3_600_000;
const NOW = 10 * HOUR;

const member = (m: number, state: string, extra: Partial<ObservedCluster> = {}): ObservedCluster => ({
  clusterId: `j-${m}-${state}`,
  member: m,
  market: 'SPOT',
  state,
  createdAtMs: NOW - 2 * HOUR,
  readyAtMs: NOW - 2 * HOUR + 600_000,
  activeSteps: 0,
  ...extra,
});

describe('planClusterGroup', () => {
  it('creates a whole group on Spot when work is queued for it', () => {
    const plan = planClusterGroup({ config, clusters: [], nowMs: NOW, queuedJobs: 4 });
    expect(plan.actions).toEqual(
      [0, 1, 2].map((m) => ({ type: 'launch', member: m, market: 'SPOT', reason: 'missing' })),
    );
    expect(plan.membersAfter).toBe(3);
  });

  it('leaves a group that is down and has no work alone', () => {
    expect(
      planClusterGroup({ config, clusters: [member(0, 'TERMINATED')], nowMs: NOW, queuedJobs: 0 }).actions,
    ).toEqual([]);
  });

  it('replaces a member lost to Spot with an on-demand cluster for a while, then goes back to Spot', () => {
    const lost = member(1, 'TERMINATED_WITH_ERRORS', {
      endedAtMs: NOW - 600_000,
      endReason: 'INSTANCE_FAILURE',
    });
    const clusters = [member(0, 'RUNNING', { activeSteps: 2 }), lost, member(2, 'WAITING')];
    expect(planClusterGroup({ config, clusters, nowMs: NOW, queuedJobs: 0 }).actions).toEqual([
      { type: 'launch', member: 1, market: 'ON_DEMAND', reason: 'replacement' },
    ]);
    const later = planClusterGroup({ config, clusters, nowMs: NOW + 2 * HOUR, queuedJobs: 1 });
    expect(later.actions).toEqual([{ type: 'launch', member: 1, market: 'SPOT', reason: 'replacement' }]);
  });

  it('replaces a member that ended for another reason on Spot', () => {
    const ended = member(2, 'TERMINATED', { endedAtMs: NOW - 60_000, endReason: 'USER_REQUEST' });
    const plan = planClusterGroup({
      config,
      clusters: [member(0, 'RUNNING', { activeSteps: 1 }), member(1, 'RUNNING'), ended],
      nowMs: NOW,
      queuedJobs: 0,
    });
    expect(plan.actions).toEqual([{ type: 'launch', member: 2, market: 'SPOT', reason: 'replacement' }]);
  });

  it('terminates a group idle for the configured time, and not a minute before', () => {
    const idleSince = (ms: number) =>
      [0, 1, 2].map((m) => member(m, 'WAITING', { lastStepEndedAtMs: NOW - ms }));
    expect(
      planClusterGroup({ config, clusters: idleSince(1800_000), nowMs: NOW, queuedJobs: 0 }).actions,
    ).toEqual([
      { type: 'terminate', clusterIds: ['j-0-WAITING', 'j-1-WAITING', 'j-2-WAITING'], reason: 'idle' },
    ]);
    expect(
      planClusterGroup({ config, clusters: idleSince(1740_000), nowMs: NOW, queuedJobs: 0 }).actions,
    ).toEqual([]);
  });

  it('keeps an idle-looking group alive while jobs are queued for it or a step runs', () => {
    const idle = [0, 1, 2].map((m) => member(m, 'WAITING', { lastStepEndedAtMs: NOW - 5 * HOUR }));
    expect(planClusterGroup({ config, clusters: idle, nowMs: NOW, queuedJobs: 1 }).actions).toEqual([]);
    const oneBusy = idle.map((c, i) => (i === 0 ? { ...c, activeSteps: 1 } : c));
    expect(planClusterGroup({ config, clusters: oneBusy, nowMs: NOW, queuedJobs: 0 }).actions).toEqual([]);
  });

  it('launches on-demand only when Spot is switched off', () => {
    const onDemand = { ...config, spot: false };
    expect(
      planClusterGroup({ config: onDemand, clusters: [], nowMs: NOW, queuedJobs: 1 }).actions.every(
        (a) => a.type === 'launch' && a.market === 'ON_DEMAND',
      ),
    ).toBe(true);
  });
});
