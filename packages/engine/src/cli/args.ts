/** Command-line flags of `pnpm train`, checked so that a typo gives a message rather than a NaN run. */
import { parseArgs } from 'node:util';
import { UsageError } from './command-line.ts';

export interface TrainArgs {
  epochs: number;
  batchSize: number;
  lr: number;
  /** The learning rate is multiplied by this after every epoch. */
  lrDecay: number;
  /** Training images are shifted by up to this many pixels (augmentation); 0 turns it off. */
  shift: number;
  seed: number;
  /** Train on only the first `limit` training images (quick smoke runs). */
  limit?: number;
  /** Write the trained model's JSON here. */
  save?: string;
  help: boolean;
}

export const USAGE = `Usage: pnpm train [--epochs N] [--batch-size N] [--lr X] [--lr-decay X] [--shift N] [--seed N] [--limit N] [--save weights.json]

Trains a LeNet-style CNN on 8,000 MNIST digits and tests it on 2,000 held-out ones.
The defaults reach about 98% test accuracy.
  --epochs N        passes over the training images (default 10)
  --batch-size N    images per Adam step (default 32)
  --lr X            Adam learning rate (default 0.002)
  --lr-decay X      multiply the learning rate by X after each epoch (default 0.85)
  --shift N         shift each training image by up to N pixels each epoch (default 1)
  --seed N          seeds the split, the initial weights and the shuffling (default 1)
  --limit N         train on only the first N training images, for a quick check
  --save FILE       save the trained model (architecture + weights) as JSON`;

function int(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`expected --${flag} to be an integer ≥ ${min}, got ${text}`);
  return value;
}

export function parseTrainArgs(argv: string[]): TrainArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      lr: { type: 'string' },
      'lr-decay': { type: 'string' },
      shift: { type: 'string' },
      seed: { type: 'string' },
      limit: { type: 'string' },
      save: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const lr = values.lr === undefined ? 2e-3 : Number(values.lr);
  if (!Number.isFinite(lr) || lr <= 0) throw new UsageError(`expected --lr to be a number > 0, got ${values.lr}`);
  const lrDecay = values['lr-decay'] === undefined ? 0.85 : Number(values['lr-decay']);
  if (!Number.isFinite(lrDecay) || lrDecay <= 0 || lrDecay > 1) {
    throw new UsageError(`expected --lr-decay to be a number in (0, 1], got ${values['lr-decay']}`);
  }
  return {
    epochs: int('epochs', values.epochs, 10, 1),
    batchSize: int('batch-size', values['batch-size'], 32, 1),
    lr,
    lrDecay,
    shift: int('shift', values.shift, 1, 0),
    seed: int('seed', values.seed, 1, 0),
    limit: values.limit === undefined ? undefined : int('limit', values.limit, 0, 1),
    save: values.save,
    help: values.help ?? false,
  };
}
