import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../shared/domain/analysis.ts';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { highlightsFcpxml, rationalTime } from './fcpxml.ts';
import { descendants, parseXml, type XmlNode } from './fixtures/parseXml.ts';
import { exportFrameRate } from './frameRate.ts';
import { escapeXml } from './xml.ts';

function mediaAt(frameRate: number | null, hasVideo = true): MediaInfo {
  return {
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSec: 600,
    sizeBytes: 1,
    bitRate: null,
    audio: { index: 1, codec: 'aac', sampleRate: 48000, channels: 2, language: null },
    video: hasVideo ? { index: 0, codec: 'h264', width: 1920, height: 1080, frameRate } : null,
    subtitles: [],
  };
}

const highlights: Highlight[] = [
  { start: 12.2, end: 20.41, title: 'Energy & "work" <1>', score: 0.9, segment: 0 },
  { start: 100, end: 130.5, title: "Lewin's pendulum", score: 0.8, segment: 1 },
];
const input = { title: 'Lecture 11 — Work', sourcePath: '/media/My Lectures/week #3.mp4', highlights };

describe('highlightsFcpxml', () => {
  it('writes an FCPXML 1.9 project at 25 fps', () => {
    expect(highlightsFcpxml({ ...input, media: mediaAt(25) })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE fcpxml>',
        '<fcpxml version="1.9">',
        '    <resources>',
        '        <format id="r1" frameDuration="1/25s" width="1920" height="1080"/>',
        '        <asset id="r2" name="week #3.mp4" start="0s" duration="600s" hasVideo="1" hasAudio="1" format="r1" videoSources="1" audioSources="1" audioChannels="2" audioRate="48000">',
        '            <media-rep kind="original-media" src="file:///media/My%20Lectures/week%20%233.mp4"/>',
        '        </asset>',
        '    </resources>',
        '    <library>',
        '        <event name="Lectern">',
        '            <project name="Lecture 11 — Work">',
        '                <sequence format="r1" duration="968/25s" tcStart="0s" tcFormat="NDF" audioLayout="stereo" audioRate="48k">',
        '                    <spine>',
        '                        <asset-clip ref="r2" offset="0s" name="Energy &amp; &quot;work&quot; &lt;1&gt;" start="305/25s" duration="205/25s" tcFormat="NDF">',
        '                            <marker start="305/25s" duration="1/25s" value="Energy &amp; &quot;work&quot; &lt;1&gt;"/>',
        '                        </asset-clip>',
        '                        <asset-clip ref="r2" offset="205/25s" name="Lewin&apos;s pendulum" start="100s" duration="763/25s" tcFormat="NDF">',
        '                            <marker start="100s" duration="1/25s" value="Lewin&apos;s pendulum"/>',
        '                        </asset-clip>',
        '                    </spine>',
        '                </sequence>',
        '            </project>',
        '        </event>',
        '    </library>',
        '</fcpxml>',
        '',
      ].join('\n'),
    );
  });

  it.each([25, 30, 30000 / 1001, 24000 / 1001, null])('is well-formed and frame-exact at %s fps', (fps) => {
    const media = mediaAt(fps, fps !== null);
    const rate = exportFrameRate(media);
    const root = parseXml(highlightsFcpxml({ ...input, media }));
    expect(root.name).toBe('fcpxml');
    expect(root.attributes.version).toBe('1.9');
    const all = descendants(root);
    const format = byName(all, 'format')[0];
    expect(format?.attributes.frameDuration).toBe(rationalTime(1, rate));
    const asset = byName(all, 'asset')[0];
    expect(asset?.attributes).toMatchObject({ hasVideo: fps === null ? '0' : '1', hasAudio: '1' });
    expect(byName(all, 'media-rep')[0]?.attributes.src).toBe('file:///media/My%20Lectures/week%20%233.mp4');

    const clips = byName(all, 'asset-clip');
    expect(clips.map((clip) => clip.attributes.name)).toEqual(['Energy & "work" <1>', "Lewin's pendulum"]);
    let offset = 0;
    for (const clip of clips) {
      const { ref, start, duration } = clip.attributes;
      expect(ref).toBe(asset?.attributes.id);
      expect(framesOf(clip.attributes.offset, rate)).toBe(offset);
      offset += framesOf(duration, rate);
      framesOf(start, rate);
      const marker = clip.children[0];
      expect(marker?.name).toBe('marker');
      expect(marker?.attributes.start).toBe(start);
      expect(marker?.attributes.value).toBe(clip.attributes.name);
    }
    const sequence = byName(all, 'sequence')[0];
    expect(framesOf(sequence?.attributes.duration, rate)).toBe(offset);
    framesOf(asset?.attributes.duration, rate);
  });

  it('gives an audio-only recording no picture format on its asset, but a 25 fps sequence', () => {
    const media = {
      ...mediaAt(null, false),
      audio: { index: 0, codec: 'mp3', sampleRate: 16000, channels: 1, language: null },
    };
    const all = descendants(parseXml(highlightsFcpxml({ ...input, media })));
    expect(byName(all, 'asset')[0]?.attributes.format).toBeUndefined();
    expect(byName(all, 'format')[0]?.attributes).toMatchObject({
      frameDuration: '1/25s',
      width: '1920',
      height: '1080',
    });
    expect(byName(all, 'sequence')[0]?.attributes).toMatchObject({ audioLayout: 'mono', audioRate: '48k' });
  });
});

describe('rationalTime', () => {
  it('writes whole seconds plainly and other times over the frame denominator', () => {
    const at25 = exportFrameRate(mediaAt(25));
    const at2997 = exportFrameRate(mediaAt(29.97));
    expect([0, 1, 25, 26].map((f) => rationalTime(f, at25))).toEqual(['0s', '1/25s', '1s', '26/25s']);
    expect([0, 1, 30, 30_000].map((f) => rationalTime(f, at2997))).toEqual([
      '0s',
      '1001/30000s',
      '30030/30000s',
      '1001s',
    ]);
  });
});

describe('escapeXml and the well-formedness check', () => {
  it('round-trips every special character and drops those XML forbids', () => {
    const text = `a&b<c>d"e'f\tg\nh\u0001i`;
    const root = parseXml(`<x v="${escapeXml(text)}"/>`);
    expect(root.attributes.v).toBe('a&b<c>d"e\'f\tg\nhi');
  });

  it('rejects malformed XML, so a passing check means something', () => {
    const broken = [
      '<a><b></a></b>',
      '<a x="1" x="2"/>',
      '<a x=1/>',
      '<a>Tom & Jerry</a>',
      '<a>&nbsp;</a>',
      '<a/><b/>',
      '<a>',
      'text<a/>',
      '<a x="<"/>',
    ];
    for (const xml of broken) expect(() => parseXml(xml), xml).toThrow(/Not well-formed/);
    expect(
      parseXml('<?xml version="1.0"?>\n<!DOCTYPE a>\n<!-- c -->\n<a x=\'1\'><b/>t&amp;<c></c></a>\n').children,
    ).toHaveLength(2);
  });
});

function byName(nodes: readonly XmlNode[], name: string): XmlNode[] {
  return nodes.filter((node) => node.name === name);
}

/** A rational time (`n/ds` or `ns`) in frames; fails unless it lands exactly on a frame boundary. */
function framesOf(time: string | undefined, rate: ReturnType<typeof exportFrameRate>): number {
  const match = /^(\d+)(?:\/(\d+))?s$/.exec(time ?? '');
  expect(match, `${time} is a rational time`).not.toBeNull();
  const numerator = BigInt(match?.[1] ?? '0') * BigInt(rate.frameDen);
  const denominator = BigInt(match?.[2] ?? '1') * BigInt(rate.frameNum);
  expect(numerator % denominator, `${time} is on a frame boundary`).toBe(0n);
  return Number(numerator / denominator);
}
