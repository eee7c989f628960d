/// <reference lib="dom" />
import { el, formatTime } from './dom';

interface JobDetail {
  jobId: string;
  status: string;
  source: string;
  dataset: string;
  priorityClass: string;
  poolId?: string;
  attempt: number;
  queuePosition?: number;
  pendingReason?: { code: string; reason: string };
  timeline: { at: string; type: string; detail?: string }[];
}

/** One job: where it stands, why it waits, and everything that happened to it. */
export async function renderJob(jobId: string, key: string): Promise<HTMLElement[]> {
  const response = await fetch(`/v1/jobs/${encodeURIComponent(jobId)}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    return [el('section', {}, el('h2', {}, jobId), el('p', {}, problem.detail ?? `HTTP ${response.status}`))];
  }
  const job = (await response.json()) as JobDetail;
  return [
    el(
      'section',
      { class: 'wide', 'data-test': 'job' },
      el('h2', {}, `Job ${job.jobId}`),
      el(
        'p',
        {},
        el('strong', { 'data-test': 'job-status' }, job.status),
        ` · ${job.priorityClass} from ${job.source} · ${job.dataset} · attempt ${job.attempt}`,
        job.poolId ? ` · pool ${job.poolId}` : '',
        job.queuePosition !== undefined ? ` · position ${job.queuePosition} in the queue` : '',
      ),
      job.pendingReason
        ? el('p', { class: 'reason', 'data-test': 'pending-reason' }, `Waiting: ${job.pendingReason.reason}`)
        : null,
      el('h2', {}, 'Timeline'),
      el(
        'ol',
        { class: 'timeline', 'data-test': 'timeline' },
        ...job.timeline.map((entry) =>
          el(
            'li',
            { 'data-test': 'timeline-entry' },
            el('span', { class: 'muted' }, formatTime(entry.at)),
            ' ',
            el('strong', {}, entry.type),
            entry.detail ? ` — ${entry.detail}` : '',
          ),
        ),
      ),
    ),
  ];
}
