// The bottom panel: playback controls, the virtual clock and the event list.
import { PlaybackControls } from '../controls/PlaybackControls';
import { SpeedSlider } from '../controls/SpeedSlider';
import { VirtualClock } from '../controls/VirtualClock';
import { EventList } from './EventList';

export function Timeline() {
  return (
    <section className="panel timeline" aria-label="Timeline">
      <div className="controls">
        <PlaybackControls />
        <SpeedSlider />
        <VirtualClock />
      </div>
      <EventList />
    </section>
  );
}
