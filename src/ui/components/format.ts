// Text formats shared by the views.

/** Virtual time as m:ss.t (or h:mm:ss.t past an hour). */
export function formatClock(ms: number): string {
  const tenths = Math.floor(ms / 100) % 10;
  const totalS = Math.floor(ms / 1000);
  const s = totalS % 60;
  const m = Math.floor(totalS / 60) % 60;
  const h = Math.floor(totalS / 3600);
  const ss = String(s).padStart(2, '0');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${ss}.${tenths}`;
  return `${m}:${ss}.${tenths}`;
}

/** A speed factor as shown beside the slider: 0.1x, 2.5x, 40x. */
export function formatSpeed(speed: number): string {
  if (speed < 1) return `${speed.toFixed(2).replace(/0$/, '')}x`;
  if (speed < 10) return `${speed.toFixed(1).replace(/\.0$/, '')}x`;
  return `${Math.round(speed)}x`;
}

const RENEW_UNITS: [suffix: string, ms: number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/** Time left until a certificate renewal in its largest unit, floored: "renews in 57 d", "renews in 12 s". */
export function renewsInWords(ms: number): string {
  if (ms < 1000) return 'renewing now';
  const [unit, size] = RENEW_UNITS.find(([, size]) => ms >= size) ?? RENEW_UNITS[RENEW_UNITS.length - 1];
  return `renews in ${Math.floor(ms / size)} ${unit}`;
}
