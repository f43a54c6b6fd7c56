import { formatTimecode } from '../../renderer/src/components/editor/time.ts';
import type { Locator, Page } from 'playwright-core';

/** The queue screen, as the lecturer sees it: one row per recording. */
export function queueScreen(page: Page) {
  const row = (name: string): Locator =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  return {
    row,
    progress: (name: string): Locator => page.getByRole('progressbar', { name: `Progress of ${name}` }),
    status: (name: string): Locator => row(name).locator('.job__status'),
    open: (name: string): Locator => page.getByRole('button', { name: `Open ${name}` }),
  };
}

/** The open lecture: its highlights and the segments they come from. */
export function jobViewScreen(page: Page) {
  const view = page.getByRole('region', { name: /\.webm$/ });
  const segments = page
    .getByRole('region', { name: /^Segments/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('meter') });
  return {
    view,
    segments,
    highlights: page.getByRole('region', { name: /^Highlights/ }).getByRole('listitem'),
    reRender: page.getByRole('button', { name: /^Re-render changed clips/ }),
  };
}

/** The highlight editor inside the job view: preview, waveform, trim controls, subtitles, rendered clip. */
export function editorScreen(page: Page) {
  return {
    edit: (title: string): Locator => page.getByRole('button', { name: `Edit ${title}`, exact: true }),
    heading: (title: string): Locator => page.getByRole('heading', { name: `Editing “${title}”` }),
    button: (name: RegExp): Locator => page.getByRole('region', { name: /^Editing/ }).getByRole('button', { name }),
    inPoint: page.locator('output[aria-label="In point"]'),
    outPoint: page.locator('output[aria-label="Out point"]'),
    subtitleLine: (n: number): Locator => page.getByRole('textbox', { name: new RegExp(`^Subtitle line ${n},`) }),
    renderedVideo: (title: string): Locator => page.getByLabel(`Rendered clip: ${title}`, { exact: true }),
    timecode: formatTimecode,
    /** Seconds on the recording where the preview's playhead is. */
    playhead: (): Promise<number> =>
      page
        .locator('video.preview__video')
        .evaluate((video) => (video as unknown as { currentTime: number }).currentTime),
    /** wavesurfer has drawn the peaks and put the open highlight's region on them. */
    waveformReady: (): Promise<void> =>
      page.locator('.waveform__canvas').evaluate(
        (element) =>
          new Promise<void>((resolve) => {
            const nextFrame = (globalThis as unknown as { requestAnimationFrame(f: () => void): void })
              .requestAnimationFrame;
            const check = () => {
              const host = element.firstElementChild;
              const region = host?.shadowRoot?.querySelector('[part~="region"]');
              if (region) resolve();
              else nextFrame(check);
            };
            check();
          }),
      ),
    /** Takes keyboard focus off whatever was clicked, as a lecturer clicking the empty page does. */
    focusPage: (): Promise<void> =>
      page.evaluate(() => {
        const { document } = globalThis as unknown as { document: { activeElement: { blur?(): void } | null } };
        document.activeElement?.blur?.();
      }),
  };
}

/** The job view's Publish section and its settings form. */
export function publishScreen(page: Page) {
  const panel = page.getByRole('region', { name: 'Publish' });
  return {
    panel,
    notConfigured: panel.getByText(/Publishing is not set up yet/),
    field: (label: string): Locator => panel.getByLabel(label, { exact: true }),
    testConnection: panel.getByRole('button', { name: 'Test connection' }),
    settingsStatus: panel.locator('.s3-settings__status'),
    publishButton: panel.getByRole('button', { name: /^Publish/ }),
    cancelButton: panel.getByRole('button', { name: 'Cancel publishing' }),
    totalProgress: panel.getByRole('progressbar', { name: 'Publishing progress' }),
    fileStates: panel.locator('.publish__file-state'),
    done: panel.getByRole('status').filter({ hasText: /^Published \d+ files/ }),
    copyButtons: panel.getByRole('button', { name: /^Copy link to / }),
  };
}

/** Settings, section by section, found by the labels a screen reader would announce. */
export function settingsScreen(page: Page) {
  const section = (name: string | RegExp): Locator => page.getByRole('region', { name });
  return {
    heading: page.getByRole('heading', { name: 'Settings', level: 1 }),
    open: page.getByRole('button', { name: 'Settings' }),
    back: page.getByRole('button', { name: 'Back to the queue' }),
    section,
    clipCount: page.getByLabel('Clips per lecture'),
    shortest: page.getByLabel('Shortest clip'),
    longest: page.getByLabel('Longest clip'),
    outputFolder: page.getByTestId('output-folder'),
    model: (name: string): Locator =>
      section('Speech models')
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name }) }),
  };
}
