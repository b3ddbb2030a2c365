// Reads a lesson's transcript — who printed what, in which order — and lists every place where an effect comes before its cause.
import type { StrategyName } from '@parlab/core';

export interface Said {
  /** Position in the transcript. */
  readonly at: number;
  readonly name: string;
  readonly pid: number;
  /** The thread id, for a worker thread; null for a process (or a process's main thread). */
  readonly thread: number | null;
  readonly text: string;
}

/** `[name pid 4100] text` or `[name pid 4100 thread 3] text` (`hilo 3` in Spanish). */
const LINE = /^\[(?<name>[^\s\]]+) pid (?<pid>\d+)(?: (?:thread|hilo) (?<thread>\d+))?\] (?<text>.*)$/;

/** The lines that say who printed them, in transcript order; a line starting with `[` that does not parse is an error. */
export function parse(stdout: string): { said: Said[]; malformed: string[] } {
  const said: Said[] = [];
  const malformed: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('[')) continue;
    const groups = LINE.exec(line)?.groups;
    if (groups === undefined) {
      malformed.push(line);
      continue;
    }
    said.push({ at: said.length, name: groups['name'] as string, pid: Number(groups['pid']), thread: groups['thread'] === undefined ? null : Number(groups['thread']), text: groups['text'] as string });
  }
  return { said, malformed };
}

const START = /^(?:starting|arranco) (\S+)$/;
const ENDED = /^(\S+) (?:has ended|terminó): exitCode = (-?\d+|null)/;

/** Children that are processes under both strategies (lesson 11's test program). */
const ALWAYS_PROCESSES = new Set(['test-program', 'programa-de-prueba']);

/**
 * Rules every lesson keeps:
 * - a child speaks only between the line in which its parent says "starting X" and the line in which
 *   it says "X has ended" (so nothing a child prints comes before it was started or after it was joined);
 * - under `process` nobody is a thread; under `thread` every child is a thread of its parent's process
 *   (same pid), except lesson 11's test program; a process child has a pid of its own.
 */
function lifeRules(said: readonly Said[], strategy: StrategyName): string[] {
  const problems: string[] = [];
  const state = new Map<string, { parent: Said; ended: boolean }>();
  const main = said.find((s) => s.name === 'MainProcess');
  for (const s of said) {
    const started = START.exec(s.text);
    const ended = ENDED.exec(s.text);
    if (s.name !== 'MainProcess') {
      const life = state.get(s.name);
      if (life === undefined) problems.push(`line ${s.at}: ${s.name} speaks before anyone said "starting ${s.name}": ${s.text}`);
      else if (life.ended) problems.push(`line ${s.at}: ${s.name} speaks after its parent said it had ended: ${s.text}`);
      else {
        const child = s.thread !== null;
        if (strategy === 'process' && child) problems.push(`line ${s.at}: ${s.name} is a thread under the process strategy`);
        if (strategy === 'thread' && !ALWAYS_PROCESSES.has(s.name) && (!child || s.pid !== life.parent.pid)) problems.push(`line ${s.at}: ${s.name} is not a thread of ${life.parent.name}'s process (pid ${s.pid})`);
        if (!child && s.pid === life.parent.pid) problems.push(`line ${s.at}: ${s.name} is a process but has its parent's pid ${s.pid}`);
      }
    } else if (main !== undefined && (s.pid !== main.pid || s.thread !== null)) {
      problems.push(`line ${s.at}: MainProcess changes identity`);
    }
    if (started !== null) state.set(started[1] as string, { parent: s, ended: false });
    if (ended !== null) {
      const life = state.get(ended[1] as string);
      if (life === undefined || life.ended) problems.push(`line ${s.at}: "${s.text}" without a matching "starting"`);
      else life.ended = true;
    }
  }
  return problems;
}

/** The lines (by anyone, or by `name`) whose text matches `pattern`. */
function find(said: readonly Said[], pattern: RegExp, name?: string): Said[] {
  return said.filter((s) => pattern.test(s.text) && (name === undefined || s.name === name));
}

function before(problems: string[], cause: Said | undefined, effect: Said, why: string): void {
  if (cause === undefined) problems.push(`line ${effect.at} (${effect.name}: ${effect.text}) has no cause: ${why}`);
  else if (cause.at >= effect.at) problems.push(`line ${effect.at} (${effect.name}: ${effect.text}) comes before its cause, line ${cause.at} (${cause.name}: ${cause.text}): ${why}`);
}

/** "every line matching `effects` comes after every line matching `causes`" */
function allAfter(problems: string[], said: readonly Said[], causes: RegExp, effects: RegExp, why: string): void {
  const last = find(said, causes).at(-1);
  for (const effect of find(said, effects)) before(problems, last, effect, why);
}

/** The rules of the lessons whose children exchange something: a receipt comes after its sending. */
const LESSON_RULES: Record<number, (said: readonly Said[], strategy: StrategyName) => string[]> = {
  3(said) {
    const problems: string[] = [];
    for (const end of find(said, /isAlive\(\) = true; (?:my own code|mi código)/, 'MainProcess')) before(problems, find(said, /^daemon: (?:heartbeat|latido) 1$/)[0], end, 'the main program waits for the first beat');
    return problems;
  },
  4(said) {
    const problems: string[] = [];
    for (const running of find(said, /^(?:running|en marcha): isAlive\(\) = true/, 'MainProcess')) {
      const childSaid = find(said, /^(?:running; I will not|en marcha; no pararé)/).filter((s) => s.at < running.at).at(-1);
      before(problems, childSaid, running, 'the main program shows "running" once the child has said it runs');
    }
    if (find(said, /(?:after join\(\)|después de join\(\)): isAlive\(\) = false, exitCode = -15$/).length !== 1) problems.push('terminate() should end with exitCode -15');
    if (find(said, /(?:after join\(\)|después de join\(\)): isAlive\(\) = false, exitCode = -9$/).length !== 1) problems.push('kill() should end with exitCode -9');
    return problems;
  },
  6(said) {
    const problems: string[] = [];
    const puts = new Map<string, Said>();
    let putCount = 0;
    let getCount = 0;
    const got = new Set<string>();
    for (const s of said) {
      const put = /^(?:put|pongo) ([AB]-\d) /.exec(s.text);
      const get = /^(?:got|saco) ([AB]-\d) /.exec(s.text);
      if (put !== null) {
        puts.set(put[1] as string, s);
        putCount++;
        if (putCount > getCount + 3) problems.push(`line ${s.at}: ${putCount} orders put but only ${getCount} got: more than 3 waiting`);
      }
      if (get !== null) {
        getCount++;
        before(problems, puts.get(get[1] as string), s, `an order is got after it was put`);
        if (got.has(get[1] as string)) problems.push(`line ${s.at}: ${get[1]} got twice`);
        got.add(get[1] as string);
      }
    }
    if (putCount !== 8 || got.size !== 8) problems.push(`expected 8 orders put and got, saw ${putCount} and ${got.size}`);
    allAfter(problems, said, /^(?:put|pongo) /, /^(?:both producers have ended|los dos productores terminaron)/, 'the producers are done after their last put');
    const sentinel = find(said, /^(?:both producers have ended|los dos productores terminaron)/, 'MainProcess')[0];
    for (const s of find(said, /^(?:got the sentinel|saco el centinela)/)) before(problems, sentinel, s, 'a consumer gets the sentinel after the main program put it');
    if (find(said, /^(?:got the sentinel|saco el centinela)/).length !== 2) problems.push('both consumers should get a sentinel');
    return problems;
  },
  7(said) {
    const problems: string[] = [];
    for (const received of find(said, /^(?:received|recibo) «/)) {
      const text = /«(.*)»/.exec(received.text)?.[1] ?? '';
      before(problems, find(said, new RegExp(`^(?:send|envío) «${escape(text)}»$`), 'MainProcess')[0], received, 'the child receives what the main program sent');
      const answer = find(said, new RegExp(`^(?:answer|respuesta): «${escape(text)}»`), 'MainProcess')[0];
      if (answer === undefined) problems.push(`no answer for «${text}»`);
      else before(problems, received, answer, 'the answer comes back after the child received the question');
    }
    if (find(said, /^(?:received|recibo) «/).length !== 3) problems.push('the counter should receive 3 sentences');
    for (const eof of find(said, /^recv (?:raised|lanzó) EOFError/)) before(problems, find(said, /^(?:I close my end|cierro mi extremo)/, 'MainProcess')[0], eof, 'EOFError after the other end closed');
    const sends = find(said, /^(?:send|envío) \d+$/);
    const receipts = find(said, /^(?:received|recibo) \d+$/);
    if (sends.length !== 5 || receipts.length !== 5) problems.push(`expected 5 numbers sent and received, saw ${sends.length} and ${receipts.length}`);
    receipts.forEach((receipt, i) => {
      before(problems, sends[i], receipt, 'the k-th number is received after the k-th was sent');
      if (sends[i] !== undefined && sends[i]?.text.split(' ')[1] !== receipt.text.split(' ')[1]) problems.push(`line ${receipt.at}: numbers out of order`);
    });
    const bytesIn = find(said, /^(?:received|recibo) [\d.,]+ MiB/)[0];
    if (bytesIn !== undefined) before(problems, find(said, /^(?:send|envío) [\d.,]+ MiB/)[0], bytesIn, 'the bytes are received after they were sent');
    for (const report of find(said, /^(?:the receiver reports|el receptor informa)/, 'MainProcess')) before(problems, bytesIn, report, 'the main program hears from the receiver after it received everything');
    return problems;
  },
  8(said) {
    const problems: string[] = [];
    allAfter(problems, said, /^(?:phase 1 done|fase 1 terminada)/, /^(?:everyone has arrived|han llegado todos)/, 'nobody passes the barrier before all three have reached it');
    if (find(said, /^(?:phase 1 done|fase 1 terminada)/).length !== 3) problems.push('three workers should reach the barrier');
    if (find(said, /^(?:with a Lock|con un Lock).*: (?:expected|se esperaba) (\d+), (?:got|salió) \1$/).length !== 1) problems.push('with the lock, the counter should be exact');
    return problems;
  },
  9(said) {
    const problems: string[] = [];
    const signed = find(said, /^(?:I sign the list|firmo la lista)/).map((s) => s.name);
    const list = find(said, /^(?:the list, in the order they signed|la lista, en el orden en que firmaron): /, 'MainProcess')[0];
    if (list === undefined) problems.push('the main program shows the list');
    else if (list.text.split(': ')[1] !== signed.join(', ')) problems.push(`the list (${list.text}) is not in the order of the signing lines (${signed.join(', ')})`);
    allAfter(problems, said, /^(?:wrote the squares|escribí los cuadrados)/, /^(?:the dict has|el diccionario tiene)/, 'the dict is shown after every worker wrote');
    return problems;
  },
  11(said, strategy) {
    const problems: string[] = [];
    const fail = find(said, /^(?:I fail|fallo): /)[0];
    const failedEnd = find(said, /^(?:failing has ended|fallido terminó)/)[0];
    const goOn = find(said, /^(?:the others go on|los demás siguen)$/)[0];
    const alive = find(said, /^(?:still alive|sigo vivo)/);
    if (strategy === 'process') {
      if (failedEnd === undefined || goOn === undefined) problems.push('under process the test program sees the failing worker end and goes on');
      else {
        before(problems, fail, failedEnd, 'the failure is seen after it happened');
        for (const s of alive) before(problems, goOn, s, 'the healthy workers end after the test program told them');
      }
      if (alive.length !== 2) problems.push('under process both healthy workers survive');
    } else {
      // The whole test program died with its thread: none of its threads, nor itself, says anything after the failure.
      const testPid = find(said, /./, 'programa-de-prueba')[0]?.pid ?? find(said, /./, 'test-program')[0]?.pid;
      for (const s of said.filter((x) => fail !== undefined && x.at > fail.at && x.pid === testPid)) problems.push(`line ${s.at}: ${s.name} speaks after its process was killed`);
      if (alive.length !== 0) problems.push('under thread no healthy worker survives');
    }
    for (const point of find(said, /^(?:received a Point|recibo un Point)/)) before(problems, find(said, /^(?:I send a Point|envío un Point)/, 'MainProcess')[0], point, 'the Point is received after it was sent');
    if (find(said, /^(?:with a Lock|con un Lock): (?:expected|se esperaba) (\d+), (?:got|salió) \1$/).length !== 1) problems.push('with the lock, the counter should be exact');
    return problems;
  },
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every violation of the happened-before rules in lesson `n`'s transcript (empty when it is in causal order). */
export function causalProblems(n: number, strategy: StrategyName, stdout: string): string[] {
  const { said, malformed } = parse(stdout);
  return [...malformed.map((line) => `malformed: ${line}`), ...lifeRules(said, strategy), ...(LESSON_RULES[n]?.(said, strategy) ?? [])];
}
