import { readFileSync } from 'node:fs';
import { parseSwf } from '../swf/parseSwf';
import { swfWorkload } from '../swf/swfWorkload';
import { syntheticDataLake } from '../synthetic/generateDataLake';
import type { Workload } from '@sluice/scheduler';

export const FIXTURE_PATH = new URL('../fixtures/sample.swf', import.meta.url);

export function fixtureWorkload(): Workload {
  return swfWorkload(parseSwf(readFileSync(FIXTURE_PATH, 'utf8')), { name: 'sample.swf' });
}

/** A few hundred data-lake jobs on pools shrunk to a sixth or so: queues build up within minutes. */
export function contendedSlice(seed = 1, jobs = 300): Workload {
  return syntheticDataLake({ seed, jobs, capacityScale: 0.15 });
}
