// Worker file for piscina and tinypool: tasks are named exports.
import jobs from './primes.cjs';

export const noop = jobs.noop;
export const primes = jobs.primes;
export default jobs.noop;
