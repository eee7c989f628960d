import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import type { GenericFormatter, Params, SingleBar as Bar, ValueFormatter } from 'cli-progress';

// cli-progress is CommonJS that Node cannot give named ES exports for, so it is required.
const { Format, SingleBar } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;

export interface Progress {
  /** `done` of `total`; without a total it counts instead of drawing a bar. */
  update(done: number, total?: number): void;
  finish(summary: string): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** What is counted, after the number: ' events', 's elapsed'. */
  unit?: string;
  /** Whether a rate per second means anything for what is counted (elapsed seconds: no). */
  rate?: boolean;
}

/**
 * A progress bar on stderr, so stdout stays clean for the result. On a terminal cli-progress
 * redraws one line (bar, rate and ETA when the total is known; count and rate otherwise);
 * elsewhere (logs, tests) only the final line is written.
 */
export function progressOnStderr(label: string, options: ProgressOptions = {}): Progress {
  const { stream = process.stderr, unit = ' events', rate = true } = options;
  const live = stream.isTTY === true;
  let bar: Bar | undefined;
  return {
    update(done, total) {
      if (!live) return;
      // The line's shape depends on whether a total is known, which only the first update tells.
      bar ??= startBar(stream, progressFormat(label, unit, rate, total), total);
      if (total !== undefined && total > 0 && total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done);
    },
    finish(summary) {
      bar?.stop();
      stream.write(`${label} ${summary}\n`);
    },
  };
}

/** The cli-progress format of one line: placeholders in braces, filled on every redraw. */
export function progressFormat(label: string, unit: string, rate: boolean, total?: number): GenericFormatter {
  const perSecond = rate ? ` | {rate}${unit}/s` : '';
  const line =
    total !== undefined && total > 0
      ? `${label} [{bar}] {percentage}% {value}/{total}${perSecond} | ETA {eta_formatted}`
      : `${label} {value}${unit}${perSecond}`;
  return (options, params, payload) =>
    Format.Formatter({ ...options, format: line }, params, { ...payload, rate: ratePerSecond(params, Date.now()) });
}

/** Items per second since the bar started, rounded for reading. */
export function ratePerSecond(params: Pick<Params, 'value' | 'startTime'>, now: number): string {
  const seconds = (now - params.startTime) / 1000;
  return seconds <= 0 ? '0' : Math.round(params.value / seconds).toLocaleString('en');
}

/** Thousands separators on the counts; the rest as cli-progress formats it. */
const formatValue: ValueFormatter = (value, options, type) =>
  type === 'value' || type === 'total' ? value.toLocaleString('en') : Format.ValueFormat(value, options, type);

/**
 * cli-progress redraws on its own timer. It is unref'd so a command that fails before finish()
 * still exits on its own once its work is done, which runAction relies on.
 */
class DetachedBar extends SingleBar {
  override render(): void {
    super.render();
    (this as unknown as { timer?: NodeJS.Timeout | null }).timer?.unref();
  }
}

function startBar(stream: NodeJS.WriteStream, format: GenericFormatter, total?: number): Bar {
  const bar = new DetachedBar({
    stream,
    format,
    formatValue,
    barsize: 24,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    clearOnComplete: true,
    hideCursor: true,
    linewrap: true,
  });
  // Without a total the bar is never drawn; cli-progress still needs one to count against.
  bar.start(total !== undefined && total > 0 ? total : Number.MAX_SAFE_INTEGER, 0);
  return bar;
}
