// Lesson 7: exchange objects between processes using a pipe — questions and answers with a child, then two children talking directly.
import { defineTargets, Process } from '@parlab/core';
import { EOFError, Pipe, type Connection } from '@parlab/pipe';
import { question } from '../course.js';
import { formatCount, formatMiB, formatNumber } from '../format.js';
import type { Lesson } from '../lesson.js';
import type { Lang, Text } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, startAll } from './children.js';
import { WAIT_MS } from './shared.js';

const WORDS = { one: { en: 'word', es: 'palabra' }, other: { en: 'words', es: 'palabras' } };
const QUESTIONS: Record<Lang, readonly string[]> = {
  en: ['hello pipe', 'how many words are here', 'three short words'],
  es: ['hola tubería', 'cuántas palabras hay aquí', 'tres palabras cortas'],
};
const NUMBERS = [3, 1, 4, 1, 5];

/** Receives until the other end closes; recv then fails with EOFError, which is how a pipe says "no more". */
async function receiveAll(conn: Connection, each: (value: unknown) => Promise<void>): Promise<void> {
  for (;;) {
    let value: unknown;
    try {
      value = await conn.recv({ timeoutMs: WAIT_MS });
    } catch (error) {
      if (error instanceof EOFError) return;
      throw error;
    }
    await each(value);
  }
}

/** Answers each sentence sent down the pipe with its word count, until the other end closes. */
export async function counter(lang: Lang, conn: Connection): Promise<void> {
  await receiveAll(conn, async (value) => {
    const text = String(value);
    const words = text.split(/\s+/).length;
    tell(lang, { en: 'received «{text}»; I answer {words}', es: 'recibo «{text}»; respondo {words}' }, { text, words: formatCount(lang, words, WORDS) });
    await conn.send({ text, words });
  });
  tell(lang, { en: 'recv raised EOFError: the other end closed, I stop', es: 'recv lanzó EOFError: el otro extremo se cerró, termino' });
  conn.close();
}

/** Child 1: sends numbers, then a raw block of bytes, then closes its end. */
export async function sender(lang: Lang, writer: Connection): Promise<void> {
  for (const n of NUMBERS) {
    tell(lang, { en: 'send {n}', es: 'envío {n}' }, { n });
    await writer.send(n);
  }
  const bytes = new Uint8Array(1024 * 1024).fill(7);
  tell(lang, { en: 'send {size} of bytes with sendBytes, then close my end', es: 'envío {size} de bytes con sendBytes y cierro mi extremo' }, { size: formatMiB(lang, bytes.length) });
  await writer.sendBytes(bytes);
  writer.close();
}

/** Child 2: adds up the numbers, measures the bytes, then reports to the main program. */
export async function receiver(lang: Lang, reader: Connection, report: Connection): Promise<void> {
  let sum = 0;
  for (let i = 0; i < NUMBERS.length; i++) {
    const n = (await reader.recv({ timeoutMs: WAIT_MS })) as number;
    tell(lang, { en: 'received {n}', es: 'recibo {n}' }, { n });
    sum += n;
  }
  const bytes = await reader.recvBytes({ timeoutMs: WAIT_MS, maxLength: 16 * 1024 * 1024 });
  tell(lang, { en: 'received {size} of bytes straight from the other child; I report the sum {sum} to the main program', es: 'recibo {size} de bytes directamente del otro hijo; informo de la suma {sum} al programa principal' }, {
    size: formatMiB(lang, bytes.length),
    sum,
  });
  await report.send({ sum, bytes: bytes.length });
  report.close();
  reader.close();
}

defineTargets(import.meta.url, { counter, sender, receiver });

const NAMES = { counter: { en: 'counter', es: 'contador' }, sender: { en: 'sender', es: 'emisor' }, receiver: { en: 'receiver', es: 'receptor' } } as const satisfies Record<string, Text>;

const { title, notebooks } = question(7);

export const lesson: Lesson = {
  number: 7,
  title,
  notebooks,
  python: [
    ['a, b = Pipe()', 'const [a, b] = await Pipe()'],
    ['Pipe(duplex=False)', 'await Pipe({ duplex: false })'],
    ['conn.send(x) / conn.recv()', 'await conn.send(x) / await conn.recv()'],
    ['conn.send_bytes(b) / conn.recv_bytes()', 'await conn.sendBytes(b) / await conn.recvBytes()'],
    ['EOFError', 'EOFError'],
    ['conn.close()', 'conn.close()'],
  ],
  async run(ctx) {
    ctx.say({
      en: 'Pipe() returns two connected ends. Whatever one end sends, the other receives, in order. An end handed to a child moves there: the copy left behind can no longer be used.',
      es: 'Pipe() devuelve dos extremos conectados. Lo que envía un extremo lo recibe el otro, en orden. Un extremo que se pasa a un hijo se mueve allí: la copia que queda ya no se puede usar.',
    });

    ctx.say({ en: '\n1) A two-way pipe between the main program and a child: sentences go one way, word counts come back.', es: '\n1) Una tubería de doble sentido entre el programa principal y un hijo: las frases van en un sentido y el número de palabras vuelve.' });
    const [mine, theirs] = await Pipe();
    const child = new Process({ name: ctx.t(NAMES.counter), target: counter, args: [ctx.lang, theirs] });
    startAll(ctx, [child]);
    for (const sentence of QUESTIONS[ctx.lang]) {
      // Said before send(): the child's "received" line can only come after this one.
      ctx.tell({ en: 'send «{text}»', es: 'envío «{text}»' }, { text: sentence });
      await mine.send(sentence);
      const answer = (await mine.recv({ timeoutMs: WAIT_MS })) as { text: string; words: number };
      ctx.tell({ en: 'answer: «{text}» has {words}', es: 'respuesta: «{text}» tiene {words}' }, { text: answer.text, words: formatCount(ctx.lang, answer.words, WORDS) });
    }
    ctx.tell({ en: 'I close my end; the child sees the end of the stream', es: 'cierro mi extremo; el hijo ve el final del flujo' });
    mine.close();
    await joinAll(ctx, [child]);

    ctx.say({
      en: '\n2) A one-way pipe between two children (duplex: false): the first end only receives, the second only sends. The main program only starts them; no message passes through it.',
      es: '\n2) Una tubería de un solo sentido entre dos hijos (duplex: false): el primer extremo solo recibe y el segundo solo envía. El programa principal solo los arranca; ningún mensaje pasa por él.',
    });
    const [reader, writer] = await Pipe({ duplex: false });
    const [results, report] = await Pipe({ duplex: false });
    const children = [
      new Process({ name: ctx.t(NAMES.receiver), target: receiver, args: [ctx.lang, reader, report] }),
      new Process({ name: ctx.t(NAMES.sender), target: sender, args: [ctx.lang, writer] }),
    ];
    startAll(ctx, children);
    const summary = (await results.recv({ timeoutMs: WAIT_MS })) as { sum: number; bytes: number };
    ctx.tell({ en: 'the receiver reports: sum {sum}, {bytes} bytes', es: 'el receptor informa: suma {sum}, {bytes} bytes' }, { sum: summary.sum, bytes: formatNumber(ctx.lang, summary.bytes) });
    await joinAll(ctx, children);
    results.close();
    ctx.say({
      en: '\nsend/recv carry objects (copied); sendBytes/recvBytes carry raw bytes. A Pipe joins exactly two ends; for many producers and consumers use a Queue (lesson 6).',
      es: '\nsend/recv transportan objetos (copiados); sendBytes/recvBytes transportan bytes tal cual. Una Pipe une exactamente dos extremos; para muchos productores y consumidores, usa una Queue (lección 6).',
    });
  },
};
