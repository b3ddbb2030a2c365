// Solución del profesor · the teacher's solution — Ejercicio 4 · Exercise 4 — ¿Cómo matar un proceso?
// Compruébalo con · check it with: pnpm exercise 4 --reference --lang es
import type { Process } from '@parlab/core';

/**
 * p está en marcha y no parará solo. Pídele que termine con terminate() (SIGTERM), espera a que haya
 * terminado y devuelve su exitCode.
 *
 * p is running and will not stop by itself. Ask it to end with terminate() (SIGTERM), wait until it has
 * ended and return its exitCode.
 *
 * Pista · hint: terminate(), join(), isAlive(), exitCode — lección 4.
 */
export async function stop(p: Process): Promise<number | null> {
  p.terminate();
  await p.join();
  return p.exitCode;
}
