// `pnpm new:workload <id>`: writes workloads/<id>, links and builds it, sizes it on this machine, and says what it changed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option } from 'commander';
import { EXIT, LANGS, UsageError, choice, createProgram, detectLang, runProgram, setExitCode, type Lang, type ProgramSpec } from '@parlab/cli';
import { repoRoot } from '../repo.js';
import type { Workload } from '../workload.js';
import { calibrateLimits, FULL_TARGET_MS, QUICK_TARGET_MS } from './calibrate.js';
import { PROVISIONAL, titleFromId, withSizes, workloadFiles, type Limits } from './template.js';

const SPEC: ProgramSpec = {
  name: 'new:workload',
  summary: {
    en: `Scaffolds workloads/<id>: a working workload (the longest Collatz chain over a Pool) that builds, passes its contract tests and shows up in pnpm bench at once, with its quick and full sizes calibrated on this machine (about ${QUICK_TARGET_MS} ms and ${FULL_TARGET_MS} ms serially).`,
    es: `Crea workloads/<id>: una carga que funciona (la cadena de Collatz más larga con un Pool), compila, pasa sus pruebas de contrato y aparece enseguida en pnpm bench, con sus tamaños quick y full calibrados en esta máquina (unos ${QUICK_TARGET_MS} ms y ${FULL_TARGET_MS} ms en serie).`,
  },
  examples: [
    { command: 'pnpm new:workload n-queens', what: { en: 'workloads/n-queens, titled "N queens"', es: 'workloads/n-queens, con el título «N queens»' } },
    { command: "pnpm new:workload n-queens --title-es 'N reinas'", what: { en: 'with its Spanish title', es: 'con su título en español' } },
  ],
};

const SAY = {
  created: { en: 'created {dir} (@parlab/workload-{id}):', es: 'creada {dir} (@parlab/workload-{id}):' },
  lockfile: { en: 'pnpm-lock.yaml: added the new workspace package (commit it with the workload)', es: 'pnpm-lock.yaml: añadido el nuevo paquete del espacio de trabajo (confírmalo junto con la carga)' },
  lockSame: { en: 'pnpm-lock.yaml: unchanged', es: 'pnpm-lock.yaml: sin cambios' },
  sized: {
    en: 'sizes calibrated here: quick limit {quick} (a run at {measuredLimit} took {ms} ms), full limit {full}',
    es: 'tamaños calibrados aquí: límite quick {quick} (una ejecución con {measuredLimit} tardó {ms} ms), límite full {full}',
  },
  notSized: { en: 'sizes left provisional (--no-install: nothing was built to time)', es: 'tamaños provisionales (--no-install: no se compiló nada que medir)' },
  spanish: { en: "note: the Spanish title is the English one; give it with --title-es '…' or edit src/index.ts", es: 'nota: el título en español es el inglés; dalo con --title-es «…» o edita src/index.ts' },
  next: { en: 'next: edit {dir}/src, then pnpm --filter @parlab/workload-{id} test and pnpm bench --workloads {id}', es: 'después: edita {dir}/src, luego pnpm --filter @parlab/workload-{id} test y pnpm bench --workloads {id}' },
  badId: { en: "'{id}' is not a kebab-case id (lower-case letters and digits, words joined by '-'), e.g. n-queens", es: "'{id}' no es un identificador en kebab-case (minúsculas y dígitos, palabras unidas con '-'), p. ej. n-queens" },
  exists: { en: '{dir} already exists', es: '{dir} ya existe' },
} as const;

function say(lang: Lang, key: keyof typeof SAY, values: Record<string, string | number> = {}): string {
  return SAY[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

interface Options {
  titleEn?: string;
  titleEs?: string;
  dir?: string;
  install: boolean;
}

function run(command: string, args: readonly string[], cwd: string): void {
  process.stderr.write(`$ ${command} ${args.join(' ')}\n`);
  execFileSync(command, [...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
}

async function scaffold(id: string, options: Options, lang: Lang): Promise<void> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new UsageError(say(lang, 'badId', { id }));
  const root = repoRoot();
  const workloadsDir = options.dir ?? join(root, 'workloads');
  const dir = join(workloadsDir, id);
  const shown = relative(process.cwd(), dir) || dir;
  if (existsSync(dir)) throw new UsageError(say(lang, 'exists', { dir: shown }));
  const title = { en: options.titleEn ?? titleFromId(id), es: options.titleEs ?? options.titleEn ?? titleFromId(id) };
  const write = (limits: Limits, sizesNote: string): string[] => {
    const files = workloadFiles({ id, title, limits, sizesNote });
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return Object.keys(files);
  };
  const names = write(PROVISIONAL, 'are provisional: run `pnpm new:workload` without `--no-install` to calibrate them');
  process.stdout.write(`${say(lang, 'created', { dir: shown, id })}\n${names.map((n) => `  ${n}`).join('\n')}\n`);
  if (options.titleEs === undefined) process.stdout.write(`${say(lang, 'spanish')}\n`);
  if (!options.install) {
    process.stdout.write(`${say(lang, 'notSized')}\n${say(lang, 'next', { dir: shown, id })}\n`);
    return;
  }
  const lockfile = join(root, 'pnpm-lock.yaml');
  const lockBefore = existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : '';
  // Links the new folder as a workspace package, then builds it so it can be timed and the bench finds it.
  run('pnpm', ['install', '--offline'], root);
  const lockAfter = existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : '';
  // One tsc -b over the workspace: incremental, so only the new workload is compiled.
  const build = (): void => run(process.execPath, [join(root, 'scripts', 'build.mjs')], root);
  build();
  const built = (await import(pathToFileURL(join(dir, 'dist', 'src', 'index.js')).href)) as { workload: Workload<{ limit: number; chunks: number }, unknown> };
  const limits = await calibrateLimits((limit) => built.workload.serial({ limit, chunks: 32 }), { testLimit: PROVISIONAL.test });
  const machine = `${String(cpus().length)} × ${cpus()[0]?.model.trim() ?? 'CPU'}`;
  const note = `were calibrated by \`pnpm new:workload\` on ${machine} (${new Date().toISOString().slice(0, 10)}): quick ≈ ${QUICK_TARGET_MS} ms and full ≈ ${FULL_TARGET_MS} ms serially; adjust them when you change the computation`;
  const index = join(dir, 'src', 'index.ts');
  writeFileSync(index, withSizes(readFileSync(index, 'utf8'), limits));
  writeFileSync(join(dir, 'README.md'), workloadFiles({ id, title, limits, sizesNote: note })['README.md'] as string);
  build();
  process.stdout.write(
    `${say(lang, 'sized', { quick: limits.quick, full: limits.full, measuredLimit: limits.measured.limit, ms: limits.measured.ms.toFixed(0) })}\n` +
      `${say(lang, lockAfter !== lockBefore ? 'lockfile' : 'lockSame')}\n${say(lang, 'next', { dir: shown, id })}\n`,
  );
}

/** Runs `pnpm new:workload` with `argv`; resolves the exit code. */
export async function newWorkloadCli(argv: readonly string[]): Promise<number> {
  const lang = detectLang(argv);
  const es = lang === 'es';
  const program = createProgram(SPEC, lang)
    .argument('<id>', es ? 'identificador en kebab-case, el nombre de la carpeta' : 'kebab-case id, the folder name')
    .addOption(new Option('--title-en <text>', es ? 'título en inglés (por defecto: a partir del id)' : 'English title (default: from the id)'))
    .addOption(new Option('--title-es <text>', es ? 'título en español (por defecto: el inglés)' : 'Spanish title (default: the English one)'))
    .addOption(new Option('--dir <folder>', es ? 'carpeta de las cargas (por defecto: workloads/)' : 'folder of the workloads (default: workloads/)'))
    .addOption(new Option('--no-install', es ? 'solo escribe los archivos: sin enlazar, compilar ni calibrar' : 'only write the files: no linking, building or calibrating'))
    .addOption(new Option('--lang <lang>', es ? 'idioma de los mensajes' : 'language of the messages').argParser(choice(LANGS, lang)).default('en'));
  program.action(async (id: string, options: Options) => {
    await scaffold(id, options, lang);
    setExitCode(program, EXIT.ok);
  });
  return runProgram(program, SPEC, argv, lang);
}
