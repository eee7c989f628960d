import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import { serviceTrustPolicy } from '../iam/policyDocument';
import { physicalName } from '../naming';
import { lambdaBundleDir } from '../paths';
import { FUNCTION_NAMES, FUNCTION_SPECS, type FunctionName } from '../functions/catalog';

export interface StageFunction {
  name: FunctionName;
  role: aws.iam.Role;
  fn: aws.lambda.Function;
  logGroup: aws.cloudwatch.LogGroup;
}

export type StageFunctions = Map<FunctionName, StageFunction>;

/**
 * Node 20 reaches end of life in April 2026 and the AWS SDK v3 needs Node >= 22 from January 2027,
 * so the functions run on 22. Their bundles keep a node20 syntax target (bundleFunctions.ts) so the
 * same output also runs on the Node 20 used locally and in CI.
 */
const LAMBDA_RUNTIME = 'nodejs22.x';

/**
 * One function per handler, each with its own role and log group. The roles start empty: their
 * policies are attached once every resource they name exists (see functionPolicies.ts).
 * The bundles are referenced by path only; Pulumi reads them at deploy, never at import.
 */
export function stageFunctions(
  config: StageConfig,
  environment: (name: FunctionName) => Record<string, pulumi.Input<string>>,
): StageFunctions {
  const functions: StageFunctions = new Map();
  for (const name of FUNCTION_NAMES) {
    const spec = FUNCTION_SPECS[name];
    const functionName = physicalName(config.stage, name);
    // Created up front with the stage's retention, so Lambda never makes one that keeps logs forever.
    const logGroup = new aws.cloudwatch.LogGroup(`${functionName}-logs`, {
      name: `/aws/lambda/${functionName}`,
      retentionInDays: config.logRetentionDays,
      tags: config.tags,
    });
    const role = new aws.iam.Role(`${functionName}-role`, {
      name: functionName,
      assumeRolePolicy: JSON.stringify(serviceTrustPolicy('lambda.amazonaws.com')),
      description: `Sluice ${config.stage} ${name}: only what its code calls`,
      tags: config.tags,
    });
    const reserved = config.reservedConcurrency[name as keyof StageConfig['reservedConcurrency']];
    const fn = new aws.lambda.Function(
      functionName,
      {
        name: functionName,
        description: spec.description,
        role: role.arn,
        runtime: LAMBDA_RUNTIME,
        architectures: ['arm64'],
        handler: 'index.handler',
        code: new pulumi.asset.FileArchive(lambdaBundleDir(config.lambdaDistDir, name)),
        memorySize: config.lambdaMemoryMb,
        timeout: spec.timeoutSeconds,
        ...(reserved ? { reservedConcurrentExecutions: reserved } : {}),
        environment: { variables: environment(name) },
        loggingConfig: {
          logFormat: 'JSON',
          logGroup: logGroup.name,
          applicationLogLevel: config.logLevel.toUpperCase(),
          systemLogLevel: 'WARN',
        },
        tags: { ...config.tags, 'sluice:stage': config.stage, 'sluice:function': name },
      },
      { dependsOn: [logGroup] },
    );
    functions.set(name, { name, role, fn, logGroup });
  }
  return functions;
}

export function functionOf(functions: StageFunctions, name: FunctionName): StageFunction {
  const found = functions.get(name);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}
