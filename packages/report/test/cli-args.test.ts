// The command line parses into help, a report, or a comparison; anything else is a usage error.

import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-args.js';
import { UsageError } from '@parlab/cli';

describe('parseCliArgs', () => {
  it('defaults to the latest run in English', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'report', target: undefined, out: undefined, lang: 'en' });
  });

  it('reads a target, --out and --lang in either spelling, and skips a lone --', () => {
    expect(parseCliArgs(['--', 'reports/x', '--out=site', '--lang', 'es'])).toEqual({ kind: 'report', target: 'reports/x', out: 'site', lang: 'es' });
  });

  it('reads --compare A B', () => {
    expect(parseCliArgs(['--compare', 'a', 'b', '--lang=es'])).toEqual({ kind: 'compare', a: 'a', b: 'b', out: undefined, lang: 'es' });
  });

  it('answers --help', () => {
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    } finally {
      process.stdout.write = write;
    }
  });

  it('rejects unknown flags, bad languages, missing values and extra runs, in one line', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--compar', 'a', 'b'])).toThrow("unknown option '--compar' (did you mean --compare?)");
    expect(() => parseCliArgs(['--lang', 'fr'])).toThrow("'fr' is not valid for --lang <lang>: must be one of en, es");
    expect(() => parseCliArgs(['--out'])).toThrow("option '--out <dir>' argument missing");
    expect(() => parseCliArgs(['--compare', 'a'])).toThrow('--compare needs two runs (A B), got 1');
    expect(() => parseCliArgs(['a', 'b'])).toThrow('too many arguments. Expected 1 argument but got 2.');
    expect(() => parseCliArgs(['x', '--compare', 'a', 'b'])).toThrow('--compare takes its two runs itself');
    expect(() => parseCliArgs(['--lang', 'es', '--compare', 'a'], 'es')).toThrow('--compare necesita dos ejecuciones (A B), hay 1');
  });
});
