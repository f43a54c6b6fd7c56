import { describe, expect, it } from 'vitest';
import { defaultRenderSettings, renderSettingsSchema, type RenderSettings } from '../../../shared/domain/clip.ts';
import { jobSettingsSchema } from '../../../shared/domain/settings.ts';
import { clipRenderHash, type ClipRenderInputs } from './renderHash.ts';

const inputs = (settings: RenderSettings): ClipRenderInputs => ({
  sourcePath: '/nowhere/lecture.mp4',
  start: 10,
  end: 40,
  cues: [{ start: 0, end: 2, text: 'Energy is conserved.' }],
  settings,
});

const withStyle = (style: Partial<RenderSettings['subtitleStyle']>, subtitles: RenderSettings['subtitles'] = 'burn') =>
  inputs({ ...defaultRenderSettings, subtitles, subtitleStyle: { ...defaultRenderSettings.subtitleStyle, ...style } });

describe('the clip render hash and the subtitle style', () => {
  it('changes when burnt-in subtitles move or change size, so those clips render again', () => {
    const base = clipRenderHash(withStyle({}));
    const top = clipRenderHash(withStyle({ position: 'top' }));
    const large = clipRenderHash(withStyle({ size: 'large' }));
    expect(new Set([base, top, large]).size).toBe(3);
  });

  it('ignores the style when nothing is burnt in: soft subtitles are styled by the player', () => {
    expect(clipRenderHash(withStyle({ position: 'top' }, 'soft'))).toBe(clipRenderHash(withStyle({}, 'soft')));
    expect(clipRenderHash(withStyle({ size: 'small' }, 'none'))).toBe(clipRenderHash(withStyle({}, 'none')));
  });

  it('parses render settings stored before styles existed, with the default style and the same hash', () => {
    const old = { aspect: '1:1', subtitles: 'burn', loudnorm: true };
    const parsed = renderSettingsSchema.parse(old);
    expect(parsed.subtitleStyle).toEqual({ size: 'medium', position: 'bottom' });
    const oldJob = jobSettingsSchema.parse({ outputDir: '/out', render: old });
    expect(oldJob.render.subtitleStyle.position).toBe('bottom');
    // The default style adds nothing to the hash: clips rendered by older versions are not rendered again.
    expect(clipRenderHash(inputs(parsed))).toBe(
      clipRenderHash(inputs({ ...parsed, subtitleStyle: { size: 'medium', position: 'bottom' } })),
    );
  });
});
