// The hand-rolled floor, process side: one IPC message in, one out, nothing else.
'use strict';
const jobs = require('./primes.cjs');

process.on('message', (message) => {
  const [id, name, argument] = message;
  process.send([id, jobs[name](argument)]);
});
