/**
 * Geometry over the detector's grid of cells: the camera is the largest blob of cells that keep moving, the screen is
 * where slides change, grown over its own still margins. Cells are `cellPx`×`cellPx` pixels of the sampled frame.
 */

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CellGrid {
  cols: number;
  rows: number;
  cellPx: number;
  /** Size of the sampled frames the grid lies over. */
  frameWidth: number;
  frameHeight: number;
}

/** Cells [x0, x1) × [y0, y1). */
export interface CellBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A webcam inset is rarely under 1/6 × 1/6 of the picture; smaller moving things are clocks, cursors, animations. */
const minCameraShare = 0.025;
/** Typical brightness (of 255) that two sides of a border differ by, and that a uniform line varies within. */
const borderContrast = 24;
/** Share of a line of cells that must agree for it to count as a border. */
const borderAgreement = 0.8;

/** The bounding box of the largest 8-connected blob of moving cells, after closing one-cell gaps; null if too small. */
export function findCameraBox(moving: Uint8Array, grid: CellGrid): CellBox | null {
  const closed = erode(dilate(moving, grid), grid);
  for (let cell = 0; cell < closed.length; cell++) closed[cell] ||= moving[cell]!;
  const blob = largestComponent(closed, grid);
  if (!blob || blob.cells < minCameraShare * grid.cols * grid.rows) return null;
  return blob.box;
}

/**
 * The box around cells that changed at slide changes, grown row by row and column by column over the still margins
 * around the slide content until it meets a border: a uniform line beyond the edge that is consistently brighter or
 * darker than the line inside it (a slide's edge against a background, a pillarbox), the frame's edge, or the camera.
 */
export function findScreenBox(
  active: Uint8Array,
  blocked: Uint8Array,
  typical: Float32Array,
  grid: CellGrid,
): CellBox | null {
  const box = boundingBox(active, grid);
  if (!box) return null;
  for (let grew = true; grew;) {
    grew = false;
    for (const side of sides) {
      if (hasRoom(box, side, grid) && !meetsBorder(box, side, blocked, typical, grid)) {
        growBox(box, side);
        grew = true;
      }
    }
  }
  return box;
}

/** Marks every cell inside `box`. */
export function boxMask(box: CellBox | null, grid: CellGrid): Uint8Array {
  const mask = new Uint8Array(grid.cols * grid.rows);
  if (!box) return mask;
  for (let y = box.y0; y < box.y1; y++) mask.fill(1, y * grid.cols + box.x0, y * grid.cols + box.x1);
  return mask;
}

/** Cells to source pixels, rounded outwards to even numbers (4:2:0 crops need even offsets and sizes). */
export function toSourceRegion(box: CellBox, grid: CellGrid, sourceWidth: number, sourceHeight: number): Region {
  const sx = sourceWidth / grid.frameWidth;
  const sy = sourceHeight / grid.frameHeight;
  const x0 = evenDown(box.x0 * grid.cellPx * sx);
  const y0 = evenDown(box.y0 * grid.cellPx * sy);
  // The last column/row of cells also owns the frame's leftover pixels when the size is not a multiple of cellPx.
  const px1 = box.x1 === grid.cols ? grid.frameWidth : box.x1 * grid.cellPx;
  const py1 = box.y1 === grid.rows ? grid.frameHeight : box.y1 * grid.cellPx;
  const x1 = Math.min(sourceWidth, evenUp(px1 * sx));
  const y1 = Math.min(sourceHeight, evenUp(py1 * sy));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

type Side = 'top' | 'bottom' | 'left' | 'right';
const sides: readonly Side[] = ['top', 'bottom', 'left', 'right'];

function hasRoom(box: CellBox, side: Side, grid: CellGrid): boolean {
  if (side === 'top') return box.y0 > 0;
  if (side === 'bottom') return box.y1 < grid.rows;
  if (side === 'left') return box.x0 > 0;
  return box.x1 < grid.cols;
}

function growBox(box: CellBox, side: Side): void {
  if (side === 'top') box.y0--;
  else if (side === 'bottom') box.y1++;
  else if (side === 'left') box.x0--;
  else box.x1++;
}

function meetsBorder(box: CellBox, side: Side, blocked: Uint8Array, typical: Float32Array, grid: CellGrid): boolean {
  const horizontal = side === 'top' || side === 'bottom';
  const outer = side === 'top' ? box.y0 - 1 : side === 'bottom' ? box.y1 : side === 'left' ? box.x0 - 1 : box.x1;
  const inner = side === 'top' ? box.y0 : side === 'bottom' ? box.y1 - 1 : side === 'left' ? box.x0 : box.x1 - 1;
  const [from, to] = horizontal ? [box.x0, box.x1] : [box.y0, box.y1];
  const outside: number[] = [];
  const steps: number[] = [];
  for (let i = from; i < to; i++) {
    const outCell = horizontal ? outer * grid.cols + i : i * grid.cols + outer;
    const inCell = horizontal ? inner * grid.cols + i : i * grid.cols + inner;
    if (blocked[outCell] || blocked[inCell]) continue;
    outside.push(typical[outCell]!);
    steps.push(typical[outCell]! - typical[inCell]!);
  }
  if (outside.length === 0) return true;
  const level = median(outside);
  const uniform = share(outside, (v) => Math.abs(v - level) <= borderContrast);
  const brighter = share(steps, (step) => step > borderContrast);
  const darker = share(steps, (step) => step < -borderContrast);
  return uniform >= borderAgreement && Math.max(brighter, darker) >= borderAgreement;
}

function share(values: readonly number[], test: (value: number) => boolean): number {
  return values.filter(test).length / values.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

function boundingBox(mask: Uint8Array, grid: CellGrid): CellBox | null {
  let box: CellBox | null = null;
  for (let y = 0; y < grid.rows; y++) {
    for (let x = 0; x < grid.cols; x++) {
      if (!mask[y * grid.cols + x]) continue;
      if (!box) box = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      else {
        box.x0 = Math.min(box.x0, x);
        box.y0 = Math.min(box.y0, y);
        box.x1 = Math.max(box.x1, x + 1);
        box.y1 = Math.max(box.y1, y + 1);
      }
    }
  }
  return box;
}

function largestComponent(mask: Uint8Array, grid: CellGrid): { cells: number; box: CellBox } | null {
  const seen = new Uint8Array(mask.length);
  let best: { cells: number; box: CellBox } | null = null;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const component = new Uint8Array(mask.length);
    const stack = [start];
    seen[start] = 1;
    let cells = 0;
    while (stack.length > 0) {
      const cell = stack.pop()!;
      component[cell] = 1;
      cells++;
      for (const next of neighbours(cell, grid)) {
        if (mask[next] && !seen[next]) {
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    if (!best || cells > best.cells) best = { cells, box: boundingBox(component, grid)! };
  }
  return best;
}

function neighbours(cell: number, grid: CellGrid): number[] {
  const x = cell % grid.cols;
  const y = (cell - x) / grid.cols;
  const result: number[] = [];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      const ny = y + dy;
      if ((dx || dy) && nx >= 0 && ny >= 0 && nx < grid.cols && ny < grid.rows) result.push(ny * grid.cols + nx);
    }
  }
  return result;
}

function dilate(mask: Uint8Array, grid: CellGrid): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let cell = 0; cell < mask.length; cell++) {
    if (mask[cell] || neighbours(cell, grid).some((n) => mask[n])) out[cell] = 1;
  }
  return out;
}

/** Cells off the grid count as unset; closing puts the original cells back, so edges of the frame stay as they were. */
function erode(mask: Uint8Array, grid: CellGrid): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let cell = 0; cell < mask.length; cell++) {
    const inside = neighbours(cell, grid);
    if (mask[cell] && inside.length === 8 && inside.every((n) => mask[n])) out[cell] = 1;
  }
  return out;
}

function evenDown(value: number): number {
  const n = Math.floor(value + 1e-6);
  return n - (n % 2);
}

function evenUp(value: number): number {
  const n = Math.ceil(value - 1e-6);
  return n + (n % 2);
}
