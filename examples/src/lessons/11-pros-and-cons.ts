// Lesson 11: the unit's "Ventajas y Desventajas", each one measured with parlab under the chosen strategy.
import { getHeapStatistics } from 'node:v8';
import { CloneError, cpuCount, currentProcess, defineTargets, Process, type StrategyName } from '@parlab/core';
import { Event, Lock } from '@parlab/barrier';
import { Pipe, type Connection } from '@parlab/pipe';
import { Empty, Queue } from '@parlab/queue';
import { ADVANTAGES, DISADVANTAGES, PROS_AND_CONS_TITLE, type UnitPoint } from '../course.js';
import { formatCount, formatMiB, formatMs, formatNumber, formatRatio, formatUs, formatYesNo, type Noun } from '../format.js';
import type { Lesson, LessonContext } from '../lesson.js';
import type { Lang, Text } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, LIFE, startAll } from './children.js';
import { countWith, openCounter, WHERE_THE_COUNTER_LIVES } from './race.js';
import { countPrimesStriped, loadAverage, SLOWER, WAIT_MS } from './shared.js';

const WORKER: Noun = { one: { en: 'worker', es: 'trabajador' }, other: { en: 'workers', es: 'trabajadores' } };
const PRIME: Noun = { one: { en: 'prime', es: 'primo' }, other: { en: 'primes', es: 'primos' } };
const CORE: Noun = { one: { en: 'core', es: 'núcleo' }, other: { en: 'cores', es: 'núcleos' } };

// ——— 1 and 2: efficiency and capacity ———

/** One stripe of the primes below `limit`; reports the count and this process's CPU time so far. */
export async function primeStripe(lang: Lang, limit: number, part: number, parts: number, results: Queue): Promise<void> {
  const count = countPrimesStriped(limit, part, parts);
  tell(lang, { en: 'stripe {part} of {parts}: {count}', es: 'franja {part} de {parts}: {count}' }, { part: part + 1, parts, count: formatCount(lang, count, PRIME) });
  const cpu = process.cpuUsage();
  await results.put({ count, cpuMs: (cpu.user + cpu.system) / 1000 });
}

/** The serial version: a loop. */
function primesSerial(limit: number, parts: number): number {
  let total = 0;
  for (let part = 0; part < parts; part++) total += countPrimesStriped(limit, part, parts);
  return total;
}

/** The parallel version of the same count: a worker per stripe, a queue for the results. */
async function primesParallel(ctx: LessonContext, limit: number, parts: number): Promise<{ total: number; childCpuMs: number }> {
  const results = new Queue();
  const name = ctx.t({ en: 'stripe', es: 'franja' });
  const workers = Array.from({ length: parts }, (_, part) => new Process({ name: `${name}-${part + 1}`, target: primeStripe, args: [ctx.lang, limit, part, parts, results] }));
  startAll(ctx, workers);
  let total = 0;
  let childCpuMs = 0;
  for (let i = 0; i < parts; i++) {
    const { count, cpuMs } = (await results.get({ timeoutMs: WAIT_MS })) as { count: number; cpuMs: number };
    total += count;
    childCpuMs += cpuMs;
  }
  await joinAll(ctx, workers);
  results.close();
  return { total, childCpuMs };
}

async function efficiencyAndCapacity(ctx: LessonContext): Promise<void> {
  const parts = Math.max(2, cpuCount());
  const limit = ctx.size === 'small' ? 60_000 : 4_000_000;
  let start = performance.now();
  const serial = primesSerial(limit, parts);
  const serialMs = performance.now() - start;
  ctx.tell({ en: 'serial: {count} primes below {limit} in {ms}', es: 'en serie: {count} primos menores que {limit} en {ms}' }, { count: formatNumber(ctx.lang, serial), limit: formatNumber(ctx.lang, limit), ms: formatMs(ctx.lang, serialMs) });
  const cpu0 = process.cpuUsage();
  start = performance.now();
  const { total, childCpuMs } = await primesParallel(ctx, limit, parts);
  const parallelMs = performance.now() - start;
  const own = process.cpuUsage(cpu0);
  // A thread's CPU time is already in this process's; a child process reports its own.
  const cpuMs = (own.user + own.system) / 1000 + (ctx.strategy === 'process' ? childCpuMs : 0);
  ctx.tell({ en: 'parallel, {workers}: {count} primes in {ms}: {speedup} the serial time', es: 'en paralelo, {workers}: {count} primos en {ms}: {speedup} el tiempo en serie' }, {
    workers: formatCount(ctx.lang, parts, WORKER),
    count: formatNumber(ctx.lang, total),
    ms: formatMs(ctx.lang, parallelMs),
    speedup: formatRatio(ctx.lang, serialMs / parallelMs),
  });
  if (parallelMs > serialMs) ctx.say(SLOWER, { load: formatNumber(ctx.lang, loadAverage(), 1), cores: formatCount(ctx.lang, cpuCount(), CORE) });
  ctx.say(point(ADVANTAGES[1]), { n: 2 });
  ctx.tell({ en: 'CPU time used during the parallel run: {cpu} in {wall} of wall time, that is {busy} of {cores} kept busy on average (starting the workers included)', es: 'tiempo de CPU usado en la ejecución en paralelo: {cpu} en {wall} de reloj, es decir, {busy} de {cores} ocupados de media (arrancar los trabajadores incluido)' }, {
    cpu: formatMs(ctx.lang, cpuMs),
    wall: formatMs(ctx.lang, parallelMs),
    busy: formatNumber(ctx.lang, cpuMs / parallelMs, 1),
    cores: formatCount(ctx.lang, cpuCount(), CORE),
  });
}

// ——— 3: stability ———

/** A healthy worker of the test program: works, then waits for the test to be over, then ends well. */
export async function steady(lang: Lang, ready: Queue, over: Event): Promise<void> {
  tell(lang, { en: 'working; I wait until the test is over', es: 'trabajando; espero a que acabe la prueba' });
  await ready.put(currentProcess().name);
  if (await over.wait({ timeoutMs: WAIT_MS })) tell(lang, { en: 'still alive: I end normally', es: 'sigo vivo: termino con normalidad' });
}

/** The failing worker: the operating system kills its process, as the OOM killer or a crash in native code would. */
export function crash(lang: Lang): void {
  tell(lang, { en: 'I fail: the system kills my process (SIGKILL)', es: 'fallo: el sistema mata mi proceso (SIGKILL)' });
  process.kill(process.pid, 'SIGKILL');
}

/** The test program, a process of its own: two healthy workers and one that fails, under `strategy`. */
export async function testProgram(lang: Lang, strategy: StrategyName, report: Queue): Promise<void> {
  const ready = new Queue();
  const over = new Event({ strategy });
  const names: Text = { en: 'healthy', es: 'sano' };
  const healthy = [1, 2].map((n) => new Process({ name: `${names[lang]}-${n}`, target: steady, args: [lang, ready, over], strategy }));
  const failing = new Process({ name: lang === 'es' ? 'fallido' : 'failing', target: crash, args: [lang], strategy });
  // The same lines as the lesson's own startAll/joinAll, said from inside the test program.
  for (const p of healthy) {
    tell(lang, LIFE.start, { name: p.name });
    p.start();
  }
  for (let i = 0; i < healthy.length; i++) await ready.get({ timeoutMs: WAIT_MS });
  tell(lang, { en: 'both healthy workers are working; I start the failing one', es: 'los dos trabajadores sanos están trabajando; arranco el que falla' });
  tell(lang, LIFE.start, { name: failing.name });
  failing.start();
  tell(lang, LIFE.ended, { name: failing.name, code: await failing.join(WAIT_MS) });
  tell(lang, { en: 'the others go on', es: 'los demás siguen' });
  await over.set();
  for (const p of healthy) tell(lang, LIFE.ended, { name: p.name, code: await p.join(WAIT_MS) });
  await report.put(healthy.filter((p) => p.exitCode === 0).length);
}

async function stability(ctx: LessonContext): Promise<void> {
  const report = new Queue();
  // The test program is a child process under both strategies, so that whatever happens to it, this lesson goes on.
  const program = new Process({ name: ctx.t({ en: 'test-program', es: 'programa-de-prueba' }), target: testProgram, args: [ctx.lang, ctx.strategy, report], strategy: 'process' });
  startAll(ctx, [program]);
  await joinAll(ctx, [program]);
  let survivors = 0;
  try {
    survivors = (await report.getNowait()) as number;
  } catch (error) {
    if (!(error instanceof Empty)) throw error;
  }
  report.close();
  ctx.tell(
    ctx.strategy === 'process'
      ? { en: 'the failing worker was a process of its own: only it died; {survivors} of 2 healthy workers ended normally, and the test program with exitCode {code}', es: 'el trabajador que falla era un proceso aparte: solo murió él; {survivors} de 2 trabajadores sanos terminaron con normalidad, y el programa de prueba con exitCode {code}' }
      : { en: 'the failing worker was a thread of the test program: the system killed the whole process, threads and all; {survivors} of 2 healthy workers ended normally (exitCode {code})', es: 'el trabajador que falla era un hilo del programa de prueba: el sistema mató el proceso entero, con todos sus hilos; {survivors} de 2 trabajadores sanos terminaron con normalidad (exitCode {code})' },
    { survivors, code: program.exitCode },
  );
  ctx.say({
    en: 'An error thrown in a thread, or a thread that runs out of its own heap, ends only that thread in Node; what a thread cannot survive is the end of its process.',
    es: 'En Node, un error lanzado en un hilo, o un hilo que agota su propia memoria de objetos, termina solo ese hilo; lo que un hilo no sobrevive es el final de su proceso.',
  });
}

// ——— 4: resource management ———

/** Reports the heap limit it was given and the process the system sees it as. */
export async function budget(lang: Lang, reports: Queue): Promise<void> {
  const limit = getHeapStatistics().heap_size_limit;
  tell(lang, { en: 'V8 limits my heap to {limit} in all (heap_size_limit); to the system I am process {pid}', es: 'V8 limita mi memoria de objetos a {limit} en total (heap_size_limit); para el sistema soy el proceso {pid}' }, { limit: formatMiB(lang, limit), pid: process.pid });
  await reports.put(process.pid);
}

async function resources(ctx: LessonContext): Promise<void> {
  const reports = new Queue();
  const heapMb = 64;
  ctx.tell({ en: 'I start 2 workers, each with a budget: resourceLimits: { maxOldGenerationSizeMb: {mb} } (the old generation; V8 adds the young one)', es: 'arranco 2 trabajadores, cada uno con un presupuesto: resourceLimits: { maxOldGenerationSizeMb: {mb} } (la generación vieja; V8 le suma la joven)' }, { mb: heapMb });
  const name = ctx.t({ en: 'budget', es: 'presupuesto' });
  const workers = [1, 2].map((n) => new Process({ name: `${name}-${n}`, target: budget, args: [ctx.lang, reports], resourceLimits: { maxOldGenerationSizeMb: heapMb } }));
  startAll(ctx, workers);
  await joinAll(ctx, workers);
  const pids = new Set<number>();
  for (let i = 0; i < workers.length; i++) pids.add((await reports.get({ timeoutMs: WAIT_MS })) as number);
  reports.close();
  ctx.tell(
    ctx.strategy === 'process'
      ? { en: '{n} different pids: the operating system measures, limits and stops each worker on its own (ps, top, ulimit, cgroups)', es: '{n} pids distintos: el sistema operativo mide, limita y detiene cada trabajador por separado (ps, top, ulimit, cgroups)' }
      : { en: '{n} pid, {pid}, this program’s: to the operating system all threads are one process; only the heap limit is per thread', es: '{n} pid, {pid}, el de este programa: para el sistema operativo todos los hilos son un solo proceso; solo el límite de memoria de objetos es de cada hilo' },
    { n: pids.size, pid: process.pid },
  );
}

// ——— disadvantage 1: resource consumption ———

/** Says it is up (with its process's resident memory), then stays alive until `done`. */
export async function idle(lang: Lang, up: Queue, done: Event): Promise<void> {
  const rss = process.memoryUsage().rss;
  tell(lang, { en: 'up; my process uses {rss} of memory (RSS)', es: 'en marcha; mi proceso usa {rss} de memoria (RSS)' }, { rss: formatMiB(lang, rss) });
  await up.put(rss);
  await done.wait({ timeoutMs: WAIT_MS });
}

async function consumption(ctx: LessonContext): Promise<void> {
  const count = 3;
  const up = new Queue();
  const done = new Event();
  const name = ctx.t({ en: 'idle', es: 'ocioso' });
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const workers = Array.from({ length: count }, (_, i) => new Process({ name: `${name}-${i + 1}`, target: idle, args: [ctx.lang, up, done] }));
  startAll(ctx, workers);
  let childRss = 0;
  for (let i = 0; i < count; i++) childRss += (await up.get({ timeoutMs: WAIT_MS })) as number;
  const upMs = performance.now() - start;
  const rssAfter = process.memoryUsage().rss;
  // A thread's memory is part of this process's RSS; a child process has its own.
  const perWorker = ctx.strategy === 'process' ? childRss / count : Math.max(0, rssAfter - rssBefore) / count;
  ctx.tell(
    ctx.strategy === 'process'
      ? { en: '{workers} up in {ms} (about {each} per worker); each child process uses {mem} of its own', es: '{workers} en marcha en {ms} (unos {each} por trabajador); cada proceso hijo usa {mem} propios' }
      : { en: '{workers} up in {ms} (about {each} per worker); this process grew by {mem} per thread', es: '{workers} en marcha en {ms} (unos {each} por trabajador); este proceso creció {mem} por hilo' },
    { workers: formatCount(ctx.lang, count, WORKER), ms: formatMs(ctx.lang, upMs), each: formatMs(ctx.lang, upMs / count), mem: formatMiB(ctx.lang, perWorker) },
  );
  await done.set();
  await joinAll(ctx, workers);
  up.close();
}

// ——— disadvantage 2: code complexity ———

function lines(fn: (...args: never[]) => unknown): number {
  return fn.toString().split('\n').length;
}

async function complexity(ctx: LessonContext): Promise<void> {
  ctx.tell({ en: 'the same count of primes in this lesson’s own code: primesSerial has {serial} lines, primesParallel {parallel} (workers, a queue, start, join)', es: 'el mismo recuento de primos en el propio código de esta lección: primesSerial tiene {serial} líneas, primesParallel {parallel} (trabajadores, una cola, start, join)' }, {
    serial: lines(primesSerial),
    parallel: lines(primesParallel),
  });
  try {
    new Process({ target: primeStripe, args: [() => 1] }).start();
  } catch (error) {
    if (!(error instanceof CloneError)) throw error;
    ctx.tell({ en: 'and a rule a serial program never meets: start() refuses a function as an argument (CloneError at {path}): only data crosses to another process or thread', es: 'y una regla que un programa en serie no conoce: start() rechaza una función como argumento (CloneError en {path}): a otro proceso o hilo solo pasan datos' }, { path: error.path ?? 'args[0]' });
  }
}

// ——— disadvantage 3: synchronization problems ———

async function synchronization(ctx: LessonContext): Promise<void> {
  const workers = 2;
  const adds = ctx.size === 'small' ? 20 : 50;
  const { counter, close } = await openCounter(ctx.strategy);
  try {
    ctx.say(WHERE_THE_COUNTER_LIVES[counter.kind]);
    const racy = await countWith(ctx, counter, null, workers, adds);
    ctx.tell({ en: 'without a lock: expected {expected}, got {got} ({lost} updates lost)', es: 'sin cerrojo: se esperaba {expected}, salió {got} ({lost} sumas perdidas)' }, { expected: workers * adds, got: racy, lost: workers * adds - racy });
    const safe = await countWith(ctx, counter, new Lock(), workers, adds);
    ctx.tell({ en: 'with a Lock: expected {expected}, got {got}', es: 'con un Lock: se esperaba {expected}, salió {got}' }, { expected: workers * adds, got: safe });
  } finally {
    await close();
  }
}

// ——— disadvantage 4: communication problems ———

/** A plain class: its instances cross as plain objects, without their class. */
export class Point {
  constructor(readonly x: number, readonly y: number) {}
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}

/** How many times the thread adds to shared memory, to time one addition. */
const SHARED_ADDS = 100_000;

/** Echoes numbers back (one more than `rounds`: the first one only wakes the line up); looks at one Point; adds to shared memory when it gets some. */
export async function echo(lang: Lang, conn: Connection, rounds: number, memory: SharedArrayBuffer | null): Promise<void> {
  for (let i = 0; i <= rounds; i++) await conn.send(await conn.recv({ timeoutMs: WAIT_MS }));
  const point = (await conn.recv({ timeoutMs: WAIT_MS })) as Point;
  tell(lang, { en: 'received a Point: instanceof Point = {is}; has norm()? {norm}; its fields: x = {x}, y = {y}', es: 'recibo un Point: instanceof Point = {is}; ¿tiene norm()? {norm}; sus campos: x = {x}, y = {y}' }, {
    is: point instanceof Point,
    norm: formatYesNo(lang, typeof (point as { norm?: unknown }).norm === 'function'),
    x: point.x,
    y: point.y,
  });
  let perAddUs = 0;
  if (memory !== null) {
    const shared = new Int32Array(memory);
    const start = performance.now();
    for (let i = 0; i < SHARED_ADDS; i++) Atomics.add(shared, 0, 1);
    perAddUs = ((performance.now() - start) * 1000) / SHARED_ADDS;
  }
  await conn.send(perAddUs);
  conn.close();
}

async function communication(ctx: LessonContext): Promise<void> {
  const rounds = ctx.size === 'small' ? 200 : 2000;
  const [mine, theirs] = await Pipe();
  const memory = ctx.strategy === 'thread' ? new SharedArrayBuffer(4) : null;
  const child = new Process({ name: ctx.t({ en: 'echo', es: 'eco' }), target: echo, args: [ctx.lang, theirs, rounds, memory] });
  startAll(ctx, [child]);
  // The first round trip waits for the child to be up: it is not timed.
  await mine.send(-1);
  await mine.recv({ timeoutMs: WAIT_MS });
  const start = performance.now();
  for (let i = 0; i < rounds; i++) {
    await mine.send(i);
    await mine.recv({ timeoutMs: WAIT_MS });
  }
  const roundTripUs = ((performance.now() - start) * 1000) / rounds;
  ctx.tell({ en: '{rounds} round trips through a Pipe: {us} each', es: '{rounds} idas y vueltas por una Pipe: {us} cada una' }, { rounds: formatNumber(ctx.lang, rounds), us: formatUs(ctx.lang, roundTripUs) });
  ctx.tell({ en: 'I send a Point(3, 4), an object of a class', es: 'envío un Point(3, 4), un objeto de una clase' });
  await mine.send(new Point(3, 4));
  const perAddUs = (await mine.recv({ timeoutMs: WAIT_MS })) as number;
  mine.close();
  await joinAll(ctx, [child]);
  if (memory !== null) {
    ctx.tell({ en: 'the thread also added 1 to shared memory {rounds} times: {us} each, {times} cheaper than a message; the sum, read here: {sum}', es: 'el hilo también sumó 1 en memoria compartida {rounds} veces: {us} cada vez, {times} más barato que un mensaje; la suma, leída aquí: {sum}' }, {
      rounds: formatNumber(ctx.lang, SHARED_ADDS),
      us: formatUs(ctx.lang, perAddUs),
      times: formatRatio(ctx.lang, roundTripUs / Math.max(perAddUs, 1e-3)),
      sum: formatNumber(ctx.lang, Atomics.load(new Int32Array(memory), 0)),
    });
  } else {
    try {
      new Process({ target: echo, args: [ctx.lang, null, 0, new SharedArrayBuffer(4)] }).start();
    } catch (error) {
      if (!(error instanceof CloneError)) throw error;
      ctx.tell({ en: 'shared memory is no way out here: a SharedArrayBuffer cannot go to another process (CloneError at {path}); every exchange is a message', es: 'la memoria compartida no es una salida aquí: un SharedArrayBuffer no puede ir a otro proceso (CloneError en {path}); cada intercambio es un mensaje' }, { path: error.path ?? 'args[3]' });
    }
  }
}

// ——— the lesson ———

function point(p: UnitPoint | undefined): Text {
  if (p === undefined) throw new RangeError('no such point in the unit');
  return { en: `\n{n}. ${p.title.en}: ${p.text.en}`, es: `\n{n}. ${p.title.es}: ${p.text.es}` };
}

export const lesson: Lesson = {
  number: 11,
  title: PROS_AND_CONS_TITLE,
  notebooks: ['Multiprocessing.ipynb'],
  python: [
    ['os.getpid()', 'currentProcess().pid'],
    ['os.times()', 'process.cpuUsage()'],
    ["psutil.Process().memory_info().rss", 'process.memoryUsage().rss'],
    ['pickle.PicklingError', 'CloneError'],
    ['multiprocessing.shared_memory', 'SharedArrayBuffer (thread)'],
    ['p.exitcode == -9', 'p.exitCode === -9'],
  ],
  async run(ctx) {
    ctx.say({
      en: 'The unit lists four advantages and four disadvantages. Each one is measured here under the {strategy} strategy; run this lesson with the other strategy to compare.',
      es: 'La unidad enumera cuatro ventajas y cuatro desventajas. Aquí se mide cada una con la estrategia {strategy}; ejecuta esta lección con la otra estrategia para comparar.',
    }, { strategy: ctx.strategy });
    ctx.say({ en: '\nAdvantages', es: '\nVentajas' });
    ctx.say(point(ADVANTAGES[0]), { n: 1 });
    await efficiencyAndCapacity(ctx);
    ctx.say(point(ADVANTAGES[2]), { n: 3 });
    await stability(ctx);
    ctx.say(point(ADVANTAGES[3]), { n: 4 });
    await resources(ctx);

    ctx.say({ en: '\nDisadvantages', es: '\nDesventajas' });
    ctx.say(point(DISADVANTAGES[0]), { n: 1 });
    await consumption(ctx);
    ctx.say(point(DISADVANTAGES[1]), { n: 2 });
    await complexity(ctx);
    ctx.say(point(DISADVANTAGES[2]), { n: 3 });
    await synchronization(ctx);
    ctx.say(point(DISADVANTAGES[3]), { n: 4 });
    await communication(ctx);
  },
};

defineTargets(import.meta.url, { primeStripe, steady, crash, testProgram, budget, idle, echo, Point });
