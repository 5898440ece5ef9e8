// Virtual time starts at 0; certificates need calendar dates. Virtual ms 0 is this instant, fixed
// so that a seed gives the same certificates (byte for byte) on every machine and every day.
/** 2026-01-01T00:00:00Z */
export const SIM_EPOCH_MS = 1_767_225_600_000;

export function wallMs(virtualMs: number): number {
  return SIM_EPOCH_MS + virtualMs;
}

export function virtualMs(wall: number): number {
  return wall - SIM_EPOCH_MS;
}
