/**
 * Notes on stderr that are not findings: the warnings summary, which framework was used. `--quiet`
 * silences them (errors and findings are never silenced).
 */
let quiet = false;

export function setQuiet(value: boolean): void {
  quiet = value;
}

export function note(text: string): void {
  if (!quiet) process.stderr.write(`${text}\n`);
}
