// Schema 1 files from before the runner recorded speedups: derive them from paired wall times, as the runner records them now.

import { okRecord, pairedRatios } from '@parlab/bench-kit';
import { okPoints, pointKey } from './results-query.js';
import type { ResultPoint, ResultsFile } from './schema.js';

/**
 * Adds a `speedup` point for every parallel wall time that has a serial reference but no speedup
 * record: serial ÷ parallel sample by sample (the first runner interleaved them), with bench-kit's
 * interval and flags, its ceiling min(workers, available cores). Only for upgraded files: a schema 2
 * runner writes its own speedups, and the report must not invent points it did not measure.
 */
export function withDerivedSpeedups(results: ResultsFile): ResultsFile {
  if (results.upgradedFrom !== 1) return results;
  const have = new Set(okPoints(results, { metric: 'speedup' }).map(pointKey));
  const derived: ResultPoint[] = [];
  for (const p of okPoints(results, { metric: 'wall_ms' })) {
    if (p.strategy === 'serial') continue;
    const { suite, subject, implementation, strategy, workers } = p;
    if (have.has(pointKey({ suite, subject, implementation, strategy, workers, metric: 'speedup' }))) continue;
    const serial = okPoints(results, { suite, subject, implementation, strategy: 'serial', metric: 'wall_ms' })[0];
    if (serial === undefined) continue;
    const ratios = pairedRatios(serial.samples, p.samples);
    if (ratios.length === 0) continue;
    const ceiling = Math.min(workers, results.machine.availableCores);
    derived.push(okRecord({ suite, subject, implementation, strategy, workers, metric: 'speedup', unit: 'x', better: 'higher' }, ratios, { ceiling }));
  }
  return derived.length === 0 ? results : { ...results, points: [...results.points, ...derived] };
}
