// Solución del profesor · the teacher's solution — Ejercicio 8 · Exercise 8 — ¿Cómo sincronizar procesos?
// Compruébalo con · check it with: pnpm exercise 8 --reference --lang es
import { setTimeout as pause } from 'node:timers/promises';
import type { Lock } from '@parlab/barrier';
import type { ValueProxy } from '@parlab/manager';

/**
 * Se ejecuta en tres hijos a la vez. Suma 1 al contador compartido times veces. Así, sin cerrojo, se
 * pierden sumas (dos hijos leen el mismo valor): toma lock alrededor de cada leer-y-escribir.
 *
 * Runs in three children at once. Add 1 to the shared counter times times. As it is, without a lock,
 * updates are lost (two children read the same value): take lock around each read-and-write.
 *
 * Pista · hint: await lock.acquire() … await lock.release(), en un try/finally — lección 8.
 */
export async function addSafely(counter: ValueProxy<number>, lock: Lock, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await lock.acquire();
    try {
      const seen = await counter.get();
      await pause(0); // otro hijo puede leer aquí el mismo valor · another child can read the same value here
      await counter.set(seen + 1);
    } finally {
      await lock.release();
    }
  }
}
