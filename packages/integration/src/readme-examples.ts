// Finds the TypeScript/JavaScript examples in the repository's READMEs and turns each into a program that can be built and run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Fence languages that are examples to run; anything else (sh, text, json…) is only shown. */
const RUNNABLE = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs']);

export interface ExampleFile {
  /** File name inside the example's folder, e.g. `tasks.ts`. */
  readonly name: string;
  readonly source: string;
  /** Line of the README where the block starts (1-based). */
  readonly line: number;
}

/** One runnable example: the files of one README section, and the one to run. */
export interface Example {
  /** README path relative to the repository root. */
  readonly readme: string;
  /** The section heading it sits under. */
  readonly section: string;
  readonly files: readonly ExampleFile[];
  /** The file to run (built to .js). */
  readonly entry: string;
  /** It picks a strategy (a `strategy: '…'` literal or a parlab import): run it under both. */
  readonly usesStrategy: boolean;
  /** A short id, unique in the repository, for folders and test names. */
  readonly id: string;
}

interface Block {
  readonly lang: string;
  readonly source: string;
  readonly line: number;
  readonly section: string;
}

/** Fenced blocks of a Markdown text with the heading each sits under. */
export function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let section = '(top)';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading !== null) {
      section = (heading[1] as string).trim();
      continue;
    }
    const fence = /^(`{3,})\s*([\w-]*)/.exec(line);
    if (fence === null) continue;
    const close = fence[1] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).startsWith(close)) body.push(lines[j++] as string);
    blocks.push({ lang: (fence[2] ?? '').toLowerCase(), source: `${body.join('\n')}\n`, line: i + 1, section });
    i = j;
  }
  return blocks;
}

/** `// tasks.ts — …` or `// main.ts` on a block's first line names its file. */
function fileNameOf(source: string): string | undefined {
  return /^\/\/\s*([\w.-]+\.(?:ts|js|mjs))\b/.exec(source)?.[1];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'x';
}

/**
 * The examples of one README: blocks of the same section that name their files form one program
 * (run the one named main.*, else the last); every other block is a program of its own.
 */
export function examplesOf(readme: string, markdown: string): Example[] {
  const blocks = fencedBlocks(markdown).filter((b) => RUNNABLE.has(b.lang));
  const examples: Example[] = [];
  const bySection = new Map<string, Block[]>();
  for (const block of blocks) {
    if (fileNameOf(block.source) === undefined) {
      examples.push(makeExample(readme, block.section, [{ name: block.lang.startsWith('j') || block.lang === 'mjs' ? 'example.mjs' : 'example.ts', source: block.source, line: block.line }], examples.length));
      continue;
    }
    const list = bySection.get(block.section) ?? [];
    list.push(block);
    bySection.set(block.section, list);
  }
  for (const [section, list] of bySection) {
    const files = list.map((b) => ({ name: fileNameOf(b.source) as string, source: b.source, line: b.line }));
    examples.push(makeExample(readme, section, files, examples.length));
  }
  return examples.sort((a, b) => (a.files[0]?.line ?? 0) - (b.files[0]?.line ?? 0));
}

function makeExample(readme: string, section: string, files: ExampleFile[], index: number): Example {
  const entry = (files.find((f) => /^main\.(ts|js|mjs)$/.test(f.name)) ?? files[files.length - 1] as ExampleFile).name;
  const all = files.map((f) => f.source).join('\n');
  const usesStrategy = /strategy:\s*'(process|thread)'|getContext\(|from '(@parlab\/[a-z-]+|parlab)'/.test(all);
  return { readme, section, files, entry, usesStrategy, id: `${slug(readme.replace(/README\.md$/, '') || 'root')}-${String(index + 1).padStart(2, '0')}-${slug(section)}` };
}

/** Every README of the repository that git knows, outside generated reports. */
export function repositoryReadmes(root: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*README.md'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((path) => path !== '' && !path.startsWith('reports/') && !path.includes('node_modules/'))
    .sort();
}

/** All examples of the repository's READMEs. */
export function repositoryExamples(root: string): Example[] {
  return repositoryReadmes(root).flatMap((readme) => examplesOf(readme, readFileSync(join(root, readme), 'utf8')));
}

/** The example's source with its strategy literals swapped, to run it under the other strategy. */
export function otherStrategy(source: string): string {
  return source.replace(/strategy:\s*'(process|thread)'/g, (_, s: string) => `strategy: '${s === 'process' ? 'thread' : 'process'}'`).replace(/getContext\('(process|thread)'\)/g, (_, s: string) => `getContext('${s === 'process' ? 'thread' : 'process'}')`);
}
