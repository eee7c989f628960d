import { describe, expect, it } from 'vitest';
import { waitHistogram, type ClassifiedWait } from './waitHistogram';

const NOW = new Date('2026-03-02T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const wait = (priorityClass: string, priority: number, waitSeconds: number, at = hoursAgo(1)): ClassifiedWait => ({
  at,
  waitSeconds,
  priorityClass,
  priority,
});

describe('the wait histogram', () => {
  it('counts each class into buckets from seconds to days, highest priority first', () => {
    const histogram = waitHistogram(
      [
        wait('normal', 100, 5),
        wait('normal', 100, 10),
        wait('normal', 100, 11),
        wait('critical', 900, 3_000),
        wait('normal', 100, 2 * 86_400),
        wait('low', 10, 30 * 86_400),
      ],
      { now: NOW, windowSeconds: 86_400 },
    );
    expect(histogram.buckets).toEqual(['≤10s', '≤1m', '≤10m', '≤1h', '≤6h', '≤1d', '≤7d', '>7d']);
    expect(histogram.classes).toEqual([
      { priorityClass: 'critical', counts: [0, 0, 0, 1, 0, 0, 0, 0] },
      { priorityClass: 'normal', counts: [2, 1, 0, 0, 0, 0, 1, 0] },
      { priorityClass: 'low', counts: [0, 0, 0, 0, 0, 0, 0, 1] },
    ]);
  });

  it('counts only the admissions inside the window', () => {
    const histogram = waitHistogram([wait('normal', 100, 5, hoursAgo(2)), wait('normal', 100, 5, hoursAgo(30))], {
      now: NOW,
      windowSeconds: 86_400,
    });
    expect(histogram.classes).toEqual([{ priorityClass: 'normal', counts: [1, 0, 0, 0, 0, 0, 0, 0] }]);
    expect(waitHistogram([wait('normal', 100, 5, hoursAgo(30))], { now: NOW, windowSeconds: 86_400 }).classes).toEqual([]);
  });

  it('refuses a window that is not positive and an admission time that is not ISO', () => {
    expect(() => waitHistogram([], { now: NOW, windowSeconds: 0 })).toThrow(/wait window must be a positive number of seconds, not 0/);
    expect(() => waitHistogram([wait('normal', 100, 5, 'yesterday')], { now: NOW, windowSeconds: 60 })).toThrow(
      /admission time yesterday is not an ISO time/,
    );
  });
});
