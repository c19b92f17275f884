/** Command-line flags of `pnpm train`, checked so that a typo gives a message rather than a NaN run. */
import { parseArgs } from 'node:util';

export interface TrainArgs {
  epochs: number;
  batchSize: number;
  lr: number;
  seed: number;
  /** Train on only the first `limit` training images (quick smoke runs). */
  limit?: number;
  /** Write the trained model's JSON here. */
  save?: string;
  help: boolean;
}

export const USAGE = `Usage: pnpm train [--epochs N] [--batch-size N] [--lr X] [--seed N] [--limit N] [--save weights.json]

Trains a LeNet-style CNN on 8,000 MNIST digits and tests it on 2,000 held-out ones.
  --epochs N        passes over the training images (default 6)
  --batch-size N    images per Adam step (default 32)
  --lr X            Adam learning rate (default 0.001)
  --seed N          seeds the split, the initial weights and the shuffling (default 1)
  --limit N         train on only the first N training images, for a quick check
  --save FILE       save the trained model (architecture + weights) as JSON`;

function int(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`train: expected --${flag} to be an integer ≥ ${min}, got ${text}`);
  return value;
}

export function parseTrainArgs(argv: string[]): TrainArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      lr: { type: 'string' },
      seed: { type: 'string' },
      limit: { type: 'string' },
      save: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const lr = values.lr === undefined ? 1e-3 : Number(values.lr);
  if (!Number.isFinite(lr) || lr <= 0) throw new Error(`train: expected --lr to be a number > 0, got ${values.lr}`);
  return {
    epochs: int('epochs', values.epochs, 6, 1),
    batchSize: int('batch-size', values['batch-size'], 32, 1),
    lr,
    seed: int('seed', values.seed, 1, 0),
    limit: values.limit === undefined ? undefined : int('limit', values.limit, 0, 1),
    save: values.save,
    help: values.help ?? false,
  };
}
