// @parlab/bench-kit: the results schema, its statistics, benchmark records and Python twins — named re-exports only.
export * from './schema.js';
export { ResultsSchemaError } from './errors.js';
export { validateResults, schemaPath } from './validate.js';
export { CONFIDENCE, seededRandom, summarize, medianInterval, countOutliers, precisionPercent, pairedRatios, ratioOfMedians, verdictOf, overlaps } from './stats.js';
export type { Interval, OutlierCounts as SummaryOutliers, Summary, RatioEstimate, Verdict } from './stats.js';
export { pointFlags, TARGET_PRECISION_PERCENT, DRIFT_LIMIT } from './flags.js';
export type { FlagContext } from './flags.js';
export { METRIC_UNITS, identityOf, okRecord, notOkRecord, rounded } from './records.js';
export type { BenchRecord, Identity, RecordExtras } from './records.js';
export { measure, printRecords } from './measure.js';
export type { BenchOptions } from './measure.js';
export { runPython, runPythonFigures, spawnPythonTwin, stopPythonTwin } from './python-twin.js';
export type { TwinOptions } from './python-twin.js';
