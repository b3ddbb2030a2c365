// Solución del profesor · the teacher's solution — Ejercicio 2 · Exercise 2 — ¿Cómo asignar y obtener los nombres de los procesos?
// Compruébalo con · check it with: pnpm exercise 2 --reference --lang es
import { Process, type Target } from '@parlab/core';

/**
 * Devuelve un Process por cada nombre de names, SIN arrancarlo: cada uno ejecuta target con args y se llama
 * como ese nombre.
 *
 * Return one Process per entry of names, NOT started: each runs target with args and is called by that name.
 *
 * Pista · hint: new Process({ target, args, name }) o · or p.name = '…' antes de · before start() — lección 2.
 */
export function makeNamed(target: Target, args: unknown[], names: string[]): Process[] {
  return names.map((name) => new Process({ target, args, name }));
}
