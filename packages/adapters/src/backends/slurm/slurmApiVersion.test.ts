import { describe, expect, it } from 'vitest';
import { submitBody } from './slurmApiVersion';
import { slurmRunStatus } from './slurmJobState';
import { slurmSpecSchema } from './slurmSpec';

const spec = slurmSpecSchema.parse({
  script: '#!/bin/bash\nexit 0',
  timeLimitMinutes: 7,
  memoryPerNodeMiB: 512,
  environment: { PATH: '/bin' },
});
const context = { name: 'sluice-j-a1', comment: 'c' };

describe('slurmrestd dialects', () => {
  it('v0.0.38 takes the script beside the job, plain limits and an environment map', () => {
    const body = submitBody('v0.0.38', spec, context) as { script: string; job: Record<string, unknown> };
    expect(body.script).toBe(spec.script);
    expect(body.job).toMatchObject({ time_limit: 7, memory_per_node: 512, environment: { PATH: '/bin' } });
    expect(body.job).not.toHaveProperty('script');
  });

  it('v0.0.40 takes the script inside the job, limit triples and NAME=value strings', () => {
    const body = submitBody('v0.0.40', spec, context) as { job: Record<string, unknown> };
    expect(body).not.toHaveProperty('script');
    expect(body.job).toMatchObject({
      script: spec.script,
      time_limit: { set: true, infinite: false, number: 7 },
      environment: ['PATH=/bin'],
    });
  });

  it('reads the exit code out of a v0.0.38 wait status', () => {
    const status = slurmRunStatus({ job_id: 1, job_state: 'FAILED', exit_code: 3 << 8 });
    expect(status).toMatchObject({ state: 'failed' });
    expect(status.state === 'failed' && status.reason).toMatch(/exit code 3\)/);
  });
});
