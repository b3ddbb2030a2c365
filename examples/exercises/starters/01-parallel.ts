// Ejercicio 1 · Exercise 1 — ¿Cómo ejecutar funciones en paralelo utilizando la librería multiprocessing de Python?
// Compruébalo con · check it with: pnpm exercise 1 --lang es
import { Process, type Target } from '@parlab/core';

/**
 * Arranca un Process por cada elemento de argsList (cada uno ejecuta target con esos argumentos),
 * TODOS antes de esperar a ninguno; después espera a cada uno con join() y devuelve sus exitCode en orden.
 *
 * Start one Process per entry of argsList (each runs target with those arguments), ALL of them before
 * waiting for any; then wait for each with join() and return their exit codes in order.
 *
 * Pista · hint: new Process({ target, args }), p.start(), await p.join(), p.exitCode — lección 1.
 */
export async function runInParallel(target: Target, argsList: unknown[][]): Promise<(number | null)[]> {
  throw new Error('TODO');
}

