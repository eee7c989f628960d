import { POLICY_STREAM, decideSharePolicy, type AppendResult, type EventStore } from '@sluice/domain';
import { toNewEvents, type CommandContext } from './commandContext';

export async function setSharePolicy(
  store: EventStore,
  data: Parameters<typeof decideSharePolicy>[0]['data'],
  ctx: CommandContext,
): Promise<AppendResult> {
  const events = decideSharePolicy({ type: 'SetSharePolicy', data });
  // The policy is replaced whole, so last writer wins by design.
  return store.appendToStream(POLICY_STREAM, toNewEvents(events, ctx), { expectedVersion: 'any' });
}
