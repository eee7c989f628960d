import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { lambdaLogger, withLambdaLogging } from './lambdaLogger';

/** The JSON lines Powertools wrote (errors and warnings go to stderr) while `run` ran. */
async function loggedLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const writes = [process.stdout, process.stderr].map((stream) => vi.spyOn(stream, 'write').mockImplementation(capture));
  try {
    await run();
  } finally {
    for (const write of writes) write.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const context = { functionName: 'sluice-dev-api', awsRequestId: 'aws-req-1' } as Context;

describe('the Lambda logger', () => {
  it('writes the fields, the correlation id and the cold start on each line', async () => {
    // Powertools counts cold starts only where Lambda says the environment started on demand.
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const powertools = new PowertoolsLogger({ serviceName: 'sluice' });
    const logger = lambdaLogger('info', powertools);
    const handler = withLambdaLogging(async (_event: unknown) => logger.info({ position: 7 }, 'views saved'), powertools);

    const [first] = await loggedLines(() => handler({ requestContext: { requestId: 'gw-1' } }, context));
    expect(first).toMatchObject({
      level: 'INFO',
      message: 'views saved',
      service: 'sluice',
      position: 7,
      correlation_id: 'gw-1',
      cold_start: true,
      function_name: 'sluice-dev-api',
      function_request_id: 'aws-req-1',
    });
    const [second] = await loggedLines(() => handler({ correlationId: 'job-42' }, context));
    expect(second).toMatchObject({ correlation_id: 'job-42', cold_start: false });
    const [third] = await loggedLines(() => handler({}, context));
    expect(third).not.toHaveProperty('correlation_id');
    vi.unstubAllEnvs();
  });

  it('logs errors with their message and keeps to the configured level', async () => {
    const powertools = new PowertoolsLogger({ serviceName: 'sluice' });
    const logger = lambdaLogger('warn', powertools);
    const lines = await loggedLines(async () => {
      logger.info({ skipped: true }, 'below the level');
      logger.error({ err: new Error('table missing') }, 'projector could not catch up');
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'ERROR', err: { message: 'table missing' } });
  });

  it('refuses a log level Powertools does not know', () => {
    expect(() => lambdaLogger('loud', new PowertoolsLogger())).toThrow(/Invalid log level: LOUD/);
  });
});
