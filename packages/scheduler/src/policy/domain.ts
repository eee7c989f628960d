// The policy reaches the domain through this one file, so what pure code depends on is listed in one place.
export {
  DEFAULT_CLASSES,
  DIMENSIONS,
  TERMINAL_STATUSES,
  allViews,
  expectedStreamOf,
  sequentialEventIds,
  usageAt,
  validateEventData,
  weightOf,
} from '@sluice/domain';
export type {
  CapacityViewState,
  Dependency,
  Dimension,
  EventInput,
  InFlightJob,
  JobStatus,
  NewEvent,
  PoolCapacity,
  ReleaseReason,
  QueuedJob,
  ResourceVector,
  SharePolicySetData,
  SourceUsage,
  StoredEvent,
  Views,
} from '@sluice/domain';
