/** Task tokens of Step Functions executions waiting for their job's admission, by job id. */
export interface TaskTokenStore {
  put(jobId: string, token: string): Promise<void>;
  /** Removes and returns the token, so only one notifier ever answers it. */
  take(jobId: string): Promise<string | undefined>;
  /** Reads the token without taking it: the reconciler heartbeats waiting executions with it. */
  peek(jobId: string): Promise<string | undefined>;
}

/** Answers a waiting execution: SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat in the cloud. */
export interface TaskTokenNotifier {
  succeed(token: string, output: unknown): Promise<void>;
  fail(token: string, error: string, cause: string): Promise<void>;
  heartbeat(token: string): Promise<void>;
}

export class MemoryTaskTokenStore implements TaskTokenStore {
  private readonly tokens = new Map<string, string>();
  async put(jobId: string, token: string): Promise<void> {
    this.tokens.set(jobId, token);
  }
  async take(jobId: string): Promise<string | undefined> {
    const token = this.tokens.get(jobId);
    this.tokens.delete(jobId);
    return token;
  }
  async peek(jobId: string): Promise<string | undefined> {
    return this.tokens.get(jobId);
  }
}
