import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng } from './png';

/** A shape answers how much of a point is covered (0..1) and with which colour. */
type Rgba = readonly [number, number, number, number];
type Shape = (x: number, y: number) => Rgba | undefined;

export const ACCENT = '#0B4F8A';
const NAVY: Rgba = [0x0b, 0x4f, 0x8a, 255];
const WHITE: Rgba = [255, 255, 255, 255];

const SUPERSAMPLE = 4;

/** Renders shapes (later ones on top) with 4x4 supersampling, so edges are anti-aliased. */
export function render(size: number, shapes: readonly Shape[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          let colour: Rgba | undefined;
          for (const shape of shapes) colour = shape(x, y) ?? colour;
          if (!colour) continue;
          const alpha = colour[3] / 255;
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      out[i] = a > 0 ? Math.round(r / a) : 0;
      out[i + 1] = a > 0 ? Math.round(g / a) : 0;
      out[i + 2] = a > 0 ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / samples) * 255);
    }
  }
  return out;
}

/** Signed distance to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRectDistance(x: number, y: number, cx: number, cy: number, halfW: number, halfH: number, radius: number): number {
  const qx = Math.abs(x - cx) - (halfW - radius);
  const qy = Math.abs(y - cy) - (halfH - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function insideTriangle(x: number, y: number, [a, b, c]: readonly [readonly [number, number], readonly [number, number], readonly [number, number]]): boolean {
  const side = (p: readonly [number, number], q: readonly [number, number]): number => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

const BUBBLE = { cx: 0.5, cy: 0.45, halfW: 0.34, halfH: 0.25, radius: 0.1 };
const TAIL = [
  [0.28, 0.62],
  [0.42, 0.62],
  [0.25, 0.82],
] as const;

interface HelixStyle {
  colour: Rgba;
  strand: number;
  /** Width of the rungs between the strands; 0 for none. */
  rung: number;
  centre: number;
  amplitude: number;
  turns: number;
  left: number;
  right: number;
}

/** Two strands of a double helix, with rungs between them. */
function helix(style: HelixStyle): Shape {
  const { colour, strand, rung, centre, amplitude, turns, left, right } = style;
  const slope = (amplitude * turns * 2 * Math.PI) / (right - left);
  return (x, y) => {
    if (x < left || x > right) return undefined;
    const phase = ((x - left) / (right - left)) * turns * 2 * Math.PI;
    const stretch = Math.sqrt(1 + (slope * Math.cos(phase)) ** 2);
    const upper = centre + amplitude * Math.sin(phase);
    const lower = centre - amplitude * Math.sin(phase);
    if (Math.abs(y - upper) / stretch < strand / 2 || Math.abs(y - lower) / stretch < strand / 2) return colour;
    const onRung = rung > 0 && Math.abs((phase % Math.PI) - Math.PI / 2) < 0.35 * (rung / 0.02) && Math.abs(Math.sin(phase)) > 0.5;
    if (onRung && y > Math.min(upper, lower) && y < Math.max(upper, lower)) return colour;
    return undefined;
  };
}

/** 192x192 full-colour icon: a white speech bubble holding a navy double helix on navy. */
export function colorIcon(size = 192): Uint8Array {
  return render(size, [
    () => NAVY,
    (x, y) =>
      roundedRectDistance(x, y, BUBBLE.cx, BUBBLE.cy, BUBBLE.halfW, BUBBLE.halfH, BUBBLE.radius) <= 0 || insideTriangle(x, y, TAIL) ? WHITE : undefined,
    helix({ colour: NAVY, strand: 0.035, rung: 0.02, centre: BUBBLE.cy, amplitude: 0.1, turns: 1.5, left: 0.27, right: 0.73 }),
  ]);
}

/** 32x32 outline icon: the bubble's outline and the helix in white on a transparent background. */
export function outlineIcon(size = 32): Uint8Array {
  const stroke = 2 / size;
  const bubble = { cx: 0.5, cy: 0.42, halfW: 0.44, halfH: 0.3, radius: 0.14 };
  const tail = [
    [0.2, 0.66],
    [0.4, 0.66],
    [0.16, 0.94],
  ] as const;
  return render(size, [
    (x, y) => {
      const d = roundedRectDistance(x, y, bubble.cx, bubble.cy, bubble.halfW, bubble.halfH, bubble.radius);
      return (d <= 0 && d > -stroke) || (d > 0 && insideTriangle(x, y, tail)) ? WHITE : undefined;
    },
    // Rungs would blur into blots at 32 pixels: two strands only.
    helix({ colour: WHITE, strand: 1.6 / size, rung: 0, centre: 0.42, amplitude: 0.12, turns: 1.5, left: 0.18, right: 0.82 }),
  ]);
}

/** Writes appPackage/color.png and appPackage/outline.png. */
export function writeIcons(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'color.png'), encodePng(192, 192, colorIcon()));
  writeFileSync(path.join(dir, 'outline.png'), encodePng(32, 32, outlineIcon()));
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'appPackage');
  writeIcons(dir);
  process.stdout.write(`icons written to ${dir}\n`);
}
