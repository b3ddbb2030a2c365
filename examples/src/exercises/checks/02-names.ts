// Exercise 2: create processes with the names asked for.
import { currentProcess, defineTargets, Process, ProcessStateError, type Target } from '@parlab/core';
import { Queue } from '@parlab/queue';
import { fail, pass, type Exercise } from '../exercise.js';
import { BOUND_MS, childFailure } from './support.js';

/** Each child says what it is called. */
export async function sayName(names: Queue): Promise<void> {
  await names.put(currentProcess().name);
}

defineTargets(import.meta.url, { sayName });

type MakeNamed = (target: Target, args: unknown[], names: string[]) => unknown;

export const exercise: Exercise = {
  number: 2,
  stem: '02-names',
  task: {
    en: 'Complete `makeNamed(target, args, names)`: return one Process per name, not started, running `target` with `args` and called by that name.',
    es: 'Completa `makeNamed(target, args, names)`: devuelve un Process por nombre, sin arrancarlo, que ejecute `target` con `args` y se llame así.',
  },
  exports: ['makeNamed'],
  async check({ module, lang }) {
    const wanted = lang === 'es' ? ['lector', 'escritor', 'revisor'] : ['reader', 'writer', 'checker'];
    const reported = new Queue();
    const made = (module['makeNamed'] as MakeNamed)(sayName, [reported], wanted);
    if (!Array.isArray(made) || made.length !== wanted.length || !made.every((p) => p instanceof Process)) {
      return fail({ en: 'makeNamed should return an array of {n} Process objects (new Process({ … }))', es: 'makeNamed debe devolver un array de {n} objetos Process (new Process({ … }))' }, { n: wanted.length });
    }
    const processes = made as Process[];
    const misnamed = processes.findIndex((p, i) => p.name !== wanted[i]);
    if (misnamed >= 0) {
      return fail({ en: 'process {i} is called {got}; it should be called {want} (the name option, or p.name = …)', es: 'el proceso {i} se llama {got}; debería llamarse {want} (la opción name, o p.name = …)' }, { i: misnamed + 1, got: processes[misnamed]?.name ?? '', want: wanted[misnamed] ?? '' });
    }
    try {
      for (const p of processes) p.start();
    } catch (error) {
      if (error instanceof ProcessStateError) return fail({ en: 'do not start them: return them as they are, the check starts them', es: 'no los arranques: devuélvelos tal cual, la comprobación los arranca' });
      throw error;
    }
    for (const p of processes) {
      await p.join(BOUND_MS);
      const failure = childFailure(p);
      if (failure !== null) throw failure;
    }
    const seen: unknown[] = [];
    for (let i = 0; i < wanted.length; i++) seen.push(await reported.get({ timeoutMs: BOUND_MS }));
    reported.close();
    if ([...seen].sort().join() !== [...wanted].sort().join()) {
      return fail({ en: 'the children called themselves {seen}; expected {want}: pass `target` and `args` to new Process', es: 'los hijos dijeron llamarse {seen}; se esperaba {want}: pasa `target` y `args` a new Process' }, { seen: seen.join(', '), want: wanted.join(', ') });
    }
    return pass();
  },
};
