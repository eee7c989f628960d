import { GlueClient } from '@aws-sdk/client-glue';
import { BackendBusyError, BackendRejectedError } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { awsNetworkError, awsServiceError } from '../../testing/awsFaults';
import { awsClientOptions, createAwsClient } from './awsClientOptions';
import { toStartError } from './awsErrors';

describe('toStartError', () => {
  it.each([
    ['ThrottlingException', 400],
    ['TooManyRequestsException', 400],
    ['RequestLimitExceeded', 400],
    ['SomethingNew', 429],
    ['InternalFailure', 500],
    ['ServiceUnavailable', 503],
  ])('%s (%i) is busy', (name, status) => {
    expect(toStartError('glue', awsServiceError(name, 'm', status))).toBeInstanceOf(BackendBusyError);
  });

  it('busy names are the backend’s own "not now"', () => {
    expect(
      toStartError('glue', awsServiceError('CrawlerRunningException', 'm'), ['CrawlerRunningException']),
    ).toBeInstanceOf(BackendBusyError);
  });

  it('a lost request is busy; any other answer is a refusal with the service message', () => {
    expect(toStartError('glue', awsNetworkError('TimeoutError', 'socket hang up'))).toBeInstanceOf(
      BackendBusyError,
    );
    const refused = toStartError(
      'glue',
      awsServiceError('ValidationException', 'NumberOfWorkers must be at least 2'),
    );
    expect(refused).toBeInstanceOf(BackendRejectedError);
    expect(refused.message).toBe('ValidationException: NumberOfWorkers must be at least 2');
  });

  it('leaves errors that are no AWS answer to the runner’s bounded retries', () => {
    const bug = new TypeError('cannot read properties of undefined');
    expect(toStartError('glue', bug)).toBe(bug);
  });
});

describe('awsClientOptions', () => {
  it('uses adaptive retries on every client', async () => {
    expect(awsClientOptions({ region: 'eu-west-1' })).toEqual({
      region: 'eu-west-1',
      retryMode: 'adaptive',
      maxAttempts: 5,
    });
    const client = createAwsClient(GlueClient, {
      region: 'eu-west-1',
      maxAttempts: 8,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const strategy = await client.config.retryStrategy();
    expect((strategy as { mode?: string }).mode).toBe('adaptive');
    expect(await client.config.maxAttempts()).toBe(8);
    client.destroy();
  });
});
