import {
  BatchStopJobRunCommand,
  ConcurrentRunsExceededException,
  CrawlerNotRunningException,
  CrawlerRunningException,
  EntityNotFoundException,
  GetCrawlerCommand,
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
  StartCrawlerCommand,
  StartJobRunCommand,
  StopCrawlerCommand,
  type Crawler,
  type JobRun,
} from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { TEST_AWS } from '../awsFaults';

const meta = { $metadata: { httpStatusCode: 400 } };
const NEXT_RUN_STATE: Record<string, string> = {
  WAITING: 'STARTING',
  STARTING: 'RUNNING',
  RUNNING: 'SUCCEEDED',
  STOPPING: 'STOPPED',
};
const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'STOPPED', 'TIMEOUT', 'ERROR', 'EXPIRED']);

/**
 * Glue behind aws-sdk-client-mock, shaped as the Glue API answers: job runs (newest first) walk
 * WAITING → STARTING → RUNNING → SUCCEEDED; crawlers RUNNING → READY with a LastCrawl.
 */
export class FakeGlue {
  readonly client = new GlueClient(TEST_AWS);
  readonly mock = mockClient(this.client);
  readonly runs: JobRun[] = [];
  readonly crawlers = new Map<string, Crawler & { starts: number; currentStart?: Date; ticks?: number }>();
  private refusal: Error | undefined;
  private counter = 0;

  constructor(
    private readonly clock: () => number,
    readonly knownJobs: string[] = ['etl'],
  ) {
    this.mock.on(StartJobRunCommand).callsFake((input) => {
      this.throwRefusal();
      if (!this.knownJobs.includes(input.JobName))
        throw new EntityNotFoundException({ message: `Job ${input.JobName} not found`, ...meta });
      const run: JobRun = {
        Id: `jr_${(++this.counter).toString(16).padStart(64, '0')}`,
        JobName: input.JobName,
        Arguments: input.Arguments,
        JobRunState: input.JobRunQueuingEnabled ? 'WAITING' : 'STARTING',
        StartedOn: new Date(this.clock()),
        Attempt: 0,
        ...(input.WorkerType ? { WorkerType: input.WorkerType, NumberOfWorkers: input.NumberOfWorkers } : {}),
        ...(input.MaxCapacity !== undefined ? { MaxCapacity: input.MaxCapacity } : {}),
        JobRunQueuingEnabled: input.JobRunQueuingEnabled,
      };
      this.runs.unshift(run);
      return { JobRunId: run.Id };
    });
    this.mock.on(GetJobRunsCommand).callsFake((input) => {
      const all = this.runs.filter((r) => r.JobName === input.JobName);
      const from = Number(input.NextToken ?? 0);
      const size = input.MaxResults ?? 100;
      const page = all.slice(from, from + size);
      return { JobRuns: page, ...(from + size < all.length ? { NextToken: String(from + size) } : {}) };
    });
    this.mock.on(GetJobRunCommand).callsFake((input) => {
      const run = this.runs.find((r) => r.JobName === input.JobName && r.Id === input.RunId);
      if (!run) throw new EntityNotFoundException({ message: `Job run ${input.RunId} not found`, ...meta });
      return { JobRun: run };
    });
    this.mock.on(BatchStopJobRunCommand).callsFake((input) => {
      const ok = [];
      const errors = [];
      for (const id of input.JobRunIds) {
        const run = this.runs.find((r) => r.JobName === input.JobName && r.Id === id);
        if (!run || FINISHED.has(run.JobRunState!)) {
          errors.push({
            JobName: input.JobName,
            JobRunId: id,
            ErrorDetail: {
              ErrorCode: 'InvalidInputException',
              ErrorMessage: 'Job Run cannot be stopped in current state.',
            },
          });
          continue;
        }
        run.JobRunState = run.JobRunState === 'WAITING' ? 'STOPPED' : 'STOPPING';
        ok.push({ JobName: input.JobName, JobRunId: id });
      }
      return { SuccessfulSubmissions: ok, Errors: errors };
    });

    this.mock.on(StartCrawlerCommand).callsFake((input) => {
      this.throwRefusal();
      const crawler = this.crawler(input.Name);
      if (crawler.State !== 'READY')
        throw new CrawlerRunningException({
          message: `Crawler with name ${input.Name} has already started`,
          ...meta,
        });
      crawler.State = 'RUNNING';
      crawler.currentStart = new Date(this.clock());
      crawler.ticks = 0;
      crawler.starts += 1;
      return {};
    });
    this.mock.on(GetCrawlerCommand).callsFake((input) => {
      const { starts: _s, currentStart: _c, ticks: _t, ...crawler } = this.crawler(input.Name);
      return { Crawler: crawler };
    });
    this.mock.on(StopCrawlerCommand).callsFake((input) => {
      const crawler = this.crawler(input.Name);
      if (crawler.State !== 'RUNNING')
        throw new CrawlerNotRunningException({
          message: `Crawler with name ${input.Name} is not running`,
          ...meta,
        });
      crawler.State = 'STOPPING';
      return {};
    });
  }

  defineCrawler(name: string): void {
    if (!this.crawlers.has(name)) this.crawlers.set(name, { Name: name, State: 'READY', starts: 0 });
  }

  private crawler(name: string) {
    const crawler = this.crawlers.get(name);
    if (!crawler)
      throw new EntityNotFoundException({
        message: `Crawler entry with name ${name} does not exist`,
        ...meta,
      });
    return crawler;
  }

  refuseNextStart(error: Error): void {
    this.refusal = error;
  }

  private throwRefusal(): void {
    const refusal = this.refusal;
    this.refusal = undefined;
    if (refusal) throw refusal;
  }

  advance(): void {
    for (const run of this.runs) {
      const next = NEXT_RUN_STATE[run.JobRunState ?? ''];
      if (next) run.JobRunState = next as JobRun['JobRunState'];
      if (run.JobRunState && FINISHED.has(run.JobRunState) && !run.CompletedOn)
        run.CompletedOn = new Date(this.clock());
    }
    for (const crawler of this.crawlers.values()) {
      // A crawl takes two polls; a stop, one.
      if (crawler.State === 'RUNNING' && (crawler.ticks = (crawler.ticks ?? 0) + 1) < 2) continue;
      if (crawler.State === 'RUNNING' || crawler.State === 'STOPPING') {
        crawler.LastCrawl = {
          Status: crawler.State === 'RUNNING' ? 'SUCCEEDED' : 'CANCELLED',
          StartTime: crawler.currentStart!,
        };
        crawler.State = 'READY';
      }
    }
  }

  static busy(): Error {
    return new ConcurrentRunsExceededException({ message: 'Concurrent runs exceeded for etl', ...meta });
  }
}
