import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { ClipSummary } from '../../../../shared/domain/clip.ts';
import { snapEdge } from '../../../../shared/editing/snap.ts';
import { mediaUrl } from '../../../../shared/ipc/index.ts';
import { editorContext } from '../../hooks/useEditorCommands.ts';
import { mediaSrc } from '../../ipc/media.ts';
import { useEditorStore } from '../../stores/editorStore.ts';

const highlightRegionId = 'highlight';
/** Recording shown either side of the highlight, so the lecturer sees the pauses around it. */
const contextSec = 8;

/** Read where the waveform sits, so the editor's own variables (and the light or dark theme) apply. */
function cssColour(element: Element, name: string, fallback: string): string {
  const value = getComputedStyle(element).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * The job's waveform file: `[min, max]` float32 pairs, already computed by the audio stage. It is fetched through the
 * same media URL as the recording (lectern-media: in the app, the harness's http base in tests), so no decoding of
 * an hour of audio happens in the window and no large array crosses IPC. wavesurfer draws its first channel above
 * the line and its second below, each from the largest magnitude under a pixel: the maxima and the minima.
 */
async function loadPeaks(jobId: number, signal: AbortSignal): Promise<[Float32Array, Float32Array]> {
  const response = await fetch(mediaSrc(mediaUrl(jobId, 'waveform')), { signal });
  if (!response.ok) throw new Error(`The waveform could not be read (${response.status}).`);
  const pairs = new Float32Array(await response.arrayBuffer());
  const count = Math.floor(pairs.length / 2);
  const maxima = new Float32Array(count);
  const minima = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    minima[i] = pairs[2 * i]!;
    maxima[i] = pairs[2 * i + 1]!;
  }
  return [maxima, minima];
}

/**
 * wavesurfer styles its shadow DOM with a `<style>` element, which Lectern's Content-Security-Policy (`style-src
 * 'self'`, no inline styles) rightly blocks. The same rules adopted as a constructed stylesheet are not inline markup
 * and apply, so the policy stays strict and the waveform lays out (scrolls, stacks its canvases) as designed.
 */
function adoptShadowStyles(container: HTMLElement): void {
  const root = container.firstElementChild?.shadowRoot;
  if (!root) return;
  const pending = [...root.querySelectorAll('style')].filter((style) => !style.dataset.adopted);
  if (pending.length === 0) return;
  const sheets = pending.map((style) => {
    style.dataset.adopted = 'true';
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style.textContent ?? '');
    return sheet;
  });
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}

function labelHandles(region: Region): void {
  const handles = region.element?.querySelectorAll<HTMLElement>('[part~="region-handle"]') ?? [];
  handles.forEach((handle) => {
    const left = handle.getAttribute('part')?.includes('region-handle-left');
    handle.setAttribute('aria-label', left ? 'In point handle' : 'Out point handle');
    handle.setAttribute('title', left ? 'Drag the in point (Alt+arrows move it)' : 'Drag the out point');
  });
}

/**
 * The trim editor: the recording's waveform drawn over the preview's own playback (wavesurfer.js v8 with the media
 * element and precomputed peaks), the open highlight as a region whose handles snap to pauses and word boundaries
 * when dropped, and dragging elsewhere selecting a range for a new highlight.
 */
export function Waveform({
  jobId,
  media,
  durationSec,
  clip,
}: {
  jobId: number;
  media: HTMLVideoElement | null;
  durationSec: number;
  clip: ClipSummary | null;
}) {
  const container = useRef<HTMLDivElement>(null);
  const surfer = useRef<{ wave: WaveSurfer; regions: ReturnType<typeof RegionsPlugin.create> } | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const clipId = clip?.id ?? null;

  useEffect(() => {
    const element = container.current;
    if (!media || !element || !Number.isFinite(durationSec)) return;
    const abort = new AbortController();
    let wave: WaveSurfer | null = null;
    setStatus('loading');
    loadPeaks(jobId, abort.signal).then(
      (peaks) => {
        if (abort.signal.aborted) return;
        const regions = RegionsPlugin.create();
        wave = WaveSurfer.create({
          container: element,
          media,
          peaks,
          duration: durationSec,
          height: 96,
          normalize: true,
          waveColor: cssColour(element, '--wave', '#8b93a7'),
          progressColor: cssColour(element, '--wave-played', '#2457c5'),
          cursorColor: cssColour(element, '--text', '#1d1d1f'),
          cursorWidth: 2,
          dragToSeek: true,
          autoScroll: true,
          plugins: [regions],
        });
        adoptShadowStyles(element);
        regions.enableDragSelection({ color: cssColour(element, '--selection', 'rgba(36, 87, 197, 0.15)') });
        regions.on('region-created', (region) => {
          if (region.id === highlightRegionId) return;
          // One selection at a time: a new drag replaces the last.
          for (const other of regions.getRegions())
            if (other !== region && other.id !== highlightRegionId) other.remove();
          useEditorStore.getState().setSelection({ start: region.start, end: region.end });
        });
        regions.on('region-updated', (region, side) => {
          const editor = useEditorStore.getState();
          if (region.id !== highlightRegionId) {
            editor.setSelection({ start: region.start, end: region.end });
            return;
          }
          const open = editor.clips.find((c) => c.id === editor.selectedClipId);
          if (!open || !side) return;
          const edge = side === 'start' ? 'in' : 'out';
          const raw = side === 'start' ? region.start : region.end;
          const time = editor.snap ? snapEdge(raw, editorContext().snapTargets, edge) : raw;
          editor.setActiveEdge(edge);
          const changed = editor.edit(open.id, edge === 'in' ? { start: time } : { end: time }, {
            label: edge === 'in' ? 'drag the in point' : 'drag the out point',
          });
          // Snapped, refused or unchanged: the region shows where the highlight really is.
          const current = useEditorStore.getState().clips.find((c) => c.id === open.id);
          if (current && (!changed || time !== raw)) region.setOptions({ start: current.start, end: current.end });
        });
        wave.on('ready', () => {
          adoptShadowStyles(element);
          setStatus('ready');
        });
        surfer.current = { wave, regions };
      },
      () => {
        if (!abort.signal.aborted) setStatus('failed');
      },
    );
    return () => {
      abort.abort();
      surfer.current = null;
      wave?.destroy();
    };
  }, [jobId, media, durationSec]);

  // The open highlight's region, and the view zoomed to it, whenever another highlight is opened.
  useEffect(() => {
    const current = surfer.current;
    if (!current || status !== 'ready') return;
    current.regions.getRegions().forEach((region) => region.id === highlightRegionId && region.remove());
    const open = useEditorStore.getState().clips.find((c) => c.id === clipId);
    if (!open) return;
    const region = current.regions.addRegion({
      id: highlightRegionId,
      start: open.start,
      end: open.end,
      drag: false,
      resize: true,
      minLength: 1,
      color: cssColour(container.current ?? document.documentElement, '--highlight-region', 'rgba(36, 87, 197, 0.22)'),
    });
    labelHandles(region);
    // The outer box, not wavesurfer's own width, which after a zoom is the whole scrollable waveform's.
    const width = container.current?.clientWidth || 800;
    current.wave.zoom(Math.max(1, width / (open.end - open.start + 2 * contextSec)));
    current.wave.setScrollTime(Math.max(0, open.start - contextSec));
  }, [clipId, status]);

  // Trims made elsewhere (keyboard, undo) move the region's handles.
  useEffect(() => {
    const region = surfer.current?.regions.getRegions().find((r) => r.id === highlightRegionId);
    if (region && clip && (region.start !== clip.start || region.end !== clip.end)) {
      region.setOptions({ start: clip.start, end: clip.end });
    }
  }, [clip, status]);

  return (
    <div className="waveform">
      <div
        ref={container}
        className="waveform__canvas"
        role="group"
        aria-label="Waveform of the recording: drag the highlight's handles to trim it, or drag elsewhere to select"
      />
      {status === 'loading' && <p className="waveform__status">Drawing the waveform…</p>}
      {status === 'failed' && (
        <p className="waveform__status" role="alert">
          The waveform could not be drawn; the keyboard and the buttons still trim.
        </p>
      )}
    </div>
  );
}
