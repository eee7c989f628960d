import type { SeededRandom } from '@sluice/scheduler';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** The 02:00 wave: nightly loads start when the upstream extracts land. */
export const NIGHTLY_WAVE_START = 2 * HOUR;

/** Relative submission rate by hour for work people start by hand or by hourly schedules. */
const DAYTIME_PROFILE = [
  0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 1.0, 1.6, 2.0, 2.0, 1.8, 1.4, 1.8, 2.0, 1.9, 1.7, 1.4, 1.0, 0.8, 0.6,
  0.5, 0.4, 0.3,
];

export type ArrivalKind = 'nightly' | 'hourly' | 'adhoc';
export const ARRIVAL_KIND_MIX: Record<ArrivalKind, number> = { nightly: 0.3, hourly: 0.3, adhoc: 0.4 };

/**
 * Seconds into a day at which a job is submitted. Scheduled work lands on the clock: many nightly
 * jobs at 02:00:00 exactly and the rest within the next half hour, hourly schedules a minute or two
 * after the hour; ad hoc work follows the working day.
 */
export function secondOfDay(kind: ArrivalKind, random: SeededRandom): number {
  switch (kind) {
    case 'nightly':
      return (
        NIGHTLY_WAVE_START + (random.next() < 0.4 ? 0 : Math.floor(random.next() * random.next() * 1800))
      );
    case 'hourly':
      return random.weightedIndex(DAYTIME_PROFILE) * HOUR + Math.floor(random.next() * 120);
    case 'adhoc':
      return Math.min(
        DAY - 1,
        random.weightedIndex(DAYTIME_PROFILE) * HOUR + Math.floor(random.next() * HOUR),
      );
  }
}

export const SECONDS_PER_DAY = DAY;
