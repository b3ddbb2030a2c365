// Workload mandelbrot: an image of the Mandelbrot set, rows of very uneven cost streamed by pool.imapUnordered.
import { defineWorkload } from '@parlab/bench';
import { renderRow, renderRowTask } from './tasks.js';

export interface Size {
  readonly width: number;
  readonly height: number;
  readonly maxIterations: number;
}

/** The iteration counts, row after row (width × height). */
type Image = Uint16Array;

const rows = (size: Size): [number, number, number, number][] =>
  Array.from({ length: size.height }, (_, y) => [y, size.width, size.height, size.maxIterations]);

export const workload = defineWorkload<Size, Image>({
  id: 'mandelbrot',
  title: { en: 'Mandelbrot rows', es: 'Filas de Mandelbrot' },
  description: {
    en: 'Renders the Mandelbrot set row by row; rows that cross the set cost many times more than the rest, so pool.imapUnordered hands out rows one by one and takes them back in whatever order they finish.',
    es: 'Dibuja el conjunto de Mandelbrot fila a fila; las filas que cruzan el conjunto cuestan mucho más que las demás, así que pool.imapUnordered reparte las filas de una en una y las recoge en el orden en que terminan.',
  },
  primitives: ['pool'],
  sizes: {
    test: { width: 64, height: 48, maxIterations: 200 },
    quick: { width: 700, height: 450, maxIterations: 500 },
    full: { width: 1600, height: 1200, maxIterations: 1000 },
  },
  serial(size) {
    const image = new Uint16Array(size.width * size.height);
    for (const args of rows(size)) image.set(renderRow(...args).iterations, args[0] * size.width);
    return image;
  },
  async parallel(size, { pool, signal }) {
    const image = new Uint16Array(size.width * size.height);
    for await (const row of pool.imapUnordered(renderRowTask, rows(size), { chunksize: 2, signal })) {
      image.set(row.iterations, row.y * size.width);
    }
    return image;
  },
  check(result, expected) {
    if (result.length !== expected.length) return `image has ${result.length} pixels, expected ${expected.length}`;
    const at = result.findIndex((value, i) => value !== expected[i]);
    return at === -1 ? true : `pixel ${at} has ${result[at]} iterations, serial has ${expected[at]}`;
  },
});
