import { poolRegisteredSchema } from '@sluice/domain';
import { z } from 'zod';
import { stageDefaults, type Profile } from './stageDefaults';

/** The values CloudWatch Logs accepts for a retention period. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const positiveInt = z.number().int().positive();

const capacitySchema = z.strictObject({
  read: positiveInt,
  write: positiveInt,
  /** With the maxima set, Application Auto Scaling tracks 70 % utilisation between the base and these. */
  maxRead: positiveInt.optional(),
  maxWrite: positiveInt.optional(),
});

/** Pipelines publish as one of these principals (roles, users or whole accounts), through the publisher role. */
const iamPrincipalArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/,
    'must be an IAM role, user or account-root ARN',
  );

const resourceName = z.string().regex(/^[\w.*-]{1,255}$/, 'letters, digits, . _ - and * only');

export const stageConfigSchema = z
  .strictObject({
    stage: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/, 'lower-case letters, digits and -, at most 16'),
    profile: z.enum(['dev', 'prod']),
    billingMode: z.enum(['PAY_PER_REQUEST', 'PROVISIONED']),
    capacity: z.strictObject({ eventStore: capacitySchema, projections: capacitySchema }).optional(),
    deletionProtection: z.boolean(),
    logRetentionDays: z
      .number()
      .refine(
        (days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days),
        `one of ${LOG_RETENTION_DAYS.join(', ')}`,
      ),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']),
    alarms: z.strictObject({
      oldestQueuedJobAgeSeconds: positiveInt,
      dlqDepth: z.number().int().nonnegative(),
      lambdaThrottles: z.number().int().nonnegative(),
      stateMachineFailures: z.number().int().nonnegative(),
      periodSeconds: z.union([z.literal(60), z.literal(300), z.literal(900), z.literal(3600)]),
      evaluationPeriods: positiveInt.max(24),
    }),
    alarmEmail: z.email().optional(),
    publishers: z.array(iamPrincipalArn).max(50),
    pools: z.array(poolRegisteredSchema).max(100),
    api: z.strictObject({ throttleBurst: positiveInt.max(5000), throttleRate: positiveInt.max(10000) }),
    jobManager: z.strictObject({
      /** How long a job may stay queued while its execution waits. Standard executions live a year at most. */
      admissionTimeoutSeconds: positiveInt.max(360 * 24 * 3600),
      /** The reconciler heartbeats waiting executions every 5 minutes; a lost token fails the wait after this. */
      heartbeatSeconds: positiveInt.min(600),
      pollSeconds: positiveInt.max(3600),
      taskTimeoutSeconds: positiveInt.max(900),
    }),
    backends: z.strictObject({
      glueJobs: z.array(resourceName).max(50),
      glueCrawlers: z.array(resourceName).max(50),
      glueConnections: z.array(resourceName).max(50),
      emr: z.boolean(),
      batchJobQueues: z.array(resourceName).max(50),
      batchJobDefinitions: z.array(resourceName).max(50),
    }),
    /** Where the esbuild outputs of packages/api are, one directory per function; relative to infra/. */
    lambdaDistDir: z.string().min(1),
    lambdaMemoryMb: positiveInt.min(128).max(10240),
    reservedConcurrency: z.strictObject({
      scheduler: positiveInt.optional(),
      projector: positiveInt.optional(),
    }),
    tags: z.record(z.string().max(128), z.string().max(256)),
  })
  .superRefine((config, ctx) => {
    if (config.billingMode === 'PROVISIONED' && !config.capacity) {
      ctx.addIssue({
        code: 'custom',
        path: ['capacity'],
        message: 'PROVISIONED billing needs capacity for eventStore and projections',
      });
    }
    if (config.jobManager.heartbeatSeconds > config.jobManager.admissionTimeoutSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['jobManager', 'heartbeatSeconds'],
        message: 'must not exceed admissionTimeoutSeconds',
      });
    }
    const ids = config.pools.map((pool) => pool.poolId);
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate)
      ctx.addIssue({ code: 'custom', path: ['pools'], message: `pool ${duplicate} is listed twice` });
  });

export type StageConfig = z.infer<typeof stageConfigSchema>;
export type InitialPool = StageConfig['pools'][number];

/** Keys read from the `sluice` config namespace; anything else under it is a typo and refused. */
export const CONFIG_KEYS = Object.keys(stageConfigSchema.shape).filter((key) => key !== 'stage');

export class StageConfigError extends Error {
  constructor(stage: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    super(
      `invalid config for stage ${stage}:\n${issues.map((i) => `  sluice:${i.path.map(String).join('.')}: ${i.message}`).join('\n')}`,
    );
    this.name = 'StageConfigError';
  }
}

/**
 * The stage's settings: its profile's defaults, overridden key by key (objects one level deep) by
 * what the stack's config sets. A stack named dev or prod takes that profile; any other name must
 * say which one it follows, so a "production" stack never silently gets dev's settings.
 */
export function parseStageConfig(stage: string, raw: Record<string, unknown>): StageConfig {
  const profileInput = raw.profile ?? (stage === 'dev' || stage === 'prod' ? stage : undefined);
  const profile = z.enum(['dev', 'prod']).safeParse(profileInput);
  if (!profile.success) {
    throw new StageConfigError(stage, [
      { path: ['profile'], message: 'set it to dev or prod for a stack not named dev or prod' },
    ]);
  }
  const merged = mergeOneLevel(
    { ...stageDefaults(profile.data as Profile), stage, profile: profile.data },
    raw,
  );
  const parsed = stageConfigSchema.safeParse(merged);
  if (!parsed.success) throw new StageConfigError(stage, parsed.error.issues);
  return parsed.data;
}

function mergeOneLevel(
  base: Record<string, unknown>,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return out;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
