import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';

/** A part of the window, in CSS pixels. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The README's pictures, taken during the run when ACS_E2E_SCREENSHOTS=1 (else every call is a
 * no-op): PNGs of the main states, cropped to what they show, and an animated GIF made of frames.
 */
export class Pictures {
  private readonly frames: { png: Buffer; delayMs: number }[] = [];

  constructor(private readonly page: Page, private readonly dir: string | undefined) {}

  get enabled(): boolean {
    return this.dir !== undefined;
  }

  /** Saves `media/<name>`: a locator's box grown by `margin`, or a region of the window. */
  async save(name: string, what: Locator | Region, margin = 8): Promise<void> {
    if (!this.dir) {
      return;
    }
    const clip = 'x' in what ? what : await this.regionOf(what, margin);
    mkdirSync(this.dir, { recursive: true });
    await this.page.screenshot({ path: path.join(this.dir, name), clip, animations: 'disabled', caret: 'hide' });
  }

  /** Adds a frame of `region` to the animation, shown for `delayMs`. */
  async frame(region: Region, delayMs = 1200): Promise<void> {
    if (!this.dir) {
      return;
    }
    this.frames.push({ png: await this.page.screenshot({ clip: region, caret: 'hide' }), delayMs });
  }

  /** Writes the frames collected so far as `media/<name>` (looping forever) and forgets them. */
  saveGif(name: string): void {
    if (!this.dir || this.frames.length === 0) {
      return;
    }
    const gif = GIFEncoder();
    for (const { png, delayMs } of this.frames) {
      const { data, width, height } = PNG.sync.read(png);
      // A palette per frame: the UI is flat, 128 colors keep text crisp and the file small.
      const palette = quantize(data, 128);
      gif.writeFrame(applyPalette(data, palette), width, height, { palette, delay: delayMs, repeat: 0 });
    }
    gif.finish();
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(path.join(this.dir, name), gif.bytes());
    this.frames.length = 0;
  }

  private async regionOf(locator: Locator, margin: number): Promise<Region> {
    const box = await locator.boundingBox();
    if (!box) {
      throw new Error(`Cannot take a picture of ${locator.toString()}: it is not visible`);
    }
    const viewport = this.page.viewportSize() ?? { width: Number.MAX_SAFE_INTEGER, height: Number.MAX_SAFE_INTEGER };
    const x = Math.max(0, Math.floor(box.x - margin));
    const y = Math.max(0, Math.floor(box.y - margin));
    return {
      x,
      y,
      width: Math.min(viewport.width - x, Math.ceil(box.width + 2 * margin)),
      height: Math.min(viewport.height - y, Math.ceil(box.height + 2 * margin)),
    };
  }
}
