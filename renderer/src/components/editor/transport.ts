import { usePlayerStore } from '../../stores/playerStore.ts';

/**
 * The preview player's controls, for commands and components alike. One media element at a time (the preview of
 * the source recording) is attached; everything else asks through here, so the keyboard, the buttons, the waveform
 * and the transcript all move the same playhead.
 */
let media: HTMLMediaElement | null = null;
let reverseTimer: ReturnType<typeof setInterval> | null = null;
let frame: number | null = null;
/** Where playback stops (or loops back from) when it was started inside the open highlight. */
let bounds: { start: number; end: number; loop: boolean } | null = null;

const shuttleSpeeds = [1, 2, 4];
const reverseStepMs = 50;

function report(): void {
  if (!media) return;
  usePlayerStore.getState().update({ playhead: media.currentTime, playing: !media.paused || reverseTimer !== null });
}

/** Checks the highlight's out point every frame: timeupdate comes only four times a second, too late to cut cleanly. */
function watch(): void {
  if (frame !== null) cancelAnimationFrame(frame);
  frame = requestAnimationFrame(() => {
    frame = null;
    if (!media || media.paused) return;
    if (bounds && media.currentTime >= bounds.end) {
      if (bounds.loop) media.currentTime = bounds.start;
      else {
        media.pause();
        media.currentTime = bounds.end;
      }
    }
    report();
    watch();
  });
}

function stopReverse(): void {
  if (reverseTimer !== null) clearInterval(reverseTimer);
  reverseTimer = null;
}

export function attachMedia(element: HTMLMediaElement): () => void {
  media = element;
  const events = ['timeupdate', 'play', 'pause', 'seeked', 'loadedmetadata'] as const;
  for (const name of events) element.addEventListener(name, report);
  element.addEventListener('play', watch);
  return () => {
    for (const name of events) element.removeEventListener(name, report);
    element.removeEventListener('play', watch);
    stopReverse();
    if (media === element) media = null;
    usePlayerStore.getState().update({ playing: false, shuttle: 0, ready: false });
  };
}

export function currentTime(): number {
  return media?.currentTime ?? usePlayerStore.getState().playhead;
}

export function seek(time: number): void {
  if (!media) return;
  const duration = Number.isFinite(media.duration) ? media.duration : Infinity;
  media.currentTime = Math.min(Math.max(0, time), duration);
  report();
}

export function pause(): void {
  stopReverse();
  media?.pause();
  usePlayerStore.getState().update({ shuttle: 0 });
  report();
}

/**
 * Plays from the playhead at `rate`. Inside `range` (the open highlight) playback stops at its out point, or loops
 * back to its in point; outside it, it just plays.
 */
export function play(range: { start: number; end: number; loop: boolean } | null, rate = 1): void {
  if (!media) return;
  stopReverse();
  const at = media.currentTime;
  bounds = range && at >= range.start - 0.05 && at < range.end - 0.05 ? range : null;
  media.playbackRate = rate;
  void media.play().catch(() => report());
}

/** Plays the highlight from its in point. */
export function playRange(range: { start: number; end: number; loop: boolean }): void {
  seek(range.start);
  play(range);
}

export function togglePlay(range: { start: number; end: number; loop: boolean } | null): void {
  if (!media) return;
  if (!media.paused || reverseTimer !== null) pause();
  else play(range);
}

/**
 * J and L: each press in the same direction goes faster (1×, 2×, 4×); a press the other way starts over at 1×.
 * Browsers cannot play backwards, so J steps the playhead back in small jumps instead.
 */
export function shuttle(direction: 1 | -1, range: { start: number; end: number; loop: boolean } | null): void {
  if (!media) return;
  const current = usePlayerStore.getState().shuttle;
  const level = Math.sign(current) === direction ? shuttleSpeeds.indexOf(Math.abs(current)) + 1 : 0;
  const speed = shuttleSpeeds[Math.min(level, shuttleSpeeds.length - 1)]!;
  usePlayerStore.getState().update({ shuttle: direction * speed });
  if (direction === 1) {
    play(range, speed);
    return;
  }
  media.pause();
  stopReverse();
  reverseTimer = setInterval(() => {
    if (!media || media.currentTime <= 0) return pause();
    media.currentTime = Math.max(0, media.currentTime - (speed * reverseStepMs) / 1000);
  }, reverseStepMs);
  report();
}
