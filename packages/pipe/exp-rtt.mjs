import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { defineTargets, Process } from '@parlab/core';
import { Pipe, EOFError } from './dist/src/index.js';
export async function profEcho(conn, prof) {
  let session;
  if (prof) { session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start'); }
  for (;;) { try { await conn.send(await conn.recv()); } catch (e) { if (e instanceof EOFError) break; throw e; } }
  if (prof) { const { profile } = await session.post('Profiler.stop'); writeFileSync('/tmp/prof/child.cpuprofile', JSON.stringify(profile)); }
  conn.close();
}
defineTargets(import.meta.url, { profEcho });
if (process.argv[2]) {
  const strategy = process.argv[2]; const batch = 5000;
  const [here, there] = await Pipe({ strategy });
  const child = new Process({ target: profEcho, args: [there, process.argv[3] === 'prof'], strategy });
  child.start();
  for (let s = 0; s < 8; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) { await here.send(i); await here.recv({ timeoutMs: 10_000 }); }
    console.log(strategy, (((performance.now() - start) * 1000) / batch).toFixed(1), 'us');
  }
  here.close(); await child.join(10_000);
}
