import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { Logger } from '@sluice/api';

type LogLevel = Parameters<PowertoolsLogger['setLogLevel']>[0];

/** One logger per container, so every handler's lines carry the invocation's context. */
export const powertoolsLogger = new PowertoolsLogger({ serviceName: 'sluice' });

/** The API's logger port over Powertools: `(fields, message)` becomes Powertools' `(message, fields)`. */
export function lambdaLogger(level: string, logger: PowertoolsLogger = powertoolsLogger): Logger {
  logger.setLogLevel(level.toUpperCase() as LogLevel);
  return {
    debug: (fields, message) => logger.debug(message ?? '', attributes(fields)),
    info: (fields, message) => logger.info(message ?? '', attributes(fields)),
    warn: (fields, message) => logger.warn(message ?? '', attributes(fields)),
    error: (fields, message) => logger.error(message ?? '', attributes(fields)),
  };
}

// The port takes any object of fields; Powertools spreads each key into the line the same way.
const attributes = (fields: object) => fields as Record<string, unknown>;

/**
 * Adds the invocation to every line logged while `handler` runs: the Lambda context (request id,
 * cold start) and a correlation id, API Gateway's request id or the event's own `correlationId`.
 */
export function withLambdaLogging<E, R>(
  handler: (event: E) => Promise<R>,
  logger: PowertoolsLogger = powertoolsLogger,
): (event: E, context?: Context) => Promise<R> {
  return async (event, context) => {
    if (context) logger.addContext(context);
    const correlationId = correlationIdOf(event);
    if (correlationId) logger.setCorrelationId(correlationId);
    try {
      return await handler(event);
    } finally {
      logger.resetKeys();
    }
  };
}

function correlationIdOf(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const { requestContext, correlationId } = event as { requestContext?: { requestId?: unknown }; correlationId?: unknown };
  const id = requestContext?.requestId ?? correlationId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
