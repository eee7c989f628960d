import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventBuilder } from '@sluice/domain/testing';
import { eventStoreContract } from '@sluice/domain/testing/eventStoreContract';
import { SqliteEventStore } from './sqliteEventStore';

function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-sqlite-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

eventStoreContract('SqliteEventStore', async () => {
  const { dir, remove } = tempDir();
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  return {
    store,
    dispose: async () => {
      await store.close();
      remove();
    },
  };
});

describe('SqliteEventStore on disk', () => {
  it('keeps what it acknowledged across a reopen, and two handles on one file share one guard', async () => {
    const { dir, remove } = tempDir();
    const file = join(dir, 'events.db');
    const b = eventBuilder();
    const first = new SqliteEventStore({ filename: file });
    const second = new SqliteEventStore({ filename: file });
    await first.appendToStream('pool-p', [b.poolRegistered('p')], { expectedVersion: 'noStream' });
    await expect(
      second.appendToStream('pool-p', [b.poolRegistered('p')], { expectedVersion: 'noStream' }),
    ).rejects.toMatchObject({ code: 'Concurrency', actual: 1 });
    await first.close();
    await second.close();
    const reopened = new SqliteEventStore({ filename: file });
    expect((await reopened.readStream('pool-p')).currentVersion).toBe(1);
    await reopened.close();
    remove();
  });
});
