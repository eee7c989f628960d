import {
  CrawlerRunningException,
  EntityNotFoundException,
  GetCrawlerCommand,
  GlueClient,
  OperationTimeoutException,
  StartCrawlerCommand,
  ThrottlingException,
  type Crawler,
} from '@aws-sdk/client-glue';
import { BackendBusyError, RunNotFoundError } from '@sluice/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { InMemoryKeyValueStore } from '../../stores/dynamodb/keyValue/keyValueStore';
import { TEST_AWS, awsNetworkError } from '../../testing/awsFaults';
import { backendContract } from '../../testing/backendContract';
import { FakeGlue } from '../../testing/fakes/fakeGlue';
import { GlueCrawlerBackend } from './glueCrawlerBackend';

const meta = { $metadata: { httpStatusCode: 400 } };
const request = (jobId: string, attempt = 1, crawlerName = `crawl-${jobId}`) => ({
  jobId,
  attempt,
  backend: 'glue-crawler' as const,
  poolId: 'crawlers',
  spec: { crawlerName },
  demand: { runs: 1 },
});

backendContract('GlueCrawlerBackend (mocked Glue)', () => {
  let now = Date.UTC(2026, 0, 1);
  const fake = new FakeGlue(() => now);
  fake.defineCrawler('crawl-job-probe');
  return {
    backend: new GlueCrawlerBackend({ glue: fake.client, now: () => new Date(now) }),
    request: (jobId: string, attempt?: number) => {
      fake.defineCrawler(`crawl-${jobId}`);
      return request(jobId, attempt);
    },
    probe: {
      poolId: 'crawlers',
      backend: 'glue-crawler' as const,
      config: { crawlerNames: ['crawl-job-probe'] },
    },
    advance: () => {
      now += 60_000;
      fake.advance();
    },
    launchedRuns: (jobId: string) => fake.crawlers.get(`crawl-${jobId}`)?.starts ?? 0,
    refuseNextStart: (kind: 'busy' | 'rejected') =>
      fake.refuseNextStart(
        kind === 'busy'
          ? new CrawlerRunningException({ message: 'Crawler with name x has already started', ...meta })
          : new EntityNotFoundException({ message: 'Crawler entry with name x does not exist', ...meta }),
      ),
    unknownRunId: 'no-such-crawler@2026-01-01T00:00:00.000Z',
    dispose: () => fake.mock.restore(),
  };
});

const MARKER = '2026-01-01T10:00:00.000Z';
const RUN_ID = `raw-orders@${MARKER}`;

function setup() {
  const glue = new GlueClient(TEST_AWS);
  const starts = new InMemoryKeyValueStore();
  return {
    glue,
    mock: mockClient(glue),
    starts,
    backend: new GlueCrawlerBackend({ glue, starts, now: () => new Date(MARKER) }),
  };
}

const crawler = (state: Crawler['State'], lastCrawl?: Crawler['LastCrawl']): { Crawler: Crawler } => ({
  Crawler: { Name: 'raw-orders', State: state, ...(lastCrawl ? { LastCrawl: lastCrawl } : {}) },
});

describe('GlueCrawlerBackend', () => {
  const ours = new Date('2026-01-01T10:00:02Z');
  it.each([
    ['RUNNING', undefined, { state: 'running' }],
    ['STOPPING', undefined, { state: 'running' }],
    ['READY', { Status: 'SUCCEEDED', StartTime: ours }, { state: 'succeeded' }],
    ['READY', { Status: 'CANCELLED', StartTime: ours }, { state: 'cancelled', reason: 'crawl stopped' }],
    [
      'READY',
      { Status: 'FAILED', StartTime: ours, ErrorMessage: 'Internal Service Exception' },
      { state: 'failed', reason: 'Internal Service Exception', retryable: true },
    ],
  ] as const)('maps State %s with LastCrawl %o', async (state, last, expected) => {
    const { mock, backend } = setup();
    mock.on(GetCrawlerCommand, { Name: 'raw-orders' }).resolves(crawler(state, last));
    expect(await backend.status(RUN_ID)).toEqual(expected);
  });

  it('a ready crawler whose last crawl is older than the start shows no run of ours', async () => {
    const { mock, backend } = setup();
    mock
      .on(GetCrawlerCommand)
      .resolves(crawler('READY', { Status: 'SUCCEEDED', StartTime: new Date('2026-01-01T08:00:00Z') }));
    await expect(backend.status(RUN_ID)).rejects.toBeInstanceOf(RunNotFoundError);
  });

  it.each([
    [
      'CrawlerRunningException',
      new CrawlerRunningException({ message: 'Crawler with name raw-orders has already started', ...meta }),
    ],
    ['ThrottlingException', new ThrottlingException({ message: 'Rate exceeded', ...meta })],
    ['OperationTimeoutException', new OperationTimeoutException({ message: 'Timed out', ...meta })],
  ])('%s keeps the job waiting, and the next start tries afresh', async (_name, error) => {
    const { mock, backend } = setup();
    mock.on(StartCrawlerCommand).rejectsOnce(error).resolves({});
    await expect(backend.start(request('j', 1, 'raw-orders'))).rejects.toBeInstanceOf(BackendBusyError);
    expect(await backend.start(request('j', 1, 'raw-orders'))).toEqual({ runId: RUN_ID });
    expect(mock.commandCalls(StartCrawlerCommand)).toHaveLength(2);
  });

  it('after an answerless start with the crawler running, a retry adopts the crawl instead of starting another', async () => {
    const { glue, mock, starts } = setup();
    mock.on(StartCrawlerCommand).rejects(awsNetworkError('TimeoutError', 'socket hang up'));
    mock.on(GetCrawlerCommand).resolves(crawler('RUNNING'));
    const first = new GlueCrawlerBackend({ glue, starts, now: () => new Date(MARKER) });
    await expect(first.start(request('j', 1, 'raw-orders'))).rejects.toThrow();
    // Another process, later, sharing the start records.
    const second = new GlueCrawlerBackend({ glue, starts, now: () => new Date('2026-01-01T10:05:00Z') });
    expect(await second.start(request('j', 1, 'raw-orders'))).toEqual({ runId: RUN_ID });
    expect(mock.commandCalls(StartCrawlerCommand)).toHaveLength(1);
  });
});
