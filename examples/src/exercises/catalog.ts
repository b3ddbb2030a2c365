// The workshop's exercises, one per lesson 1–10, and where their files live.
import { fileURLToPath } from 'node:url';
import type { Exercise } from './exercise.js';
import { exercise as e1 } from './checks/01-parallel.js';
import { exercise as e2 } from './checks/02-names.js';
import { exercise as e3 } from './checks/03-daemon.js';
import { exercise as e4 } from './checks/04-kill.js';
import { exercise as e5 } from './checks/05-subclass.js';
import { exercise as e6 } from './checks/06-queue.js';
import { exercise as e7 } from './checks/07-pipe.js';
import { exercise as e8 } from './checks/08-barrier.js';
import { exercise as e9 } from './checks/09-manager.js';
import { exercise as e10 } from './checks/10-pool.js';

export const EXERCISES: ReadonlyMap<number, Exercise> = new Map([e1, e2, e3, e4, e5, e6, e7, e8, e9, e10].map((e) => [e.number, e]));

/** The repository root (examples/dist/src/exercises → four levels up). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const EXERCISES_DIR = fileURLToPath(new URL('../../../exercises/', import.meta.url));

/** The untouched starting point of an exercise (committed). */
export function starterFile(exercise: Exercise): string {
  return `${EXERCISES_DIR}starters/${exercise.stem}.ts`;
}

/** The teacher's solution (committed). */
export function referenceFile(exercise: Exercise): string {
  return `${EXERCISES_DIR}reference/${exercise.stem}.ts`;
}

/** The student's copy: examples/exercises/mine/, or PARLAB_EXERCISES_DIR when set (a teacher's or a test's own folder). */
export function studentFile(exercise: Exercise, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['PARLAB_EXERCISES_DIR'];
  return `${dir === undefined || dir === '' ? `${EXERCISES_DIR}mine` : dir.replace(/\/$/, '')}/${exercise.stem}.ts`;
}
