/** The part of ConvNetJS 0.3.0 (no bundled types) that the benchmark uses. */
declare module 'convnetjs' {
  namespace convnetjs {
    class Vol {
      constructor(sx: number, sy: number, depth: number, c?: number);
      w: Float64Array;
      dw: Float64Array;
    }
    interface Layer {
      forward(v: Vol, isTraining: boolean): Vol;
      backward(): void;
      out_act: Vol;
    }
    class ConvLayer implements Layer {
      constructor(opt: Record<string, number>);
      filters: Vol[];
      biases: Vol;
      forward(v: Vol, isTraining: boolean): Vol;
      backward(): void;
      out_act: Vol;
    }
    class PoolLayer implements Layer {
      constructor(opt: Record<string, number>);
      forward(v: Vol, isTraining: boolean): Vol;
      backward(): void;
      out_act: Vol;
    }
    class Net {
      makeLayers(defs: Record<string, string | number>[]): void;
      forward(v: Vol, isTraining: boolean): Vol;
      getPrediction(): number;
    }
    class Trainer {
      constructor(net: Net, options: Record<string, string | number>);
      train(x: Vol, y: number): unknown;
    }
  }
  export default convnetjs;
}
