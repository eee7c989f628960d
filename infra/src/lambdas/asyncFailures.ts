import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';
import type { DlqName } from '../data/deadLetterQueues';
import { physicalName } from '../naming';
import { FUNCTION_NAMES, FUNCTION_SPECS, type FunctionName } from '../functions/catalog';
import { functionOf, type StageFunctions } from './lambdas';

/**
 * Asynchronous invocations (the schedules') that still fail after Lambda's retries are sent to
 * the function's dead-letter queue as an on-failure destination, which keeps the request and the
 * error, unlike a plain DLQ.
 */
export function asyncFailureDestinations(
  config: StageConfig,
  functions: StageFunctions,
  dlqs: Map<DlqName, aws.sqs.Queue>,
  policies: Map<FunctionName, aws.iam.RolePolicy>,
): aws.lambda.FunctionEventInvokeConfig[] {
  return FUNCTION_NAMES.filter((name) => FUNCTION_SPECS[name].asyncInvoked).map(
    (name) =>
      new aws.lambda.FunctionEventInvokeConfig(
        physicalName(config.stage, `${name}-async`),
        {
          functionName: functionOf(functions, name).fn.name,
          maximumRetryAttempts: name === 'scheduler' ? 0 : 2,
          maximumEventAgeInSeconds: 900,
          destinationConfig: { onFailure: { destination: dlqs.get(name)!.arn } },
        },
        { dependsOn: [policies.get(name)!] },
      ),
  );
}
