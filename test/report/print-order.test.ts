import { describe, expect, it } from 'vitest';
import { printOrder } from '../../src/report/print-order.js';

describe('the order a batch is printed in', () => {
  it('starts with the longest documents; equal ones keep the order they were given in', () => {
    // Lengths 300, 650, 100, 650, 450: the two of 650 (indexes 1 and 3, in that order), then 450, 300, 100.
    expect(printOrder([300, 650, 100, 650, 450])).toEqual([1, 3, 4, 0, 2]);
    expect(printOrder([])).toEqual([]);
  });
});
