import { loadMnist } from '@convkit/engine/node';
import { takeExamples, Rng, Tensor, heNormal, reluForward } from '@convkit/engine';
import { conv2dForward } from './solutions/02-conv-forward.ts';
import { maxPool2dForward } from './solutions/03-max-pool-forward.ts';
import { flattenForward, denseForward } from './solutions/04-flatten-dense.ts';
import { denseBackward, reluBackward, softmaxCrossEntropy } from './solutions/05-backprop.ts';
import { maxPool2dBackward } from './solutions/06-max-pool-backward.ts';
import { conv2dBackward } from './solutions/07-conv-backward.ts';
import { sgdMomentumStep } from './solutions/08-sgd-momentum.ts';
const [tr, F, E, LR, K, DOWN, BS] = process.argv.slice(2).map(Number);
const split = loadMnist({ testSize: 1000, seed: 7 });
const train = takeExamples(split.train, tr);
const conv = { stride: 1, pad: (K - 1) / 2 }, pool = { size: 2, stride: 2 };
const side = DOWN ? 14 : 28, after = side / 2;
const rng = new Rng(7);
let params = [heNormal([F, 1, K, K], K * K, rng, 'float64'), Tensor.zeros([F], 'float64'), heNormal([F * after * after, 10], F * after * after, rng, 'float64'), Tensor.zeros([10], 'float64')];
let vel = params.map((p) => Tensor.zerosLike(p));
const batchOf = (x: Tensor, ids: number[]) => { const out = new Tensor([ids.length, 1, 28, 28], undefined, 'float64'); ids.forEach((id, r) => out.data.set(x.data.subarray(id * 784, id * 784 + 784), r * 784)); return out; };
const fwd = (img: Tensor) => { const x = DOWN ? maxPool2dForward(img, pool) : img; const a = conv2dForward(x, params[0], params[1], conv); const r = reluForward(a); const p = maxPool2dForward(r, pool); const f = flattenForward(p); return { x, a, r, p, f, s: denseForward(f, params[2], params[3]) }; };
const evalAcc = () => { let ok = 0; for (let s = 0; s < 1000; s += 100) { const ids = Array.from({ length: 100 }, (_, i) => s + i); const { s: sc } = fwd(batchOf(split.test.x, ids)); for (let n = 0; n < 100; n++) { let b = 0; for (let k = 1; k < 10; k++) if (sc.data[n * 10 + k] > sc.data[n * 10 + b]) b = k; if (b === split.test.y[s + n]) ok++; } } return ok / 1000; };
const t0 = Date.now();
for (let e = 0; e < E; e++) {
  const order = rng.shuffle(Array.from({ length: tr }, (_, i) => i));
  for (let s = 0; s < tr; s += BS) {
    const lr = LR * (1 - 0.5 * (e * tr + s) / (E * tr));
    const ids = order.slice(s, s + BS);
    const { x, a, r, p, f, s: sc } = fwd(batchOf(train.x, ids));
    const { dscores } = softmaxCrossEntropy(sc, ids.map((i) => train.y[i]));
    const d = denseBackward(dscores, f, params[2]);
    const dr = maxPool2dBackward(new Tensor(p.shape, d.dx.data, 'float64'), r, pool);
    const cg = conv2dBackward(reluBackward(dr, a), x, params[0], conv);
    ({ params, velocities: vel } = sgdMomentumStep(params, [cg.dw, cg.db, d.dw, d.db], vel, { lr, momentum: 0.9 }));
    if ((s / BS) % 50 === 49) console.log(`  e${e} ${s + BS} ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  }
  const t1 = Date.now();
  console.log(process.argv.slice(2).join(' '), 'epoch', e, 'acc', evalAcc(), 'train s', ((t1 - t0) / 1000).toFixed(1), 'eval s', ((Date.now() - t1) / 1000).toFixed(1));
}
