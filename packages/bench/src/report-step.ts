// The last step of `pnpm bench`: hand results.json to @parlab/report, when that package is built.
import type { Lang } from './types.js';

type RenderReport = (options: { resultsPath: string; lang: Lang }) => Promise<{ htmlPath: string }>;

export type ReportOutcome =
  | { readonly status: 'done'; readonly htmlPath: string }
  | { readonly status: 'unavailable'; readonly reason: string }
  | { readonly status: 'failed'; readonly error: Error };

/** Checks the file with the report's own validator, then renders it where the report puts a run's report in `lang`. */
export async function renderReportStep(resultsPath: string, lang: Lang): Promise<ReportOutcome> {
  let module: { renderReport?: unknown };
  try {
    module = (await import('@parlab/report')) as { renderReport?: unknown };
  } catch (error) {
    return { status: 'unavailable', reason: `@parlab/report could not be loaded (${(error as { code?: string }).code ?? (error as Error).message}); build it with pnpm build` };
  }
  if (typeof module.renderReport !== 'function') return { status: 'unavailable', reason: '@parlab/report has no renderReport export yet' };
  try {
    const { htmlPath } = await (module.renderReport as RenderReport)({ resultsPath, lang });
    return { status: 'done', htmlPath };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}
