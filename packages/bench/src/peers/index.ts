/** The peers, by the name used on the command line and in the results. */
import type { Peer } from './peer.ts';

export type PeerName = 'convkit' | 'tfjs-wasm' | 'tfjs-cpu' | 'convnetjs';
export const PEER_NAMES: PeerName[] = ['convkit', 'tfjs-wasm', 'tfjs-cpu', 'convnetjs'];

export const isPeerName = (s: string): s is PeerName => (PEER_NAMES as string[]).includes(s);

/** Imports only the library being measured, so each child process loads (and holds in memory) just its own. */
export async function loadPeer(name: PeerName): Promise<Peer> {
  switch (name) {
    case 'convkit':
      return (await import('./engine.ts')).enginePeer;
    case 'convnetjs':
      return (await import('./convnetjs.ts')).convnetjsPeer;
    case 'tfjs-cpu':
      return (await import('./tfjs.ts')).tfjsCpuPeer;
    case 'tfjs-wasm':
      return (await import('./tfjs.ts')).tfjsWasmPeer;
  }
}
