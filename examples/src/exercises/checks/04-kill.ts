// Exercise 4: stop a running process with terminate() and wait for its end.
import { defineTargets, Process } from '@parlab/core';
import { Event } from '@parlab/barrier';
import { fail, pass, type Exercise } from '../exercise.js';
import { BOUND_MS } from './support.js';

/** Works until someone ends it; says when it is running. */
export async function endless(running: Event): Promise<void> {
  await running.set();
  for (;;) await new Promise((resolve) => setTimeout(resolve, 1000));
}

defineTargets(import.meta.url, { endless });

type Stop = (p: Process) => Promise<unknown>;

export const exercise: Exercise = {
  number: 4,
  stem: '04-kill',
  task: {
    en: 'Complete `stop(p)`: ask the running process p to end with terminate() (SIGTERM), wait until it has ended, and return its exitCode.',
    es: 'Completa `stop(p)`: pide al proceso p, que está en marcha, que termine con terminate() (SIGTERM), espera a que haya terminado y devuelve su exitCode.',
  },
  exports: ['stop'],
  async check({ module }) {
    const running = new Event();
    const p = new Process({ target: endless, args: [running] });
    p.start();
    try {
      await running.wait({ timeoutMs: BOUND_MS });
      const returned = await (module['stop'] as Stop)(p);
      if (p.isAlive()) return fail({ en: 'after `stop(p)`, p.isAlive() is still true: wait for its end with await p.join()', es: 'después de `stop(p)`, p.isAlive() sigue siendo true: espera su final con await p.join()' });
      if (p.exitCode === -9) return fail({ en: 'p ended with exitCode -9: that is kill() (SIGKILL). Here terminate() is asked for (SIGTERM, exitCode -15)', es: 'p terminó con exitCode -9: eso es kill() (SIGKILL). Aquí se pide terminate() (SIGTERM, exitCode -15)' });
      if (p.exitCode !== -15) return fail({ en: 'p ended with exitCode {code}; terminate() gives -15', es: 'p terminó con exitCode {code}; terminate() da -15' }, { code: p.exitCode });
      if (returned !== -15) return fail({ en: '`stop(p)` should return p’s exitCode (-15); it returned {got}', es: '`stop(p)` debe devolver el exitCode de p (-15); devolvió {got}' }, { got: String(returned) });
      return pass();
    } finally {
      if (p.isAlive()) {
        p.kill();
        await p.join(BOUND_MS);
      }
    }
  },
};
