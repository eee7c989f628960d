import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@sluice/adapters';
import { defaultSharePolicy, type SharePolicySetData, type StoredEvent } from '@sluice/domain';
import { comparePolicies, sluicePolicy, whatIf, workloadFromHistory } from '@sluice/scheduler';

/**
 * What-if replay speed on a recorded local history (`sluice start --data-dir DIR`), against the
 * simulator on the same jobs in the same run: the what-if replays the window twice (recorded and
 * candidate policy, here the recorded one again), the simulator runs it once.
 */
export async function benchWhatIf(dataDir: string): Promise<void> {
  const store = new SqliteEventStore({ filename: join(dataDir, 'events.db') });
  const events: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, limit: 5000 });
    events.push(...page.events);
    if (page.isEnd || page.lastPosition === after) break;
    after = page.lastPosition;
  }
  const recordedPolicy = lastSharePolicy(events);

  const replayStarted = performance.now();
  const report = whatIf({ events, candidate: recordedPolicy });
  const replaySeconds = (performance.now() - replayStarted) / 1000;

  const history = workloadFromHistory(events);
  const simulatorStarted = performance.now();
  comparePolicies(
    {
      name: 'recorded jobs',
      pools: history.pools,
      jobs: history.jobs,
      classes: recordedPolicy.classes ?? {},
      shares: recordedPolicy.shares,
      skipped: {},
    },
    [sluicePolicy],
  );
  const simulatorSeconds = (performance.now() - simulatorStarted) / 1000;

  const jobs = report.window.jobs;
  const replayRate = (2 * jobs) / replaySeconds;
  const simulatorRate = jobs / simulatorSeconds;
  console.log(`\nRecorded history: ${events.length.toLocaleString('en-US')} events, ${jobs} jobs, ${report.window.cycles} cycles`);
  console.log(
    `Fidelity: ${report.fidelity.reproduced} of ${report.fidelity.recordedAdmissions} admissions reproduced (${(report.fidelity.fraction * 100).toFixed(1)} %)`,
  );
  console.log('what                                   jobs/s  vs simulator');
  console.log(`${'simulator, same jobs (baseline)'.padEnd(36)}${simulatorRate.toFixed(0).padStart(8)}         1.00x`);
  console.log(
    `${'what-if, recorded + candidate replay'.padEnd(36)}${replayRate.toFixed(0).padStart(8)}  ${(replayRate / simulatorRate).toFixed(2).padStart(11)}x`,
  );
}

function lastSharePolicy(events: readonly StoredEvent[]): SharePolicySetData {
  let policy = defaultSharePolicy();
  for (const event of events) if (event.type === 'SharePolicySet') policy = event.data as SharePolicySetData;
  return policy;
}
