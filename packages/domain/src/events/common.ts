import { z } from 'zod';

/** Identifiers that end up in stream ids, DynamoDB keys and URLs: no spaces, no slashes. */
export const identifierSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must start with a letter or digit and use only letters, digits, . _ : -');

export const isoTimeSchema = z.iso.datetime({ offset: true });

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const eventIdSchema = z.string().regex(ULID_PATTERN, 'must be a ULID (26 Crockford base32 characters)');
