import {
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { TaskTokenNotifier } from '@sluice/scheduler';
import { awsErrorName, isAwsError } from '../aws/awsErrors';

/** Errors meaning the waiting task is gone (timed out, answered, its execution stopped). */
const TASK_OVER = ['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist'];
/** SendTaskFailure's limits on `error` and `cause`. */
const ERROR_LIMIT = 256;
const CAUSE_LIMIT = 32_768;

/**
 * Answers Step Functions tasks that wait on Sluice (SendTaskSuccess / SendTaskFailure /
 * SendTaskHeartbeat). Every answer may be repeated: a task that already timed out or was already
 * answered is reported as over instead of failing the caller, so a retried Lambda is harmless.
 */
export class StepFunctionsTaskTokenNotifier implements TaskTokenNotifier {
  constructor(
    private readonly options: {
      client: SFNClient;
      /** Told when an answer found its task already over, for logs and metrics. */
      onTaskOver?: (token: string, reason: string) => void;
    },
  ) {}

  succeed(token: string, output: unknown): Promise<void> {
    return this.send(
      token,
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output ?? {}) }),
    );
  }

  fail(token: string, error: string, cause: string): Promise<void> {
    return this.send(
      token,
      new SendTaskFailureCommand({
        taskToken: token,
        error: error.slice(0, ERROR_LIMIT),
        cause: cause.slice(0, CAUSE_LIMIT),
      }),
    );
  }

  heartbeat(token: string): Promise<void> {
    return this.send(token, new SendTaskHeartbeatCommand({ taskToken: token }));
  }

  private async send(
    token: string,
    command: SendTaskSuccessCommand | SendTaskFailureCommand | SendTaskHeartbeatCommand,
  ): Promise<void> {
    try {
      // The three commands share no `send` overload; each is a valid SFN command.
      await this.options.client.send(command as SendTaskSuccessCommand);
    } catch (error) {
      if (!isAwsError(error, ...TASK_OVER)) throw error;
      this.options.onTaskOver?.(token, awsErrorName(error));
    }
  }
}
