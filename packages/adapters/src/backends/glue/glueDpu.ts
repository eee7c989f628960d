/** DPUs per worker of each Glue worker type (a DPU is 4 vCPU and 16 GB). */
const DPU_PER_WORKER: Record<string, number> = {
  Standard: 1,
  'G.025X': 0.25,
  'G.1X': 1,
  'G.2X': 2,
  'G.4X': 4,
  'G.8X': 8,
  'G.12X': 12,
  'G.16X': 16,
  'R.1X': 1,
  'R.2X': 2,
  'R.4X': 4,
  'R.8X': 8,
  'Z.2X': 2,
};

export interface GlueSizing {
  WorkerType?: string;
  NumberOfWorkers?: number;
  MaxCapacity?: number;
  AllocatedCapacity?: number;
}

/** The DPUs a run holds: workers × DPU per worker, else its capacity in DPUs; undefined when unknown. */
export function dpuOf(sizing: GlueSizing): number | undefined {
  if (sizing.WorkerType && sizing.NumberOfWorkers !== undefined) {
    const perWorker = DPU_PER_WORKER[sizing.WorkerType];
    if (perWorker !== undefined) return perWorker * sizing.NumberOfWorkers;
  }
  return sizing.MaxCapacity ?? sizing.AllocatedCapacity;
}

/** Workers a run holds, each taking IP addresses in the connection's subnet. */
export function workersOf(sizing: GlueSizing): number {
  if (sizing.NumberOfWorkers !== undefined) return sizing.NumberOfWorkers;
  // Sized in DPUs: Glue places one executor node per DPU.
  return Math.ceil(sizing.MaxCapacity ?? sizing.AllocatedCapacity ?? 0);
}
