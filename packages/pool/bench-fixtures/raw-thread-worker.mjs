// The hand-rolled floor, thread side: one message in, one message out, nothing else.
import { parentPort } from 'node:worker_threads';
import jobs from './primes.cjs';

parentPort.on('message', (message) => {
  const [id, name, argument] = message;
  parentPort.postMessage([id, jobs[name](argument)]);
});
