// Lesson 3: how do I run a process in the background (daemon)?
import { defineTargets, Process } from '@parlab/core';
import type { Lang, Lesson } from '../lesson.js';
import { childSay, sleep } from './shared.js';

/** A background job that never finishes on its own. */
export async function heartbeat(lang: Lang): Promise<void> {
  for (let beat = 1; ; beat++) {
    childSay(lang, { en: 'daemon: heartbeat {beat}', es: 'daemon: latido {beat}' }, { beat });
    await sleep(150);
  }
}

/** A foreground job: the program waits for it even after the main code is done. */
export async function slowJob(lang: Lang): Promise<void> {
  childSay(lang, { en: 'non-daemon: starting a 700 ms job', es: 'no daemon: empiezo una tarea de 700 ms' });
  await sleep(700);
  childSay(lang, { en: 'non-daemon: done; now the program may end', es: 'no daemon: terminé; ahora el programa puede acabar' });
}

defineTargets(import.meta.url, { heartbeat, slowJob });

export const lesson: Lesson = {
  number: 3,
  title: { en: 'How do I run a process in the background?', es: '¿Cómo ejecutar un proceso en segundo plano?' },
  async run(ctx) {
    const daemon = new Process({ target: heartbeat, args: [ctx.lang], name: 'background', daemon: true });
    const worker = new Process({ target: slowJob, args: [ctx.lang], name: 'foreground' });
    ctx.say({ en: '{d}.daemon = {dv}; {w}.daemon = {wv}', es: '{d}.daemon = {dv}; {w}.daemon = {wv}' }, {
      d: daemon.name,
      dv: daemon.daemon,
      w: worker.name,
      wv: worker.daemon,
    });
    daemon.start();
    worker.start();
    await sleep(200);
    ctx.say({
      en: 'main: my own code ends here, without join(). The program keeps running until the non-daemon child ends; the daemon is stopped when the program exits.',
      es: 'main: mi código termina aquí, sin join(). El programa sigue mientras el hijo no daemon no termine; el daemon se detiene cuando el programa sale.',
    });
    process.once('exit', () => {
      const text = ctx.t({ en: 'main: program exits; daemon alive until now: {alive}', es: 'main: el programa sale; el daemon seguía vivo: {alive}' }, {
        alive: daemon.isAlive(),
      });
      console.log(text);
    });
  },
};
