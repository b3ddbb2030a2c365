// pnpm lesson's command line: help with the default strategy and the unit's titles, typo suggestions, one-line usage errors with exit code 2, in the user's language.
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../src/course.js';
import { runCli } from './run-cli.js';

describe('pnpm lesson, the command line', () => {
  it('--help says --strategy is optional and defaults to process, and lists the unit’s questions word for word', async () => {
    const [en, es] = await Promise.all([runCli('lesson-cli', ['--help']), runCli('lesson-cli', ['--help', '--lang', 'es'])]);
    expect(en.code).toBe(0);
    // commander wraps the help to the terminal's width: compare with the spaces folded.
    const fold = (text: string): string => text.replace(/\s+/g, ' ');
    expect(fold(en.stdout)).toContain('--strategy <name> process (child processes) or thread (worker threads); optional (default: "process")');
    expect(fold(es.stdout)).toContain('--strategy <name> process (procesos hijos) o thread (hilos); opcional (por defecto: "process")');
    for (const q of QUESTIONS) {
      expect(en.stdout).toContain(`${String(q.number).padStart(2)}  ${q.title.en}`);
      expect(es.stdout).toContain(`${String(q.number).padStart(2)}  ${q.title.es}`);
    }
    expect(es.stdout).toContain('11  Ventajas y Desventajas');
  });

  it('answers a bad lesson, strategy or option with one line and exit code 2, with a suggestion for a typo', async () => {
    const runs = await Promise.all([
      runCli('lesson-cli', ['12']),
      runCli('lesson-cli', ['1', '--strategy', 'fork', '--lang', 'es']),
      runCli('lesson-cli', ['1', '--strategi', 'thread']),
      runCli('lesson-cli', []),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(runs[0]?.stderr).toBe("lesson: '12' is not valid for <N>: must be a whole number from 1 to 11; see pnpm lesson --help\n");
    expect(runs[1]?.stderr).toBe("lesson: 'fork' no vale para -s, --strategy <name>: debe ser uno de process, thread; mira pnpm lesson --help\n");
    expect(runs[2]?.stderr).toBe("lesson: unknown option '--strategi' (did you mean --strategy?); see pnpm lesson --help\n");
    expect(runs[3]?.stderr).toBe("lesson: missing required argument 'N'; see pnpm lesson --help\n");
    for (const run of runs) expect(run.stdout).toBe('');
  });
});
