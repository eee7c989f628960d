import type { z } from 'zod';
import type { jobSubmittedV1Schema } from '../jobEvents';

type JobSubmittedV1 = z.output<typeof jobSubmittedV1Schema>;

/** JobSubmitted v1 -> v2: the single `pool` becomes the one-element `pools` list the scheduler places on. */
export function upcastJobSubmittedV1(data: JobSubmittedV1): unknown {
  const { pool, ...rest } = data;
  return { ...rest, pools: [pool] };
}
