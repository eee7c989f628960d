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
  /** Oldest first. */
  waitSeries: { at: string; seconds: number }[];
  utilization: { poolId: string; points: { at: string; fraction: number }[] }[];
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
