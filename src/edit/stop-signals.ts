/**
 * Calls `stop` when the program that started lexgap goes away (an editor's terminal closed, a test
 * runner killed): the process is then handed to another parent, which `process.ppid` shows.
 */
export function stopWhenParentGoes(stop: () => void, everyMs = 1000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      stop();
    }
  }, everyMs);
  timer.unref();
}
