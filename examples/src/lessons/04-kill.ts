// Lesson 4: how do I kill a process?
import { defineTargets, Process } from '@parlab/core';
import type { Lang, Lesson, LessonContext } from '../lesson.js';
import { childSay, sleep } from './shared.js';

/** Works "forever" (until someone ends it). */
export async function endless(lang: Lang): Promise<void> {
  childSay(lang, { en: 'started; I will not stop by myself', es: 'iniciado; no me detendré por mi cuenta' });
  for (;;) await sleep(1000);
}

defineTargets(import.meta.url, { endless });

function show(ctx: LessonContext, moment: { en: string; es: string }, p: Process): void {
  ctx.say({ en: '  {moment}: isAlive() = {alive}, exitCode = {code}', es: '  {moment}: isAlive() = {alive}, exitCode = {code}' }, {
    moment: ctx.t(moment),
    alive: p.isAlive(),
    code: p.exitCode,
  });
}

export const lesson: Lesson = {
  number: 4,
  title: { en: 'How do I kill a process?', es: '¿Cómo matar un proceso?' },
  async run(ctx) {
    for (const method of ['terminate', 'kill'] as const) {
      ctx.say(
        method === 'terminate'
          ? { en: '\nterminate(): asks the process to end (SIGTERM).', es: '\nterminate(): pide al proceso que termine (SIGTERM).' }
          : { en: '\nkill(): ends it at once (SIGKILL).', es: '\nkill(): lo termina de inmediato (SIGKILL).' },
      );
      const p = new Process({ target: endless, args: [ctx.lang], name: `victim-${method}` });
      show(ctx, { en: 'before start()', es: 'antes de start()' }, p);
      p.start();
      await sleep(300);
      show(ctx, { en: 'running', es: 'en ejecución' }, p);
      p[method]();
      show(ctx, { en: `right after ${method}()`, es: `justo después de ${method}()` }, p);
      await p.join(5000);
      show(ctx, { en: 'after join()', es: 'después de join()' }, p);
    }
    ctx.say({
      en: '\nA negative exit code is minus the signal number: -15 is SIGTERM, -9 is SIGKILL (for a thread parlab reports the same codes). join() is needed before isAlive() turns false.',
      es: '\nUn código de salida negativo es el número de señal con signo menos: -15 es SIGTERM, -9 es SIGKILL (para un hilo parlab informa los mismos códigos). Hace falta join() antes de que isAlive() pase a false.',
    });
  },
};
