/**
 * The in-browser grader (@convkit/grader/browser) replays recorded checks; the capstone's replay would load
 * MNIST through `@convkit/engine/node` (Node's file system). The browser never runs the capstone, so that
 * module is left out of the site's bundles.
 */
import type { Plugin } from '@docusaurus/types';

export default function browserGrader(): Plugin {
  return {
    name: 'convkit-browser-grader',
    configureWebpack() {
      return { resolve: { alias: { '@convkit/engine/node': false } } };
    },
  };
}
