/**
 * One peer, one suite, in its own process, so its peak memory is its own:
 *   tsx src/child.ts <peer> <ops|train> [--quick]
 * Progress goes to stderr; the last stdout line is `RESULT {json}`.
 */
import { convData, mnistData, poolData } from './data.ts';
import { measure, type Timing } from './timing.ts';
import { FULL, QUICK } from './workloads.ts';
import { isPeerName, loadPeer, PEER_NAMES, type PeerName } from './peers/index.ts';
import type { TrainResult } from './peers/peer.ts';

export interface OpsResult {
  conv: Record<string, { forward: number | null; backward: number | null }>;
  pool: { forward: number | null; backward: number | null };
}

export interface ChildResult {
  peer: PeerName;
  suite: 'ops' | 'train';
  description: string;
  ops?: OpsResult;
  train?: TrainResult | null;
  /** Resident memory after setup (libraries and data loaded) and at its peak, in MB. */
  rssAfterSetupMB: number;
  peakRssMB: number;
}

const [peerName, suite] = process.argv.slice(2);
if (!isPeerName(peerName) || (suite !== 'ops' && suite !== 'train')) {
  throw new Error(`bench child: expected <${PEER_NAMES.join('|')}> <ops|train>, got ${process.argv.slice(2).join(' ')}`);
}
const w = process.argv.includes('--quick') ? QUICK : FULL;
const peer = await loadPeer(peerName);
// ConvNetJS keeps only a layer's last input, so its backward is timed as forward+backward; its forward is subtracted.
const backwardIncludesForward = peerName === 'convnetjs';
const log = (line: string) => process.stderr.write(`  ${peer.name} ${line}\n`);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const time = (fn: (() => void) | null): Timing | null => (fn === null ? null : measure(fn, w));
const ms = (t: number | null) => (t === null ? 'n/a' : `${(t * 1000).toFixed(2)} ms`);

const description = await peer.describe();
let rssAfterSetupMB = mb(process.memoryUsage().rss);
const result: ChildResult = { peer: peerName, suite, description, rssAfterSetupMB, peakRssMB: 0 };

if (suite === 'ops') {
  const ops: OpsResult = { conv: {}, pool: { forward: null, backward: null } };
  for (const c of w.conv) {
    const data = convData(c);
    const forward = time(peer.convForward(c, data))?.median ?? null;
    let backward = time(peer.convBackward(c, data))?.median ?? null;
    // ConvNetJS can only time forward+backward together: subtract its forward.
    if (backwardIncludesForward && backward !== null && forward !== null) backward = Math.max(0, backward - forward);
    ops.conv[c.name] = { forward, backward };
    log(`conv ${c.name}: forward ${ms(forward)}, backward ${ms(backward)}`);
  }
  const data = poolData(w.pool);
  const forward = time(peer.poolForward(w.pool, data))?.median ?? null;
  let backward = time(peer.poolBackward(w.pool, data))?.median ?? null;
  if (backwardIncludesForward && backward !== null && forward !== null) backward = Math.max(0, backward - forward);
  ops.pool = { forward, backward };
  log(`max pool: forward ${ms(forward)}, backward ${ms(backward)}`);
  result.ops = ops;
} else {
  const data = mnistData(w.train);
  rssAfterSetupMB = mb(process.memoryUsage().rss);
  result.rssAfterSetupMB = rssAfterSetupMB;
  const train = peer.train(w.train, data);
  result.train = train;
  log(train === null ? 'cannot train' : `train: ${train.imagesPerSecond.toFixed(0)} images/s, test accuracy ${train.testAccuracy ?? 'n/a'}`);
}
result.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
