/** Hyper-parameters of the sliding-window ops, named as in the course notes. */

/** Convolution: how far the filter moves each step (`stride`, S) and the zero border added on each side (`pad`, P). */
export interface ConvParams {
  stride: number;
  pad: number;
}

/** Pooling: the window is `size` × `size` and moves by `stride`. */
export interface PoolParams {
  size: number;
  stride: number;
}

/** Gradients of an op with weights: with respect to its input, its weights and its bias. */
export interface WeightGradients<T> {
  dx: T;
  dw: T;
  db: T;
}
