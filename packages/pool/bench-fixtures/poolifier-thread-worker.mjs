// Worker file for poolifier's FixedThreadPool.
import { ThreadWorker } from 'poolifier';
import jobs from './primes.cjs';

export default new ThreadWorker({ noop: jobs.noop, primes: jobs.primes });
