// Public API of @parlab/report: named re-exports only.

export { renderReport, CHARTS_DIR } from './render-report.js';
export type { RenderReportOptions, RenderedReport } from './render-report.js';
export { compareReports } from './compare-reports.js';
export type { CompareReportsOptions, ComparedReports } from './compare-reports.js';
export { matchRatios } from './ratios.js';
export type { PointRatio } from './ratios.js';
export { loadResults, resolveResultsPath } from './load-results.js';
export {
  SCHEMA_VERSION,
  SUITES,
  STRATEGIES,
  METRICS,
  UNITS,
  STATUSES,
  KNOWN_IMPLEMENTATIONS,
  FLAGS,
  HOST_WARNINGS,
  validateResults,
} from './schema.js';
export type {
  ResultsFile,
  ResultPoint,
  OkPoint,
  NotOkPoint,
  PointIdentity,
  PointStats,
  MachineInfo,
  RunOptions,
  Suite,
  Strategy,
  Metric,
  Unit,
  PointStatus,
  PointFlag,
  PointMeta,
  HostInfo,
  HostState,
  HostWarning,
  HostWarningCode,
  SpeedSample,
  Localized,
  SubjectInfo,
  Implementation,
} from './schema.js';
export { ResultsSchemaError, ResultsNotFoundError } from './errors.js';
export { buildCharts } from './charts/all-charts.js';
export type { ChartModule } from './charts/all-charts.js';
export type { ReportChart, ReportChartConfig, SectionId } from './charts/report-chart.js';
export { LANGS, isLang } from './i18n.js';
export type { Lang } from './i18n.js';
export { fitAmdahl, amdahlSpeedup, amdahlModel } from './amdahl.js';
export type { AmdahlFit, AmdahlModel, AmdahlOmission, SpeedupSample } from './amdahl.js';
export { workloadVerdicts, subjectVerdict, speedupRatio } from './verdicts.js';
export type { WorkloadVerdict, WinnerKind } from './verdicts.js';
export { winnerText, strategiesText } from './verdict-text.js';
export { reproducibility, reproducibilityLine, reproducibilityText } from './reproducibility.js';
export type { ReproducibilitySummary, OverlapCount, RatioPointPair } from './reproducibility.js';
export { ratioPoints, RATIO_KINDS } from './ratio-points.js';
export type { RatioPoint, RatioKind } from './ratio-points.js';
export { runDifferences, differenceText } from './run-differences.js';
export type { RunDifference } from './run-differences.js';
