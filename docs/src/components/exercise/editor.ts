/** CodeMirror 6 with TypeScript highlighting: loaded only on exercise pages, when the workbench mounts. */
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';

export interface Editor {
  getCode(): string;
  setCode(code: string): void;
  destroy(): void;
}

export function createEditor(parent: HTMLElement, code: string, onChange: (code: string) => void, onRun: () => void): Editor {
  const view = new EditorView({
    doc: code,
    parent,
    extensions: [
      basicSetup,
      javascript({ typescript: true }),
      keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }, indentWithTab]),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'your code' }),
    ],
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (next) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } }),
    destroy: () => view.destroy(),
  };
}
