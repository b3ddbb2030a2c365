// Documentation is code: every TypeScript/JavaScript example in every README is type-checked, built and run (under both strategies where it picks one).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { otherStrategy, repositoryExamples, type Example } from '../dist/src/readme-examples.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Inside this package, so the examples' imports resolve to the workspace's packages.
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/readme/', import.meta.url));
const examples = repositoryExamples(ROOT);

const COMPILER: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
};

/** Writes the example's files (sources as given, or transpiled to .js) into `dir`. */
function writeExample(example: Example, dir: string, transform: (source: string) => string, emitJs: boolean): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const file of example.files) {
    const source = transform(file.source);
    if (!emitJs || file.name.endsWith('.mjs') || file.name.endsWith('.js')) writeFileSync(join(dir, file.name), source);
    else {
      const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }, fileName: file.name });
      writeFileSync(join(dir, file.name.replace(/\.ts$/, '.js')), outputText);
    }
  }
}

function run(example: Example, dir: string, strategy: 'process' | 'thread'): { status: number | null; output: string } {
  const entry = example.entry.replace(/\.ts$/, '.js');
  const result = spawnSync(process.execPath, [join(dir, entry)], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, PARLAB_STRATEGY: strategy },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}${result.error !== undefined ? `\n${result.error.message}` : ''}` };
}

describe('README examples', () => {
  it('are found (a README that loses its examples fails here)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.map((e) => e.readme)).toContain('README.md');
  });

  it('type-check against the packages as they are', () => {
    const dir = join(ARTIFACTS, 'types');
    const roots: string[] = [];
    for (const example of examples) {
      const folder = join(dir, example.id);
      writeExample(example, folder, (s) => s, false);
      for (const file of example.files) if (file.name.endsWith('.ts')) roots.push(join(folder, file.name));
    }
    const program = ts.createProgram(roots, COMPILER);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file === undefined ? '' : `${d.file.fileName.slice(dir.length + 1)}:${String(d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1)} `;
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    expect(problems).toEqual([]);
  }, 60_000);

  describe.each(examples.map((e) => [`${e.readme} § ${e.section} (${e.entry})`, e] as const))('%s', (_, example) => {
    const variants = example.usesStrategy ? (['process', 'thread'] as const) : (['process'] as const);
    it.each(variants)('runs and exits 0 under %s', (strategy) => {
      const dir = join(ARTIFACTS, 'run', example.id, strategy);
      // As written for the strategy it names; the other strategy swaps its `strategy:` literals.
      const asWritten = /strategy:\s*'thread'|getContext\('thread'\)/.test(example.files.map((f) => f.source).join('\n')) ? 'thread' : 'process';
      writeExample(example, dir, strategy === asWritten ? (s) => s : otherStrategy, true);
      mkdirSync(dirname(dir), { recursive: true });
      const { status, output } = run(example, dir, strategy);
      expect({ status, output }).toMatchObject({ status: 0 });
    });
  });
});
