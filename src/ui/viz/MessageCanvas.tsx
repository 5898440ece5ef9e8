// The layer of messages in flight, on a canvas above the SVG. It listens to the store directly
// (a transient subscription) and repaints when the view or the selection changes, at most once
// per advance, so moving dots never re-render React. Paused means no new views, so no painting.
// The canvas lets pointer events through to the nodes and links below; a click is first offered
// to the packets (capture phase on the swarm box), and only a click on no packet goes on.
import { useEffect, useRef } from 'react';
import { actions, appStore } from '../app/instance';
import type { AppState } from '../store/store';
import { drawMessages } from './draw-messages';
import { packetOutsideNodes, paintedPackets, rememberPainted } from './packet-hits';
import type { RingLayout } from './ring-layout';

function selectedPacket(s: AppState): number | null {
  return s.selection?.kind === 'packet' ? s.selection.id : null;
}

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
    let lastSelected: number | null = null;
    const paint = (s: AppState) => {
      const selected = selectedPacket(s);
      if (s.view === lastView && selected === lastSelected) return;
      lastView = s.view;
      lastSelected = selected;
      if (s.view) rememberPainted(drawMessages(ctx, layout, s.view.inflight, s.view.nowMs, selected));
      else {
        ctx.clearRect(0, 0, layout.width, layout.height);
        rememberPainted([]);
      }
    };
    paint(appStore.getState());
    const unsubscribe = appStore.subscribe(paint);
    const hit = (ev: MouseEvent): number | null => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return null;
      const x = ((ev.clientX - box.left) * layout.width) / box.width;
      const y = ((ev.clientY - box.top) * layout.height) / box.height;
      return packetOutsideNodes(paintedPackets(), layout.positions.values(), layout.nodeRadius, x, y);
    };
    // A press on a packet must not focus the link underneath it either.
    const press = (ev: MouseEvent) => {
      if (hit(ev) !== null) ev.preventDefault();
    };
    const pick = (ev: MouseEvent) => {
      const id = hit(ev);
      if (id === null) return;
      ev.stopPropagation();
      actions.selectPacket(id);
    };
    const host = el.parentElement;
    host?.addEventListener('mousedown', press, { capture: true });
    host?.addEventListener('click', pick, { capture: true });
    return () => {
      unsubscribe();
      host?.removeEventListener('mousedown', press, { capture: true });
      host?.removeEventListener('click', pick, { capture: true });
    };
  }, [layout]);
  return <canvas ref={canvas} aria-hidden="true" />;
}
