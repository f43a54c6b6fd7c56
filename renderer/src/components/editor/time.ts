/** A position as an editor shows it, to the tenth of a second: 4:05.3, or 1:02:09.0 past the hour. */
export function formatTimecode(seconds: number): string {
  const tenths = Math.max(0, Math.round(seconds * 10));
  const whole = Math.floor(tenths / 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(whole / 3600);
  const m = Math.floor(whole / 60) % 60;
  const rest = `${pad(whole % 60)}.${tenths % 10}`;
  return h > 0 ? `${h}:${pad(m)}:${rest}` : `${m}:${rest}`;
}
