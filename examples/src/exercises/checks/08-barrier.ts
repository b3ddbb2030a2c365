// Exercise 8: keep a shared counter right with a Lock.
import { Process, targetRef } from '@parlab/core';
import { Lock } from '@parlab/barrier';
import { Manager } from '@parlab/manager';
import { fail, pass, type Exercise } from '../exercise.js';
import { BOUND_MS, childFailure } from './support.js';

const WORKERS = 3;
const TIMES = 20;

export const exercise: Exercise = {
  number: 8,
  stem: '08-barrier',
  task: {
    en: 'Complete `addSafely(counter, lock, times)`, which runs in three children at once: add 1 to the shared counter `times` `times`, taking the lock around each read-and-write so that no update is lost.',
    es: 'Completa `addSafely(counter, lock, times)`, que se ejecuta en tres hijos a la vez: suma 1 al contador compartido `times` veces, tomando el cerrojo alrededor de cada leer-y-escribir para que no se pierda ninguna suma.',
  },
  exports: ['addSafely'],
  async check({ moduleUrl }) {
    await using manager = await Manager.start();
    const counter = await manager.value(0);
    const lock = new Lock();
    const workers = Array.from({ length: WORKERS }, () => new Process({ target: targetRef(moduleUrl, 'addSafely'), args: [counter, lock, TIMES] }));
    for (const p of workers) p.start();
    for (const p of workers) {
      if ((await p.join(BOUND_MS)) === null) {
        for (const q of workers) q.kill();
        return fail({ en: 'a worker did not end: does every acquire() have its release()?', es: 'un trabajador no terminó: ¿tiene cada acquire() su release()?' });
      }
      const failure = childFailure(p);
      if (failure !== null) throw failure;
    }
    const got = await counter.get();
    const expected = WORKERS * TIMES;
    if (got < expected) {
      return fail({
        en: 'the counter is {got}, it should be {expected}: {lost} updates were lost. Two workers read the same value and both wrote it back plus one: hold the lock from the read to the write (await lock.acquire() … await lock.release()).',
        es: 'el contador vale {got} y debería valer {expected}: se perdieron {lost} sumas. Dos trabajadores leyeron el mismo valor y los dos escribieron ese más uno: mantén el cerrojo desde la lectura hasta la escritura (await lock.acquire() … await lock.release()).',
      }, { got, expected, lost: expected - got });
    }
    if (got !== expected) return fail({ en: 'the counter is {got}, it should be {expected}: add 1, `times` `times`, in each worker', es: 'el contador vale {got} y debería valer {expected}: suma 1, `times` veces, en cada trabajador' }, { got, expected });
    return pass();
  },
};
