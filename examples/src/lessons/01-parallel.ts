// Lesson 1: run functions in parallel — the same jobs one after another, then one child per job, and the wall times.
import { cpuCount, defineTargets, Process } from '@parlab/core';
import { question } from '../course.js';
import { formatCount, formatMs, formatNumber, formatRatio } from '../format.js';
import type { Lesson } from '../lesson.js';
import type { Lang } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, startAll } from './children.js';
import { countPrimes, loadAverage, SLOWER, unitOf } from './shared.js';

/** The job each worker runs: count primes and say so, from wherever it runs. */
export function job(lang: Lang, index: number, limit: number): void {
  const start = performance.now();
  const primes = countPrimes(limit);
  tell(lang, { en: 'job {i}: {primes} primes below {limit} in {ms}', es: 'tarea {i}: {primes} primos menores que {limit} en {ms}' }, {
    i: index,
    primes: formatNumber(lang, primes),
    limit: formatNumber(lang, limit),
    ms: formatMs(lang, performance.now() - start),
  });
}

defineTargets(import.meta.url, { job });

const { title, notebooks } = question(1);

export const lesson: Lesson = {
  number: 1,
  title,
  notebooks,
  python: [
    ['Process(target=f, args=(1,))', 'new Process({ target: f, args: [1] })'],
    ['p.start()', 'p.start()'],
    ['p.join()', 'await p.join()'],
    ['os.getpid()', 'currentProcess().pid'],
    ['multiprocessing.cpu_count()', 'cpuCount()'],
  ],
  async run(ctx) {
    const jobs = Math.max(2, Math.min(cpuCount(), 4));
    const limit = ctx.size === 'small' ? 100_000 : 2_000_000;
    const cores = formatCount(ctx.lang, cpuCount(), { one: { en: 'CPU core', es: 'núcleo' }, other: { en: 'CPU cores', es: 'núcleos' } });
    const jobsText = formatCount(ctx.lang, jobs, { one: { en: 'job', es: 'tarea' }, other: { en: 'jobs', es: 'tareas' } });
    ctx.say({ en: 'This machine has {cores}. Each line below starts with who printed it: its name, its pid and, for a thread, its thread id.', es: 'Esta máquina tiene {cores}. Cada línea de abajo empieza por quién la escribió: su nombre, su pid y, si es un hilo, su número de hilo.' }, { cores });

    ctx.say({ en: '\n1) Serial: the main process runs the {jobs} one after another.', es: '\n1) En serie: el proceso principal ejecuta las {jobs} una tras otra.' }, { jobs: jobsText });
    let start = performance.now();
    for (let i = 1; i <= jobs; i++) job(ctx.lang, i, limit);
    const serialMs = performance.now() - start;
    ctx.say({ en: 'serial wall time: {ms}', es: 'tiempo total en serie: {ms}' }, { ms: formatMs(ctx.lang, serialMs) });

    const unit = ctx.t(unitOf(ctx.strategy));
    ctx.say({ en: '\n2) Parallel: one {unit} per job, all started before any is joined.', es: '\n2) En paralelo: un {unit} por tarea, todos arrancados antes de esperar a ninguno.' }, { unit });
    start = performance.now();
    const processes = Array.from({ length: jobs }, (_, i) => new Process({ target: job, args: [ctx.lang, i + 1, limit] }));
    startAll(ctx, processes);
    await joinAll(ctx, processes);
    const parallelMs = performance.now() - start;
    ctx.say({ en: 'parallel wall time: {ms}', es: 'tiempo total en paralelo: {ms}' }, { ms: formatMs(ctx.lang, parallelMs) });
    ctx.say(
      { en: '\nSpeed-up: {x} with {jobs} on {cores} (it includes the cost of starting each {unit}).', es: '\nAceleración: {x} con {jobs} en {cores} (incluye el coste de arrancar cada {unit}).' },
      { x: formatRatio(ctx.lang, serialMs / parallelMs), jobs: jobsText, cores, unit },
    );
    if (parallelMs > serialMs) ctx.say(SLOWER, { load: formatNumber(ctx.lang, loadAverage(), 1), cores });
  },
};
