// With lang "es" every title, label and explanation comes out in Spanish.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCharts, renderReport } from '../src/index.js';
import { makeResults } from './fixtures/make-results.js';
import { FIXTURE } from './support/paths.js';

describe('Spanish report', () => {
  it('gives every chart a Spanish title and explanation, different from the English one', () => {
    const results = makeResults();
    const en = buildCharts(results, 'en');
    const es = buildCharts(results, 'es');
    expect(es.map((c) => c.id)).toEqual(en.map((c) => c.id));
    es.forEach((chart, i) => {
      expect(chart.title).not.toBe(en[i]?.title);
      expect(chart.explanation).not.toBe(en[i]?.explanation);
    });
    const titles = es.map((c) => c.title);
    expect(titles).toContain('Aceleración: primes');
    expect(titles).toContain('Tiempo total: primes');
    expect(titles).toContain('Mejor aceleración por carga de trabajo');
    expect(titles).toContain('Python frente a Node: primes');
    const speedup = es.find((c) => c.id === 'speedup-primes');
    expect(JSON.stringify(speedup?.config)).toContain('Trabajadores');
    expect(JSON.stringify(speedup?.config)).toContain('Hilos');
  });

  it('writes the page and the README in Spanish', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'parlab-report-es-'));
    try {
      const report = await renderReport({ resultsPath: FIXTURE, outDir, lang: 'es' });
      const html = await readFile(report.htmlPath, 'utf8');
      expect(html).toContain('<html lang="es">');
      for (const text of ['Informe de rendimiento de parlab', 'Máquina', 'Núcleos', 'Python y el GIL', 'Todas las mediciones', 'Mediana']) {
        expect(html).toContain(text);
      }
      expect(html).not.toContain('Wall time');
      const md = await readFile(report.markdownPath, 'utf8');
      expect(md).toContain('# Informe de rendimiento de parlab');
      expect(md).toContain('### Aceleración: primes');
      expect(md).toContain('falló: Worker exited');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
