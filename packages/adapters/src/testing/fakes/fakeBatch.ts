import {
  BatchClient,
  ClientException,
  DescribeComputeEnvironmentsCommand,
  DescribeJobQueuesCommand,
  DescribeJobsCommand,
  ListJobsCommand,
  SubmitJobCommand,
  TerminateJobCommand,
  type JobDetail,
  type JobStatus,
} from '@aws-sdk/client-batch';
import { mockClient } from 'aws-sdk-client-mock';
import { TEST_AWS } from '../awsFaults';

const NEXT: Partial<Record<JobStatus, JobStatus>> = {
  SUBMITTED: 'PENDING',
  PENDING: 'RUNNABLE',
  RUNNABLE: 'STARTING',
  STARTING: 'RUNNING',
  RUNNING: 'SUCCEEDED',
};
const FINISHED = new Set<string>(['SUCCEEDED', 'FAILED']);

/** AWS Batch behind aws-sdk-client-mock: jobs walk SUBMITTED → … → RUNNING → SUCCEEDED. */
export class FakeBatch {
  readonly client = new BatchClient(TEST_AWS);
  readonly mock = mockClient(this.client);
  readonly jobs: JobDetail[] = [];
  private refusal: Error | undefined;
  private counter = 0;

  constructor(readonly jobDefinitions: string[] = ['transform:3']) {
    this.mock.on(SubmitJobCommand).callsFake((input) => {
      const refusal = this.refusal;
      this.refusal = undefined;
      if (refusal) throw refusal;
      if (!this.jobDefinitions.includes(input.jobDefinition)) {
        throw new ClientException({
          message: `Job definition ${input.jobDefinition} not found`,
          $metadata: { httpStatusCode: 400 },
        });
      }
      const jobId = `00000000-0000-4000-8000-${(++this.counter).toString().padStart(12, '0')}`;
      this.jobs.unshift({
        jobId,
        jobName: input.jobName,
        jobArn: `arn:aws:batch:us-east-1:123456789012:job/${jobId}`,
        jobQueue: input.jobQueue,
        jobDefinition: input.jobDefinition,
        status: 'SUBMITTED',
        createdAt: Date.now(),
        startedAt: undefined,
        dependsOn: input.dependsOn ?? [],
        tags: input.tags,
        ...(input.arrayProperties?.size
          ? { arrayProperties: { size: input.arrayProperties.size, statusSummary: {} } }
          : {}),
        container: {
          resourceRequirements: [
            { type: 'VCPU', value: '2' },
            { type: 'MEMORY', value: '4096' },
          ],
        },
      });
      return { jobId, jobName: input.jobName, jobArn: `arn:aws:batch:us-east-1:123456789012:job/${jobId}` };
    });
    this.mock.on(ListJobsCommand).callsFake((input) => {
      const byName = input.filters?.find((f: { name?: string }) => f.name === 'JOB_NAME')?.values?.[0];
      // With filters every status is returned; without, one status (RUNNING by default).
      const matches = this.jobs.filter(
        (j) =>
          j.jobQueue === input.jobQueue &&
          (byName !== undefined ? j.jobName === byName : j.status === (input.jobStatus ?? 'RUNNING')),
      );
      return {
        jobSummaryList: matches.map((j) => ({
          jobId: j.jobId,
          jobName: j.jobName,
          jobArn: j.jobArn,
          status: j.status,
          createdAt: j.createdAt,
        })),
      };
    });
    this.mock
      .on(DescribeJobsCommand)
      .callsFake((input) => ({ jobs: this.jobs.filter((j) => input.jobs.includes(j.jobId!)) }));
    this.mock.on(TerminateJobCommand).callsFake((input) => {
      const job = this.jobs.find((j) => j.jobId === input.jobId);
      if (!job)
        throw new ClientException({
          message: `Job ${input.jobId} not found`,
          $metadata: { httpStatusCode: 400 },
        });
      if (!FINISHED.has(job.status!))
        Object.assign(job, { status: 'FAILED', statusReason: input.reason, stoppedAt: Date.now() });
      return {};
    });
    this.mock.on(DescribeJobQueuesCommand).resolves({
      jobQueues: [
        {
          jobQueueName: 'analytics',
          jobQueueArn: 'arn:aws:batch:us-east-1:123456789012:job-queue/analytics',
          state: 'ENABLED',
          priority: 1,
          computeEnvironmentOrder: [
            { order: 1, computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/spot' },
            {
              order: 2,
              computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/on-demand',
            },
          ],
        },
      ],
    });
    this.mock.on(DescribeComputeEnvironmentsCommand).resolves({
      computeEnvironments: [
        {
          computeEnvironmentName: 'spot',
          computeEnvironmentArn: 'arn:aws:batch:us-east-1:123456789012:compute-environment/spot',
          state: 'ENABLED',
          status: 'VALID',
          type: 'MANAGED',
          computeResources: { type: 'SPOT', minvCpus: 0, maxvCpus: 256, subnets: ['subnet-1'] },
        },
        {
          computeEnvironmentName: 'on-demand',
          computeEnvironmentArn: 'arn:aws:batch:us-east-1:123456789012:compute-environment/on-demand',
          state: 'ENABLED',
          status: 'VALID',
          type: 'MANAGED',
          computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 64, subnets: ['subnet-1'] },
        },
      ],
    });
  }

  refuseNextStart(error: Error): void {
    this.refusal = error;
  }

  advance(): void {
    for (const job of this.jobs) {
      const next = NEXT[job.status!];
      if (next) job.status = next;
    }
  }
}
