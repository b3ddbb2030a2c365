// The command line parses into help, a report, or a comparison; anything else is a usage error.

import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-args.js';
import { ReportUsageError } from '../src/index.js';

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

  it('answers --help before anything else', () => {
    expect(parseCliArgs(['--bogus', '-h'])).toEqual({ kind: 'help' });
  });

  it('rejects unknown flags, bad languages, missing values and extra runs', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow(ReportUsageError);
    expect(() => parseCliArgs(['--lang', 'fr'])).toThrow('--lang must be en or es (got "fr")');
    expect(() => parseCliArgs(['--out'])).toThrow('--out needs a folder');
    expect(() => parseCliArgs(['--compare', 'a'])).toThrow('--compare needs two runs (A B)');
    expect(() => parseCliArgs(['a', 'b'])).toThrow('expected one results.json or run folder, got 2');
    expect(() => parseCliArgs(['x', '--compare', 'a', 'b'])).toThrow('--compare takes its two runs itself');
  });
});
