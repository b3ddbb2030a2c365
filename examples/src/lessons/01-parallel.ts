// Lesson 1: how do I run functions in parallel?
import { cpuCount, currentProcess, defineTargets, Process } from '@parlab/core';
import type { Lang, Lesson } from '../lesson.js';
import { childSay, countPrimes, ms } from './shared.js';

const LIMIT = 1_000_000;

/** The job each process runs: count primes and say who did it. */
export function job(lang: Lang, index: number, limit: number): void {
  const start = performance.now();
  const primes = countPrimes(limit);
  childSay(lang, { en: 'job {i}: {primes} primes below {limit} in {ms} ms', es: 'tarea {i}: {primes} primos menores que {limit} en {ms} ms' }, {
    i: index,
    primes,
    limit,
    ms: ms(start),
  });
}

defineTargets(import.meta.url, { job });

export const lesson: Lesson = {
  number: 1,
  title: { en: 'How do I run functions in parallel?', es: '¿Cómo ejecutar funciones en paralelo?' },
  async run(ctx) {
    const jobs = Math.max(2, Math.min(cpuCount(), 4));
    const me = currentProcess();
    ctx.say({ en: 'This machine has {cores} CPU cores. The main process is {name}, pid {pid}.', es: 'Esta máquina tiene {cores} núcleos. El proceso principal es {name}, pid {pid}.' }, {
      cores: cpuCount(),
      name: me.name,
      pid: me.pid,
    });
    ctx.say({ en: '\n1) Serial: the main process runs the {n} jobs one after another.', es: '\n1) En serie: el proceso principal ejecuta las {n} tareas una tras otra.' }, { n: jobs });
    let start = performance.now();
    for (let i = 1; i <= jobs; i++) job(ctx.lang, i, LIMIT);
    const serialMs = performance.now() - start;
    ctx.say({ en: 'serial wall time: {ms} ms', es: 'tiempo total en serie: {ms} ms' }, { ms: serialMs.toFixed(0) });

    ctx.say(
      { en: '\n2) Parallel: one {strategy} per job, all started before any is joined.', es: '\n2) En paralelo: un {strategy} por tarea, todos iniciados antes de esperar a ninguno.' },
      { strategy: ctx.strategy === 'process' ? ctx.t({ en: 'child process', es: 'proceso hijo' }) : ctx.t({ en: 'worker thread', es: 'hilo (worker thread)' }) },
    );
    start = performance.now();
    const processes = Array.from({ length: jobs }, (_, i) => new Process({ target: job, args: [ctx.lang, i + 1, LIMIT] }));
    for (const p of processes) p.start();
    for (const p of processes) {
      const id = ctx.strategy === 'thread' ? `pid=${String(p.pid)} thread=${String(p.threadId)}` : `pid=${String(p.pid)}`;
      ctx.say({ en: '  started {name} ({id})', es: '  iniciado {name} ({id})' }, { name: p.name, id });
    }
    for (const p of processes) await p.join();
    const parallelMs = performance.now() - start;
    ctx.say({ en: 'parallel wall time: {ms} ms', es: 'tiempo total en paralelo: {ms} ms' }, { ms: parallelMs.toFixed(0) });
    ctx.say(
      { en: '\nSpeedup: {x}× with {n} jobs on {cores} cores (it includes the cost of starting each {strategy}).', es: '\nAceleración: {x}× con {n} tareas en {cores} núcleos (incluye el coste de iniciar cada {strategy}).' },
      { x: (serialMs / parallelMs).toFixed(2), n: jobs, cores: cpuCount(), strategy: ctx.strategy === 'process' ? ctx.t({ en: 'process', es: 'proceso' }) : ctx.t({ en: 'thread', es: 'hilo' }) },
    );
  },
};
