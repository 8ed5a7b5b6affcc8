import { useEffect, useRef } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { Panel } from '@xyflow/react';
import { useMapView } from '../MapContext.ts';
import { useFlowViewport } from '../reactFlow/flowState.ts';
import type { FlowView, FlowViewport } from '../reactFlow/flowState.ts';
import { selectNodes } from '../view/selectors.ts';
import { useLiveDragPositions } from '../view/useLiveDragPositions.ts';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { DEFAULT_SIZE, fit, nodeBounds } from './miniMapLayout.ts';

type MiniMapLayout = ReturnType<typeof fit>;

/** The map's zoom limits (FlowCanvas). */
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2.5;
/** The nodes are repainted at most this often (a drag or a remote move changes them every frame). */
const REDRAW_MS = 250;

/**
 * Moving the view from the minimap: click or drag to centre the view there, the wheel zooms around
 * the view's centre. `layout` maps flow coordinates to the minimap's pixels.
 */
function useMiniMapNavigation(viewport: FlowViewport, layout: RefObject<MiniMapLayout>) {
  /** Centre the view on the flow point under a minimap pixel. */
  const moveTo = (clientX: number, clientY: number, box: DOMRect): void => {
    const { scale, offsetX, offsetY } = layout.current;
    const flowX = (clientX - box.left - offsetX) / scale;
    const flowY = (clientY - box.top - offsetY) / scale;
    const { width: paneWidth, height: paneHeight, transform } = viewport.view();
    const zoom = transform[2];
    viewport.setViewport({ x: paneWidth / 2 - flowX * zoom, y: paneHeight / 2 - flowY * zoom, zoom });
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    moveTo(event.clientX, event.clientY, event.currentTarget.getBoundingClientRect());
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>): void => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    moveTo(event.clientX, event.clientY, event.currentTarget.getBoundingClientRect());
  };

  // Wheel zooms around the view's centre; not passive, so the page does not scroll.
  const surfaceRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const surface = surfaceRef.current;
    if (!surface) return;
    const onWheel = (event: WheelEvent): void => {
      event.preventDefault();
      const { width: paneWidth, height: paneHeight, transform } = viewport.view();
      const [tx, ty, zoom] = transform;
      const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * 2 ** (-event.deltaY / 300)));
      const centreX = (paneWidth / 2 - tx) / zoom;
      const centreY = (paneHeight / 2 - ty) / zoom;
      viewport.setViewport({
        x: paneWidth / 2 - centreX * next,
        y: paneHeight / 2 - centreY * next,
        zoom: next,
      });
    };
    surface.addEventListener('wheel', onWheel, { passive: false });
    return () => surface.removeEventListener('wheel', onWheel);
  }, [viewport]);

  return { surfaceRef, onPointerDown, onPointerMove };
}

/**
 * The minimap for large boards. React Flow's `<MiniMap>` is an SVG with one
 * subscribed component per node and recomputes the bounds of every node on
 * each store change (every drag and pan frame). This one paints the nodes as
 * rectangles into one canvas when the board's nodes change, and moves only
 * the viewport rectangle (a div, positioned from React Flow's store without a
 * re-render) on pan and zoom. Click or drag in it to move the view there;
 * the wheel zooms. Keeps React Flow's `react-flow__minimap` class, so the
 * map's styling and present mode apply to it unchanged.
 */
export function CanvasMiniMap({
  width,
  height,
  nodeColour,
  ariaLabel,
}: {
  width: number;
  height: number;
  nodeColour: (node: BoardFlowNode) => string;
  ariaLabel: string;
}) {
  const nodes = useMapView(selectNodes);
  // A local drag moves nodes without a new nodes array: the map follows it too.
  const live = useLiveDragPositions();
  const viewport = useFlowViewport();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  const layout = useRef(fit(nodeBounds([]), width, height));

  const placeViewport = (transform: FlowView['transform']): void => {
    const element = viewRef.current;
    if (!element) return;
    const { width: paneWidth, height: paneHeight } = viewport.view();
    const [tx, ty, zoom] = transform;
    const { scale, offsetX, offsetY } = layout.current;
    const left = (-tx / zoom) * scale + offsetX;
    const top = (-ty / zoom) * scale + offsetY;
    element.style.transform = `translate(${left.toFixed(1)}px, ${top.toFixed(1)}px)`;
    element.style.width = `${((paneWidth / zoom) * scale).toFixed(1)}px`;
    element.style.height = `${((paneHeight / zoom) * scale).toFixed(1)}px`;
  };

  // Redraw the nodes when the board's node array or a local drag changes them, at most every REDRAW_MS
  // (a drag or a remote move changes them every frame).
  const lastDraw = useRef(0);
  useEffect(() => {
    const draw = (): void => {
      const canvas = canvasRef.current;
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return;
      lastDraw.current = performance.now();
      const ratio = window.devicePixelRatio || 1;
      const pixelWidth = Math.round(width * ratio);
      const pixelHeight = Math.round(height * ratio);
      if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
        canvas.width = pixelWidth;
        canvas.height = pixelHeight;
      }
      layout.current = fit(nodeBounds(nodes), width, height);
      const { scale, offsetX, offsetY } = layout.current;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      for (const node of nodes) {
        const position = live?.get(node.id) ?? node.position;
        const nodeWidth = (node.measured?.width ?? DEFAULT_SIZE.width) * scale;
        const nodeHeight = (node.measured?.height ?? DEFAULT_SIZE.height) * scale;
        context.fillStyle = nodeColour(node);
        context.fillRect(
          position.x * scale + offsetX,
          position.y * scale + offsetY,
          Math.max(1, nodeWidth),
          Math.max(1, nodeHeight),
        );
      }
      placeViewport(viewport.view().transform);
    };
    const wait = REDRAW_MS - (performance.now() - lastDraw.current);
    if (wait <= 0) {
      draw();
      return;
    }
    const timer = setTimeout(draw, wait);
    return () => clearTimeout(timer);
    // placeViewport reads only refs and the viewport.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes, live, width, height, nodeColour, viewport]);

  useEffect(
    () =>
      viewport.subscribe((state, previous) => {
        if (
          state.transform !== previous.transform ||
          state.width !== previous.width ||
          state.height !== previous.height
        ) {
          placeViewport(state.transform);
        }
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [viewport],
  );

  const { surfaceRef, onPointerDown, onPointerMove } = useMiniMapNavigation(viewport, layout);

  return (
    <Panel
      position="bottom-right"
      className="react-flow__minimap ip-canvas-minimap"
      style={{ width, height }}
    >
      <div
        ref={surfaceRef}
        className="ip-canvas-minimap__surface"
        role="img"
        aria-label={ariaLabel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
      >
        <canvas ref={canvasRef} style={{ width, height }} />
        <div ref={viewRef} className="ip-canvas-minimap__view" />
      </div>
    </Panel>
  );
}
