import type { StoredEvent } from '../events/envelope';
import { capacityView, type CapacityViewState } from './capacityView';
import { jobView, type JobViewState } from './jobView';
import type { Projection } from './projection';
import { queueView, type QueueViewState } from './queueView';
import { sourceUsageProjection, type SourceUsageState } from './sourceUsage';
import { defaultSharePolicy, evolveSharePolicy } from '../policy/sharePolicy';
import type { SharePolicySetData } from '../events/policyEvents';
import { templateView, type TemplateViewState } from './templateView';
import { runHistoryView, type RunHistoryState } from './runHistory';

export const sharePolicyView: Projection<SharePolicySetData> = {
  name: 'policy',
  initialState: defaultSharePolicy,
  evolve: (state, event) => evolveSharePolicy(state, event),
};

export interface Views {
  queue: QueueViewState;
  capacity: CapacityViewState;
  jobs: JobViewState;
  usage: SourceUsageState;
  policy: SharePolicySetData;
  templates: TemplateViewState;
  /** Past run durations, what estimates are learned from. */
  runs: RunHistoryState;
}

/** Every view Sluice keeps, as one projection, so one pass over the feed builds them all. */
export function allViews(options: { halfLifeSeconds?: number } = {}): Projection<Views> {
  const usage = sourceUsageProjection({ halfLifeSeconds: options.halfLifeSeconds ?? 3600 });
  return {
    name: 'views',
    initialState: () => ({
      queue: queueView.initialState(),
      capacity: capacityView.initialState(),
      jobs: jobView.initialState(),
      usage: usage.initialState(),
      policy: sharePolicyView.initialState(),
      templates: templateView.initialState(),
      runs: runHistoryView.initialState(),
    }),
    evolve(state: Views, event: StoredEvent): Views {
      state.queue = queueView.evolve(state.queue, event);
      state.capacity = capacityView.evolve(state.capacity, event);
      state.jobs = jobView.evolve(state.jobs, event);
      state.usage = usage.evolve(state.usage, event);
      state.policy = sharePolicyView.evolve(state.policy, event);
      state.templates = templateView.evolve(state.templates, event);
      state.runs = runHistoryView.evolve(state.runs, event);
      return state;
    },
  };
}
