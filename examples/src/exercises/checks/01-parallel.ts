// Exercise 1: start one process per job, all of them before waiting for any.
import { defineTargets, type Target } from '@parlab/core';
import { Barrier } from '@parlab/barrier';
import { fail, pass, type Exercise } from '../exercise.js';

/** How long the jobs wait for each other at the barrier: only jobs that run at the same time meet. */
const MEET_MS = 10_000;

/** A job that can only finish if all the jobs run at the same time: they meet at a barrier. */
export async function meet(barrier: Barrier): Promise<void> {
  await barrier.wait({ timeoutMs: MEET_MS });
}

defineTargets(import.meta.url, { meet });

type RunInParallel = (target: Target, argsList: unknown[][]) => Promise<unknown>;

export const exercise: Exercise = {
  number: 1,
  stem: '01-parallel',
  task: {
    en: 'Complete `runInParallel(target, argsList)`: start one Process per entry of `argsList`, all of them before joining any, then join each and return their exit codes in order.',
    es: 'Completa `runInParallel(target, argsList)`: arranca un Process por cada elemento de `argsList`, todos antes de esperar a ninguno, después espera a cada uno y devuelve sus exitCode en orden.',
  },
  exports: ['runInParallel'],
  async check({ module }) {
    const barrier = new Barrier(3);
    const codes = await (module['runInParallel'] as RunInParallel)(meet, [[barrier], [barrier], [barrier]]);
    if (!Array.isArray(codes) || codes.length !== 3) {
      return fail({ en: 'runInParallel should return one exit code per process, an array of 3; it returned {got}', es: 'runInParallel debe devolver un exitCode por proceso, un array de 3; devolvió {got}' }, { got: JSON.stringify(codes) ?? String(codes) });
    }
    if (codes.every((code) => code === 0)) return pass();
    if (codes.some((code) => code === null)) {
      return fail({ en: 'some exit codes are null: wait for each process with join() before reading exitCode', es: 'hay exitCode null: espera a cada proceso con join() antes de leer su exitCode' });
    }
    return fail({
      en: 'the jobs did not meet at their barrier (exit codes {codes}): they did not run at the same time. Start every process with start() before waiting for any with join().',
      es: 'las tareas no se encontraron en su barrera (exitCode {codes}): no corrieron a la vez. Arranca todos los procesos con start() antes de esperar a ninguno con join().',
    }, { codes: codes.join(', ') });
  },
};
