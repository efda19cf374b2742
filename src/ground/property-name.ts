/**
 * The same text, as the string V8 keeps for a property of that name (internalised): two such strings
 * are compared by their place in memory, and looking one up as a property name finds it at once.
 */
export function asPropertyName(name: string): string {
  return Object.keys({ [name]: 0 })[0]!;
}
