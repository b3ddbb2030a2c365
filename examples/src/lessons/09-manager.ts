// Lesson 9: synchronize processes using a manager — a dict, a list and a lock that live in the Manager's server, used by several workers.
import { currentProcess, defineTargets, Process } from '@parlab/core';
import { Manager, type DictProxy, type ListProxy, type LockProxy } from '@parlab/manager';
import { question } from '../course.js';
import type { Lesson } from '../lesson.js';
import { render, type Lang } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, startAll } from './children.js';
import { WAIT_MS } from './shared.js';

const WORKERS = 3;
const PER_WORKER = 5;

/** Squares its share of the numbers into the shared dict, then signs the shared list under the manager's lock. */
export async function squares(lang: Lang, worker: number, results: DictProxy<number, number>, visitors: ListProxy<string>, lock: LockProxy): Promise<void> {
  for (let i = 0; i < PER_WORKER; i++) {
    const n = worker * PER_WORKER + i;
    await results.set(n, n * n);
  }
  tell(lang, { en: 'wrote the squares of {from}…{to} into the dict', es: 'escribí los cuadrados de {from}…{to} en el diccionario' }, { from: worker * PER_WORKER, to: worker * PER_WORKER + PER_WORKER - 1 });
  // Under the lock, signing and saying so are one step: the list's order is the order of these lines.
  const { acquired } = await lock.acquire({ timeoutMs: WAIT_MS });
  if (!acquired) throw new Error(render(lang, { en: 'the lock was not free within {ms} ms', es: 'el cerrojo no quedó libre en {ms} ms' }, { ms: WAIT_MS }));
  try {
    const position = await visitors.length();
    await visitors.append(currentProcess().name);
    tell(lang, { en: 'I sign the list in position {position}', es: 'firmo la lista en la posición {position}' }, { position: position + 1 });
  } finally {
    await lock.release();
  }
}

defineTargets(import.meta.url, { squares });

const WORKER = { en: 'worker', es: 'trabajador' };

const { title, notebooks } = question(9);

export const lesson: Lesson = {
  number: 9,
  title,
  notebooks,
  python: [
    ['with Manager() as manager:', 'await using manager = await Manager.start()'],
    ['manager.dict() / manager.list()', 'await manager.dict() / await manager.list()'],
    ['manager.Lock()', 'await manager.lock()'],
    ['d[k] = v', 'await d.set(k, v)'],
    ['l.append(x)', 'await l.append(x)'],
  ],
  async run(ctx) {
    ctx.say({
      en: 'A Manager starts a server ({where}) that holds the real objects; everyone else gets proxies and calls them (each call is a message, so it is async). A lock made by the manager synchronizes the workers like any other lock.',
      es: 'Un Manager arranca un servidor ({where}) que guarda los objetos de verdad; los demás reciben proxies y los llaman (cada llamada es un mensaje, por eso es asíncrona). Un cerrojo creado por el manager sincroniza a los trabajadores como cualquier otro cerrojo.',
    }, { where: ctx.t(ctx.strategy === 'process' ? { en: 'a child process', es: 'un proceso hijo' } : { en: 'a worker thread', es: 'un hilo' }) });
    await using manager = await Manager.start();
    const results = await manager.dict<number, number>();
    const visitors = await manager.list<string>();
    const lock = await manager.lock();
    const workers = Array.from({ length: WORKERS }, (_, worker) => new Process({ name: `${ctx.t(WORKER)}-${worker + 1}`, target: squares, args: [ctx.lang, worker, results, visitors, lock] }));
    startAll(ctx, workers);
    await joinAll(ctx, workers);
    const entries = (await results.entries()).sort((a, b) => a[0] - b[0]);
    ctx.tell({ en: 'the dict has {size} entries: {entries}', es: 'el diccionario tiene {size} entradas: {entries}' }, { size: entries.length, entries: entries.map(([n, square]) => `${n}→${square}`).join(' ') });
    ctx.tell({ en: 'the list, in the order they signed: {names}', es: 'la lista, en el orden en que firmaron: {names}' }, { names: (await visitors.toArray()).join(', ') });
    ctx.say({
      en: '\nThe proxies crossed to the workers as arguments, as in Python. A Manager can also listen on TCP with an authkey (Manager.start({ address, authkey }) and ManagerClient.connect()), so programs on other machines can share the same objects.',
      es: '\nLos proxies llegaron a los trabajadores como argumentos, como en Python. Un Manager también puede escuchar por TCP con una clave (Manager.start({ address, authkey }) y ManagerClient.connect()), así que programas en otras máquinas pueden compartir los mismos objetos.',
    });
  },
};
