// Exercise 7: a child that answers down a pipe until the other end closes.
import { Process, targetRef } from '@parlab/core';
import { EOFError, Pipe } from '@parlab/pipe';
import { fail, pass, type Exercise } from '../exercise.js';
import { BOUND_MS, childFailure, words } from './support.js';

export const exercise: Exercise = {
  number: 7,
  stem: '07-pipe',
  task: {
    en: 'Complete `shout(conn)`, which runs in a child: receive texts from `conn` and send each one back in capitals, until recv() raises EOFError (the other end closed); then close `conn`.',
    es: 'Completa `shout(conn)`, que se ejecuta en un hijo: recibe textos de `conn` y devuelve cada uno en mayúsculas, hasta que recv() lance EOFError (el otro extremo se cerró); entonces cierra `conn`.',
  },
  exports: ['shout'],
  async check({ moduleUrl, lang }) {
    const [mine, theirs] = await Pipe();
    const p = new Process({ target: targetRef(moduleUrl, 'shout'), args: [theirs] });
    p.start();
    try {
      for (const word of words(lang)) {
        await mine.send(word);
        let answer: unknown;
        try {
          answer = await mine.recv({ timeoutMs: BOUND_MS });
        } catch (error) {
          if (error instanceof EOFError) {
            await p.join(BOUND_MS);
            const failure = childFailure(p);
            if (failure !== null) throw failure;
            return fail({ en: 'the child closed the pipe instead of answering «{word}»', es: 'el hijo cerró la tubería en vez de contestar «{word}»' }, { word });
          }
          throw error;
        }
        if (answer !== word.toUpperCase()) return fail({ en: 'for «{word}» the answer should be «{want}»; it was {got}', es: 'para «{word}» la respuesta debería ser «{want}»; fue {got}' }, { word, want: word.toUpperCase(), got: JSON.stringify(answer) ?? String(answer) });
      }
      mine.close();
      if ((await p.join(BOUND_MS)) === null) {
        return fail({ en: 'shout did not end when I closed my end: recv() then raises EOFError; catch it and return', es: 'shout no terminó cuando cerré mi extremo: recv() lanza entonces EOFError; atrápalo y termina' });
      }
      const failure = childFailure(p);
      if (failure !== null) throw failure;
      return pass();
    } finally {
      if (!mine.closed) mine.close();
      if (p.isAlive()) {
        p.kill();
        await p.join(BOUND_MS);
      }
    }
  },
};
