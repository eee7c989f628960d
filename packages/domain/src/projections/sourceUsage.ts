import type { StoredEvent } from '../events/envelope';
import { DIMENSIONS } from '../vocabulary';
import {
  addResources,
  subtractResources,
  type ResourceVector,
} from '../resources/resourceVector';
import type { Projection } from './projection';

export interface SourceUsage {
  /** Demand of the source's jobs that hold a reservation now. */
  running: ResourceVector;
  /** Exponentially decayed resource-seconds, as of `asOfMs`. */
  decayed: ResourceVector;
  asOfMs: number;
}

export interface SourceUsageState {
  halfLifeSeconds: number;
  sources: Record<string, SourceUsage>;
  /** Which source and demand each reserving job counts against. */
  holders: Record<string, { source: string; demand: ResourceVector }>;
  /** Source of every submitted, not yet finished job (the admission carries only the job id). */
  owners: Record<string, string>;
}

/**
 * Running demand per source and its usage decayed with a half-life, as Slurm's fair-share and
 * Kueue's admission fair sharing use. Time is the events' `recordedAt`, so replay gives the same
 * figures; `usageAt` advances a source's usage to any later instant the scheduler asks about.
 */
export function sourceUsageProjection(options: { halfLifeSeconds: number }): Projection<SourceUsageState> {
  return {
    name: 'sourceUsage',
    initialState: () => ({ halfLifeSeconds: options.halfLifeSeconds, sources: {}, holders: {}, owners: {} }),
    evolve(state, event) {
      applyUsageEvent(state, event);
      return state;
    },
  };
}

export const sourceUsageView = sourceUsageProjection({ halfLifeSeconds: 3600 });

function applyUsageEvent(state: SourceUsageState, event: StoredEvent): void {
  switch (event.type) {
    case 'JobSubmitted':
      state.owners[event.data.jobId] = event.data.source;
      return;
    case 'JobAdmitted': {
      const source = state.owners[event.data.jobId];
      if (source === undefined) return;
      const usage = advance(state, source, Date.parse(event.recordedAt));
      usage.running = addResources(usage.running, event.data.reservation);
      state.holders[event.data.jobId] = { source, demand: event.data.reservation };
      return;
    }
    case 'JobSucceeded':
    case 'JobFailed':
    case 'JobCancelled':
    case 'JobTimedOut': {
      const jobId = event.data.jobId;
      const holder = state.holders[jobId];
      if (holder) {
        const usage = advance(state, holder.source, Date.parse(event.recordedAt));
        usage.running = subtractResources(usage.running, holder.demand);
        delete state.holders[jobId];
      }
      // A failed job may come back through a retry, so only final ends forget the owner.
      if (event.type !== 'JobFailed') delete state.owners[jobId];
      return;
    }
    case 'SharePolicySet':
      // Usage decays with the policy's half-life from the moment the policy says so.
      state.halfLifeSeconds = event.data.halfLifeSeconds;
      return;
    default:
      return;
  }
}

function advance(state: SourceUsageState, source: string, atMs: number): SourceUsage {
  const usage = state.sources[source] ?? { running: {}, decayed: {}, asOfMs: atMs };
  const next = usageAt(usage, state.halfLifeSeconds, atMs);
  state.sources[source] = next;
  return next;
}

/**
 * The usage at `atMs`: decays what was accumulated and adds what the running demand used since,
 * integrated under the same decay. Instants before `asOfMs` leave it unchanged.
 */
export function usageAt(usage: SourceUsage, halfLifeSeconds: number, atMs: number): SourceUsage {
  const elapsed = Math.max(0, (atMs - usage.asOfMs) / 1000);
  if (elapsed === 0) return { ...usage, asOfMs: Math.max(usage.asOfMs, atMs) };
  const lambda = Math.LN2 / halfLifeSeconds;
  const keep = Math.exp(-lambda * elapsed);
  const accrued = (1 - keep) / lambda;
  const decayed: ResourceVector = {};
  for (const d of DIMENSIONS) {
    const value = (usage.decayed[d] ?? 0) * keep + (usage.running[d] ?? 0) * accrued;
    if (value > 0 || usage.decayed[d] !== undefined) decayed[d] = value;
  }
  return { running: usage.running, decayed, asOfMs: atMs };
}
