import { pino } from 'pino';

/** The part of a structured logger the API uses; a pino logger fits as is. */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** JSON lines on stdout, which both a terminal pipeline and CloudWatch take as they are. */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({ name: options.name ?? 'sluice-api', level: options.level ?? 'info' });
}
