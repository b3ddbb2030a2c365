// The CPU-bound job of the peers benchmark: count primes in [lo, hi) by trial division.
'use strict';

function countPrimes(lo, hi) {
  let count = 0;
  for (let n = Math.max(2, lo); n < hi; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** The same job as the workers' task functions take it: one `{ lo, hi }` argument. */
function primes(range) {
  return countPrimes(range.lo, range.hi);
}

function noop(value) {
  return value;
}

/** A chunk of `map-noop` for pools without a map: the identity of every item. */
function mapChunk(items) {
  const out = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = noop(items[i]);
  return out;
}

module.exports = { countPrimes, primes, noop, mapChunk };
