import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, depthExceeds } from '@sluice/domain';
import { fail } from './problem';

export const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES;

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/;

/**
 * What runs ahead of a route's body validation, in this order: a body that is not JSON is refused
 * unread (415), one over `maxBytes` is refused by hono's `bodyLimit` (413, on the declared length or
 * while streaming), and one that is not UTF-8 JSON or nests deeper than the domain allows is a 400.
 * The validator that follows reads the same buffered body.
 */
export function jsonBody(maxBytes = MAX_BODY_BYTES): MiddlewareHandler[] {
  const tooLarge = () => fail('payloadTooLarge', `the body exceeds ${maxBytes} bytes`);
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return [
    requireJsonContentType,
    // A declared length over the limit is refused before the body is touched: on Node, opening the
    // body stream and leaving it unread resets the connection, so the client never sees the 413.
    async (c, next) => (Number(c.req.header('content-length')) > maxBytes ? tooLarge() : limit(c, next)),
    requireSafeJson,
  ];
}

const requireJsonContentType: MiddlewareHandler = async (c, next) => {
  const header = c.req.header('content-type');
  if (header === undefined) fail('unsupportedMediaType', 'send Content-Type: application/json');
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (!JSON_MEDIA_TYPE.test(mediaType))
    fail('unsupportedMediaType', `Content-Type ${mediaType || '(empty)'} is not JSON; send application/json`);
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    fail('unsupportedMediaType', `charset ${charset} is not supported; send UTF-8`);
  await next();
};

// hono's own JSON reading decodes leniently and lets any depth through; these are checked first.
const requireSafeJson: MiddlewareHandler = async (c, next) => {
  const value = parseJson(await c.req.arrayBuffer());
  if (depthExceeds(value, MAX_JSON_DEPTH))
    fail('validation', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, [
      { field: '(body)', reason: `nested deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  await next();
};

function parseJson(bytes: ArrayBuffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('malformedBody', 'the body is not valid UTF-8');
  }
  if (text.trim() === '') fail('malformedBody', 'the body is empty; send a JSON document');
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail('malformedBody', error instanceof SyntaxError ? error.message : 'the body could not be parsed as JSON');
  }
}
