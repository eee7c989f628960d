import { MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, depthExceeds } from '@sluice/domain';
import { fail } from './problem';

export const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES;
export { MAX_JSON_DEPTH, depthExceeds };

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/;

/**
 * Reads a request body as JSON, refusing it before parsing when it is not JSON (415) or too large
 * (413, checked on the declared length and again while reading, since a stream may lie or omit it).
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  assertJsonContentType(request.headers.get('content-type'));
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) tooLarge(maxBytes);
  const bytes = await readCapped(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('malformedBody', 'the body is not valid UTF-8');
  }
  if (text.trim() === '') fail('malformedBody', 'the body is empty; send a JSON document');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(
      'malformedBody',
      error instanceof SyntaxError ? error.message : 'the body could not be parsed as JSON',
    );
  }
  if (depthExceeds(value, MAX_JSON_DEPTH))
    fail('validation', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, [
      { field: '(body)', reason: `nested deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  return value;
}

function assertJsonContentType(header: string | null): void {
  if (header === null) fail('unsupportedMediaType', 'send Content-Type: application/json');
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (!JSON_MEDIA_TYPE.test(mediaType))
    fail('unsupportedMediaType', `Content-Type ${mediaType || '(empty)'} is not JSON; send application/json`);
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    fail('unsupportedMediaType', `charset ${charset} is not supported; send UTF-8`);
  }
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): never {
  return fail('payloadTooLarge', `the body exceeds ${maxBytes} bytes`);
}
