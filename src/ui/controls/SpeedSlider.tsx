// Speed from 0.1x to 100x on a logarithmic slider.
import { actions, useApp } from '../app/instance';
import { formatSpeed } from '../components/format';
import { SLIDER_STEPS, sliderToSpeed, speedToSlider } from './speed-scale';

export function SpeedSlider() {
  const speed = useApp((s) => s.speed);
  return (
    <label className="speed">
      <span className="label">Speed</span>
      <input
        type="range"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={speedToSlider(speed)}
        aria-label="Speed"
        aria-valuetext={formatSpeed(speed)}
        onChange={(ev) => actions.setSpeed(sliderToSpeed(Number(ev.target.value)))}
      />
      <output aria-label="Current speed">{formatSpeed(speed)}</output>
    </label>
  );
}
