// Play, pause and speed, mirrored from the real-time driver (the driver is the truth).
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

export interface PlaybackSlice {
  playing: boolean;
  speed: number;
  setPlayback(playing: boolean, speed: number): void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set) => ({
  playing: false,
  speed: 1,
  setPlayback: (playing, speed) => set({ playing, speed }),
});
