// The shape every chart module returns: one chart.js configuration plus the words around it.

import type { ChartConfiguration, ChartTypeRegistry, Point } from 'chart.js';
import type { BarPoint } from '../plugins/error-bars.js';

/** Page sections, in the order the page shows them. */
export const SECTIONS = ['host', 'workloads', 'overview', 'costs', 'peers', 'python', 'other'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** A value a report chart plots: a bare number, an x/y point, or a point with its interval (and its identity). */
export type ReportDatum = number | null | Point | BarPoint;

/** A chart.js configuration as the report builds them. */
export type ReportChartConfig = ChartConfiguration<keyof ChartTypeRegistry, ReportDatum[], unknown>;

/** One chart of the report. The same `config` draws the PNG and the interactive page. */
export interface ReportChart {
  /** Kebab-case, stable across runs (used for file names and to pair charts when comparing). */
  id: string;
  section: SectionId;
  title: string;
  /** A few sentences a student can follow. */
  explanation: string;
  /** Plain JSON (no functions), so it can be embedded in the page as is. */
  config: ReportChartConfig;
}

/** The identities (`pointKey`) of the measured points a chart draws, read from its data. */
export function drawnKeys(chart: ReportChart): string[] {
  return chart.config.data.datasets.flatMap((dataset) =>
    (dataset.data as unknown[]).flatMap((datum) => {
      const key = (datum as { key?: unknown } | null)?.key;
      return typeof key === 'string' ? [key] : [];
    }),
  );
}
