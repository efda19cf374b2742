import { compileValidator, type Validate } from '../findings/compile-validator.js';
import { deriveProfileSchema } from './derive-profile-schema.js';
import type { Framework, LoadedFramework } from './types.js';

/** The frameworks available to a run, each with its profile validator compiled once, on first use. */
export class FrameworkCatalogue {
  private readonly validators = new Map<string, Validate>();

  constructor(readonly loaded: readonly LoadedFramework[]) {}

  ids(): string[] {
    return this.loaded.map((l) => l.framework.id);
  }

  get(id: string): Framework | undefined {
    return this.loaded.find((l) => l.framework.id === id)?.framework;
  }

  profileValidator(framework: Framework): Validate {
    let validate = this.validators.get(framework.id);
    if (!validate) {
      validate = compileValidator(deriveProfileSchema(framework));
      this.validators.set(framework.id, validate);
    }
    return validate;
  }
}
