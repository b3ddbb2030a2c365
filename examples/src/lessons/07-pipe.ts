// Lesson 7: how do two processes talk through a pipe? Parent and child, then two children directly.
import { defineTargets, Process } from '@parlab/core';
import { EOFError, Pipe, type Connection } from '@parlab/pipe';
import type { Lang, Lesson } from '../lesson.js';
import { childSay } from './shared.js';

/** Receives until the other end closes; recv then fails with EOFError, which is how a pipe says "no more". */
async function receiveAll(conn: Connection, each: (value: unknown) => Promise<void> | void): Promise<void> {
  for (;;) {
    let value: unknown;
    try {
      value = await conn.recv({ timeoutMs: 10_000 });
    } catch (error) {
      if (error instanceof EOFError) return;
      throw error;
    }
    await each(value);
  }
}

/** Answers each question sent down the pipe with its word count, until the other end closes. */
export async function counter(lang: Lang, conn: Connection): Promise<void> {
  await receiveAll(conn, async (value) => {
    const text = String(value);
    childSay(lang, { en: 'received "{text}"', es: 'recibo "{text}"' }, { text });
    await conn.send({ text, words: text.split(/\s+/).length });
  });
  childSay(lang, { en: 'recv raised EOFError: the other end closed, I stop', es: 'recv lanzó EOFError: el otro extremo se cerró, termino' });
  conn.close();
}

/** Child 1: sends numbers, then a raw block of bytes, then closes its end. */
export async function sender(lang: Lang, writer: Connection): Promise<void> {
  for (const n of [3, 1, 4, 1, 5]) await writer.send(n);
  await writer.sendBytes(new Uint8Array(1024 * 1024).fill(7));
  childSay(lang, { en: 'sent 5 numbers and 1 MiB of bytes, closing my end', es: 'envié 5 números y 1 MiB de bytes, cierro mi extremo' });
  writer.close();
}

/** Child 2: adds up the numbers, measures the bytes, then reports to the main program. */
export async function receiver(lang: Lang, reader: Connection, report: Connection): Promise<void> {
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += (await reader.recv({ timeoutMs: 10_000 })) as number;
  const bytes = await reader.recvBytes({ timeoutMs: 10_000, maxLength: 16 * 1024 * 1024 });
  childSay(lang, { en: 'got the numbers (sum {sum}) and {bytes} bytes straight from the other child', es: 'recibí los números (suma {sum}) y {bytes} bytes directamente del otro hijo' }, {
    sum,
    bytes: bytes.length,
  });
  await report.send({ sum, bytes: bytes.length });
  report.close();
  reader.close();
}

defineTargets(import.meta.url, { counter, sender, receiver });

export const lesson: Lesson = {
  number: 7,
  title: { en: 'How do two processes talk through a pipe?', es: '¿Cómo se comunican dos procesos mediante una tubería (Pipe)?' },
  async run(ctx) {
    ctx.say({
      en: 'Pipe() returns two connected ends. Whatever one end sends, the other receives, in order. An end handed to a child moves there: the copy left behind can no longer be used.',
      es: 'Pipe() devuelve dos extremos conectados. Lo que envía un extremo lo recibe el otro, en orden. Un extremo que se pasa a un hijo se mueve allí: la copia que queda ya no se puede usar.',
    });

    ctx.say({ en: '\n1) Duplex pipe between the main program and a child: questions go one way, answers come back.', es: '\n1) Tubería dúplex entre el programa principal y un hijo: las preguntas van en un sentido y las respuestas vuelven.' });
    const [mine, theirs] = await Pipe();
    const child = new Process({ name: 'counter', target: counter, args: [ctx.lang, theirs] });
    child.start();
    for (const question of ['hello pipe', 'how many words are here', 'three short words']) {
      await mine.send(question);
      const answer = (await mine.recv({ timeoutMs: 10_000 })) as { text: string; words: number };
      ctx.say({ en: '  answer: "{text}" has {words} words', es: '  respuesta: "{text}" tiene {words} palabras' }, answer);
    }
    ctx.say({ en: 'The main program closes its end; the child sees end-of-stream.', es: 'El programa principal cierra su extremo; el hijo ve el fin del flujo.' });
    mine.close();
    await child.join(20_000);

    ctx.say({
      en: '\n2) One-way pipe between two children (duplex: false): the first end only receives, the second only sends. The main program only starts them; no message passes through it.',
      es: '\n2) Tubería de un solo sentido entre dos hijos (duplex: false): el primer extremo solo recibe y el segundo solo envía. El programa principal solo los inicia; ningún mensaje pasa por él.',
    });
    const [reader, writer] = await Pipe({ duplex: false });
    const [results, report] = await Pipe({ duplex: false });
    const children = [
      new Process({ name: 'receiver', target: receiver, args: [ctx.lang, reader, report] }),
      new Process({ name: 'sender', target: sender, args: [ctx.lang, writer] }),
    ];
    for (const p of children) p.start();
    const summary = (await results.recv({ timeoutMs: 20_000 })) as { sum: number; bytes: number };
    ctx.say({ en: 'The receiver reports: sum {sum}, {bytes} bytes.', es: 'El receptor informa: suma {sum}, {bytes} bytes.' }, summary);
    for (const p of children) await p.join(20_000);
    results.close();
    ctx.say({
      en: 'send/recv carry objects (copied); sendBytes/recvBytes carry raw bytes. A Pipe joins exactly two ends; for many producers and consumers use a Queue (lesson 6).',
      es: 'send/recv transportan objetos (copiados); sendBytes/recvBytes transportan bytes sin más. Una Pipe une exactamente dos extremos; para muchos productores y consumidores, usa una Queue (lección 6).',
    });
  },
};
