import type { JobSummary, JobViewState, PoolState } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { queueDepthSeries } from './queueDepth';
import { utilizationSeries } from './utilization';

const at = (minute: number) => `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`;

function job(jobId: string, priorityClass: string, demand: JobSummary['demand'], timeline: [number, string, string?][]): JobSummary {
  return {
    jobId,
    status: 'queued',
    source: 'analytics',
    dataset: 'sales',
    priorityClass,
    priority: 100,
    demand,
    backend: 'emr',
    pools: ['emr-main'],
    attempt: 1,
    submittedAt: at(timeline[0]![0]),
    updatedAt: at(timeline.at(-1)![0]),
    cancelRequested: false,
    timeline: timeline.map(([minute, type, detail], i) => ({ at: at(minute), type, version: i + 1, position: minute * 10 + i, ...(detail ? { detail } : {}) })),
  };
}

const jobs: JobViewState = {
  jobs: {
    a: job('a', 'normal', { vcpu: 16, runs: 1 }, [[0, 'JobSubmitted'], [2, 'JobAdmitted', 'to emr-main: fits'], [5, 'JobSucceeded']]),
    b: job('b', 'high', { vcpu: 32, runs: 1 }, [[1, 'JobSubmitted'], [2, 'JobAdmitted', 'to emr-main: fits']]),
    c: job('c', 'normal', { vcpu: 8 }, [[3, 'JobSubmitted'], [4, 'JobCancelled']]),
  },
};
const pools = { 'emr-main': { poolId: 'emr-main', capacity: { vcpu: 64, runs: 2 } } as unknown as PoolState };

describe('the charts over time', () => {
  it('counts queued jobs per class after every change, instants shared by every series', () => {
    expect(queueDepthSeries(jobs, 100)).toEqual({
      times: [at(0), at(1), at(2), at(3), at(4)],
      series: [
        { label: 'high', values: [0, 1, 0, 0, 0] },
        { label: 'normal', values: [1, 1, 0, 1, 0] },
      ],
    });
  });

  it('keeps only the newest points', () => {
    expect(queueDepthSeries(jobs, 2).times).toEqual([at(3), at(4)]);
  });

  it('shows each pool dimension as the share of its capacity reserved', () => {
    expect(utilizationSeries(jobs, pools, 100)).toEqual({
      times: [at(2), at(5)],
      series: [
        { label: 'emr-main runs', values: [1, 0.5] },
        { label: 'emr-main vcpu', values: [0.75, 0.5] },
      ],
    });
  });
});
