// Ejercicio 10 · Exercise 10 — ¿Cómo ejecutar funciones en paralelo utilizando procesos con Pool?
// Compruébalo con · check it with: pnpm exercise 10 --lang es
import { defineTargets } from '@parlab/core';
import type { Pool } from '@parlab/pool';

/** El cuadrado de n · the square of n. Se ejecuta en un trabajador del pool · runs in a pool worker. */
export function square(n: number): number {
  throw new Error('TODO');
}

/**
 * Devuelve los cuadrados de numbers, en orden, calculados por los trabajadores de pool con pool.map.
 * Un pool solo ejecuta funciones exportadas y registradas: registra square con defineTargets.
 *
 * Return the squares of numbers, in order, computed by the pool's workers with pool.map. A pool runs
 * only exported, registered functions: register square with defineTargets.
 *
 * Pista · hint: defineTargets(import.meta.url, { square }), await pool.map(square, numbers) — lección 10.
 */
export async function squares(pool: Pool, numbers: number[]): Promise<number[]> {
  throw new Error('TODO');
}

