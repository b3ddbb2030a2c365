// Builds a student's TypeScript file into JavaScript that children and threads can load (Node 20 cannot run .ts there), and maps error positions back to it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Lang } from '../text.js';

/** Where built exercises go: inside the examples package, so that `@parlab/…` imports resolve from there. */
const BUILD_DIR = fileURLToPath(new URL('../../../exercises/.build/', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface SyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface Compiled {
  readonly url: string;
  /** `line` (1-based) of the built file → the student's line, or null when it maps nowhere. */
  originalLine(line: number, column: number): number | null;
}

let localeSet: Lang | null = null;

/**
 * Compiles `source` (the text of `file`); syntax problems come back in the user's language, as TypeScript
 * words them. A file compiled before (same path, same text) is not compiled again: loading TypeScript
 * alone takes about a second.
 */
export async function compile(file: string, source: string, lang: Lang): Promise<{ compiled: Compiled } | { problems: SyntaxProblem[] }> {
  const hash = createHash('sha256').update(file).update('\0').update(source).digest('hex').slice(0, 12);
  const stem = relative(REPO_ROOT, file).replace(/[^\w-]+/g, '_').replace(/_ts$/, '');
  const target = `${BUILD_DIR}${stem}-${hash}.mjs`;
  const mapFile = `${BUILD_DIR}${stem}-${hash}.map.json`;
  if (!existsSync(target)) {
    const { default: ts } = await import('typescript');
    if (localeSet !== lang) {
      // TypeScript ships its messages in Spanish too; English is its default.
      if (lang === 'es') ts.validateLocaleAndSetLanguage('es', ts.sys);
      localeSet = lang;
    }
    const output = ts.transpileModule(source, {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true, inlineSources: true, verbatimModuleSyntax: false },
    });
    const problems = (output.diagnostics ?? []).map((diagnostic) => {
      const at = diagnostic.file !== undefined && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : { line: 0, character: 0 };
      return { line: at.line + 1, column: at.character + 1, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ') };
    });
    if (problems.length > 0) return { problems };
    mkdirSync(BUILD_DIR, { recursive: true });
    // Written under temporary names and renamed, the map first: a run never sees half a build.
    const temporary = `.${process.pid}.tmp`;
    writeFileSync(mapFile + temporary, output.sourceMapText ?? '{}');
    renameSync(mapFile + temporary, mapFile);
    writeFileSync(target + temporary, `${output.outputText.replace(/\/\/# sourceMappingURL=.*\s*$/, '')}\n`);
    renameSync(target + temporary, target);
  }
  let map: SourceMap | undefined;
  return {
    compiled: {
      url: pathToFileURL(target).href,
      originalLine(line, column) {
        map ??= new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
        const entry = map.findEntry(line - 1, Math.max(0, column - 1)) as { originalLine?: number };
        return typeof entry.originalLine === 'number' ? entry.originalLine + 1 : null;
      },
    },
  };
}

/** The student's line where `error` was thrown (the first stack frame in the built file), or null. */
export function lineOf(error: unknown, compiled: Compiled): number | null {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const name = compiled.url.split('/').at(-1) ?? '';
  for (const frame of stack.split('\n')) {
    const at = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`).exec(frame);
    if (at !== null) return compiled.originalLine(Number(at[1]), Number(at[2]));
  }
  return null;
}
