// Lesson 3: run a process in the background — a daemon the program does not wait for, beside a non-daemon it does.
import { defineTargets, Process } from '@parlab/core';
import { Event } from '@parlab/barrier';
import { question } from '../course.js';
import { formatMs } from '../format.js';
import type { Lesson } from '../lesson.js';
import type { Lang, Text } from '../text.js';
import { tell } from '../transcript.js';
import { startAll } from './children.js';
import { sleep, WAIT_MS } from './shared.js';

/** A background job that never finishes on its own: it beats until the program's end stops it. */
export async function heartbeat(lang: Lang, beatMs: number, beating: Event): Promise<void> {
  for (let beat = 1; ; beat++) {
    tell(lang, { en: 'daemon: heartbeat {beat}', es: 'daemon: latido {beat}' }, { beat });
    if (beat === 1) await beating.set();
    await sleep(beatMs);
  }
}

/** A foreground job: the program waits for it even after the main code is done. */
export async function slowJob(lang: Lang, jobMs: number): Promise<void> {
  tell(lang, { en: 'not a daemon: starting a {ms} job', es: 'no daemon: empiezo una tarea de {ms}' }, { ms: formatMs(lang, jobMs) });
  await sleep(jobMs);
  tell(lang, { en: 'not a daemon: done; now the program may end', es: 'no daemon: terminé; ahora el programa puede acabar' });
}

defineTargets(import.meta.url, { heartbeat, slowJob });

const NAMES = { background: { en: 'background', es: 'segundo-plano' }, foreground: { en: 'foreground', es: 'primer-plano' } } as const satisfies Record<string, Text>;

const { title, notebooks } = question(3);

export const lesson: Lesson = {
  number: 3,
  title,
  notebooks,
  python: [
    ['Process(target=f, daemon=True)', 'new Process({ target: f, daemon: true })'],
    ['p.daemon = True', 'p.daemon = true'],
    ['p.is_alive()', 'p.isAlive()'],
  ],
  async run(ctx) {
    const small = ctx.size === 'small';
    const beating = new Event();
    const daemon = new Process({ target: heartbeat, args: [ctx.lang, small ? 60 : 150, beating], name: ctx.t(NAMES.background), daemon: true });
    const worker = new Process({ target: slowJob, args: [ctx.lang, small ? 250 : 700], name: ctx.t(NAMES.foreground) });
    ctx.tell({ en: '{d}.daemon = {dv}; {w}.daemon = {wv}', es: '{d}.daemon = {dv}; {w}.daemon = {wv}' }, { d: daemon.name, dv: daemon.daemon, w: worker.name, wv: worker.daemon });
    startAll(ctx, [daemon, worker]);
    // Wait for the daemon's first beat, so that the main program's last own line comes after it.
    if (!(await beating.wait({ timeoutMs: WAIT_MS }))) throw new Error(ctx.t({ en: 'the daemon did not beat', es: 'el daemon no latió' }));
    ctx.tell({
      en: '{d}.isAlive() = {alive}; my own code ends here, without join(). The program keeps running until the non-daemon child ends; then it exits, and the daemon stops with it: its beats stop there.',
      es: '{d}.isAlive() = {alive}; mi código termina aquí, sin join(). El programa sigue mientras el hijo no daemon no termine; después sale, y el daemon se detiene con él: ahí se acaban sus latidos.',
    }, { d: daemon.name, alive: daemon.isAlive() });
  },
};
