export { whatIf, type WhatIfInput, type WhatIfReport } from './whatIf';
export {
  parseCandidatePolicy,
  CandidatePolicyError,
  type CandidateParse,
  type FieldError,
} from './policy/parseCandidatePolicy';
export { workloadFromHistory, type HistoryWindow } from './history/workloadFromHistory';
export type { HistoryJob, HistoryWorkload, HistoryAdmission, RecordedCycle, RecordedOutcome } from './history/historyTypes';
export { replayHistory, type HistoryReplay, type HistoryReplayOptions, type ReplayedAdmission } from './replay/replayHistory';
export { fidelityOf, DIVERGENCES, type Divergence, type Fidelity } from './replay/fidelity';
export type { OutcomeReport, UsageSampling } from './report/outcomeReport';
export { usageOverTime, MAX_USAGE_SAMPLES, type UsageSample, type HoldingTally } from './report/usageOverTime';
export type { MovedJob, AdmissionSide } from './report/movedJobs';
