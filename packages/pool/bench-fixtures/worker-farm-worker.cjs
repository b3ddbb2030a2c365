// Worker module for worker-farm 1.7.0: CommonJS, node-style callbacks.
'use strict';
const jobs = require('./primes.cjs');

module.exports = {
  noop(value, callback) {
    callback(null, jobs.noop(value));
  },
  primes(range, callback) {
    callback(null, jobs.primes(range));
  },
};
