// One colour per service, the same on every page and in every trace: a hash of the name picks a hue.
// Reds are left out, so red only ever means "error".
const HUES = [255, 160, 300, 70, 200, 325, 140, 275, 225, 185];

export function serviceHue(service: string): number {
  // FNV-1a: tiny, and stable across server and browser.
  let hash = 0x811c9dc5;
  for (let i = 0; i < service.length; i++) {
    hash ^= service.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final mix (murmur3's) so names that differ only at the end still land far apart.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) >>> 0;
  hash = (hash ^ (hash >>> 16)) >>> 0;
  return HUES[hash % HUES.length] ?? 255;
}

/** A mid-tone that reads on both the light and the dark canvas. */
export function serviceColor(service: string): string {
  return `oklch(0.66 0.14 ${serviceHue(service)})`;
}
