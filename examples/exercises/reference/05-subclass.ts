// Solución del profesor · the teacher's solution — Ejercicio 5 · Exercise 5 — ¿Cómo usar un proceso en una subclase?
// Compruébalo con · check it with: pnpm exercise 5 --reference --lang es
import { defineTargets, Process } from '@parlab/core';
import type { Queue } from '@parlab/queue';

/** Una subclase de Process: el constructor guarda lo que run() necesita · a Process subclass: the constructor keeps what run() needs. */
export class Squarer extends Process {
  readonly n: number;
  readonly results: Queue;

  constructor(n: number, results: Queue) {
    super({ name: `squarer-${n}` });
    this.n = n;
    this.results = results;
  }

  /**
   * Se ejecuta en el hijo: pon this.n * this.n en this.results.
   * Runs in the child: put this.n * this.n on this.results.
   *
   * Pista · hint: await this.results.put(…) — lecciones 5 y 6.
   */
  override async run(): Promise<void> {
    await this.results.put(this.n * this.n);
  }
}

// El hijo reconstruye el objeto a partir de su clase · the child rebuilds the object from its class:
defineTargets(import.meta.url, { Squarer });
