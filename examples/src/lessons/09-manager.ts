// Lesson 9: how do several processes share a dict and a list? With a Manager and its proxies.
import { currentProcess, defineTargets, Process } from '@parlab/core';
import { Manager, type DictProxy, type ListProxy } from '@parlab/manager';
import type { Lang, Lesson } from '../lesson.js';
import { childSay } from './shared.js';

const WORKERS = 3;
const PER_WORKER = 5;

/** Squares its share of the numbers into the shared dict and signs the shared list. */
export async function squares(lang: Lang, worker: number, results: DictProxy<number, number>, visitors: ListProxy<string>): Promise<void> {
  for (let i = 0; i < PER_WORKER; i++) {
    const n = worker * PER_WORKER + i;
    await results.set(n, n * n);
  }
  await visitors.append(currentProcess().name);
  childSay(lang, { en: 'wrote {count} squares and signed the list', es: 'escribí {count} cuadrados y firmé la lista' }, { count: PER_WORKER });
}

defineTargets(import.meta.url, { squares });

export const lesson: Lesson = {
  number: 9,
  title: { en: 'How do several processes share a dict and a list?', es: '¿Cómo comparten varios procesos un diccionario y una lista?' },
  async run(ctx) {
    ctx.say({
      en: 'A Manager starts a server ({where}) that holds the real objects; everyone else gets proxies and calls them (each call is a message, so it is async).',
      es: 'Un Manager arranca un servidor ({where}) que guarda los objetos de verdad; los demás reciben proxies y los llaman (cada llamada es un mensaje, por eso es asíncrona).',
    }, { where: ctx.t(ctx.strategy === 'process' ? { en: 'a child process', es: 'un proceso hijo' } : { en: 'a worker thread', es: 'un hilo trabajador' }) });
    await using manager = await Manager.start();
    const results = await manager.dict<number, number>();
    const visitors = await manager.list<string>();
    const workers = Array.from({ length: WORKERS }, (_, worker) => new Process({ target: squares, args: [ctx.lang, worker, results, visitors] }));
    for (const p of workers) p.start();
    for (const p of workers) await p.join(30_000);
    const entries = (await results.entries()).sort((a, b) => a[0] - b[0]);
    ctx.say({ en: '\nThe dict has {size} entries: {entries}', es: '\nEl diccionario tiene {size} entradas: {entries}' }, {
      size: entries.length,
      entries: entries.map(([n, square]) => `${n}→${square}`).join(' '),
    });
    ctx.say({ en: 'The list, in the order they signed: {names}', es: 'La lista, en el orden en que firmaron: {names}' }, { names: (await visitors.toArray()).join(', ') });
    ctx.say({
      en: '\nThe proxies crossed to the workers as arguments, as in Python. A Manager can also listen on TCP with an authkey (Manager.start({ address, authkey }) and ManagerClient.connect()), so programs on other machines can share the same objects.',
      es: '\nLos proxies llegaron a los trabajadores como argumentos, como en Python. Un Manager también puede escuchar por TCP con una clave (Manager.start({ address, authkey }) y ManagerClient.connect()), así que programas en otras máquinas pueden compartir los mismos objetos.',
    });
  },
};
