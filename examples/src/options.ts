// The command-line options the three commands (lesson, exercise, quiz) share, worded in the user's language.
import { Option } from 'commander';
import { choice, LANGS, type Lang } from '@parlab/cli';

/** `-l, --lang en|es`, English by default (detectLang has already read it, for the errors' language). */
export function langOption(lang: Lang): Option {
  return new Option('-l, --lang <lang>', lang === 'es' ? 'idioma: en o es' : 'language: en or es').argParser(choice(LANGS, lang)).default('en');
}
