/**
 * The playground: pick a small CNN, train it on MNIST in a Web Worker while watching the loss and accuracy
 * curves, the confusion matrix, the first layer's filters and activation maps; then draw a digit.
 */
import React, { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import * as Plot from '@observablehq/plot';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { Tensor } from '@convkit/engine';
import { LossCurves, type CurvePoint } from '../figures/LossCurves.tsx';
import { Heatmap } from '../figures/Heatmap.tsx';
import { PlotFigure } from '../figures/PlotFigure.tsx';
import { fmt } from '../figures/Out.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { DrawPad } from './DrawPad.tsx';
import { toMnist } from './downsample.ts';
import { loadSamples } from '../../lib/samples.ts';
import type { FromWorker, ToWorker, TrainConfig, Views } from './protocol.ts';

const DEFAULT: TrainConfig = { architecture: 'tiny', filters: 8, learningRate: 0.002, batchSize: 32, seed: 1 };
const FLUSH_MS = 400;

/** Worker reports collected between two redraws. */
interface Pending {
  loss: CurvePoint[];
  accuracy: CurvePoint[];
  progress?: { step: number; epoch: number; loss: number; eps: number };
  confusion?: number[][];
  views?: Views;
}

const tensorOf = (v: { shape: number[]; data: Float32Array }) => new Tensor(v.shape, v.data);

export function Playground(): ReactNode {
  const dataUrl = useBaseUrl('/data/mnist.bin.gz');
  const samplesUrl = useBaseUrl('/data/mnist-samples.json');
  /** What a screen reader is told (politely): ready, each test evaluation, a prediction, an error; not every step. */
  const [announce, setAnnounce] = useState('');
  const worker = useRef<Worker | undefined>(undefined);
  const [config, setConfig] = useState(DEFAULT);
  const [status, setStatus] = useState('loading the MNIST digits…');
  const [ready, setReady] = useState<{ train: number; test: number; summary: string; params: number }>();
  const [running, setRunningState] = useState(false);
  // The worker's messages are handled by a closure made once: it reads whether training runs from this ref,
  // set at the same moment as the state.
  const runningNow = useRef(false);
  const setRunning = (r: boolean) => {
    runningNow.current = r;
    setRunningState(r);
  };
  const [loss, setLoss] = useState<CurvePoint[]>([]);
  const [accuracy, setAccuracy] = useState<CurvePoint[]>([]);
  const [progress, setProgress] = useState<{ step: number; epoch: number; loss: number; eps: number }>();
  const [confusion, setConfusion] = useState<number[][]>();
  const [views, setViews] = useState<Views>();
  const [drawn, setDrawn] = useState<Float32Array>();
  const [prediction, setPrediction] = useState<{ probabilities: number[]; label: number }>();
  const [error, setError] = useState<string>();

  const pending = useRef<Pending>({ loss: [], accuracy: [] });
  const send = (m: ToWorker) => worker.current?.postMessage(m);

  const init = useCallback(
    (c: TrainConfig) => {
      setRunning(false);
      setLoss([]);
      setAccuracy([]);
      pending.current = { loss: [], accuracy: [] };
      setProgress(undefined);
      setPrediction(undefined);
      setError(undefined);
      setReady(undefined);
      send({ type: 'init', dataUrl: new URL(dataUrl, window.location.href).href, config: c });
    },
    [dataUrl],
  );

  useEffect(() => {
    const w = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'ready') {
        setReady(m);
        setStatus(`ready: ${m.train} training and ${m.test} test digits; ${m.params} parameters`);
        setAnnounce(`model ready: ${m.params} parameters`);
      } else if (m.type === 'progress') {
        pending.current.progress = { step: m.step, epoch: m.epoch, loss: m.loss, eps: m.examplesPerSecond };
        pending.current.loss.push({ step: m.step, series: 'train (last batches)', value: m.loss });
        pending.current.accuracy.push({ step: m.step, series: 'train (last batches)', value: m.accuracy });
      } else if (m.type === 'eval') {
        pending.current.confusion = m.confusion;
        pending.current.loss.push({ step: m.step, series: 'test', value: m.loss });
        pending.current.accuracy.push({ step: m.step, series: 'test', value: m.accuracy });
        // Only while training runs: an evaluation the worker finished just before a pause (or the one after
        // loading) must not talk over "training paused" (or "model ready") in the polite live region.
        if (runningNow.current) setAnnounce(`step ${m.step}: test accuracy ${(m.accuracy * 100).toFixed(1)}%`);
      } else if (m.type === 'views') {
        pending.current.views = m.views;
      } else if (m.type === 'prediction') {
        setPrediction(m);
        setAnnounce(`prediction: ${m.label}`);
      } else if (m.type === 'error') {
        setError(m.message);
        setAnnounce(`error: ${m.message}`);
        setRunning(false);
      }
    };
    w.onerror = (e) => setError(e.message || 'the training worker failed to start');
    // Redraw at most a few times a second, whatever the worker's pace: the page must stay responsive.
    const flush = setInterval(() => {
      const p = pending.current;
      if (p.loss.length) {
        const [l, a] = [p.loss, p.accuracy];
        setLoss((old) => [...old, ...l]);
        setAccuracy((old) => [...old, ...a]);
        p.loss = [];
        p.accuracy = [];
      }
      if (p.progress) setProgress(p.progress);
      if (p.confusion) setConfusion(p.confusion);
      if (p.views) setViews(p.views);
      p.progress = p.confusion = p.views = undefined;
    }, FLUSH_MS);
    return () => {
      clearInterval(flush);
      w.terminate();
    };
  }, []);
  useEffect(() => init(DEFAULT), [init]);

  const toggle = () => {
    send({ type: running ? 'pause' : 'start' });
    setAnnounce(running ? 'training paused' : 'training started');
    setRunning(!running);
  };
  const predict = (canvas: HTMLCanvasElement) => {
    const pixels = toMnist(canvas);
    setDrawn(pixels);
    if (pixels) send({ type: 'predict', pixels });
  };
  /** The non-pointer way to a prediction: one of the MNIST test digits, chosen from a list. */
  const predictSample = async (label: number) => {
    const sample = (await loadSamples(samplesUrl)).find((d) => d.label === label);
    if (!sample) return;
    const pixels = Float32Array.from(sample.pixels, (p) => p / 255);
    setDrawn(pixels);
    send({ type: 'predict', pixels });
  };
  const set = <K extends keyof TrainConfig>(k: K, v: TrainConfig[K]) => setConfig((c) => ({ ...c, [k]: v }));

  const filters = views && tensorOf(views.filters);
  const maps = views && tensorOf(views.maps);
  const lastLoss = loss.filter((p) => p.series !== 'test');
  return (
    <div className="ck-playground">
      <div className="ck-widget">
        <div className="ck-controls">
          <label className="ck-field">
            <span>network</span>
            <select name="architecture" value={config.architecture} onChange={(e) => set('architecture', e.target.value as TrainConfig['architecture'])}>
              <option value="tiny">conv 5×5 → pool → dense</option>
              <option value="small">(conv 5×5 → pool) ×2 → dense</option>
            </select>
          </label>
          <label className="ck-field">
            <span>filters</span>
            <select name="filters" value={config.filters} onChange={(e) => set('filters', Number(e.target.value))}>
              {[4, 8, 16].map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label className="ck-field">
            <span>learning rate (Adam)</span>
            <select name="lr" value={config.learningRate} onChange={(e) => set('learningRate', Number(e.target.value))}>
              {[0.0005, 0.001, 0.002, 0.005, 0.02, 0.1].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label className="ck-field">
            <span>batch size</span>
            <select name="batch" value={config.batchSize} onChange={(e) => set('batchSize', Number(e.target.value))}>
              {[1, 8, 32, 128].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--primary" data-testid="train-toggle" disabled={!ready} onClick={toggle}>
            {running ? 'pause' : progress ? 'resume' : 'train'}
          </button>
          <button type="button" className="button button--secondary" data-testid="train-reset" onClick={() => init(config)}>
            apply settings &amp; reset
          </button>
        </div>
        <p
          className="ck-status"
          data-testid="train-status"
          data-step={progress?.step ?? 0}
          data-first-loss={lastLoss[0]?.value ?? ''}
          data-last-loss={lastLoss[lastLoss.length - 1]?.value ?? ''}
        >
          {error ? (
            <span className="ck-error">{error}</span>
          ) : progress ? (
            `step ${progress.step} (epoch ${progress.epoch + 1}), loss ${fmt(progress.loss)}, ${Math.round(progress.eps)} images/s`
          ) : (
            status
          )}
        </p>
        <p className="sr-only" aria-live="polite" data-testid="announce">
          {announce}
        </p>
        {ready && (
          <details>
            <summary>model summary</summary>
            <pre>{ready.summary}</pre>
          </details>
        )}
      </div>

      <h2>Loss and accuracy</h2>
      {loss.length > 0 ? <LossCurves loss={loss} accuracy={accuracy} idPrefix="playground" /> : <p className="ck-note">Press train.</p>}

      <div className="ck-row" style={{ alignItems: 'flex-start' }}>
        <div>
          <h2>Confusion matrix</h2>
          {confusion && <ConfusionMatrix counts={confusion} />}
        </div>
        <div>
          <h2>Draw a digit</h2>
          <div className="ck-row" style={{ alignItems: 'flex-start' }}>
            <DrawPad
              onDone={predict}
              onClear={() => {
                setDrawn(undefined);
                setPrediction(undefined);
                setAnnounce('drawing cleared');
              }}
            />
            <div className="ck-stack">
              {drawn && (
                <Heatmap
                  id="drawn-28"
                  data={[...Array(28).keys()].map((r) => Array.from(drawn.subarray(r * 28, r * 28 + 28)))}
                  cell={4}
                  title="as the network sees it"
                />
              )}
              {prediction && (
                <>
                  <p data-testid="prediction" className="ck-prediction" style={{ fontSize: '2.5rem', margin: 0 }}>
                    {prediction.label}
                  </p>
                  <PlotFigure
                    id="prediction-probabilities"
                    deps={[prediction]}
                    alt={`Probability of each digit 0 to 9; ${prediction.label} is highest`}
                    description={`Probabilities: ${prediction.probabilities.map((p, d) => `${d}: ${p.toFixed(2)}`).join(', ')}.`}
                    plot={() =>
                      Plot.plot({
                        width: 220,
                        height: 200,
                        marginLeft: 24,
                        x: { label: 'probability', domain: [0, 1] },
                        y: { label: null, domain: [...Array(10).keys()] },
                        marks: [
                          Plot.barX(
                            prediction.probabilities.map((p, d) => ({ d, p })),
                            { x: 'p', y: 'd', fill: (v: { d: number }) => (v.d === prediction.label ? '#1f5fa8' : '#9cc0e6') },
                          ),
                          Plot.ruleX([0]),
                        ],
                      })
                    }
                  />
                </>
              )}
              {!drawn && <p className="ck-note">Draw with the mouse or the keyboard; the prediction appears when you lift it.</p>}
              <label className="ck-field">
                <span>or give it a test digit</span>
                <select
                  name="test-digit"
                  data-testid="test-digit"
                  defaultValue=""
                  disabled={!ready}
                  onChange={(e) => {
                    if (e.target.value !== '') void predictSample(Number(e.target.value));
                  }}
                >
                  <option value="" disabled>
                    choose…
                  </option>
                  {[...Array(10).keys()].map((d) => (
                    <option key={d} value={d}>
                      an MNIST test {d}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </div>
        </div>
      </div>

      <h2>First-layer filters and their activation maps</h2>
      {filters && maps && views ? (
        <div className="ck-row">
          <Heatmap id="pg-input" data={tensorOf(views.input)} cell={4} title="test digit" />
          <div className="ck-grid">
            {[...Array(filters.shape[0]).keys()].map((f) => (
              <div key={f} className="ck-stack">
                <Heatmap id={`pg-filter-${f}`} data={filters} n={f} scheme="diverging" cell={9} />
                <Heatmap id={`pg-map-${f}`} data={maps} c={f} cell={3} />
              </div>
            ))}
          </div>
        </div>
      ) : (
        <p className="ck-note">The filters appear once the model is built.</p>
      )}
    </div>
  );
}
