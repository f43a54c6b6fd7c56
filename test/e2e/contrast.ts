import type { Page } from 'playwright-core';

export interface ContrastReading {
  selector: string;
  text: string;
  ratio: number;
}

/**
 * WCAG 2.x contrast of each matching element's text against the background it is drawn on (the nearest ancestor
 * with an opaque background), measured from the computed styles in the page.
 */
export async function measureContrast(page: Page, selectors: string[]): Promise<ContrastReading[]> {
  // Runs in the page; a string, since this file is compiled for Node, without the DOM's types.
  const readings = await page.evaluate(`(${measureInPage})(${JSON.stringify(selectors)})`);
  return readings as ContrastReading[];
}

const measureInPage = `function (selectors) {
  const parse = (colour) => {
    const parts = (colour.match(/[\\d.]+/g) || []).map(Number);
    return [parts[0] || 0, parts[1] || 0, parts[2] || 0, parts[3] === undefined ? 1 : parts[3]];
  };
  const luminance = ([r, g, b]) => {
    const channel = (v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0.9) return colour;
    }
    return [255, 255, 255, 1];
  };
  const readings = [];
  for (const selector of selectors) {
    for (const element of Array.from(document.querySelectorAll(selector)).slice(0, 3)) {
      // Disabled controls are exempt from the contrast requirement (WCAG 1.4.3).
      if (element.disabled || element.closest('fieldset:disabled')) continue;
      const fg = luminance(parse(getComputedStyle(element).color));
      const bg = luminance(background(element));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      readings.push({ selector, text: (element.textContent || '').trim().slice(0, 40), ratio });
    }
  }
  return readings;
}`;
