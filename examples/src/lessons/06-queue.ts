// Lesson 6: how do processes exchange objects? Producers and consumers sharing one Queue.
import { defineTargets, Process } from '@parlab/core';
import { Empty, Queue } from '@parlab/queue';
import type { Lang, Lesson } from '../lesson.js';
import { childSay } from './shared.js';

const ORDERS_PER_PRODUCER = 4;
const DISHES: Record<Lang, readonly string[]> = { en: ['soup', 'salad', 'pasta', 'curry'], es: ['sopa', 'ensalada', 'pasta', 'curry'] };

/** One order: a plain object with a Date, copied whole into the queue (as Python pickles it). */
interface Order {
  readonly kitchen: string;
  readonly n: number;
  readonly dish: string;
  readonly at: Date;
}

/** What a consumer reports back for each order it took. */
interface Served {
  readonly order: Order;
  readonly by: string;
}

/** A producer: puts its orders; put waits while the bounded queue is full. */
export async function producer(lang: Lang, orders: Queue, kitchen: string): Promise<void> {
  for (let n = 1; n <= ORDERS_PER_PRODUCER; n++) {
    const order: Order = { kitchen, n, dish: DISHES[lang][(n - 1) % DISHES[lang].length] as string, at: new Date() };
    await orders.put(order, { timeoutMs: 10_000 });
    childSay(lang, { en: 'put order {kitchen}-{n} ({dish})', es: 'pongo el pedido {kitchen}-{n} ({dish})' }, { kitchen, n, dish: order.dish });
  }
}

/** A consumer: takes orders until it gets null (the sentinel), and reports each one on `served`. */
export async function consumer(lang: Lang, orders: Queue, served: Queue, name: string): Promise<void> {
  for (;;) {
    const order = (await orders.get({ timeoutMs: 10_000 })) as Order | null;
    if (order === null) break;
    const yes = order.at instanceof Date;
    childSay(lang, { en: 'got order {kitchen}-{n}: is its time still a Date? {yes}', es: 'recibo el pedido {kitchen}-{n}: ¿su hora sigue siendo un Date? {yes}' }, {
      kitchen: order.kitchen,
      n: order.n,
      yes: lang === 'es' ? (yes ? 'sí' : 'no') : yes ? 'yes' : 'no',
    });
    await served.put({ order, by: name } satisfies Served);
  }
  childSay(lang, { en: 'got the sentinel (null): no more orders, I stop', es: 'recibo el centinela (null): no hay más pedidos, termino' });
}

defineTargets(import.meta.url, { producer, consumer });

export const lesson: Lesson = {
  number: 6,
  title: { en: 'How do processes exchange objects? (Queue)', es: '¿Cómo intercambian objetos los procesos? (Queue)' },
  async run(ctx) {
    const unit = ctx.strategy === 'process' ? ctx.t({ en: 'process', es: 'proceso' }) : ctx.t({ en: 'thread', es: 'hilo' });
    ctx.say({
      en: 'A Queue is a FIFO that any {unit} holding it can put into and get from. Each item travels as a copy: the receiver gets its own object.',
      es: 'Una Queue es una cola FIFO en la que cualquier {unit} que la tenga puede poner y de la que puede sacar. Cada elemento viaja como copia: quien lo recibe obtiene su propio objeto.',
    }, { unit });

    const orders = new Queue(3);
    const served = new Queue();
    ctx.say({
      en: '\n1) Two producers and two consumers share one queue of at most {max} orders: a producer that finds it full waits in put().',
      es: '\n1) Dos productores y dos consumidores comparten una cola de como mucho {max} pedidos: el productor que la encuentra llena espera en put().',
    }, { max: orders.maxsize });
    const producers = ['A', 'B'].map((kitchen) => new Process({ name: `producer-${kitchen}`, target: producer, args: [ctx.lang, orders, kitchen] }));
    const consumers = ['c1', 'c2'].map((name) => new Process({ name: `consumer-${name}`, target: consumer, args: [ctx.lang, orders, served, name] }));
    for (const p of [...producers, ...consumers]) p.start();
    for (const p of producers) await p.join(20_000);
    ctx.say({
      en: 'Both producers are done. The main {unit} puts one null per consumer: the sentinel that tells it to stop.',
      es: 'Los dos productores han terminado. El {unit} principal pone un null por consumidor: el centinela que le indica que pare.',
    }, { unit });
    for (let i = 0; i < consumers.length; i++) await orders.put(null, { timeoutMs: 10_000 });
    for (const p of consumers) await p.join(20_000);

    ctx.say({ en: '\n2) The consumers reported on a second queue. What was served:', es: '\n2) Los consumidores informaron por una segunda cola. Lo que se sirvió:' });
    const all: Served[] = [];
    for (;;) {
      try {
        all.push((await served.getNowait()) as Served);
      } catch (error) {
        // getNowait on an empty queue raises Empty, as Python's get_nowait does.
        if (error instanceof Empty) break;
        throw error;
      }
    }
    for (const { order, by } of all) {
      ctx.say({ en: '  {kitchen}-{n} {dish}, served by {by}', es: '  {kitchen}-{n} {dish}, servido por {by}' }, { kitchen: order.kitchen, n: order.n, dish: order.dish, by });
    }
    const distinct = new Set(all.map(({ order }) => `${order.kitchen}-${order.n}`)).size;
    ctx.say({
      en: '{got} orders served, {distinct} of them different, out of {made} made: each one reached exactly one consumer.',
      es: 'Se sirvieron {got} pedidos, {distinct} distintos, de {made} hechos: cada uno llegó a un solo consumidor.',
    }, { got: all.length, distinct, made: producers.length * ORDERS_PER_PRODUCER });
    ctx.say({
      en: "The queue hands out each producer's orders in the order they were put (A-1 before A-2 …); which consumer gets which, and when, changes from run to run.",
      es: 'La cola entrega los pedidos de cada productor en el orden en que se pusieron (A-1 antes que A-2 …); qué consumidor recibe cada uno, y cuándo, cambia de una ejecución a otra.',
    });
    orders.close();
    served.close();
  },
};
