// Worker script for workerpool (process mode).
'use strict';
const workerpool = require('workerpool');
const jobs = require('./primes.cjs');

workerpool.worker({ noop: jobs.noop, primes: jobs.primes });
