import type { CycleCheck, Explanation } from '@sluice/scheduler';
import type { PendingReason } from '../client/sluiceClient';

const mark = (check: CycleCheck) => (check.reproduced === null ? '·' : check.reproduced ? '✓' : '✗');
const reasonText = (r: PendingReason | undefined) => (r ? `${r.code}: ${r.reason}` : '(not in the recorded list)');

/** The job's timeline, then every cycle that saw it: recorded and recomputed reasons side by side. */
export function formatExplanation(explanation: Explanation): string {
  const { job, cycles } = explanation;
  const lines = [
    `Job ${job.jobId}: ${job.status} (${job.priorityClass}, source ${job.source}, pools ${job.pools.join('|')})`,
    '',
    'Timeline',
    ...job.timeline.map((t) => `  ${t.at}  @${t.position}  ${t.type}${t.detail ? `  ${t.detail}` : ''}`),
    '',
    `Admission cycles that saw it: ${cycles.length}`,
  ];
  for (const check of cycles) {
    lines.push(
      `${mark(check)} cycle ${check.cycleId} at ${check.now} (snapshot @${check.snapshotPosition})`,
      `    recorded:   ${reasonText(check.recorded)}`,
      `    recomputed: ${reasonText(check.recomputed)}`,
    );
  }
  const compared = explanation.reproduced + explanation.differ;
  lines.push('', `${explanation.reproduced} of ${compared} recorded reasons reproduced${explanation.differ ? `, ${explanation.differ} differ` : ''}`);
  return lines.join('\n');
}
