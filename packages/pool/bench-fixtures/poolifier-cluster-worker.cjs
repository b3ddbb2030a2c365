// Worker file for poolifier's FixedClusterPool (CommonJS: its cluster workers are plain scripts).
'use strict';
const { ClusterWorker } = require('poolifier');
const jobs = require('./primes.cjs');

module.exports = new ClusterWorker({ noop: jobs.noop, primes: jobs.primes });
