/**
 * The fast float32 path: the same ops as `ops/`, computed with im2col, a
 * cache-blocked GEMM and a WebAssembly SIMD micro-kernel. Each function
 * assumes its arguments were checked; functional.ts checks, then dispatches.
 */
export { fastConv2dForward, fastConv2dBackward } from './conv2d.ts';
export { fastDenseForward, fastDenseBackward } from './dense.ts';
export { fastMaxPool2dForward, fastMaxPool2dBackward } from './pool2d.ts';
export { fastReluForward, fastReluBackward } from './activations.ts';
export { gemm, kernelSet, setGemmBackend, matrix, transposed, type MatrixView, type OutputView } from './gemm.ts';
export { loadWasmKernels, wasmModuleBytes, type KernelSet } from './wasm-module.ts';
export { PEAK_CHAINS } from './gemm-wasm.ts';
export { measureSimdPeak } from './simd-peak.ts';
