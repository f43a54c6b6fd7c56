import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { exportFrameRate, type ExportFrameRate } from './frameRate.ts';
import { layOutClips, oneLine, sourceFrameCount, type EditListInput } from './timelineClips.ts';
import { element, renderXml, type XmlElement } from './xml.ts';

/** An audio-only lecture still needs a picture format for the sequence: 1080p at the timeline rate. */
const fallbackSize = { width: 1920, height: 1080 };
/** The sequence audio rates FCPXML 1.9 allows (`%audioHz;` in its DTD); anything else plays at 48 kHz. */
const sequenceAudioRates: ReadonlyMap<number, string> = new Map([
  [32000, '32k'],
  [44100, '44.1k'],
  [48000, '48k'],
  [88200, '88.2k'],
  [96000, '96k'],
  [176400, '176.4k'],
  [192000, '192k'],
]);

/**
 * The highlights as an FCPXML 1.9 project: one asset for the recording, one `asset-clip` per highlight laid back
 * to back on the spine from 0s, each with a marker carrying its title. FCPXML 1.9 moved the file URL from
 * `asset/@src` to `asset/media-rep/@src`; importers that read 1.9 (Final Cut, Resolve, Kdenlive) expect it there.
 */
export function highlightsFcpxml(input: EditListInput): string {
  const { media } = input;
  const rate = exportFrameRate(media);
  const assetFrames = sourceFrameCount(media, rate);
  const clips = layOutClips(input.highlights, rate, 0, assetFrames);
  const timelineFrames = clips.at(-1)?.recordOut ?? 0;
  const time = (frames: number): string => rationalTime(frames, rate);
  const fileName = path.basename(input.sourcePath);

  const spine = clips.map((clip) => {
    const name = oneLine(clip.title) || fileName;
    return element(
      'asset-clip',
      {
        ref: 'r2',
        offset: time(clip.recordIn),
        name,
        start: time(clip.sourceIn),
        duration: time(clip.sourceOut - clip.sourceIn),
        tcFormat: 'NDF',
      },
      [element('marker', { start: time(clip.sourceIn), duration: time(1), value: name })],
    );
  });
  const sequence = element(
    'sequence',
    {
      format: 'r1',
      duration: time(timelineFrames),
      tcStart: '0s',
      tcFormat: 'NDF',
      ...sequenceAudio(media),
    },
    [element('spine', {}, spine)],
  );
  const resources = element('resources', {}, [
    formatResource(media, rate),
    assetResource(input.sourcePath, media, Number.isFinite(assetFrames) ? time(assetFrames) : null),
  ]);
  const library = element('library', {}, [
    element('event', { name: 'Lectern' }, [element('project', { name: oneLine(input.title) }, [sequence])]),
  ]);
  return renderXml(element('fcpxml', { version: '1.9' }, [resources, library]), 'fcpxml');
}

/**
 * A frame count as FCPXML's rational seconds with the frame duration's denominator (`38/25s`, `2002/30000s`),
 * or whole seconds when it divides (`3s`), so every time visibly sits on a frame boundary.
 */
export function rationalTime(frames: number, rate: ExportFrameRate): string {
  const numerator = frames * rate.frameNum;
  if (numerator % rate.frameDen === 0) return `${numerator / rate.frameDen}s`;
  return `${numerator}/${rate.frameDen}s`;
}

function formatResource(media: MediaInfo, rate: ExportFrameRate): XmlElement {
  const size = media.video ? { width: media.video.width, height: media.video.height } : fallbackSize;
  return element('format', { id: 'r1', frameDuration: rationalTime(1, rate), ...size });
}

function assetResource(sourcePath: string, media: MediaInfo, duration: string | null): XmlElement {
  const attributes: Record<string, string | number> = {
    id: 'r2',
    name: path.basename(sourcePath),
    start: '0s',
    ...(duration ? { duration } : {}),
    hasVideo: media.video ? 1 : 0,
    hasAudio: media.audio ? 1 : 0,
  };
  // A picture format belongs only on an asset that has pictures.
  if (media.video) Object.assign(attributes, { format: 'r1', videoSources: 1 });
  if (media.audio) {
    Object.assign(attributes, {
      audioSources: 1,
      audioChannels: media.audio.channels,
      audioRate: media.audio.sampleRate,
    });
  }
  return element('asset', attributes, [
    element('media-rep', { kind: 'original-media', src: pathToFileURL(sourcePath).href }),
  ]);
}

function sequenceAudio(media: MediaInfo): Record<string, string> {
  const channels = media.audio?.channels ?? 2;
  const layout = channels === 1 ? 'mono' : channels === 2 ? 'stereo' : 'surround';
  return { audioLayout: layout, audioRate: sequenceAudioRates.get(media.audio?.sampleRate ?? 48000) ?? '48k' };
}
