// Ejercicio 3 · Exercise 3 — ¿Cómo ejecutar un proceso en segundo plano?
// Compruébalo con · check it with: pnpm exercise 3 --lang es
import { Process, type Target } from '@parlab/core';

/**
 * Crea un Process que ejecute target con args en segundo plano (un daemon: el programa no lo espera),
 * arráncalo y devuélvelo.
 *
 * Create a Process that runs target with args in the background (a daemon: the program does not wait for it),
 * start it and return it.
 *
 * Pista · hint: la opción daemon · the daemon option — lección 3.
 */
export function startInBackground(target: Target, args: unknown[]): Process {
  throw new Error('TODO');
}
