/** What the dashboard's event stream sends; the browser code imports these types too. */
export interface DashboardSnapshot {
  generatedAt: string;
  queue: {
    total: number;
    inFlight: number;
    byClassAndSource: { priorityClass: string; source: string; count: number }[];
    head: QueueRow[];
  };
  pools: PoolRow[];
  recentAdmissions: AdmissionRow[];
  waitHistogram: WaitHistogram;
  /** Reserved share of capacity per pool and dimension (`emr-main vcpu`). */
  utilization: TimeTable;
  /** Queued jobs per priority class. */
  queueDepth: TimeTable;
}

/** Series that share one time axis, oldest first: `series[i].values[j]` is the value at `times[j]`. */
export interface TimeTable {
  times: string[];
  series: { label: string; values: number[] }[];
}

/** Counts of recent waits per priority class: `classes[i].counts[j]` jobs waited up to `buckets[j]`. */
export interface WaitHistogram {
  windowSeconds: number;
  buckets: string[];
  classes: { priorityClass: string; counts: number[] }[];
}

export interface QueueRow {
  position: number;
  jobId: string;
  source: string;
  priorityClass: string;
  enqueuedAt: string;
  reason?: string;
}

export interface PoolRow {
  poolId: string;
  backend?: string;
  dimensions: {
    dimension: string;
    capacity?: number;
    quota?: number;
    reserved: number;
    observed: number;
    headroom?: number;
  }[];
}

export interface AdmissionRow {
  jobId: string;
  poolId?: string;
  at: string;
  waitSeconds: number;
}
