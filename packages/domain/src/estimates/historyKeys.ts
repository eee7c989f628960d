/**
 * The histories a job's run counts towards, most specific first. A template or a job name is the
 * same Glue job or EMR step run after run; a source's dataset mixes the jobs that feed it; a
 * source, and then a backend, is only the typical run of a team's or a service's jobs, which is
 * still better than nothing for ad hoc work that has no name.
 */
export interface HistoryKeys {
  template?: string;
  jobName?: string;
  dataset: string;
  source: string;
  backend: string;
}

export function historyKeysOf(job: {
  template?: string;
  jobName?: string;
  source: string;
  dataset: string;
  backend: string;
}): HistoryKeys {
  return {
    ...(job.template !== undefined ? { template: `template:${job.template}` } : {}),
    ...(job.jobName !== undefined ? { jobName: `job:${job.jobName}` } : {}),
    dataset: `dataset:${job.source}/${job.dataset}`,
    source: `source:${job.source}`,
    backend: `backend:${job.backend}`,
  };
}
