/**
 * CodeMirror 6 with TypeScript highlighting: loaded only on exercise pages, when the workbench mounts.
 *
 * Accessible in both colour modes: its colours are the code blocks' (src/lib/code-themes.ts, every token
 * 4.5:1 or more on the background, the cursor's line and the selection), switched with the site's
 * `data-theme` through CSS variables. Tab indents; Escape then Tab leaves the editor (CodeMirror's
 * tab-focus escape). The editable content is in the tab order (tabindex 0), so the scrolling region around
 * it holds focusable content, as WCAG 2.1.1 (and axe-core's scrollable-region-focusable) asks.
 */
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { javascript } from '@codemirror/lang-javascript';
import { editorPalettes, type EditorPalette } from '../../lib/code-themes.ts';

export interface Editor {
  getCode(): string;
  setCode(code: string): void;
  destroy(): void;
}

type Token = keyof EditorPalette['tokens'];
const v = (token: Token): string => `var(--ck-cm-${token})`;

/** CSS variables for one palette: the token colours for the highlight style, the rest used by the theme. */
function variables(p: EditorPalette): Record<string, string> {
  const vars: Record<string, string> = {
    '--ck-cm-background': p.background,
    '--ck-cm-active-line': p.activeLine,
    '--ck-cm-selection': p.selection,
    '--ck-cm-gutter-text': p.gutterText,
    '--ck-cm-cursor': p.cursor,
  };
  for (const [token, color] of Object.entries(p.tokens)) vars[`--ck-cm-${token}`] = color;
  return vars;
}

/** The editor's surfaces (over CodeMirror's light base theme, which would otherwise stay on in dark mode). */
const theme = EditorView.theme({
  '&': { ...variables(editorPalettes.light), color: v('plain'), backgroundColor: 'var(--ck-cm-background)' },
  "[data-theme='dark'] &": variables(editorPalettes.dark),
  '.cm-content': { caretColor: 'var(--ck-cm-cursor)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--ck-cm-cursor)' },
  '.cm-activeLine': { backgroundColor: 'var(--ck-cm-active-line)' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': { backgroundColor: 'var(--ck-cm-selection)' },
  '.cm-gutters': { backgroundColor: 'var(--ck-cm-background)', color: 'var(--ck-cm-gutter-text)', borderRight: '1px solid var(--ck-border)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--ck-cm-active-line)' },
  '.cm-tooltip, .cm-panels': { backgroundColor: 'var(--ck-cm-background)', color: v('plain'), border: '1px solid var(--ck-border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--ck-cm-selection)', color: v('plain') },
  '&.cm-focused': { outline: '3px solid var(--ifm-color-primary)', outlineOffset: '2px' },
});

/** Token colours as the code blocks colour them (Prism's token names in comments). */
const highlight = HighlightStyle.define([
  { tag: [t.comment, t.meta], color: v('comment'), fontStyle: 'italic' },
  { tag: [t.string, t.special(t.string), t.regexp, t.escape, t.character], color: v('string') },
  { tag: [t.number, t.bool, t.null, t.atom, t.constant(t.variableName), t.propertyName], color: v('number') },
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.modifier, t.self], color: v('keyword') },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.className], color: v('fn') },
  { tag: [t.typeName, t.namespace], color: v('type') },
  { tag: [t.attributeName, t.labelName], color: v('attr') },
  { tag: t.invalid, color: v('keyword'), textDecoration: 'underline wavy' },
  { tag: [t.emphasis], fontStyle: 'italic' },
  { tag: [t.strong], fontWeight: 'bold' },
]);

export function createEditor(parent: HTMLElement, code: string, onChange: (code: string) => void, onRun: () => void): Editor {
  const view = new EditorView({
    doc: code,
    parent,
    extensions: [
      basicSetup,
      theme,
      syntaxHighlighting(highlight),
      javascript({ typescript: true }),
      keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }, indentWithTab]),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'your code (Tab indents; Escape then Tab leaves the editor)', tabindex: '0' }),
    ],
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (next) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } }),
    destroy: () => view.destroy(),
  };
}
