import { sluicePolicy } from '@sluice/scheduler';
import { fail } from '../http/problem';
import type { RouteRegistrar } from '../http/routeRegistrar';
import { decodeJobCursor, encodeJobCursor } from '../jobs/jobCursor';
import { jobDetailOf, jobSummaryOf } from '../jobs/jobPresentation';
import { jobIdParams } from '../schemas/common';
import { jobDetailSchema, jobListQuery, jobListSchema } from '../schemas/jobSchemas';

export function registerJobQueries(api: RouteRegistrar): void {
  api.route({
    method: 'get',
    path: '/v1/jobs/{id}',
    operationId: 'getJob',
    summary: 'A job, its timeline and, while queued, its place and why it waits',
    tag: 'jobs',
    params: jobIdParams,
    responses: {
      200: { description: 'The job', schema: jobDetailSchema },
      404: { description: 'No such job' },
    },
    async handle({ params, deps, c }) {
      const detail = jobDetailOf(
        await deps.readModel.current(),
        params.id,
        deps.clock().toISOString(),
        deps.policy ?? sluicePolicy,
      );
      if (!detail) fail('notFound', `job ${params.id} does not exist`);
      return c.json(detail);
    },
  });

  api.route({
    method: 'get',
    path: '/v1/jobs',
    operationId: 'listJobs',
    summary: 'Jobs in submission order, filtered by status and source',
    description:
      'Pages are cut by submission position, so following `next` never repeats or skips a job, however jobs move on meanwhile.',
    tag: 'jobs',
    query: jobListQuery,
    responses: { 200: { description: 'One page of jobs', schema: jobListSchema } },
    async handle({ query, deps, c }) {
      const after = query.cursor === undefined ? 0 : decodeJobCursor(query.cursor);
      const views = await deps.readModel.current();
      const matching = Object.values(views.jobs.jobs)
        .map((job) => ({ job, at: job.timeline[0]?.position ?? 0 }))
        .filter(({ job }) => (!query.status || job.status === query.status) && (!query.source || job.source === query.source));
      const page = matching
        .filter(({ at }) => at > after)
        .sort((a, b) => a.at - b.at)
        .slice(0, query.limit + 1);
      const more = page.length > query.limit;
      const shown = page.slice(0, query.limit);
      return c.json({
        jobs: shown.map(({ job }) => jobSummaryOf(job)),
        total: matching.length,
        ...(more ? { next: encodeJobCursor(shown.at(-1)!.at) } : {}),
      });
    },
  });
}
