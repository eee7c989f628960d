import {
  decidePool,
  poolStreamId,
  type AppendResult,
  type EventStore,
  type PoolCommand,
} from '@sluice/domain';
import { toNewEvents, type CommandContext } from './commandContext';
import { loadPool } from './loadAggregates';

/** Pool definition and observation commands (register, quota, capacity report), guarded by version. */
export async function handlePoolCommand(
  store: EventStore,
  poolId: string,
  command: Exclude<PoolCommand, { type: 'ReserveCapacity' | 'ReleaseCapacity' }>,
  ctx: CommandContext,
): Promise<AppendResult> {
  const { state, version } = await loadPool(store, poolId);
  const events = decidePool(command, state);
  return store.appendToStream(poolStreamId(poolId), toNewEvents(events, ctx), { expectedVersion: version });
}
