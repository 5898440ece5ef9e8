// A titled box in the side column or the timeline.
import type { ReactNode } from 'react';

export function Panel({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
