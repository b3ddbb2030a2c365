// Lesson 10: run functions in parallel using processes with Pool — map and applyAsync, and what they buy over a serial loop.
import { cpuCount, defineTargets } from '@parlab/core';
import { Pool } from '@parlab/pool';
import { question } from '../course.js';
import { formatCount, formatMs, formatNumber, formatRatio, formatYesNo } from '../format.js';
import type { Lesson } from '../lesson.js';
import { countPrimes, WAIT_MS } from './shared.js';

/** One job, run in a pool worker: an exported, registered function, as every pool task is. */
export function primesBelow(limit: number): number {
  return countPrimes(limit);
}

defineTargets(import.meta.url, { primesBelow });

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const { title, notebooks } = question(10);

export const lesson: Lesson = {
  number: 10,
  title,
  notebooks,
  python: [
    ['Pool(processes=2)', 'new Pool({ workers: 2 })'],
    ['pool.map(f, xs)', 'await pool.map(f, xs)'],
    ['pool.apply_async(f, (x,))', 'pool.applyAsync(f, [x])'],
    ['result.ready() / result.get()', 'result.ready() / await result'],
    ['pool.close(); pool.join()', 'pool.close(); await pool.join()'],
  ],
  async run(ctx) {
    const small = ctx.size === 'small';
    const limits = Array.from({ length: small ? 12 : 40 }, (_, i) => (small ? 6_000 : 60_000) + (small ? 400 : 4_000) * i);
    const workers = cpuCount();
    const workersText = formatCount(ctx.lang, workers, { one: { en: 'worker', es: 'trabajador' }, other: { en: 'workers', es: 'trabajadores' } });
    const f = (n: number): string => formatNumber(ctx.lang, n);
    ctx.say({ en: '{jobs} independent jobs: count the primes below {first}, {second}, … {last}.', es: '{jobs} trabajos independientes: contar los primos menores que {first}, {second}, … {last}.' }, {
      jobs: limits.length,
      first: f(limits[0] ?? 0),
      second: f(limits[1] ?? 0),
      last: f(limits[limits.length - 1] ?? 0),
    });

    let start = performance.now();
    const serial = limits.map(primesBelow);
    const serialMs = performance.now() - start;
    ctx.tell({ en: 'serial loop: {count} primes counted in {ms}', es: 'bucle en serie: {count} primos contados en {ms}' }, { count: f(sum(serial)), ms: formatMs(ctx.lang, serialMs) });

    const pool = new Pool({ strategy: ctx.strategy, workers });
    try {
      // Starting workers costs time once; warm them up so the timings below compare the work itself.
      await pool.map(primesBelow, [10, 20]);
      ctx.tell({ en: 'a pool of {workers} is up ({strategy} strategy)', es: 'ya está en marcha un Pool de {workers} (estrategia {strategy})' }, { workers: workersText, strategy: ctx.strategy });

      start = performance.now();
      const mapped = await pool.map(primesBelow, limits);
      const mapMs = performance.now() - start;
      ctx.tell(
        { en: 'pool.map: {count} primes counted in {ms}, {speedup} the serial loop; results come back in input order: {same}', es: 'pool.map: {count} primos contados en {ms}, {speedup} el bucle en serie; los resultados vuelven en el orden de entrada: {same}' },
        { count: f(sum(mapped)), ms: formatMs(ctx.lang, mapMs), speedup: formatRatio(ctx.lang, serialMs / mapMs), same: formatYesNo(ctx.lang, mapped.every((value, i) => value === serial[i])) },
      );

      start = performance.now();
      const pending = limits.map((limit) => pool.applyAsync(primesBelow, [limit]));
      const readyAtOnce = pending.filter((result) => result.ready()).length;
      ctx.tell({ en: 'applyAsync returns at once: {ready} of {total} results were ready right after submitting', es: 'applyAsync vuelve enseguida: {ready} de {total} resultados estaban listos justo después de enviarlos' }, { ready: readyAtOnce, total: pending.length });
      const applied = await Promise.all(pending);
      const applyMs = performance.now() - start;
      ctx.tell({ en: 'one applyAsync per job: {count} primes counted in {ms}, {speedup} the serial loop', es: 'un applyAsync por trabajo: {count} primos contados en {ms}, {speedup} el bucle en serie' }, {
        count: f(sum(applied)),
        ms: formatMs(ctx.lang, applyMs),
        speedup: formatRatio(ctx.lang, serialMs / applyMs),
      });
      ctx.say({
        en: '\nWith {cores} the best possible is about {best}: each worker runs one job at a time; map sends jobs in chunks, applyAsync one by one.',
        es: '\nCon {cores} lo mejor posible es unas {best}: cada trabajador corre un trabajo a la vez; map envía los trabajos en lotes, applyAsync de uno en uno.',
      }, { cores: formatCount(ctx.lang, workers, { one: { en: 'core', es: 'núcleo' }, other: { en: 'cores', es: 'núcleos' } }), best: formatRatio(ctx.lang, workers) });
    } finally {
      pool.close();
      await pool.join({ timeoutMs: WAIT_MS });
    }
  },
};
