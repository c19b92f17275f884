/** @convkit/engine/node: helpers that need Node.js (file access), kept out of the browser-safe entry. */
export { loadMnist, readMnistDigits } from './data/mnist-node.ts';
export { saveModel, loadModel } from './model/file-node.ts';
export { useColor, canRedraw, painter, type Paint, type TextStyle, type TerminalEnv, type TerminalStream } from './cli/terminal.ts';
export { parseCommandLine, commandLineError, runCommandLine, UsageError, type RunCommandLineOptions } from './cli/command-line.ts';
