// What a subject is called: its title from results.subjects in the report's language, or its id.

import { code } from './inline.js';
import type { Lang } from './lang.js';
import type { ResultsFile } from './schema.js';

/** The subject's title in `lang` ("Contar primos"), or its id when the results carry none. */
export function subjectTitle(results: ResultsFile, subject: string, lang: Lang): string {
  return results.subjects?.[subject]?.title[lang] ?? subject;
}

/** The subject's description in `lang`, when the results carry one. */
export function subjectDescription(results: ResultsFile, subject: string, lang: Lang): string | undefined {
  return results.subjects?.[subject]?.description?.[lang];
}

/** The title with the id beside it as code, for tables: "Contar primos (`primes`)", or just `` `primes` ``. */
export function subjectLabel(results: ResultsFile, subject: string, lang: Lang): string {
  const title = results.subjects?.[subject]?.title[lang];
  return title === undefined ? code(subject) : `${title} (${code(subject)})`;
}

/** The implementations of a subject's variants (`parlab-<variant>`), in the order the results name them, with points in `results`. */
export function variantImplementations(results: ResultsFile, subject: string): string[] {
  const named = Object.keys(results.subjects?.[subject]?.variants ?? {});
  const measured = new Set(results.points.filter((p) => p.suite === 'workloads' && p.subject === subject && p.implementation.startsWith('parlab-')).map((p) => p.implementation));
  return [...named.filter((i) => measured.has(i)), ...[...measured].filter((i) => !named.includes(i))];
}

/** A variant's title in `lang` ("Procesos + memoria compartida"), or its implementation name. */
export function variantTitle(results: ResultsFile, subject: string, implementation: string, lang: Lang): string {
  return results.subjects?.[subject]?.variants?.[implementation]?.title[lang] ?? implementation;
}

/** A variant's description in `lang`, when the results carry one. */
export function variantDescription(results: ResultsFile, subject: string, implementation: string, lang: Lang): string | undefined {
  return results.subjects?.[subject]?.variants?.[implementation]?.description?.[lang];
}
