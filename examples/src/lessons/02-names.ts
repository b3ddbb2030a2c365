// Lesson 2: set and get process names — Python's default names, a name given at construction, and one changed before start().
import { currentProcess, defineTargets, parentProcess, Process } from '@parlab/core';
import { question } from '../course.js';
import type { Lesson } from '../lesson.js';
import type { Lang, Text } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, startAll } from './children.js';

/** Each child reads its own name, and its parent's. */
export function introduce(lang: Lang): void {
  tell(lang, { en: 'my name is {name}; my parent is {parent}', es: 'me llamo {name}; mi padre es {parent}' }, {
    name: currentProcess().name,
    parent: parentProcess()?.name ?? '-',
  });
}

defineTargets(import.meta.url, { introduce });

const NAMES = { calculator: { en: 'calculator', es: 'calculadora' }, reporter: { en: 'reporter', es: 'informador' } } as const satisfies Record<string, Text>;

const { title, notebooks } = question(2);

export const lesson: Lesson = {
  number: 2,
  title,
  notebooks,
  python: [
    ['multiprocessing.current_process().name', 'currentProcess().name'],
    ['multiprocessing.parent_process().name', 'parentProcess()?.name'],
    ["Process(target=f, name='x')", "new Process({ target: f, name: 'x' })"],
    ["p.name = 'x'", "p.name = 'x'"],
  ],
  async run(ctx) {
    ctx.tell({ en: 'I am the main process: currentProcess().name is {name}.', es: 'Soy el proceso principal: currentProcess().name vale {name}.' }, { name: currentProcess().name });
    ctx.say({ en: '\nWithout a name, parlab numbers them as Python does (Process-1, Process-2, …):', es: '\nSin nombre, parlab los numera como Python (Process-1, Process-2, …):' });
    const unnamed = [new Process({ target: introduce, args: [ctx.lang] }), new Process({ target: introduce, args: [ctx.lang] })];
    startAll(ctx, unnamed);
    await joinAll(ctx, unnamed);

    ctx.say({ en: '\nWith a name given at construction:', es: '\nCon un nombre dado al construirlo:' });
    const named = new Process({ target: introduce, args: [ctx.lang], name: ctx.t(NAMES.calculator) });
    startAll(ctx, [named]);
    await joinAll(ctx, [named]);

    ctx.say({ en: '\nA name can also be changed before start():', es: '\nTambién se puede cambiar el nombre antes de start():' });
    const renamed = new Process({ target: introduce, args: [ctx.lang] });
    ctx.tell({ en: 'default name: {name}', es: 'nombre por defecto: {name}' }, { name: renamed.name });
    renamed.name = ctx.t(NAMES.reporter);
    ctx.tell({ en: 'new name: {name}', es: 'nombre nuevo: {name}' }, { name: renamed.name });
    startAll(ctx, [renamed]);
    await joinAll(ctx, [renamed]);
  },
};
