// Lesson 6: exchange objects between processes using a queue — FIFO and maxsize, then producers and consumers sharing orders.
import { defineTargets, Process } from '@parlab/core';
import { Full, Queue } from '@parlab/queue';
import { question } from '../course.js';
import { formatCount, formatYesNo } from '../format.js';
import type { Lesson } from '../lesson.js';
import type { Lang, Text } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, startAll } from './children.js';
import { WAIT_MS } from './shared.js';

const ORDERS_PER_PRODUCER = 4;
const TRAYS = 3;
const DISHES: Record<Lang, readonly string[]> = { en: ['soup', 'salad', 'omelette', 'paella'], es: ['sopa', 'ensalada', 'tortilla', 'paella'] };

/** One order: a plain object with a Date, copied whole into the queue (as Python pickles it). */
interface Order {
  readonly id: string;
  readonly dish: string;
  readonly at: Date;
  /** The tray it travels on: a kitchen needs a free one to send an order. */
  readonly tray: number;
}

/** What a consumer reports back for each order it served. */
interface Served {
  readonly id: string;
  readonly dish: string;
  readonly by: string;
}

/**
 * A producer (a kitchen): for each order it takes a free tray — waiting in get() while all are out —
 * says what it puts, and puts it.
 */
export async function producer(lang: Lang, orders: Queue, trays: Queue, kitchen: string): Promise<void> {
  for (let n = 1; n <= ORDERS_PER_PRODUCER; n++) {
    const tray = (await trays.get({ timeoutMs: WAIT_MS })) as number;
    const order: Order = { id: `${kitchen}-${n}`, dish: DISHES[lang][(n - 1) % DISHES[lang].length] as string, at: new Date(), tray };
    // Said before put(): once the order is in the queue a consumer may take it at once.
    tell(lang, { en: 'put {id} ({dish}) on tray {tray}', es: 'pongo {id} ({dish}) en la bandeja {tray}' }, { id: order.id, dish: order.dish, tray });
    await orders.put(order, { timeoutMs: WAIT_MS });
  }
}

/** A consumer (a waiter): takes orders until it gets null (the sentinel); after saying what it got, it gives the tray back. */
export async function consumer(lang: Lang, orders: Queue, trays: Queue, served: Queue, name: string): Promise<void> {
  for (;;) {
    const order = (await orders.get({ timeoutMs: WAIT_MS })) as Order | null;
    if (order === null) {
      tell(lang, { en: 'got the sentinel (null): no more orders, I stop', es: 'saco el centinela (null): no hay más pedidos, termino' });
      return;
    }
    tell(lang, { en: 'got {id} ({dish}) from tray {tray}; is its time still a Date? {yes}', es: 'saco {id} ({dish}) de la bandeja {tray}; ¿su hora sigue siendo un Date? {yes}' }, {
      id: order.id,
      dish: order.dish,
      tray: order.tray,
      yes: formatYesNo(lang, order.at instanceof Date),
    });
    await served.put({ id: order.id, dish: order.dish, by: name } satisfies Served, { timeoutMs: WAIT_MS });
    // Given back only now: a kitchen that reuses this tray prints its line after this one.
    await trays.put(order.tray, { timeoutMs: WAIT_MS });
  }
}

defineTargets(import.meta.url, { producer, consumer });

const NAMES = { producer: { en: 'producer', es: 'productor' }, consumer: { en: 'consumer', es: 'consumidor' } } as const satisfies Record<string, Text>;

const { title, notebooks } = question(6);

export const lesson: Lesson = {
  number: 6,
  title,
  notebooks,
  python: [
    ['Queue(maxsize=3)', 'new Queue(3)'],
    ['q.put(x)', 'await q.put(x)'],
    ['q.get()', 'await q.get()'],
    ['q.put_nowait(x) → queue.Full', 'await q.putNowait(x) → Full'],
    ['q.get_nowait() → queue.Empty', 'await q.getNowait() → Empty'],
    ['q.close()', 'q.close()'],
  ],
  async run(ctx) {
    ctx.say({
      en: 'A Queue is a FIFO that every process or thread holding it can put into and get from. Each item travels as a copy: the receiver gets its own object.',
      es: 'Una Queue es una cola FIFO en la que todo proceso o hilo que la tenga puede poner y de la que puede sacar. Cada elemento viaja como copia: quien lo recibe obtiene su propio objeto.',
    });

    ctx.say({ en: '\n1) A queue of at most 3 items, used by the main program alone:', es: '\n1) Una cola de como mucho 3 elementos, usada solo por el programa principal:' });
    const small = new Queue(3);
    for (let n = 1; n <= 3; n++) {
      await small.put(n);
      ctx.tell({ en: 'put({n})', es: 'put({n})' }, { n });
    }
    try {
      await small.putNowait(4);
    } catch (error) {
      if (!(error instanceof Full)) throw error;
      ctx.tell({ en: 'putNowait(4) raises Full: the queue already holds maxsize = {max} items (put(4) would wait)', es: 'putNowait(4) lanza Full: la cola ya tiene maxsize = {max} elementos (put(4) esperaría)' }, { max: small.maxsize });
    }
    const out: unknown[] = [];
    for (let n = 1; n <= 3; n++) out.push(await small.get({ timeoutMs: WAIT_MS }));
    ctx.tell({ en: 'three get() give {items}: first in, first out', es: 'tres get() dan {items}: el primero en entrar es el primero en salir' }, { items: out.join(', ') });
    small.close();

    const trayCount = formatCount(ctx.lang, TRAYS, { one: { en: 'tray', es: 'bandeja' }, other: { en: 'trays', es: 'bandejas' } });
    ctx.say({
      en: '\n2) Two producers (kitchens A and B) and two consumers (waiters) share a queue of orders. Orders travel on {trays}: a kitchen takes a free tray from a second queue before it puts an order, and waits in get() while none is free; a waiter gives the tray back once it has served the order. So at most 3 orders wait at any time, and every line that says so is printed in the order things happened.',
      es: '\n2) Dos productores (las cocinas A y B) y dos consumidores (camareros) comparten una cola de pedidos. Los pedidos viajan en {trays}: una cocina toma una bandeja libre de una segunda cola antes de poner un pedido, y espera en get() mientras no haya ninguna; un camarero devuelve la bandeja cuando ha servido el pedido. Así nunca esperan más de 3 pedidos, y cada línea que lo cuenta sale en el orden en que pasó.',
    }, { trays: trayCount });
    const orders = new Queue();
    const trays = new Queue();
    const served = new Queue();
    for (let tray = 1; tray <= TRAYS; tray++) await trays.put(tray);
    const producers = ['A', 'B'].map((kitchen) => new Process({ name: `${ctx.t(NAMES.producer)}-${kitchen}`, target: producer, args: [ctx.lang, orders, trays, kitchen] }));
    const consumers = [1, 2].map((n) => new Process({ name: `${ctx.t(NAMES.consumer)}-${n}`, target: consumer, args: [ctx.lang, orders, trays, served, `${ctx.t(NAMES.consumer)}-${n}`] }));
    startAll(ctx, [...producers, ...consumers]);
    await joinAll(ctx, producers);
    ctx.tell({
      en: 'both producers have ended; I put one null per consumer: the sentinel that tells it to stop',
      es: 'los dos productores terminaron; pongo un null por consumidor: el centinela que le dice que pare',
    });
    for (let i = 0; i < consumers.length; i++) await orders.put(null, { timeoutMs: WAIT_MS });
    await joinAll(ctx, consumers);

    const all: Served[] = [];
    for (let i = 0; i < producers.length * ORDERS_PER_PRODUCER; i++) all.push((await served.get({ timeoutMs: WAIT_MS })) as Served);
    ctx.say({ en: '\nThe consumers reported on a third queue. What each one served:', es: '\nLos consumidores informaron por una tercera cola. Lo que sirvió cada uno:' });
    for (const name of new Set(all.map(({ by }) => by))) {
      ctx.say({ en: '  {by}: {ids}', es: '  {by}: {ids}' }, { by: name, ids: all.filter(({ by }) => by === name).map(({ id, dish }) => `${id} (${dish})`).join(', ') });
    }
    ctx.say({
      en: "Each order reached exactly one consumer ({count} distinct of {made}); each kitchen's orders came out in the order they were put (A-1 before A-2 …); which waiter takes which, and when, changes from run to run.",
      es: 'Cada pedido llegó a un solo consumidor ({count} distintos de {made}); los pedidos de cada cocina salieron en el orden en que se pusieron (A-1 antes que A-2 …); qué camarero toma cada uno, y cuándo, cambia de una ejecución a otra.',
    }, { count: new Set(all.map(({ id }) => id)).size, made: producers.length * ORDERS_PER_PRODUCER });
    for (const queue of [orders, trays, served]) queue.close();
  },
};
