// What the workers of fibonacci run; the serial reference runs the same function on the main thread.
import { defineTargets } from '@parlab/core';

/** Naive doubly recursive Fibonacci: exponential work, no memory traffic at all. */
export function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

defineTargets(import.meta.url, { fib });
