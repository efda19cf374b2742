import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` once things settle after any change to the watched files or folders. A file is
 * watched through its folder, because editors save by writing a new file and renaming it over the
 * old one, which a watch on the file itself would lose.
 */
export function watchInputs(files: readonly string[], folders: readonly string[], onChange: () => void, settleMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  };
  const watchers: FSWatcher[] = [];
  const add = (path: string, filter?: (name: string | null) => boolean) => {
    try {
      const watcher = watch(path, { recursive: !filter }, (_event, name) => (!filter || filter(name)) && fire());
      watcher.on('error', () => undefined); // a folder removed while watched: nothing more to watch there
      watchers.push(watcher);
    } catch {
      // a folder that does not exist cannot change
    }
  };
  for (const file of files) add(dirname(file), (name) => name === null || name === basename(file));
  for (const folder of folders) add(folder);
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
