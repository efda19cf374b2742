import { frameworkMetaSchema } from '../framework/framework-meta-schema.js';

/** The JSON Schema every crosswalk file must satisfy; the cross-references are checked in check-crosswalk.ts. */

/** A string, or a map of language → string: the same text type as in framework files. */
const text = frameworkMetaSchema.properties.title;
const frameworkId = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', errorHint: 'give a framework id, as `lexgap frameworks` lists them' };
const provisionId = { type: 'string', minLength: 1 };
const elementId = { type: 'string', pattern: '^[a-z0-9]+$', errorHint: 'element ids are lower-case letters and digits, e.g. a' };

export const crosswalkMetaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'lexgap crosswalk',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'from', 'to', 'note', 'caveats', 'mappings'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', errorHint: 'use lower-case letters, digits and dashes' },
    title: text,
    version: { type: 'string', minLength: 1, errorHint: 'quote the version, e.g. "1"' },
    from: { ...frameworkId, title: 'the framework the profiles answer' },
    to: { ...frameworkId, title: 'the framework the results are derived for' },
    note: text,
    caveats: { type: 'array', minItems: 1, items: text, errorHint: 'list at least one caveat: what a reader of derived results must know' },
    mappings: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['target', 'rule', 'sources'],
        properties: {
          target: { ...provisionId, title: 'a provision of the `to` framework' },
          element: { ...elementId, title: 'one element of the target provision' },
          rule: { enum: ['all-met', 'any-met', 'minimum'], title: 'how the sources decide the target' },
          minimum: { type: 'number', minimum: 0, maximum: 1, title: 'the score the sources must reach', errorHint: 'give a score between 0 and 1, e.g. 0.5' },
          sources: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['provision'],
              properties: {
                provision: { ...provisionId, title: 'a provision of the `from` framework' },
                elements: { type: 'array', minItems: 1, items: elementId, title: 'the elements that count (default: all)' },
              },
            },
          },
          note: text,
        },
      },
    },
  },
} as const;
