import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every YAML file under `dir`, in a stable order: the corpus the parser-agreement tests read. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/i.test(name) ? [path] : [];
    });
}
