/**
 * A black canvas to draw a digit on with the mouse, a pen or a finger, or from the keyboard: arrow keys move
 * a pen over a 14×14 grid (one brush width a step), Space puts it down (drawing as it moves) and lifts it.
 * Calls onDone after each stroke: when the pointer or the pen is lifted.
 */
import React, { useEffect, useRef, useState, type ReactNode } from 'react';

const SIZE = 280;
/** Keyboard pen positions per side: a step is the brush's width. */
const GRID = 14;
const STEP = SIZE / GRID;
const BRUSH = 20;
const MOVES: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

interface Pen {
  col: number;
  row: number;
  down: boolean;
}

export function DrawPad({ onDone, onClear }: { onDone: (canvas: HTMLCanvasElement) => void; onClear: () => void }): ReactNode {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [pen, setPen] = useState<Pen>({ col: GRID / 2, row: GRID / 2, down: false });
  const [focused, setFocused] = useState(false);
  /** What a screen reader hears as the keyboard pen moves. */
  const [said, setSaid] = useState('');

  const clear = () => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
  };
  useEffect(clear, []);

  const stroke = (ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number) => {
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = BRUSH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
  };
  const point = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    drawing.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    const ctx = e.currentTarget.getContext('2d')!;
    const [x, y] = point(e);
    stroke(ctx, x, y, x + 0.1, y + 0.1);
    ctx.beginPath();
    ctx.moveTo(x, y);
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
  /** The keyboard pen: arrows move it (drawing while it is down), Space lowers and lifts it. */
  const key = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    const canvas = e.currentTarget;
    const ctx = canvas.getContext('2d')!;
    const at = (p: Pen): [number, number] => [(p.col + 0.5) * STEP, (p.row + 0.5) * STEP];
    if (e.key in MOVES) {
      e.preventDefault();
      const [dc, dr] = MOVES[e.key];
      const next = { ...pen, col: Math.min(GRID - 1, Math.max(0, pen.col + dc)), row: Math.min(GRID - 1, Math.max(0, pen.row + dr)) };
      if (pen.down) stroke(ctx, ...at(pen), ...at(next));
      setPen(next);
      setSaid(`column ${next.col + 1}, row ${next.row + 1}${next.col === pen.col && next.row === pen.row ? ' (edge)' : ''}`);
    } else if (e.key === ' ') {
      e.preventDefault();
      const next = { ...pen, down: !pen.down };
      if (next.down) stroke(ctx, ...at(pen), at(pen)[0] + 0.1, at(pen)[1] + 0.1);
      setPen(next);
      setSaid(next.down ? `pen down at column ${pen.col + 1}, row ${pen.row + 1}` : 'pen up');
      if (!next.down) onDone(canvas);
    }
  };
  return (
    <div className="ck-stack">
      <div className="ck-draw">
        <canvas
          ref={ref}
          width={SIZE}
          height={SIZE}
          className="ck-playground-canvas"
          data-testid="draw-canvas"
          tabIndex={0}
          role="application"
          aria-label="drawing area: draw a digit with a mouse, pen or finger, or with the keyboard: arrow keys move the pen, Space puts it down and lifts it (the prediction comes when it is lifted)"
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          onKeyDown={key}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
        {focused && (
          <div
            className={`ck-draw-pen${pen.down ? ' ck-draw-pen-down' : ''}`}
            data-testid="draw-pen"
            aria-hidden="true"
            style={{ left: `${(pen.col / GRID) * 100}%`, top: `${(pen.row / GRID) * 100}%`, width: `${100 / GRID}%`, height: `${100 / GRID}%` }}
          />
        )}
      </div>
      <p className="sr-only" aria-live="polite" data-testid="draw-announce">
        {said}
      </p>
      <p className="ck-note" style={{ maxWidth: SIZE }}>
        Keyboard: arrow keys move the pen, Space puts it down and lifts it.
      </p>
      <button
        type="button"
        className="button button--sm button--secondary"
        data-testid="draw-clear"
        onClick={() => {
          clear();
          onClear();
          setPen((p) => ({ ...p, down: false }));
        }}
      >
        clear
      </button>
    </div>
  );
}
