import { compileValidator, derivedValidator, type Validate } from '../findings/compile-validator.js';
import { deriveProfileSchema } from './derive-profile-schema.js';
import type { Framework, LoadedFramework } from './types.js';

/** The frameworks available to a run, each with its profile validator compiled once, on first use. */
export class FrameworkCatalogue {
  private readonly validators = new Map<string, Validate>();

  constructor(readonly loaded: readonly LoadedFramework[]) {}

  ids(): string[] {
    return this.loaded.map((l) => l.framework.id);
  }

  /** The framework used when none is named: the only one loaded, or the one file that says `default: true`. */
  fallback(): { framework: Framework; why: 'only' | 'default' } | undefined {
    if (this.loaded.length === 1) return { framework: this.loaded[0]!.framework, why: 'only' };
    const defaults = this.loaded.filter((l) => l.framework.default === true);
    return defaults.length === 1 ? { framework: defaults[0]!.framework, why: 'default' } : undefined;
  }

  get(id: string): Framework | undefined {
    return this.loaded.find((l) => l.framework.id === id)?.framework;
  }

  profileValidator(framework: Framework): Validate {
    let validate = this.validators.get(framework.id);
    if (!validate) {
      // A framework read from a file is known by its text's hash: its validator is found without deriving the schema.
      const sourceHash = this.loaded.find((l) => l.framework === framework)?.sourceHash;
      validate = sourceHash ? derivedValidator(sourceHash, () => deriveProfileSchema(framework)) : compileValidator(deriveProfileSchema(framework));
      this.validators.set(framework.id, validate);
    }
    return validate;
  }
}
