import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqliteEventStore';

const appendLoop = resolve(import.meta.dirname, '../../testing/appendLoop.ts');

/** Starts an appender, kills it with SIGKILL once it has acknowledged `killAfter` appends. */
function runAndKill(file: string, workerId: number, killAfter: number): Promise<string[][]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', appendLoop, file, String(workerId)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[][] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) acked.push(line.split(','));
      if (acked.length >= killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? done(acked) : fail(new Error(`appender exited on its own: ${stderr}`)),
    );
  });
}

describe('SqliteEventStore crash safety', () => {
  it('keeps every acknowledged append and no half-written one after SIGKILL mid-loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-crash-'));
    const file = join(dir, 'events.db');
    const acked = (await Promise.all([runAndKill(file, 1, 300), runAndKill(file, 2, 200)])).flat();
    expect(acked.length).toBeGreaterThanOrEqual(500);

    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = new SqliteEventStore({ filename: file });
    const recorded = new Map<string, number>();
    let after = 0;
    for (;;) {
      const page = await store.readAll({ after, limit: 5000 });
      for (const e of page.events) recorded.set(e.eventId, e.version);
      after = page.lastPosition;
      if (page.isEnd) break;
    }
    for (const batch of acked) for (const id of batch) expect(recorded.has(id)).toBe(true);

    // Nothing half-written: every stream is contiguous from 1 to its head, and every append is whole.
    const streams = new Set<string>();
    for (const workerId of [1, 2]) for (let s = 0; s < 5; s++) streams.add(`pool-w${workerId}-${s}`);
    for (const streamId of streams) {
      const { events, currentVersion } = await store.readStream(streamId);
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: currentVersion }, (_, i) => i + 1));
    }
    // Append i wrote 1 + (i % 4) events tagged observed.runs = i: each one is there whole or not at all.
    const batchSizes = new Map<string, number>();
    for (const e of (await store.readAll({ limit: 1_000_000 })).events) {
      const runs = (e.data as { observed: { runs: number } }).observed.runs;
      const key = `${e.streamId}#${runs}`;
      batchSizes.set(key, (batchSizes.get(key) ?? 0) + 1);
    }
    for (const [key, size] of batchSizes) expect(size, key).toBe(1 + (Number(key.split('#')[1]) % 4));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
