/**
 * Fully connected vs locally connected with shared weights, for a 1D row of neurons: each output neuron of
 * a convolutional layer sees only F neighbours, and every output uses the same F weights (same colours).
 */
import React, { type ReactNode } from 'react';

const WEIGHT_COLORS = ['#d1495b', '#00798c', '#edae49'];

function Layer({ x0, title, local }: { x0: number; title: string; local: boolean }): ReactNode {
  const inputs = 7;
  const outputs = local ? 5 : 4;
  const yIn = 160;
  const yOut = 50;
  const xi = (i: number) => x0 + 20 + i * 38;
  const xo = (j: number) => (local ? xi(j + 1) : x0 + 20 + 19 + j * 76);
  const edges: ReactNode[] = [];
  for (let j = 0; j < outputs; j++) {
    const from = local ? [j, j + 1, j + 2] : [...Array(inputs).keys()];
    from.forEach((i, k) =>
      edges.push(
        <line key={`${j}-${i}`} x1={xi(i)} y1={yIn - 9} x2={xo(j)} y2={yOut + 9} stroke={local ? WEIGHT_COLORS[k] : '#999'} strokeWidth={local ? 2.2 : 1} />,
      ),
    );
  }
  return (
    <g>
      <text x={x0 + 134} y={18} textAnchor="middle" fontSize={13} fontWeight="bold">
        {title}
      </text>
      {edges}
      {[...Array(inputs).keys()].map((i) => (
        <circle key={`i${i}`} cx={xi(i)} cy={yIn} r={9} fill="#9cc0e6" stroke="#333" />
      ))}
      {[...Array(outputs).keys()].map((j) => (
        <circle key={`o${j}`} cx={xo(j)} cy={yOut} r={9} fill="#b9d4a8" stroke="#333" />
      ))}
      <text x={x0 + 134} y={192} textAnchor="middle" fontSize={11} fill="#444">
        {local ? '3 weights (w₁ w₂ w₃), shared by every output' : `${inputs * outputs} weights, one per line`}
      </text>
    </g>
  );
}

export function Connectivity(): ReactNode {
  return (
    <figure className="ck-figure" data-figure="connectivity">
      <svg
        viewBox="0 0 600 200"
        width={600}
        height={200}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-labelledby="ck-connectivity-t ck-connectivity-d"
      >
        <title id="ck-connectivity-t">Fully connected versus convolutional layer</title>
        <desc id="ck-connectivity-d">
          Left: a fully connected layer, every input neuron joined to every output neuron, one weight per line. Right: a convolutional layer, each output neuron
          joined only to the 3 input neurons below it, through the same 3 weights w1, w2, w3 drawn in the same 3 colours.
        </desc>
        <Layer x0={0} title="fully connected" local={false} />
        <Layer x0={310} title="convolutional (local, shared)" local />
      </svg>
      <figcaption>Input neurons below, output neurons above. Same colour = same weight.</figcaption>
    </figure>
  );
}
