import { gunzipSync, gzipSync } from 'node:zlib';

/** Below DynamoDB's 400 KB item limit with room for the key and attributes. */
export const CHUNK_BYTES = 350 * 1024;
/** TransactWriteItems carries at most 4 MB; the head item and attribute overhead take the rest. */
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024 - 64 * 1024;

export class CheckpointTooLargeError extends Error {
  constructor(
    readonly checkpointName: string,
    readonly bytes: number,
  ) {
    super(
      `checkpoint ${checkpointName} is ${bytes} bytes gzip'ed; one transaction holds at most ${MAX_TRANSACTION_BYTES}`,
    );
    this.name = 'CheckpointTooLargeError';
  }
}

/** The state as gzip'ed JSON cut into chunks that each fit one item. */
export function toChunks(name: string, state: unknown, chunkBytes = CHUNK_BYTES): Uint8Array[] {
  const packed = gzipSync(Buffer.from(JSON.stringify(state), 'utf8'));
  if (packed.byteLength > MAX_TRANSACTION_BYTES) throw new CheckpointTooLargeError(name, packed.byteLength);
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < packed.byteLength; offset += chunkBytes)
    chunks.push(packed.subarray(offset, offset + chunkBytes));
  return chunks;
}

export function fromChunks<S>(chunks: Uint8Array[]): S {
  return JSON.parse(gunzipSync(Buffer.concat(chunks)).toString('utf8')) as S;
}
