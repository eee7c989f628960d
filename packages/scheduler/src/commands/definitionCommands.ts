import {
  ConcurrencyError,
  apiKeyStreamId,
  decideDefinition,
  templateStreamId,
  type AppendResult,
  type DefinitionCommand,
  type EventStore,
} from '@sluice/domain';
import { toNewEvents, type CommandContext } from './commandContext';

type DataOf<T extends DefinitionCommand['type']> = Extract<DefinitionCommand, { type: T }>['data'];

/** Defines or redefines a template; jobs copy a template when submitted, so the last definition wins. */
export async function defineTemplate(
  store: EventStore,
  data: DataOf<'DefineTemplate'>,
  ctx: CommandContext,
): Promise<AppendResult> {
  const events = decideDefinition({ type: 'DefineTemplate', data });
  return store.appendToStream(templateStreamId(data.name), toNewEvents(events, ctx), { expectedVersion: 'any' });
}

/** Records a new key (its hash only); a key id is issued once. */
export async function issueApiKey(
  store: EventStore,
  data: DataOf<'IssueApiKey'>,
  ctx: CommandContext,
): Promise<AppendResult> {
  const events = decideDefinition({ type: 'IssueApiKey', data });
  return store.appendToStream(apiKeyStreamId(data.keyId), toNewEvents(events, ctx), { expectedVersion: 'noStream' });
}

/** Issues a key unless its id is recorded already: a restart re-registering the same key is a no-op. */
export async function ensureApiKey(store: EventStore, data: DataOf<'IssueApiKey'>, ctx: CommandContext): Promise<void> {
  try {
    await issueApiKey(store, data, ctx);
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
  }
}

export async function revokeApiKey(
  store: EventStore,
  data: DataOf<'RevokeApiKey'>,
  ctx: CommandContext,
): Promise<AppendResult> {
  const events = decideDefinition({ type: 'RevokeApiKey', data });
  return store.appendToStream(apiKeyStreamId(data.keyId), toNewEvents(events, ctx), { expectedVersion: 'any' });
}
