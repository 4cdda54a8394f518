/**
 * Bad input (binary, empty, undecodable, too large, unparseable feed…): the item is quarantined
 * with this one-line message; a CLI prints it without a stack trace.
 */
export class InputError extends Error {
  constructor(
    message: string,
    /** Short machine-readable reason for the quarantine table ("binary", "empty", "too_large"…). */
    readonly reason: string = "bad_input",
  ) {
    super(message);
    this.name = "InputError";
  }
}
