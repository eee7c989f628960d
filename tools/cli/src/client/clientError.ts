/** Exit codes of the CLI: a script tells a refused request from a mistyped command. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure the user should read in one line, with the exit code it deserves. */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof EXIT_FAILURE | typeof EXIT_USAGE = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

/** Every field at fault, one per line under the message, as the API lists them. */
export function fieldLines(errors: readonly { field: string; reason: string }[]): string {
  return errors.map((e) => `\n  ${e.field}: ${e.reason}`).join('');
}
