// Lesson 4: kill a process — terminate() and kill(), and what isAlive() and exitCode say before, during and after.
import { defineTargets, Process } from '@parlab/core';
import { Event } from '@parlab/barrier';
import { question } from '../course.js';
import type { Lesson, LessonContext } from '../lesson.js';
import type { Lang, Text } from '../text.js';
import { tell } from '../transcript.js';
import { LIFE } from './children.js';
import { sleep, WAIT_MS } from './shared.js';

/** Works "forever" (until someone ends it); says when it is running. */
export async function endless(lang: Lang, running: Event): Promise<void> {
  tell(lang, { en: 'running; I will not stop by myself', es: 'en marcha; no pararé por mi cuenta' });
  await running.set();
  for (;;) await sleep(1000);
}

defineTargets(import.meta.url, { endless });

function show(ctx: LessonContext, moment: Text, p: Process): void {
  ctx.tell({ en: '{moment}: isAlive() = {alive}, exitCode = {code}', es: '{moment}: isAlive() = {alive}, exitCode = {code}' }, { moment: ctx.t(moment), alive: p.isAlive(), code: p.exitCode });
}

const { title, notebooks } = question(4);

export const lesson: Lesson = {
  number: 4,
  title,
  notebooks,
  python: [
    ['p.terminate()', 'p.terminate()'],
    ['p.kill()', 'p.kill()'],
    ['p.is_alive()', 'p.isAlive()'],
    ['p.exitcode', 'p.exitCode'],
    ['p.join(timeout=5)', 'await p.join(5000)'],
  ],
  async run(ctx) {
    for (const method of ['terminate', 'kill'] as const) {
      ctx.say(
        method === 'terminate'
          ? { en: '\nterminate(): asks the process to end (SIGTERM).', es: '\nterminate(): pide al proceso que termine (SIGTERM).' }
          : { en: '\nkill(): ends it at once (SIGKILL).', es: '\nkill(): lo termina de inmediato (SIGKILL).' },
      );
      const running = new Event();
      const p = new Process({ target: endless, args: [ctx.lang, running], name: `${ctx.t({ en: 'victim', es: 'víctima' })}-${method}` });
      show(ctx, { en: 'before start()', es: 'antes de start()' }, p);
      ctx.tell(LIFE.start, { name: p.name });
      p.start();
      // Until the child says it runs, "running" below would be a guess.
      if (!(await running.wait({ timeoutMs: WAIT_MS }))) throw new Error(ctx.t({ en: '{name} did not start', es: '{name} no arrancó' }, { name: p.name }));
      show(ctx, { en: 'running', es: 'en marcha' }, p);
      p[method]();
      show(ctx, { en: `right after ${method}()`, es: `justo después de ${method}()` }, p);
      if ((await p.join(WAIT_MS)) === null) throw new Error(ctx.t({ en: '{name} did not end', es: '{name} no terminó' }, { name: p.name }));
      show(ctx, { en: 'after join()', es: 'después de join()' }, p);
      ctx.tell(LIFE.ended, { name: p.name, code: p.exitCode });
    }
    ctx.say({
      en: '\nA negative exit code is minus the signal number: -15 is SIGTERM, -9 is SIGKILL (for a thread parlab reports the same codes). isAlive() turns false once the end has been seen: join() waits for it.',
      es: '\nUn código de salida negativo es el número de la señal con signo menos: -15 es SIGTERM, -9 es SIGKILL (para un hilo parlab da los mismos códigos). isAlive() pasa a false cuando se ha visto el final: join() lo espera.',
    });
  },
};
