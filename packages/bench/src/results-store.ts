// reports/<run-id>/results.json, rewritten after every point so an interrupted run keeps what it measured.
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '@parlab/bench-kit';
import { rounded } from './records.js';
import type { HostInfo, SubjectInfo } from '@parlab/report';
import type { BenchRecord, MachineInfo, ResultsDocument } from './types.js';

/** `2026-11-28T21-40-00Z-hostname`: sortable, safe in file names. */
export function makeRunId(now: Date, host = hostname()): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  const safeHost = host.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'host';
  return `${stamp}-${safeHost}`;
}

export class ResultsStore {
  readonly runDir: string;
  readonly path: string;
  readonly #document: ResultsDocument;
  readonly #outDir: string;

  constructor(outDir: string, machine: MachineInfo, options: Record<string, unknown>, now = new Date()) {
    const runId = makeRunId(now);
    this.runDir = join(outDir, runId);
    this.path = join(this.runDir, 'results.json');
    this.#document = { schema: SCHEMA_VERSION, runId, createdAt: now.toISOString(), machine, options, points: [] };
    this.#outDir = outDir;
    mkdirSync(this.runDir, { recursive: true });
    this.#write();
  }

  get runId(): string {
    return this.#document.runId;
  }

  get points(): readonly BenchRecord[] {
    return this.#document.points;
  }

  /** The document as saved (read-only use). */
  get document(): ResultsDocument {
    return this.#document;
  }

  add(records: readonly BenchRecord[]): void {
    if (records.length === 0) return;
    this.#document.points.push(...records.map(rounded));
    this.#write();
  }

  /** The host's state and speed through the run so far, and saves. */
  setHost(host: HostInfo): void {
    this.#document.host = host;
    this.#write();
  }

  /** What a subject is (a workload's title and description), for the report. */
  setSubject(id: string, info: SubjectInfo): void {
    this.#document.subjects = { ...this.#document.subjects, [id]: info };
    this.#write();
  }

  /** Merges fields into `options` (e.g. `interrupted`, the duration) and saves. */
  setOptions(fields: Record<string, unknown>): void {
    Object.assign(this.#document.options, fields);
    this.#write();
  }

  // Write then rename, so a reader (or a Ctrl-C) never sees half a file.
  #write(): void {
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.#document, null, 2)}\n`);
    renameSync(temporary, this.path);
  }

  /**
   * Points `latest` at this run — once its report is rendered, so `latest` always holds an
   * index.html. A symlink to the run folder; where symlinks are not allowed, a file naming it.
   */
  pointLatest(): void {
    const latest = join(this.#outDir, 'latest');
    rmSync(latest, { force: true, recursive: true });
    try {
      symlinkSync(this.#document.runId, latest, 'dir');
    } catch {
      writeFileSync(latest, `${this.#document.runId}\n`);
    }
  }
}
