// The layer of messages in flight, on a canvas above the SVG. It listens to the store directly
// (a transient subscription) and repaints when the view changes, at most once per advance, so
// moving dots never re-render React. Paused means no new views, so no painting at all.
import { useEffect, useRef } from 'react';
import { appStore } from '../app/instance';
import type { AppState } from '../store/store';
import { drawMessages } from './draw-messages';
import type { RingLayout } from './ring-layout';

export function MessageCanvas({ layout }: { layout: RingLayout }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(layout.width * dpr);
    el.height = Math.round(layout.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    let lastView: AppState['view'] = null;
    const paint = (s: AppState) => {
      if (s.view === lastView) return;
      lastView = s.view;
      if (s.view) drawMessages(ctx, layout, s.view.inflight, s.view.nowMs);
      else ctx.clearRect(0, 0, layout.width, layout.height);
    };
    paint(appStore.getState());
    return appStore.subscribe(paint);
  }, [layout]);
  return <canvas ref={canvas} aria-hidden="true" />;
}
