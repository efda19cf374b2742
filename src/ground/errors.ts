/** A problem with how lexgap was called or with its environment: printed as is, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** Exit codes, as the README documents them. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
