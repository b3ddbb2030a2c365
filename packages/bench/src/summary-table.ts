// The table printed at the end: per workload, the serial time, each strategy's best speedup with its interval, and the verdict.
import { winnerText, workloadVerdicts, type Lang, type OkPoint } from '@parlab/report';
import type { BenchRecord, ResultsDocument } from './types.js';

const figure = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function speedupCell(point: OkPoint | undefined): string {
  if (point === undefined) return '—';
  return `${figure(point.median)}× [${figure(point.ciLow)}–${figure(point.ciHigh)}] @${point.workers}`;
}

/** Plain-text table (no colours, no control characters), with a line of footnotes for flagged points. */
export function summaryTable(document: ResultsDocument, lang: Lang = 'en'): string {
  const verdicts = workloadVerdicts(document);
  if (verdicts.length === 0) return '';
  const rows: string[][] = [['workload', 'serial ms', 'process best [95 % interval]', 'thread best [95 % interval]', 'verdict']];
  let anyNoisy = false;
  for (const v of verdicts) {
    const points = document.points.filter((p) => p.suite === 'workloads' && p.subject === v.subject);
    const failed = points.some((p) => p.status === 'failed');
    const noisy = points.some((p) => p.status === 'ok' && p.flags.includes('noisy'));
    anyNoisy ||= noisy;
    const serial = v.serial === undefined ? 'failed' : `${figure(v.serial.median)} ±${v.serial.rme.toFixed(0)} %`;
    // The words the report shows for the same verdict (one source of truth for winners).
    const verdict = `${winnerText(lang, v)}${failed ? ' (some points failed)' : ''}${noisy ? ' *' : ''}`;
    rows.push([v.subject, serial, speedupCell(v.best.process), speedupCell(v.best.thread), verdict]);
  }
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]): string => row.map((text, i) => text.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [line(rows[0] as string[]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  if (anyNoisy) out.push('* some of its points did not reach ±5 % in their time budget (flagged noisy in results.json)');
  out.push('A winner is named only where the interval of the ratio excludes 1; otherwise it is a tie within noise.');
  return out.join('\n');
}

/** Lines about flagged points: noisy share, and every speedup above the physical ceiling (a measurement fault). */
export function flagReport(points: readonly BenchRecord[]): string[] {
  const ok = points.filter((p): p is OkPoint => p.status === 'ok');
  if (ok.length === 0) return [];
  const noisy = ok.filter((p) => p.flags.includes('noisy')).length;
  const drift = ok.filter((p) => p.flags.includes('hostDrift')).length;
  const lines = [`precision: ${ok.length - noisy} of ${ok.length} points within ±5 %; ${noisy} flagged noisy (${((noisy / ok.length) * 100).toFixed(0)} %)${drift > 0 ? `; ${drift} measured while the host drifted` : ''}`];
  for (const p of ok.filter((q) => q.flags.includes('aboveCeiling'))) {
    lines.push(
      `measurement fault: ${p.suite}/${p.subject} ${p.strategy} × ${p.workers} speedup ${figure(p.median)}× [${figure(p.ciLow)}–${figure(p.ciHigh)}] lies above its ceiling of ${String(p.ceiling)}×`,
    );
  }
  return lines;
}
