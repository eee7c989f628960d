import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';
import { functionOf, type StageFunctions } from '../lambdas/lambdas';
import { physicalName } from '../naming';

/** The request the reconciler answers by registering each pool that is missing and aligning the quotas of the others. */
export const registerPoolsRequest = (config: StageConfig) => ({
  source: 'sluice.deploy',
  action: 'registerPools',
  pools: config.pools,
});

/**
 * Pools are events like everything else, so the deploy asks the reconciler to record them
 * through the lifecycle rather than writing items itself. Lambda is invoked again whenever the
 * configured pools change; registering is idempotent, and a pool removed from config is left as
 * it is (removal is an operator's decision, made through the API).
 */
export function initialPools(
  config: StageConfig,
  functions: StageFunctions,
  dependsOn: aws.iam.RolePolicy[],
): aws.lambda.Invocation | undefined {
  if (config.pools.length === 0) return undefined;
  return new aws.lambda.Invocation(
    physicalName(config.stage, 'initial-pools'),
    {
      functionName: functionOf(functions, 'reconciler').fn.name,
      input: JSON.stringify(registerPoolsRequest(config)),
    },
    { dependsOn },
  );
}
