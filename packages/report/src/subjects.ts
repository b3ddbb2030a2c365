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
