// Finds English words in a Spanish text, code names aside: the test that the Spanish lessons, exercises and quiz speak Spanish.

/**
 * Code names that a Spanish text rightly contains, spelt exactly so (`Pipe` is a class, "pipe" is an
 * English word): parlab's and Python's API names, the strategy values, package and runtime names, signals, units. A word in backticks, a call `f()`, a dotted or snake_case
 * name, a camelCase name or anything with digits is code by its shape and needs no entry here.
 */
const CODE_NAMES = new Set(
  [
    // parlab's classes, errors and values, as the lessons name them
    'Process', 'MainProcess', 'Queue', 'Pipe', 'Barrier', 'Lock', 'Event', 'Manager', 'Pool', 'Point', 'Date',
    'Full', 'Empty', 'EOFError', 'CloneError', 'SharedArrayBuffer', 'Int32Array', 'null', 'true', 'false', 'daemon',
    'recv', 'send', 'start', 'join', 'map', 'instanceof', 'proxy', 'proxies', 'exitCode', 'pid', 'pids', 'heap_size_limit',
    // option and field names the lessons mention in prose: Queue(maxsize), Pipe({ duplex }), Manager.start({ address, authkey }), PrimeCounter's limit and lang
    'maxsize', 'duplex', 'address', 'authkey', 'limit', 'lang',
    // strategies, packages, runtimes, tools
    'process', 'thread', 'parlab', 'multiprocessing', 'Multiprocessing', 'Python', 'Node', 'V8', 'TypeScript', 'pnpm', 'tsc',
    'ps', 'top', 'ulimit', 'cgroups', 'pickle', 'commander', 'TODO',
    // the unit's own loanword: "administrador de procesos (manager)"
    'manager',
    // the pnpm commands: pnpm lesson, pnpm exercise, pnpm quiz
    'lesson', 'exercise', 'quiz',
    // units and signals
    'ms', 'µs', 'MiB', 'bytes', 'SIGTERM', 'SIGKILL',
  ],
);

/**
 * Words both languages spell the same (the Spanish word is meant): seen in the Spanish transcripts, each
 * checked by hand. "Quiz" is the unit's own word ("Taller y Quiz").
 */
const SHARED_WORDS = new Set(['no', 'paella', 'normal', 'final', 'total', 'general', 'error', 'constructor', 'quiz']);

/**
 * Unambiguous English function words: whatever else a Spanish text leaks (a library's message, a
 * forgotten string) almost always contains some of them. Spanish homographs (a, he, me, has, son, …)
 * are left out.
 */
const ENGLISH_FUNCTION_WORDS = `the of and to in is it that was for on are with as at be this have from or one had by
not but what all were when we there can an your which their if do will each about how up out them then she many some so
these would other into more her two like him see time could than first been call who its now find down did get made may
part over new after also back any only our under very through just where much before too same why does here must off
while last might next still such own both those ever again already once again done without because should every has been
doesn't don't isn't can't won't there's it's let's i'm you're`
  .split(/\s+/)
  .filter((word) => word !== '');

/** Whether a token is code by its shape (a single letter is a variable or a name: n, x, A, B). */
function isCodeShaped(token: string): boolean {
  return token.length === 1 || /[()[\]{}<>=_./\\`#$@|:;+*-]/.test(token) || /\d/.test(token) || /[a-z][A-Z]/.test(token) || /^[A-Z]{2,}$/.test(token);
}

/** A lesson's "Python ↔ parlab:" table is code in both columns: the lines after that heading up to the first empty line. */
export function withoutNameTable(text: string): string {
  return text.replace(/^Python ↔ parlab:\n(?:.+\n)*/m, '');
}

/** The words of `text` (after stripping code spans) that are English: in `englishVocabulary` or an English function word. */
export function englishWords(text: string, englishVocabulary: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const english = new Set([...englishVocabulary, ...ENGLISH_FUNCTION_WORDS]);
  const withoutCode = withoutNameTable(text).replace(/`[^`]*`/g, ' ');
  for (const raw of withoutCode.split(/\s+/)) {
    const token = raw.replace(/^[¿¡«»"“”‘’(,.;:!?]+|[»"“”‘’),.;:!?…]+$/g, '');
    if (!/\p{L}/u.test(token) || isCodeShaped(token)) continue;
    const word = token.toLowerCase();
    if (CODE_NAMES.has(token) || SHARED_WORDS.has(word)) continue;
    if (english.has(word)) found.add(word);
  }
  return [...found].sort();
}

/**
 * The vocabulary of English texts (e.g. the English transcripts of the same lessons), code names aside.
 * Lines matching `spanish` quote the unit in Spanish (an English lesson shows the unit's own question) and are skipped.
 */
export function vocabularyOf(texts: readonly string[], spanish: RegExp): Set<string> {
  const words = new Set<string>();
  for (const text of texts.flatMap((t) => withoutNameTable(t).split('\n')).filter((line) => !spanish.test(line))) {
    for (const raw of text.replace(/`[^`]*`/g, ' ').split(/\s+/)) {
      const token = raw.replace(/^[¿¡«»"“”‘’(,.;:!?]+|[»"“”‘’),.;:!?…]+$/g, '');
      if (!/\p{L}/u.test(token) || isCodeShaped(token)) continue;
      const word = token.toLowerCase();
      if (!CODE_NAMES.has(token) && !SHARED_WORDS.has(word)) words.add(word);
    }
  }
  return words;
}
