import { describe, expect, it } from 'vitest';
import { submissionOf } from './submit';

const flags = {
  source: 'ingest-team',
  dataset: 'orders',
  class: 'normal',
  backend: 'glue',
  pools: 'glue-prod',
  demand: 'runs=1',
};

describe('sluice submit --timeout', () => {
  it('sends the time limit as timeoutSeconds, and nothing when the flag is not given', () => {
    expect(submissionOf({ ...flags, timeout: '3600' })).toMatchObject({ timeoutSeconds: 3600 });
    expect(submissionOf(flags)).not.toHaveProperty('timeoutSeconds');
  });

  it('refuses a limit the API would refuse, as a usage error naming the flag and its bounds', () => {
    for (const timeout of ['0', '1.5', 'an hour', String(7 * 86_400 + 1)]) {
      expect(() => submissionOf({ ...flags, timeout }), timeout).toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: '--timeout must be a whole number from 1 to 604800',
        }),
      );
    }
  });
});
