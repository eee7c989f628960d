/** The 18 fields of a Standard Workload Format line, in order. -1 means "not known". */
export const SWF_FIELDS = [
  'job number',
  'submit time',
  'wait time',
  'run time',
  'allocated processors',
  'average CPU time',
  'used memory',
  'requested processors',
  'requested time',
  'requested memory',
  'status',
  'user id',
  'group id',
  'executable number',
  'queue number',
  'partition number',
  'preceding job number',
  'think time',
] as const;

export interface SwfRecord {
  /** 1-based line in the file, for messages. */
  line: number;
  jobNumber: number;
  submitTime: number;
  waitTime: number;
  runTime: number;
  allocatedProcessors: number;
  averageCpuTime: number;
  /** Kilobytes per processor. */
  usedMemory: number;
  requestedProcessors: number;
  requestedTime: number;
  /** Kilobytes per processor. */
  requestedMemory: number;
  /** 1 completed, 0 failed, 5 cancelled, 2-4 partial executions of a checkpointed job. */
  status: number;
  userId: number;
  groupId: number;
  executableNumber: number;
  queueNumber: number;
  partitionNumber: number;
  precedingJobNumber: number;
  thinkTime: number;
}

/** The `; Key: value` comments of the header that size the machine. */
export interface SwfHeader {
  maxProcs?: number;
  maxNodes?: number;
  /** Every `; Key: value` comment, as written. */
  fields: Record<string, string>;
}

export const SWF_CANCELLED = 5;
