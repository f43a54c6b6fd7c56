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
