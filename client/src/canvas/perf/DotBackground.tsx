import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { Transform } from '@xyflow/react';

/** Below this zoom the dots are closer than ~6 px and smaller than a pixel: a grey haze, not a grid. */
const DOTS_FROM_ZOOM = 0.25;

function modulo(value: number, step: number): number {
  return ((value % step) + step) % step;
}

/**
 * React Flow's dotted background, drawn so that panning does not repaint it.
 *
 * `<Background>` is an SVG pattern whose offset changes on every pan frame,
 * so the whole screen of dots is rasterised again each frame (measured: 53 →
 * 34 CPU ms per pan frame at zoom 1 with the dots hidden). Here the dots are
 * a CSS gradient on a layer one dot step larger than the pane, moved by a
 * `translate` of less than one step: a pan only moves an already painted
 * layer; it is repainted only when the zoom changes the step. The transform
 * is applied straight to the element from React Flow's store (no re-render).
 * Render it inside `<ReactFlow>`.
 */
export function DotBackground({ gap, size, colour }: { gap: number; size: number; colour: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const store = useStoreApi();

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let step = 0;
    const apply = ([tx, ty, zoom]: Transform): void => {
      if (zoom < DOTS_FROM_ZOOM) {
        element.style.display = 'none';
        return;
      }
      element.style.display = '';
      const scaled = gap * zoom;
      if (scaled !== step) {
        step = scaled;
        const radius = (size * zoom) / 2;
        element.style.backgroundImage = `radial-gradient(circle at center, ${colour} ${radius.toFixed(2)}px, transparent ${(radius + 0.6).toFixed(2)}px)`;
        element.style.backgroundSize = `${step}px ${step}px`;
        element.style.width = `calc(100% + ${2 * step}px)`;
        element.style.height = `calc(100% + ${2 * step}px)`;
      }
      // Where React Flow's pattern puts a dot's centre (see its Background), minus one step of slack.
      const radius = (size * zoom) / 2;
      const x = modulo(tx + radius, step) - step;
      const y = modulo(ty + radius, step) - step;
      element.style.transform = `translate3d(${x.toFixed(2)}px, ${y.toFixed(2)}px, 0)`;
    };
    apply(store.getState().transform);
    return store.subscribe((state, previous) => {
      if (state.transform !== previous.transform) apply(state.transform);
    });
  }, [store, gap, size, colour]);

  return (
    <div className="react-flow__background ip-dot-background" aria-hidden="true">
      <div ref={ref} className="ip-dot-background__dots" />
    </div>
  );
}
