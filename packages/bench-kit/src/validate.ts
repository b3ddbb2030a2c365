// Checks a parsed results.json against the JSON Schema files (ajv) and upgrades schema 1 documents to schema 2.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ResultsSchemaError } from './errors.js';
import { pointFlags } from './flags.js';
import type { NotOkPoint, OkPoint, ResultPoint, ResultsFile } from './schema.js';
import { SCHEMA_VERSION } from './schema.js';
import { summarize } from './stats.js';

/** The JSON Schema files, shipped beside the build: `schema/results-v<N>.schema.json` of this package. */
export function schemaPath(version: 1 | 2): URL {
  return new URL(`../../schema/results-v${version}.schema.json`, import.meta.url);
}

let validators: { v1: ValidateFunction; v2: ValidateFunction } | undefined;

function compiled(): { v1: ValidateFunction; v2: ValidateFunction } {
  if (validators === undefined) {
    // strictTypes off: the schema's if/then on `status` names properties without restating `type`.
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    const load = (version: 1 | 2): object => JSON.parse(readFileSync(schemaPath(version), 'utf8')) as object;
    validators = { v1: ajv.compile(load(1)), v2: ajv.compile(load(2)) };
  }
  return validators;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** `/points/3/median` → `points[3].median`. */
function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function valueAt(json: unknown, path: readonly string[]): unknown {
  let value = json;
  for (const part of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

const TYPE_WORDS: Record<string, string> = { number: 'a number', integer: 'a whole number', string: 'a string', object: 'an object', array: 'an array', boolean: 'true or false', null: 'null' };

/** One line naming the field and what is wrong with it, from ajv's first meaningful error. */
function toSchemaError(json: unknown, errors: readonly ErrorObject[]): ResultsSchemaError {
  // if/then and allOf wrappers repeat an inner error; the inner one names the field.
  const error = errors.find((e) => !['if', 'allOf', 'oneOf', 'not'].includes(e.keyword)) ?? errors[0];
  if (error === undefined) return new ResultsSchemaError('', 'does not follow the results schema');
  let pointer = error.instancePath;
  if (error.keyword === 'required') pointer = `${pointer}/${String((error.params as { missingProperty: string }).missingProperty)}`;
  const parts = pointer.split('/').slice(1);
  const value = valueAt(json, parts);
  const params = error.params as Record<string, unknown>;
  let problem: string;
  switch (error.keyword) {
    case 'required':
      problem = 'is missing';
      break;
    case 'type': {
      const types = String(params['type']).split(',');
      problem = `must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`;
      break;
    }
    case 'enum':
      problem = `must be one of ${(params['allowedValues'] as unknown[]).join(', ')}`;
      break;
    case 'const':
      problem = `must be ${String(params['allowedValue'])}`;
      break;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'minItems':
    case 'minLength':
    case 'pattern':
      problem = (error.message ?? 'is out of range').replace(/"/g, "'");
      break;
    default:
      problem = error.message ?? 'does not follow the results schema';
  }
  return new ResultsSchemaError(dotted(pointer), `${problem} (got ${describe(value)})`);
}

function upgradePoint(point: Record<string, unknown>, cores: number): ResultPoint {
  if (point['status'] === 'ok') {
    const samples = point['samples'] as number[];
    const summary = summarize(samples);
    const ceiling = point['metric'] === 'speedup' ? Math.min(point['workers'] as number, cores) : undefined;
    const upgraded = { ...(point as unknown as OkPoint), ...summary, samples, median: point['median'] as number };
    return {
      ...upgraded,
      outliers: { ...summary.outliers },
      ...(ceiling !== undefined ? { ceiling } : {}),
      flags: pointFlags(summary, { ceiling }),
    };
  }
  return { ...(point as unknown as NotOkPoint), error: typeof point['error'] === 'string' ? point['error'] : 'no reason was recorded' };
}

/** A schema 1 document as schema 2: intervals, outliers and flags computed from its samples. */
function upgrade(json: Record<string, unknown>): ResultsFile {
  const machine = json['machine'] as Record<string, unknown>;
  const cores = machine['cores'] as number;
  return {
    schema: SCHEMA_VERSION,
    upgradedFrom: 1,
    runId: json['runId'] as string,
    createdAt: json['createdAt'] as string,
    machine: { ...(machine as unknown as ResultsFile['machine']), availableCores: cores, cpuQuota: null },
    options: json['options'] as ResultsFile['options'],
    points: (json['points'] as Record<string, unknown>[]).map((p) => upgradePoint(p, cores)),
  };
}

/**
 * Checks parsed JSON against the results schema and returns it typed. Schema 1 files (the first
 * runner's) are read too and upgraded: their intervals and flags are computed from their samples.
 * @throws ResultsSchemaError naming the first field that is wrong.
 */
export function validateResults(json: unknown): ResultsFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ResultsSchemaError('', `must be a JSON object (got ${describe(json)})`);
  const version = (json as Record<string, unknown>)['schema'];
  const { v1, v2 } = compiled();
  if (version === 1) {
    if (!v1(json)) throw toSchemaError(json, v1.errors ?? []);
    return upgrade(json as Record<string, unknown>);
  }
  if (version !== SCHEMA_VERSION) {
    throw new ResultsSchemaError('schema', `must be 1 or ${SCHEMA_VERSION}; this file was written by another version of parlab bench (got ${describe(version)})`);
  }
  if (!v2(json)) throw toSchemaError(json, v2.errors ?? []);
  return json as ResultsFile;
}
