/**
 * Syntax themes for code blocks and the live editors, light and dark, after GitHub's Primer palettes: every
 * token colour reaches WCAG AA's 4.5:1 contrast on its background, also on a highlighted line (the stock
 * `github` theme's keywords, #00a4db on #f6f8fa, are 2.68:1). The browser tests check it with axe-core.
 */
import type { PrismTheme } from 'prism-react-renderer';

type Palette = Record<'background' | 'plain' | 'comment' | 'string' | 'number' | 'keyword' | 'fn' | 'tag' | 'attr', string>;

function theme(p: Palette): PrismTheme {
  return {
    plain: { color: p.plain, backgroundColor: p.background },
    styles: [
      { types: ['comment', 'prolog', 'doctype', 'cdata'], style: { color: p.comment, fontStyle: 'italic' } },
      { types: ['punctuation', 'operator', 'plain'], style: { color: p.plain } },
      { types: ['string', 'char', 'attr-value', 'template-string', 'regex', 'url'], style: { color: p.string } },
      { types: ['number', 'boolean', 'constant', 'symbol', 'property', 'variable', 'inserted', 'entity'], style: { color: p.number } },
      { types: ['keyword', 'atrule', 'selector', 'important', 'builtin', 'deleted'], style: { color: p.keyword } },
      { types: ['function', 'function-variable', 'method', 'class-name'], style: { color: p.fn } },
      { types: ['tag'], style: { color: p.tag } },
      { types: ['attr-name', 'namespace'], style: { color: p.attr } },
    ],
  };
}

/** On #f6f8fa (and on a highlighted line, about #dee0e1): at least 4.8:1. */
export const lightCodeTheme = theme({
  background: '#f6f8fa',
  plain: '#24292f',
  comment: '#57606a',
  string: '#0a3069',
  number: '#0550ae',
  keyword: '#a40e26',
  fn: '#6639ba',
  tag: '#116329',
  attr: '#953800',
});

/** On #161b22: at least 5.6:1. */
export const darkCodeTheme = theme({
  background: '#161b22',
  plain: '#e6edf3',
  comment: '#8b949e',
  string: '#a5d6ff',
  number: '#79c0ff',
  keyword: '#ff7b72',
  fn: '#d2a8ff',
  tag: '#7ee787',
  attr: '#ffa657',
});

/**
 * The exercise editor's (CodeMirror's) colours, light and dark: the same token colours as the code blocks on
 * the same backgrounds, plus what an editor adds (the cursor's line, the selection, the line-number gutter).
 * Every token reaches 4.5:1 on the background, the active line and the selection (src/lib/contrast.ts;
 * e2e/contrast.test.mts computes it; axe-core checks the rendered editor).
 */
export interface EditorPalette {
  background: string;
  activeLine: string;
  selection: string;
  gutterText: string;
  cursor: string;
  tokens: Record<'plain' | 'comment' | 'string' | 'number' | 'keyword' | 'fn' | 'type' | 'attr', string>;
}

export const editorPalettes: Record<'light' | 'dark', EditorPalette> = {
  light: {
    background: '#f6f8fa',
    activeLine: '#eaeef2',
    selection: '#c8e1ff',
    gutterText: '#57606a',
    cursor: '#24292f',
    tokens: { plain: '#24292f', comment: '#57606a', string: '#0a3069', number: '#0550ae', keyword: '#a40e26', fn: '#6639ba', type: '#116329', attr: '#953800' },
  },
  dark: {
    background: '#161b22',
    activeLine: '#1f252d',
    selection: '#1c2b41',
    gutterText: '#8b949e',
    cursor: '#e6edf3',
    tokens: { plain: '#e6edf3', comment: '#8b949e', string: '#a5d6ff', number: '#79c0ff', keyword: '#ff7b72', fn: '#d2a8ff', type: '#7ee787', attr: '#ffa657' },
  },
};
