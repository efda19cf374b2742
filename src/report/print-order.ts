/**
 * The order to print a batch in: the longest documents first, by the length of their HTML (which
 * follows their page count). Printed two at a time in the order given, a long report that comes last
 * is printed alone while the other slot has nothing left to do (the countries in folder order: VN,
 * 51 pages, last but one); longest first, the short ones fill in around the long ones and the two
 * slots finish close together. Returns the documents' indexes; equal lengths keep their order.
 */
export function printOrder(lengths: readonly number[]): number[] {
  return lengths
    .map((length, index) => ({ length, index }))
    .sort((a, b) => b.length - a.length || a.index - b.index)
    .map((d) => d.index);
}
