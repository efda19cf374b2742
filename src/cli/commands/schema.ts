import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deriveProfileSchema } from '../../framework/derive-profile-schema.js';
import type { Framework } from '../../framework/types.js';
import { EXIT } from '../../ground/errors.js';
import { loadCatalogue } from '../load-inputs.js';
import { schemaFileName } from '../../ground/paths.js';
import { pickFramework } from '../pick-framework.js';
import { writeFileAtomic } from '../../ground/write-file-atomic.js';

export interface SchemaOptions {
  framework?: string;
  out?: string;
  all?: boolean;
  frameworks: string[];
}

export const schemaText = (framework: Framework) => JSON.stringify(deriveProfileSchema(framework), null, 2) + '\n';

/** `lexgap schema`: the profile JSON Schema derived from a framework, printed or written. */
export async function schema(options: SchemaOptions): Promise<number> {
  const { catalogue } = await loadCatalogue(options.frameworks);
  if (options.all) {
    const dir = options.out ?? 'schemas';
    await mkdir(dir, { recursive: true });
    for (const id of catalogue.ids()) {
      const file = join(dir, schemaFileName(id));
      await writeFileAtomic(file, schemaText(catalogue.get(id)!));
      process.stdout.write(`Wrote ${file}\n`);
    }
    return EXIT.ok;
  }
  const text = schemaText(pickFramework(catalogue, options.framework));
  if (options.out) {
    await writeFileAtomic(options.out, text);
    process.stdout.write(`Wrote ${options.out}\n`);
  } else {
    process.stdout.write(text);
  }
  return EXIT.ok;
}
