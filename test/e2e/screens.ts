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
