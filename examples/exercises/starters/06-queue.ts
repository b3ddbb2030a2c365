// Ejercicio 6 · Exercise 6 — ¿Cómo intercambiar objetos entre procesos utilizando una cola?
// Compruébalo con · check it with: pnpm exercise 6 --lang es
import type { Queue } from '@parlab/queue';

/**
 * Se ejecuta en un proceso hijo (o un hilo). Saca números de numbers hasta recibir null (el centinela)
 * y pon su suma en results.
 *
 * Runs in a child process (or a thread). Get numbers from numbers until you get null (the sentinel),
 * then put their sum on results.
 *
 * Pista · hint: await numbers.get(), await results.put(sum) — lección 6.
 */
export async function sumFromQueue(numbers: Queue, results: Queue): Promise<void> {
  throw new Error('TODO');
}
