/** A line of an SWF file that is not 18 numbers. Names the line and the field so it can be fixed. */
export class SwfParseError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`SWF line ${line}: ${field}: ${detail}`);
    this.name = 'SwfParseError';
  }
}
