// Lesson 10: a pool of workers — map and applyAsync, and what they buy over a serial loop.
import { cpuCount, defineTargets } from '@parlab/core';
import { Pool } from '@parlab/pool';
import { performance } from 'node:perf_hooks';
import type { Lesson } from '../lesson.js';
import { countPrimes } from './shared.js';

/** The jobs: count the primes below each of these limits (bigger limits, longer jobs). */
const LIMITS = Array.from({ length: 40 }, (_, i) => 60_000 + 4_000 * i);

/** One job, run in a pool worker: an exported, registered function, as every pool task is. */
export function primesBelow(limit: number): number {
  return countPrimes(limit);
}

defineTargets(import.meta.url, { primesBelow });

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export const lesson: Lesson = {
  number: 10,
  title: {
    en: 'How do I spread many independent jobs over a pool of workers?',
    es: '¿Cómo reparto muchos trabajos independientes entre un grupo de trabajadores?',
  },
  async run(ctx) {
    const workers = cpuCount();
    ctx.say(
      {
        en: '{jobs} independent jobs: count the primes below {first}, {second}, … {last}.',
        es: '{jobs} trabajos independientes: contar los primos menores que {first}, {second}, … {last}.',
      },
      { jobs: LIMITS.length, first: LIMITS[0] ?? 0, second: LIMITS[1] ?? 0, last: LIMITS[LIMITS.length - 1] ?? 0 },
    );

    let start = performance.now();
    const serial = LIMITS.map(primesBelow);
    const serialMs = performance.now() - start;
    ctx.say(
      { en: 'Serial loop in the main program: {count} primes counted in {ms} ms.', es: 'Bucle en serie en el programa principal: {count} primos contados en {ms} ms.' },
      { count: sum(serial), ms: serialMs.toFixed(0) },
    );

    const pool = new Pool({ strategy: ctx.strategy, workers });
    try {
      // Starting workers costs time once; warm them up so the timings below compare the work itself.
      await pool.map(primesBelow, [10, 20]);
      ctx.say(
        { en: 'A pool of {workers} workers ({strategy} strategy) is up.', es: 'Ya está en marcha un pool de {workers} trabajadores (estrategia {strategy}).' },
        { workers, strategy: ctx.strategy },
      );

      start = performance.now();
      const mapped = await pool.map(primesBelow, LIMITS);
      const mapMs = performance.now() - start;
      ctx.say(
        {
          en: 'pool.map: {count} primes counted in {ms} ms, {speedup}× the serial loop; results come back in input order ({same}).',
          es: 'pool.map: {count} primos contados en {ms} ms, {speedup}× el bucle en serie; los resultados vuelven en el orden de entrada ({same}).',
        },
        {
          count: sum(mapped),
          ms: mapMs.toFixed(0),
          speedup: (serialMs / mapMs).toFixed(2),
          same: mapped.every((value, i) => value === serial[i]),
        },
      );

      start = performance.now();
      const pending = LIMITS.map((limit) => pool.applyAsync(primesBelow, [limit]));
      const readyAtOnce = pending.filter((result) => result.ready()).length;
      const applied = await Promise.all(pending);
      const applyMs = performance.now() - start;
      ctx.say(
        {
          en: 'applyAsync returns at once: {ready} of {total} results were ready right after submitting.',
          es: 'applyAsync vuelve enseguida: {ready} de {total} resultados estaban listos justo después de enviarlos.',
        },
        { ready: readyAtOnce, total: pending.length },
      );
      ctx.say(
        {
          en: 'One applyAsync per job: {count} primes counted in {ms} ms, {speedup}× the serial loop.',
          es: 'Un applyAsync por trabajo: {count} primos contados en {ms} ms, {speedup}× el bucle en serie.',
        },
        { count: sum(applied), ms: applyMs.toFixed(0), speedup: (serialMs / applyMs).toFixed(2) },
      );
      ctx.say({
        en: 'With {workers} cores the best possible is about {workers}×: each worker runs one job at a time; map sends jobs in chunks, applyAsync one by one.',
        es: 'Con {workers} núcleos lo mejor posible es unas {workers}×: cada trabajador corre un trabajo a la vez; map envía los trabajos en lotes, applyAsync de uno en uno.',
      }, { workers });
    } finally {
      pool.close();
      await pool.join({ timeoutMs: 30_000 });
    }
  },
};
