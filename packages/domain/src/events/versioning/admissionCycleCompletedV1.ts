import type { z } from 'zod';
import type { admissionCycleCompletedV1Schema } from '../schedulerEvents';

type AdmissionCycleCompletedV1 = z.output<typeof admissionCycleCompletedV1Schema>;

/** AdmissionCycleCompleted v1 -> v2: `waiting` / `waitingTotal` become `pending` / `pendingTotal`. */
export function upcastAdmissionCycleCompletedV1(data: AdmissionCycleCompletedV1): unknown {
  const { waiting, waitingTotal, ...rest } = data;
  return { ...rest, pending: waiting, pendingTotal: waitingTotal };
}
