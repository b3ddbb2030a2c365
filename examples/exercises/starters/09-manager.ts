// Ejercicio 9 · Exercise 9 — ¿Cómo sincronizar procesos utilizando un administrador de procesos (manager)?
// Compruébalo con · check it with: pnpm exercise 9 --lang es
import type { DictProxy, LockProxy } from '@parlab/manager';

/**
 * Se ejecuta en tres hijos a la vez. Por cada palabra de words suma 1 a su cuenta en counts, el
 * diccionario del Manager (una palabra que aún no está cuenta 0). Toma lock, el cerrojo del manager,
 * alrededor de cada leer-y-escribir.
 *
 * Runs in three children at once. For each word in words add 1 to its count in counts, the Manager's
 * dict (a word not there yet counts 0). Take lock, the manager's lock, around each read-and-write.
 *
 * Pista · hint: await counts.get(word, 0), await counts.set(word, n), await lock.acquire(), await lock.release() — lección 9.
 */
export async function tally(words: string[], counts: DictProxy<string, number>, lock: LockProxy): Promise<void> {
  throw new Error('TODO');
}
