// Lesson 5: use a process in a subclass — a Process subclass whose run() executes in the child, with the fields it was built with.
import { currentProcess, defineTargets, Process } from '@parlab/core';
import { question } from '../course.js';
import { formatNumber } from '../format.js';
import type { Lesson } from '../lesson.js';
import type { Lang } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, startAll } from './children.js';
import { countPrimes } from './shared.js';

/** A Process subclass: its constructor stores what run() needs; run() executes in the child. */
export class PrimeCounter extends Process {
  readonly limit: number;
  readonly lang: Lang;
  constructor(limit: number, lang: Lang) {
    super({ name: `${lang === 'es' ? 'primos' : 'primes'}<${limit}` });
    this.limit = limit;
    this.lang = lang;
  }

  override run(): void {
    const primes = countPrimes(this.limit);
    tell(this.lang, { en: 'run() in {me}: {primes} primes below {limit}', es: 'run() en {me}: {primes} primos menores que {limit}' }, {
      me: currentProcess().name,
      primes: formatNumber(this.lang, primes),
      limit: formatNumber(this.lang, this.limit),
    });
  }
}

defineTargets(import.meta.url, { PrimeCounter });

const { title, notebooks } = question(5);

export const lesson: Lesson = {
  number: 5,
  title,
  notebooks,
  python: [
    ['class PrimeCounter(Process):', 'class PrimeCounter extends Process {'],
    ['super().__init__(name=…)', 'super({ name: … })'],
    ['def run(self):', 'override run(): void'],
    ['pickle.dumps(p)', 'defineTargets(import.meta.url, { PrimeCounter })'],
  ],
  async run(ctx) {
    ctx.say({
      en: 'PrimeCounter extends Process and overrides run(). Its fields (limit, lang) travel to the child, as Python pickles the object; the constructor does not run again there.',
      es: 'PrimeCounter extiende Process y redefine run(). Sus campos (limit, lang) viajan al hijo, como Python serializa el objeto con pickle; allí el constructor no vuelve a ejecutarse.',
    });
    const limits = ctx.size === 'small' ? [10_000, 20_000, 30_000] : [100_000, 200_000, 300_000];
    const counters = limits.map((limit) => new PrimeCounter(limit, ctx.lang));
    startAll(ctx, counters);
    await joinAll(ctx, counters);
  },
};
