import type { TaskTokenNotifier } from '@sluice/scheduler';

interface Waiting {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  heartbeat?: NodeJS.Timeout;
}

/** An error as Step Functions names it, so Retry and Catch match on `name`. */
export function statesError(name: string, cause: string): Error {
  const error = new Error(cause);
  error.name = name;
  return error;
}

/**
 * The task-token side of Step Functions for local executions: a `.waitForTaskToken` task waits on
 * `wait(token)` until SendTaskSuccess / SendTaskFailure (this notifier) answers it, and fails with
 * States.HeartbeatTimeout when no SendTaskHeartbeat comes within the heartbeat. Answering a token
 * that is closed is ignored here; in AWS it is a TaskTimedOut the cloud notifier tolerates.
 */
export class LocalTaskTokens implements TaskTokenNotifier {
  private readonly waiting = new Map<string, Waiting>();
  readonly answered: { token: string; outcome: 'success' | 'failure'; detail: unknown }[] = [];

  constructor(private readonly heartbeatMs?: number) {}

  wait(token: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.set(token, { resolve, reject });
      this.armHeartbeat(token);
    });
  }

  isWaiting(token: string): boolean {
    return this.waiting.has(token);
  }

  async succeed(token: string, output: unknown): Promise<void> {
    const waiting = this.close(token);
    this.answered.push({ token, outcome: 'success', detail: output });
    waiting?.resolve(output);
  }

  async fail(token: string, error: string, cause: string): Promise<void> {
    const waiting = this.close(token);
    this.answered.push({ token, outcome: 'failure', detail: { error, cause } });
    waiting?.reject(statesError(error, cause));
  }

  async heartbeat(token: string): Promise<void> {
    this.armHeartbeat(token);
  }

  /** Ends a wait the execution stopped caring about (its task timed out), as AWS closes the token. */
  close(token: string): Waiting | undefined {
    const waiting = this.waiting.get(token);
    if (waiting?.heartbeat) clearTimeout(waiting.heartbeat);
    this.waiting.delete(token);
    return waiting;
  }

  closeAll(): void {
    for (const token of [...this.waiting.keys()]) this.close(token);
  }

  private armHeartbeat(token: string): void {
    const waiting = this.waiting.get(token);
    if (!waiting || this.heartbeatMs === undefined) return;
    if (waiting.heartbeat) clearTimeout(waiting.heartbeat);
    waiting.heartbeat = setTimeout(() => {
      this.close(token);
      waiting.reject(statesError('States.HeartbeatTimeout', 'no heartbeat within HeartbeatSeconds'));
    }, this.heartbeatMs);
  }
}
