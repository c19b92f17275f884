/** A black canvas to draw a digit on with the mouse, a pen or a finger. Calls onDone after each stroke. */
import React, { useEffect, useRef, type ReactNode } from 'react';

const SIZE = 280;

export function DrawPad({ onDone, onClear }: { onDone: (canvas: HTMLCanvasElement) => void; onClear: () => void }): ReactNode {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  const clear = () => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
  };
  useEffect(clear, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    drawing.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    const ctx = e.currentTarget.getContext('2d')!;
    const [x, y] = point(e);
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 20;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d')!;
    const [x, y] = point(e);
    ctx.lineTo(x, y);
    ctx.stroke();
  };
  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onDone(e.currentTarget);
  };
  return (
    <div className="ck-stack">
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        className="ck-playground-canvas"
        data-testid="draw-canvas"
        role="img"
        aria-label="drawing area: draw a digit with a mouse, pen or finger (without one, choose a test digit next to it)"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <button type="button" className="button button--sm button--secondary" onClick={() => { clear(); onClear(); }}>
        clear
      </button>
    </div>
  );
}
