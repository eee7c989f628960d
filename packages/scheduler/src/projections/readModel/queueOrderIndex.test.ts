import { orderedQueue, queueView, type QueueViewState } from '@sluice/domain';
import { eventLog, interpretWorkload, workloadStepArbitrary } from '@sluice/domain/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueOrderIndex } from './queueOrderIndex';

describe('QueueOrderIndex', () => {
  it('gives every queued job the position the queue order gives it, after any history', () => {
    fc.assert(
      fc.property(
        fc.array(workloadStepArbitrary(), { minLength: 1, maxLength: 150 }),
        fc.nat(),
        (steps, buildAt) => {
          const log = eventLog();
          let queue: QueueViewState = queueView.initialState();
          const index = new QueueOrderIndex();
          let applied = 0;
          for (const batch of interpretWorkload(steps)) {
            for (const append of batch.appends) {
              for (const event of log.record(append.streamId, append.events, batch.at)) {
                queue = queueView.evolve(queue, event);
                if (event.streamId.startsWith('job-'))
                  index.touched((event.data as { jobId: string }).jobId, queue);
                // The index may be first used at any point of the history, as after a restart.
                if (++applied === buildAt % 50) index.positionOf('none', queue);
              }
            }
          }
          const expected = orderedQueue(queue).map((job) => [job.jobId, job.position]);
          expect(expected.map(([jobId]) => [jobId, index.positionOf(jobId as string, queue)])).toEqual(
            expected,
          );
          expect(index.positionOf('not-queued', queue)).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });
});
