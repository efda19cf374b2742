const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

/**
 * Calls `stop` on Ctrl-C, SIGTERM or SIGHUP instead of dying at once, so the browser can be killed
 * and its files removed; the run then ends with 128 + the signal's number. A second signal, or a run
 * that has not ended 5 s later, exits straight away (after `onSecond`, which must be synchronous). Returns a function that removes the handlers.
 */
export function onInterrupt(stop: (signal: NodeJS.Signals) => void, onSecond?: () => void): { off: () => void; exitCode: () => number | null } {
  let code: number | null = null;
  const handler = (signal: (typeof SIGNALS)[number]) => {
    if (code !== null) {
      onSecond?.();
      process.exit(code);
    }
    code = 128 + NUMBERS[signal];
    process.exitCode = code;
    setTimeout(() => {
      onSecond?.();
      process.exit(code ?? 1);
    }, 5_000).unref();
    stop(signal);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return { off: () => SIGNALS.forEach((s) => process.off(s, handler)), exitCode: () => code };
}
