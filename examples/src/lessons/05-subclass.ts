// Lesson 5: how do I use a process in a subclass?
import { currentProcess, defineTargets, Process } from '@parlab/core';
import type { Lang, Lesson } from '../lesson.js';
import { childSay, countPrimes } from './shared.js';

/** A Process subclass: its constructor stores what run() needs; run() executes in the child. */
export class PrimeCounter extends Process {
  readonly limit: number;
  readonly lang: Lang;
  constructor(limit: number, lang: Lang) {
    super({ name: `primes<${limit}` });
    this.limit = limit;
    this.lang = lang;
  }

  override run(): void {
    const primes = countPrimes(this.limit);
    childSay(this.lang, { en: 'run() in {me}: {primes} primes below {limit}', es: 'run() en {me}: {primes} primos menores que {limit}' }, {
      me: currentProcess().name,
      primes,
      limit: this.limit,
    });
  }
}

defineTargets(import.meta.url, { PrimeCounter });

export const lesson: Lesson = {
  number: 5,
  title: { en: 'How do I use a process in a subclass?', es: '¿Cómo usar un proceso en una subclase?' },
  async run(ctx) {
    ctx.say({
      en: 'PrimeCounter extends Process and overrides run(). Its fields (limit, lang) travel to the child, as Python pickles the object.',
      es: 'PrimeCounter extiende Process y redefine run(). Sus campos (limit, lang) viajan al hijo, como Python serializa el objeto con pickle.',
    });
    const counters = [100_000, 200_000, 300_000].map((limit) => new PrimeCounter(limit, ctx.lang));
    for (const c of counters) c.start();
    for (const c of counters) await c.join();
    for (const c of counters) ctx.say({ en: '{name}: exitCode = {code}', es: '{name}: exitCode = {code}' }, { name: c.name, code: c.exitCode });
  },
};
