/** The JSON Schema every framework file must satisfy; semantic cross-checks live in check-framework.ts. */

const text = {
  description: 'A string, or a map of language code → string ({en: …, th: …}); English is the fallback.',
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      propertyNames: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' },
      properties: { en: { type: 'string', minLength: 1 } },
      additionalProperties: { type: 'string', minLength: 1 },
      required: ['en'],
      minProperties: 1,
    },
  ],
};
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', errorHint: 'write the date as YYYY-MM-DD' };
const httpUrl = { type: 'string', pattern: '^https?://\\S+$', errorHint: 'use an http:// or https:// address' };
const key = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_./-]*$' };
const described = {
  type: 'object',
  additionalProperties: false,
  required: ['label'],
  properties: { label: text, description: text },
};

export const frameworkMetaSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'lexgap framework',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'version', 'source', 'bases', 'scale', 'initialAnswer', 'attainment', 'tiers'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', errorHint: 'use lower-case letters, digits and dashes' },
    title: text,
    shortTitle: text,
    default: { type: 'boolean', description: 'true: the framework lexgap uses when a command names none (only one framework may say so).' },
    version: { type: 'string', minLength: 1, errorHint: 'quote the version, e.g. "2023"' },
    source: {
      type: 'object',
      additionalProperties: false,
      properties: {
        publisher: text, title: text, url: httpUrl, checked: date, note: text,
        caveat: { ...text, description: 'One sentence on how far the provisions can be relied on (e.g. reconstructed from named instruments); printed on every report\'s cover and the brief\'s first page.' },
      },
    },
    bases: { type: 'object', minProperties: 1, propertyNames: key, additionalProperties: described },
    instruments: {
      type: 'object',
      propertyNames: key,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title'],
        properties: { title: text, url: httpUrl },
      },
    },
    provenances: { type: 'object', propertyNames: key, additionalProperties: described },
    focusAreas: {
      description: 'The focus areas a provision can serve (for example a regional plan of action\'s), with the source of their wording.',
      type: 'object',
      additionalProperties: false,
      required: ['areas'],
      properties: {
        source: {
          type: 'object',
          additionalProperties: false,
          properties: { publisher: text, title: text, url: httpUrl, checked: date, note: text },
        },
        areas: { type: 'object', minProperties: 1, propertyNames: { pattern: '^[1-9][0-9]*$' }, additionalProperties: described },
      },
    },
    scale: {
      type: 'object',
      minProperties: 2,
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['score', 'label'],
        properties: {
          score: { anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'null' }] },
          label: text,
          description: text,
          evidence: { enum: ['required', 'optional'] },
          applicable: { type: 'boolean' },
        },
      },
    },
    initialAnswer: { type: 'string' },
    weights: { type: 'object', propertyNames: { pattern: '^\\d+(\\.\\d+)?$' }, additionalProperties: described },
    attainment: {
      type: 'object',
      additionalProperties: false,
      required: ['threshold'],
      properties: { threshold: { type: 'number', minimum: 0, maximum: 1 } },
    },
    tiers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'provisions'],
        properties: {
          id: key,
          title: text,
          description: text,
          provisions: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'title', 'requirement', 'weight', 'basis', 'elements', 'recommendation'],
              properties: {
                id: key,
                title: text,
                requirement: text,
                weight: { type: 'number', exclusiveMinimum: 0 },
                basis: { type: 'string' },
                basisNote: text,
                focusArea: {
                  anyOf: [
                    { type: 'integer', minimum: 1 },
                    { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'integer', minimum: 1 } },
                  ],
                  errorHint: 'give a focus area number, or a list of them such as [1, 3]',
                },
                references: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['instrument'],
                    properties: {
                      instrument: { type: 'string' },
                      locator: { type: 'string' },
                      provenance: { type: 'string' },
                      note: text,
                    },
                  },
                },
                elements: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['id', 'text'],
                    properties: {
                      id: { type: 'string', pattern: '^[a-z0-9]+$' },
                      text,
                      /** What to insert or amend so that this element is met. */
                      amendment: text,
                      /** Where partial answers are common: what a partial law usually lacks. */
                      partialNote: text,
                      /** Good practice: listed apart, never lowers a score or makes a gap. */
                      goodPractice: { type: 'boolean' },
                    },
                  },
                },
                recommendation: text,
              },
            },
          },
        },
      },
    },
  },
} as const;
