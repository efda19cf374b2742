import type { Text } from './types.js';

/** The text in `lang`, falling back to English, then to the first language given. */
export function textIn(text: Text | undefined, lang = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}
