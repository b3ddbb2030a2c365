// Lesson 2: how do I set and read process names?
import { currentProcess, defineTargets, parentProcess, Process } from '@parlab/core';
import type { Lang, Lesson } from '../lesson.js';
import { childSay } from './shared.js';

/** Each child reads its own name, and its parent's. */
export function introduce(lang: Lang): void {
  childSay(lang, { en: 'my name is {name}; my parent is {parent}', es: 'mi nombre es {name}; mi padre es {parent}' }, {
    name: currentProcess().name,
    parent: parentProcess()?.name ?? '-',
  });
}

defineTargets(import.meta.url, { introduce });

export const lesson: Lesson = {
  number: 2,
  title: { en: 'How do I set and read process names?', es: '¿Cómo asignar y obtener los nombres de los procesos?' },
  async run(ctx) {
    ctx.say({ en: 'The main process is called {name}.', es: 'El proceso principal se llama {name}.' }, { name: currentProcess().name });
    ctx.say({ en: '\nWithout a name, parlab numbers them as Python does (Process-1, Process-2, …):', es: '\nSin nombre, parlab los numera como Python (Process-1, Process-2, …):' });
    const unnamed = [new Process({ target: introduce, args: [ctx.lang] }), new Process({ target: introduce, args: [ctx.lang] })];
    for (const p of unnamed) p.start();
    for (const p of unnamed) await p.join();

    ctx.say({ en: '\nWith a name given at construction:', es: '\nCon un nombre dado al construirlo:' });
    const named = new Process({ target: introduce, args: [ctx.lang], name: 'calculator' });
    named.start();
    await named.join();

    ctx.say({ en: '\nA name can also be changed before start():', es: '\nTambién se puede cambiar el nombre antes de start():' });
    const renamed = new Process({ target: introduce, args: [ctx.lang] });
    ctx.say({ en: '  default name: {name}', es: '  nombre por defecto: {name}' }, { name: renamed.name });
    renamed.name = 'reporter';
    ctx.say({ en: '  new name: {name}', es: '  nombre nuevo: {name}' }, { name: renamed.name });
    renamed.start();
    await renamed.join();
  },
};
