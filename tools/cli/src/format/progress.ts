const WIDTH = 24;

export interface Progress {
  /** `done` of `total`; without a total it counts instead of drawing a bar. */
  update(done: number, total?: number): void;
  finish(summary: string): void;
}

/**
 * A progress bar on stderr, so stdout stays clean for the result. On a terminal it redraws one
 * line at most every 100 ms; elsewhere (logs, tests) only the final line is written.
 */
export function progressOnStderr(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  unit = ' events',
): Progress {
  let last = 0;
  const live = stream.isTTY === true;
  return {
    update(done, total) {
      if (!live) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      stream.write(`\r${label} ${describe(done, total, unit)}\x1b[K`);
    },
    finish(summary) {
      stream.write(`${live ? '\r' : ''}${label} ${summary}${live ? '\x1b[K' : ''}\n`);
    },
  };
}

export function describe(done: number, total?: number, unit = ' events'): string {
  if (total === undefined || total <= 0) return `${done.toLocaleString('en')}${unit}`;
  const fraction = Math.min(1, done / total);
  const filled = Math.round(fraction * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
}
