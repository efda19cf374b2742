import { didYouMean } from '../findings/did-you-mean.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import type { Framework } from '../framework/types.js';
import { UsageError } from '../ground/errors.js';
import { note } from '../ground/notes.js';

/** The framework named by --framework, else the only one there is, else the default one (said on stderr). */
export function pickFramework(catalogue: FrameworkCatalogue, id: string | undefined): Framework {
  const ids = catalogue.ids();
  if (id === undefined) {
    const fallback = catalogue.fallback();
    if (fallback?.why === 'only') return fallback.framework;
    if (fallback) {
      note(`using framework ${fallback.framework.id} (the default; --framework for another: ${ids.filter((i) => i !== fallback.framework.id).join(', ')})`);
      return fallback.framework;
    }
    if (ids.length === 0) throw new UsageError('no framework could be loaded', '`lexgap frameworks` shows what is wrong with the framework files');
    throw new UsageError('there are several frameworks: say which one', `add --framework with one of: ${ids.join(', ')}`);
  }
  const framework = catalogue.get(id);
  if (!framework) throw new UsageError(`there is no framework "${id}"`, didYouMean(id, ids) ?? `available: ${ids.join(', ') || 'none'}`);
  return framework;
}
