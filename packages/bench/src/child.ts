/**
 * Runs in its own process:
 *   tsx src/child.ts <peer>[,<peer>…] ops [--quick]   times the ops, peers interleaved
 *   tsx src/child.ts <peer> train [--quick]           one training epoch; its peak memory is the peer's own
 * Progress goes to stderr; the last stdout line is `RESULT {json}`.
 */
import { parseArgs } from 'node:util';
import { convData, mnistData, poolData } from './data.ts';
import { measureInterleaved } from './timing.ts';
import { FULL, QUICK } from './workloads.ts';
import { isPeerName, loadPeer, PEER_NAMES, type PeerName } from './peers/index.ts';
import type { TrainResult } from './peers/peer.ts';

export interface OpsResult {
  conv: Record<string, { forward: number | null; backward: number | null }>;
  pool: { forward: number | null; backward: number | null };
}

export interface ChildResult {
  peers: PeerName[];
  suite: 'ops' | 'train';
  descriptions: Partial<Record<PeerName, string>>;
  /** Median seconds per peer (ops suite). */
  ops?: Partial<Record<PeerName, OpsResult>>;
  train?: TrainResult | null;
  /** Resident memory after setup (libraries and data loaded) and at its peak, in MB. */
  rssAfterSetupMB: number;
  peakRssMB: number;
}

const { values, positionals } = parseArgs({ options: { quick: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
const [list, suite] = positionals;
const names = (list ?? '').split(',');
if (positionals.length !== 2 || !names.every(isPeerName) || (suite !== 'ops' && suite !== 'train') || (suite === 'train' && names.length !== 1)) {
  throw new Error(`bench child: expected <${PEER_NAMES.join('|')}>[,…] ops, or one peer and train, got ${process.argv.slice(2).join(' ')}`);
}
const w = values.quick ? QUICK : FULL;
const peers = await Promise.all(names.map((n) => loadPeer(n)));
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const ms = (t: number | null) => (t === null ? 'n/a' : `${(t * 1000).toFixed(2)} ms`);
const log = (line: string) => process.stderr.write(`  ${line}\n`);

const descriptions: ChildResult['descriptions'] = {};
for (const [i, p] of peers.entries()) descriptions[names[i]] = await p.describe();
const result: ChildResult = { peers: names, suite, descriptions, rssAfterSetupMB: mb(process.memoryUsage().rss), peakRssMB: 0 };

/** ConvNetJS keeps only a layer's last input, so its backward is timed as forward+backward: subtract the forward. */
const backwardOnly = (name: PeerName, backward: number | null, forward: number | null): number | null =>
  name === 'convnetjs' && backward !== null && forward !== null ? Math.max(0, backward - forward) : backward;

if (suite === 'ops') {
  const ops: Partial<Record<PeerName, OpsResult>> = {};
  for (const n of names) ops[n] = { conv: {}, pool: { forward: null, backward: null } };
  for (const c of w.conv) {
    const data = convData(c);
    const forward = measureInterleaved(
      peers.map((p) => p.convForward(c, data)),
      w,
    );
    const backward = measureInterleaved(
      peers.map((p) => p.convBackward(c, data)),
      w,
    );
    names.forEach((n, i) => (ops[n]!.conv[c.name] = { forward: forward[i], backward: backwardOnly(n, backward[i], forward[i]) }));
    log(`conv ${c.name}: ${names.map((n) => `${n} ${ms(ops[n]!.conv[c.name].forward)} / ${ms(ops[n]!.conv[c.name].backward)}`).join(', ')}`);
  }
  const data = poolData(w.pool);
  const forward = measureInterleaved(
    peers.map((p) => p.poolForward(w.pool, data)),
    w,
  );
  const backward = measureInterleaved(
    peers.map((p) => p.poolBackward(w.pool, data)),
    w,
  );
  names.forEach((n, i) => (ops[n]!.pool = { forward: forward[i], backward: backwardOnly(n, backward[i], forward[i]) }));
  log(`max pool: ${names.map((n) => `${n} ${ms(ops[n]!.pool.forward)} / ${ms(ops[n]!.pool.backward)}`).join(', ')}`);
  result.ops = ops;
} else {
  const data = mnistData(w.train);
  result.rssAfterSetupMB = mb(process.memoryUsage().rss);
  const train = peers[0].train(w.train, data);
  result.train = train;
  log(`${names[0]} ${train === null ? 'cannot train' : `train: ${train.imagesPerSecond.toFixed(0)} images/s, test accuracy ${train.testAccuracy ?? 'n/a'}`}`);
}
result.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
