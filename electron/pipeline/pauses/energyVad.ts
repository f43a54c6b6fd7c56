import type { TimeRange } from '../../../shared/domain/transcript.ts';

export interface EnergyVadOptions {
  sampleRate: number;
  /** Loudness is measured over frames this long, one every `hopSec`. */
  frameSec: number;
  hopSec: number;
  /**
   * The noise floor is a low percentile of frame loudness over a window this long, centred on each frame: it follows
   * a room that gets noisier (a projector fan starting) and sees the silence just after a frame as well as before.
   * Decisions therefore lag the input by half this window.
   */
  floorWindowSec: number;
  floorPercentile: number;
  /** Speech starts this far above the floor… */
  onsetDb: number;
  /** …and, once started, continues while the level stays this far above it (hysteresis). */
  releaseDb: number;
  /** The floor is never taken to be below this, so the dither in digital silence is not mistaken for speech. */
  floorMinDb: number;
  /** Speech continues this long after the level drops, covering the quiet tail of a word. */
  hangoverSec: number;
  /** Where the first pushed sample sits in the recording, when this detector sees a slice of a longer one. */
  offsetSamples: number;
}

export const defaultEnergyVadOptions: Omit<EnergyVadOptions, 'sampleRate'> = {
  frameSec: 0.03,
  hopSec: 0.01,
  floorWindowSec: 8,
  floorPercentile: 0.1,
  onsetDb: 9,
  releaseDb: 6,
  floorMinDb: -70,
  hangoverSec: 0.08,
  offsetSamples: 0,
};

/**
 * How far (seconds) the detector looks around a moment: half the floor window, a frame and the hangover. A slice
 * of a recording read with this much margin on both sides is decided as it would be inside the whole.
 */
export function energyContextSec(options: Partial<EnergyVadOptions> = {}): number {
  const { floorWindowSec, frameSec, hangoverSec } = { ...defaultEnergyVadOptions, ...options };
  return floorWindowSec / 2 + frameSec + hangoverSec + 0.1;
}

/** Frames start every this many samples, counted from the first sample pushed. */
export function energyHopSamples(sampleRate: number, options: Partial<EnergyVadOptions> = {}): number {
  return Math.max(1, Math.round(sampleRate * (options.hopSec ?? defaultEnergyVadOptions.hopSec)));
}

/** Levels are binned at 0.5 dB from -120 dBFS up, so the sliding percentile is a histogram walk, not a sort. */
const minDb = -120;
const binDb = 0.5;
const binCount = Math.ceil(-minDb / binDb) + 1;

/**
 * Speech by loudness, for when the Silero model cannot run. Feed float samples in chunks of any size with `push`;
 * the result does not depend on how the audio was chunked. `finish` returns the raw speech ranges, which
 * `shapeSpeech` then turns into speech and pauses.
 */
export class EnergyVad {
  private readonly options: EnergyVadOptions;
  private readonly hopSamples: number;
  private readonly frameHops: number;
  private readonly halfWindow: number;
  private readonly hangoverFrames: number;

  /** Sum of squares of the hop block being filled, and how many samples it has. */
  private blockSum = 0;
  private blockFill = 0;
  /** The last `frameHops` completed block sums, as a ring. */
  private readonly blocks: Float64Array;
  private blockCount = 0;

  /**
   * Frame levels (dB) still inside some frame's floor window, as a ring indexed by frame number. Float64, so a level
   * leaves the histogram from the very bin it entered.
   */
  private readonly levels: Float64Array;
  private readonly histogram: Int32Array;
  private inWindow = 0;
  /** The percentile walk: `cursor` is the floor's bin, `below` counts the frames in lower bins. */
  private cursor = 0;
  private below = 0;
  private frameCount = 0;
  private decided = 0;

  private inSpeech = false;
  private speechStartFrame = 0;
  private lastActiveFrame = 0;
  private readonly speech: TimeRange[] = [];

  constructor(options: Partial<EnergyVadOptions> & { sampleRate: number }) {
    this.options = { ...defaultEnergyVadOptions, ...options };
    const { sampleRate, hopSec, frameSec, floorWindowSec } = this.options;
    this.hopSamples = energyHopSamples(sampleRate, { hopSec });
    this.frameHops = Math.max(1, Math.round(frameSec / hopSec));
    this.halfWindow = Math.max(1, Math.round(floorWindowSec / hopSec / 2));
    // Decisions count whole frames, never compare float times: a slice and the whole file must decide alike.
    this.hangoverFrames = Math.max(0, Math.round(this.options.hangoverSec / hopSec));
    this.blocks = new Float64Array(this.frameHops);
    this.levels = new Float64Array(2 * this.halfWindow + 2);
    this.histogram = new Int32Array(binCount);
  }

  push(samples: Float32Array): void {
    let sum = this.blockSum;
    let fill = this.blockFill;
    const hop = this.hopSamples;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i] ?? 0;
      sum += v * v;
      if (++fill === hop) {
        this.completeBlock(sum);
        sum = 0;
        fill = 0;
      }
    }
    this.blockSum = sum;
    this.blockFill = fill;
  }

  /** Decides the frames still waiting for their floor window to fill, and returns all speech found. */
  finish(): TimeRange[] {
    while (this.decided < this.frameCount) this.decideNext();
    if (this.inSpeech) this.closeSpeech(Math.min(this.lastActiveFrame + this.hangoverFrames, this.frameCount - 1));
    return this.speech.map((r) => ({ start: r.start, end: r.end }));
  }

  private completeBlock(sum: number): void {
    this.blocks[this.blockCount % this.frameHops] = sum;
    this.blockCount++;
    if (this.blockCount < this.frameHops) return;
    let frameSum = 0;
    for (let k = 0; k < this.frameHops; k++) frameSum += this.blocks[k] ?? 0;
    const meanSquare = frameSum / (this.frameHops * this.hopSamples);
    this.addFrame(10 * Math.log10(meanSquare + 1e-12));
  }

  private addFrame(levelDb: number): void {
    this.levels[this.frameCount % this.levels.length] = levelDb;
    this.frameCount++;
    this.count(levelDb, 1);
    // A frame is decided once the frames up to half a window after it are in.
    if (this.frameCount - 1 - this.decided >= this.halfWindow) this.decideNext();
  }

  private decideNext(): void {
    const frame = this.decided++;
    const leaving = frame - this.halfWindow - 1;
    if (leaving >= 0) this.count(this.levels[leaving % this.levels.length] ?? minDb, -1);
    const level = this.levels[frame % this.levels.length] ?? minDb;
    const floor = Math.max(this.options.floorMinDb, this.floorDb());
    if (!this.inSpeech) {
      if (level > floor + this.options.onsetDb) {
        this.inSpeech = true;
        this.speechStartFrame = frame;
        this.lastActiveFrame = frame;
      }
      return;
    }
    if (level > floor + this.options.releaseDb) {
      this.lastActiveFrame = frame;
    } else if (frame - this.lastActiveFrame > this.hangoverFrames) {
      this.closeSpeech(this.lastActiveFrame + this.hangoverFrames);
    }
  }

  /** Speech runs from the start of its first loud frame to the end of `endFrame`: the hangover's last frame. */
  private closeSpeech(endFrame: number): void {
    const { offsetSamples, sampleRate } = this.options;
    const start = offsetSamples + this.speechStartFrame * this.hopSamples;
    const end = offsetSamples + (endFrame + this.frameHops) * this.hopSamples;
    this.speech.push({ start: start / sampleRate, end: end / sampleRate });
    this.inSpeech = false;
  }

  private count(levelDb: number, delta: 1 | -1): void {
    const bin = Math.min(binCount - 1, Math.max(0, Math.round((levelDb - minDb) / binDb)));
    this.histogram[bin] = (this.histogram[bin] ?? 0) + delta;
    this.inWindow += delta;
    if (bin < this.cursor) this.below += delta;
  }

  /** The floor percentile of the levels in the window, by walking the cursor from where it last stood. */
  private floorDb(): number {
    const target = Math.max(1, Math.ceil(this.options.floorPercentile * this.inWindow));
    const h = this.histogram;
    while (this.cursor < binCount - 1 && this.below + (h[this.cursor] ?? 0) < target) {
      this.below += h[this.cursor] ?? 0;
      this.cursor++;
    }
    while (this.cursor > 0 && this.below >= target) {
      this.cursor--;
      this.below -= h[this.cursor] ?? 0;
    }
    return minDb + this.cursor * binDb;
  }
}
