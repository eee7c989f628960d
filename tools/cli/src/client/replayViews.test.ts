import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allViews, replayAsOf, type StoredEvent } from '@sluice/domain';
import { LocalClient } from './localClient';
import { replayViews } from '@sluice/scheduler';
import { seedStore, type Seeded } from '../testing/seededStore';

describe('replayViews', () => {
  let seeded: Seeded;
  let client: LocalClient;
  let events: StoredEvent[];
  beforeAll(async () => {
    seeded = await seedStore();
    client = new LocalClient(seeded.dir);
    events = await seeded.events();
  });
  afterAll(async () => {
    await client.close();
    seeded.remove();
  });

  it('gives the views as replayAsOf does at every recorded instant', async () => {
    for (const until of [...new Set(events.map((e) => e.recordedAt))]) {
      const replay = await replayViews(client, { until });
      expect(replay.views, until).toEqual(replayAsOf(allViews(), events, until));
      expect(replay.read).toBe(events.length);
    }
  });

  it('replays one stream only, reporting progress against its length', async () => {
    const seen: [number, number | undefined][] = [];
    const replay = await replayViews(client, { stream: 'job-job-a', onProgress: (read, total) => seen.push([read, total]) });
    expect(replay.views.jobs.jobs['job-a']?.status).toBe('succeeded');
    expect(Object.keys(replay.views.jobs.jobs)).toEqual(['job-a']);
    expect(seen).toEqual([[4, 4]]);
  });
});
