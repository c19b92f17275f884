/**
 * Keyboard users must be able to leave a live editor: inside it Tab indents (react-live's editor), so Escape
 * moves focus out of the editor to its result below it (focusable by script only), from where Tab goes on
 * through the page and Shift+Tab back into the editor. A Docusaurus client module: it runs once in the browser for every page.
 */
const EDITOR = '[class*="playgroundEditor"] [contenteditable]';

if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !(e.target instanceof HTMLElement) || !e.target.matches(EDITOR)) return;
    const block = e.target.closest<HTMLElement>('[class*="playgroundContainer"]');
    const result = block?.querySelector<HTMLElement>('[class*="playgroundPreview"]');
    if (!result) return;
    if (!result.hasAttribute('tabindex')) result.tabIndex = -1;
    result.focus();
  });
}

export {};
