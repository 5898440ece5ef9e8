// The speed slider is logarithmic: equal slider steps multiply the speed by equal factors, so
// 0.1x..1x gets as much room as 10x..100x.
import { scaleLog } from 'd3';
import { MAX_SPEED, MIN_SPEED } from '../../sim/api';

export const SLIDER_STEPS = 300;

const scale = scaleLog().domain([MIN_SPEED, MAX_SPEED]).range([0, SLIDER_STEPS]).clamp(true);

export function sliderToSpeed(position: number): number {
  const speed = scale.invert(position);
  // Round to two significant digits so the slider lands on readable speeds (1x, 2.5x, 40x).
  return Number(speed.toPrecision(2));
}

export function speedToSlider(speed: number): number {
  return Math.round(scale(speed));
}
