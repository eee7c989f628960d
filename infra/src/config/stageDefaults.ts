export type Profile = 'dev' | 'prod';

/**
 * What a stage gets unless its stack config says otherwise. dev is cheap and disposable; prod is
 * protected against deletion, keeps logs a year, and pays for provisioned capacity that scales,
 * because its load is steady enough for that to cost less than on-demand.
 */
export function stageDefaults(profile: Profile): Record<string, unknown> {
  const common = {
    logLevel: 'info',
    publishers: [],
    pools: [],
    backends: {
      glueJobs: [],
      glueCrawlers: [],
      glueConnections: [],
      emr: false,
      batchJobQueues: [],
      batchJobDefinitions: [],
    },
    lambdaDistDir: 'dist/functions',
    lambdaMemoryMb: 512,
    reservedConcurrency: {},
    tags: {},
  };
  if (profile === 'prod') {
    return {
      ...common,
      billingMode: 'PROVISIONED',
      capacity: {
        eventStore: { read: 25, write: 50, maxRead: 400, maxWrite: 800 },
        projections: { read: 10, write: 10, maxRead: 200, maxWrite: 200 },
      },
      deletionProtection: true,
      logRetentionDays: 365,
      alarms: {
        oldestQueuedJobAgeSeconds: 1800,
        dlqDepth: 0,
        lambdaThrottles: 0,
        stateMachineFailures: 5,
        periodSeconds: 300,
        evaluationPeriods: 1,
      },
      api: { throttleBurst: 500, throttleRate: 200 },
      jobManager: {
        admissionTimeoutSeconds: 7 * 24 * 3600,
        heartbeatSeconds: 1800,
        pollSeconds: 60,
        taskTimeoutSeconds: 120,
      },
      // Few schedulers at once keep admission conflicts, and the replans they cost, rare.
      reservedConcurrency: { scheduler: 2 },
    };
  }
  return {
    ...common,
    logLevel: 'debug',
    billingMode: 'PAY_PER_REQUEST',
    deletionProtection: false,
    logRetentionDays: 14,
    alarms: {
      oldestQueuedJobAgeSeconds: 3600,
      dlqDepth: 0,
      lambdaThrottles: 10,
      stateMachineFailures: 20,
      periodSeconds: 300,
      evaluationPeriods: 2,
    },
    api: { throttleBurst: 50, throttleRate: 20 },
    jobManager: {
      admissionTimeoutSeconds: 24 * 3600,
      heartbeatSeconds: 1800,
      pollSeconds: 30,
      taskTimeoutSeconds: 120,
    },
  };
}
