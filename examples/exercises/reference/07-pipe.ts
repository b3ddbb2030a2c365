// Solución del profesor · the teacher's solution — Ejercicio 7 · Exercise 7 — ¿Cómo intercambiar objetos entre procesos utilizando una tubería?
// Compruébalo con · check it with: pnpm exercise 7 --reference --lang es
import { EOFError, type Connection } from '@parlab/pipe';

/**
 * Se ejecuta en un hijo. Recibe textos de conn y devuelve cada uno en mayúsculas, hasta que recv() lance
 * EOFError (el otro extremo se cerró); entonces cierra conn y termina.
 *
 * Runs in a child. Receive texts from conn and send each one back in capitals, until recv() raises
 * EOFError (the other end closed); then close conn and return.
 *
 * Pista · hint: await conn.recv(), await conn.send(text.toUpperCase()), error instanceof EOFError — lección 7.
 */
export async function shout(conn: Connection): Promise<void> {
  for (;;) {
    let text: string;
    try {
      text = (await conn.recv()) as string;
    } catch (error) {
      if (error instanceof EOFError) break;
      throw error;
    }
    await conn.send(text.toUpperCase());
  }
  conn.close();
}

