// The bottom panel: playback controls, adding a manager, the virtual clock and the event list.
import { AddManagerButton } from '../controls/AddManagerButton';
import { PlaybackControls } from '../controls/PlaybackControls';
import { SpeedSlider } from '../controls/SpeedSlider';
import { VirtualClock } from '../controls/VirtualClock';
import { EventList } from './EventList';

export function Timeline() {
  return (
    <section className="panel timeline" aria-label="Timeline">
      <div className="controls">
        <PlaybackControls />
        <AddManagerButton />
        <SpeedSlider />
        <VirtualClock />
      </div>
      <EventList />
    </section>
  );
}
