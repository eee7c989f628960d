/** The part of YARN's `/ws/v1/cluster/metrics` answer capacity needs. */
export interface YarnClusterMetrics {
  appsRunning: number;
  appsPending: number;
  allocatedMB: number;
  totalMB: number;
  allocatedVirtualCores: number;
  totalVirtualCores: number;
}

/** Reads a ResourceManager's cluster metrics over REST. */
export async function fetchYarnMetrics(baseUrl: string, timeoutMs = 5000): Promise<YarnClusterMetrics> {
  const response = await fetch(new URL('/ws/v1/cluster/metrics', baseUrl), {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`YARN ResourceManager ${baseUrl} answered ${response.status}`);
  const body = (await response.json()) as { clusterMetrics?: Partial<YarnClusterMetrics> };
  const m = body.clusterMetrics ?? {};
  return {
    appsRunning: m.appsRunning ?? 0,
    appsPending: m.appsPending ?? 0,
    allocatedMB: m.allocatedMB ?? 0,
    totalMB: m.totalMB ?? 0,
    allocatedVirtualCores: m.allocatedVirtualCores ?? 0,
    totalVirtualCores: m.totalVirtualCores ?? 0,
  };
}
