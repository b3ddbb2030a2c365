// Exercise 3: start a process in the background, as a daemon.
import { defineTargets, Process, type Target } from '@parlab/core';
import { fail, pass, type Exercise } from '../exercise.js';
import { BOUND_MS } from './support.js';

/** A background job that never ends by itself. */
export async function forever(): Promise<void> {
  for (;;) await new Promise((resolve) => setTimeout(resolve, 1000));
}

defineTargets(import.meta.url, { forever });

type StartInBackground = (target: Target, args: unknown[]) => unknown;

export const exercise: Exercise = {
  number: 3,
  stem: '03-daemon',
  task: {
    en: 'Complete `startInBackground(target, args)`: create a Process that runs in the background (a daemon), start it and return it.',
    es: 'Completa `startInBackground(target, args)`: crea un Process que se ejecute en segundo plano (un daemon), arráncalo y devuélvelo.',
  },
  exports: ['startInBackground'],
  async check({ module }) {
    const p = (module['startInBackground'] as StartInBackground)(forever, []);
    if (!(p instanceof Process)) return fail({ en: 'startInBackground should return the Process it created', es: 'startInBackground debe devolver el Process que creó' });
    try {
      if (!p.isAlive()) return fail({ en: 'the process is not running: call start() before returning it', es: 'el proceso no está en marcha: llama a start() antes de devolverlo' });
      if (!p.daemon) return fail({ en: 'it runs, but it is not a daemon: the program would wait for it forever. Create it with daemon: true (or set p.daemon = true before start())', es: 'está en marcha, pero no es un daemon: el programa lo esperaría para siempre. Créalo con daemon: true (o pon p.daemon = true antes de start())' });
      return pass();
    } finally {
      if (p.isAlive()) {
        p.kill();
        await p.join(BOUND_MS);
      }
    }
  },
};
