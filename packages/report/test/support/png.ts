// Decodes a PNG with node-canvas (reached through chartjs-node-canvas, which depends on it) and measures its pixels.

import { createRequire } from 'node:module';

interface ImageDataLike {
  data: Uint8ClampedArray;
}
interface CanvasLike {
  getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): ImageDataLike };
}
interface CanvasModule {
  loadImage(source: string | Buffer): Promise<{ width: number; height: number }>;
  createCanvas(width: number, height: number): CanvasLike;
}

// canvas is not a direct dependency of this package, so resolve it from chartjs-node-canvas's folder.
const require = createRequire(import.meta.url);
const canvas = createRequire(require.resolve('chartjs-node-canvas'))('canvas') as CanvasModule;

/** What a decoded PNG looks like. */
export interface PngStats {
  width: number;
  height: number;
  distinctColours: number;
  /** Share of pixels that are not the white background. */
  inkedFraction: number;
}

export async function pngStats(path: string): Promise<PngStats> {
  const image = await canvas.loadImage(path);
  const surface = canvas.createCanvas(image.width, image.height);
  const ctx = surface.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const colours = new Set<number>();
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    colours.add((r << 16) | (g << 8) | b);
    if (r < 245 || g < 245 || b < 245) inked++;
  }
  return { width: image.width, height: image.height, distinctColours: colours.size, inkedFraction: inked / (data.length / 4) };
}
