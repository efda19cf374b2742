import { Ajv } from 'ajv';

/**
 * One Ajv set-up for frameworks and profiles. `verbose` gives each error its schema, so messages can
 * use the schema's titles and hints. `$data` stays off (CVE-2025-69873).
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  // Annotations read by editors (markdownDescription) and by our messages (errorHint): no validation.
  ajv.addKeyword({ keyword: 'errorHint', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  return ajv;
}
