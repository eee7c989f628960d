import {
  GetCrawlerCommand,
  StartCrawlerCommand,
  StopCrawlerCommand,
  type GlueClient,
} from '@aws-sdk/client-glue';
import {
  type BackendPort,
  type PoolCapacityReportedData,
  type PoolProbe,
  type RunStatus,
  type StartRequest,
  RunNotFoundError,
} from '@sluice/domain';
import { randomUUID } from 'node:crypto';
import { isAwsError, isServiceAnswer, toStartError } from '../aws/awsErrors';
import { InMemoryKeyValueStore, type KeyValueStore } from '../../stores/dynamodb/keyValue/keyValueStore';
import { parseBackendInput } from '../specParsing';
import { crawlRunStatus } from './crawlerRunStatus';
import { glueCrawlerPoolSchema, glueCrawlerSpecSchema } from './glueSpec';

const BACKEND = 'glue-crawler';
const BUSY = [
  'CrawlerRunningException',
  'ThrottlingException',
  'OperationTimeoutException',
  'SchedulerTransitioningException',
];
const DEFAULT_SKEW_MS = 60_000;

export interface GlueCrawlerBackendOptions {
  glue: GlueClient;
  /**
   * Where each (jobId, attempt)'s crawl is recorded before StartCrawler is called: a crawl cannot
   * be tagged, so this record is what makes a retried start adopt the crawl instead of starting
   * another. Use a durable store (DynamoKeyValueStore) when several processes start crawlers.
   */
  starts?: KeyValueStore;
  now?: () => Date;
  /** How far our clock may run ahead of Glue's when matching a crawl to its start. */
  clockSkewMs?: number;
}

const runIdOf = (record: string) => record.slice(0, record.lastIndexOf('#'));

/** `<crawler name>@<ISO time the start was requested>`: a crawler runs one crawl at a time. */
function splitRunId(runId: string): { crawlerName: string; markerMs: number } {
  const at = runId.lastIndexOf('@');
  return { crawlerName: runId.slice(0, at), markerMs: Date.parse(runId.slice(at + 1)) };
}

/**
 * Glue crawlers. A crawler runs once at a time and StartCrawler is throttled hard, so "already
 * running" and throttling are "not now" (the job keeps waiting), never a failure.
 */
export class GlueCrawlerBackend implements BackendPort {
  readonly backend = BACKEND;
  private readonly starts: KeyValueStore;

  constructor(private readonly options: GlueCrawlerBackendOptions) {
    this.starts = options.starts ?? new InMemoryKeyValueStore();
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    const { crawlerName } = parseBackendInput(BACKEND, 'spec', glueCrawlerSpecSchema, request.spec);
    const key = `crawl:${request.jobId}:${request.attempt}`;
    const earlier = await this.starts.get(key);
    if (earlier) return { runId: runIdOf(earlier) };
    const runId = `${crawlerName}@${(this.options.now?.() ?? new Date()).toISOString()}`;
    // The nonce tells our record from one a concurrent start of the same attempt wrote.
    const record = `${runId}#${randomUUID()}`;
    const recorded = await this.starts.putIfAbsent(key, record);
    if (recorded !== record) return { runId: runIdOf(recorded) };
    try {
      await this.options.glue.send(new StartCrawlerCommand({ Name: crawlerName }));
      return { runId };
    } catch (error) {
      // Refused by Glue, or lost on the way with the crawler still idle: no crawl started, so the
      // retry may start one. A lost request with the crawler running keeps the record.
      if (isServiceAnswer(error) || !(await this.isRunning(crawlerName)))
        await this.starts.delete(key, { ifValue: record });
      throw toStartError(BACKEND, error, BUSY);
    }
  }

  private async isRunning(crawlerName: string): Promise<boolean> {
    const out = await this.options.glue
      .send(new GetCrawlerCommand({ Name: crawlerName }))
      .catch(() => undefined);
    // Unknown: keep the record, so a crawl that did start is never started twice.
    return out === undefined || out.Crawler?.State !== 'READY';
  }

  async status(runId: string): Promise<RunStatus> {
    const { crawlerName, markerMs } = splitRunId(runId);
    let crawler;
    try {
      crawler = (await this.options.glue.send(new GetCrawlerCommand({ Name: crawlerName }))).Crawler;
    } catch (error) {
      if (isAwsError(error, 'EntityNotFoundException'))
        throw new RunNotFoundError(BACKEND, runId, 'no such crawler');
      throw error;
    }
    const status = crawler && crawlRunStatus(crawler, markerMs, this.options.clockSkewMs ?? DEFAULT_SKEW_MS);
    if (!status) throw new RunNotFoundError(BACKEND, runId, 'the crawler shows no crawl since the start');
    return status;
  }

  async cancel(runId: string): Promise<void> {
    const { crawlerName } = splitRunId(runId);
    try {
      await this.options.glue.send(new StopCrawlerCommand({ Name: crawlerName }));
    } catch (error) {
      if (isAwsError(error, 'CrawlerNotRunningException', 'CrawlerStoppingException')) return;
      throw error;
    }
  }

  async probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    const config = parseBackendInput(BACKEND, 'pool config', glueCrawlerPoolSchema, probe.config);
    let running = 0;
    for (const name of config.crawlerNames) {
      const out = await this.options.glue.send(new GetCrawlerCommand({ Name: name }));
      if (out.Crawler?.State === 'RUNNING' || out.Crawler?.State === 'STOPPING') running += 1;
    }
    return {
      poolId: probe.poolId,
      observed: { runs: running },
      capacity: { runs: config.crawlerNames.length },
    };
  }
}
