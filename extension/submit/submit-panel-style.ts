// The panel's look, inside its shadow root: plain, high-contrast, with a clear focus ring.
export const panelStyle = `
dialog {
  box-sizing: border-box;
  width: min(36rem, calc(100vw - 2rem));
  max-height: calc(100vh - 2rem);
  overflow: auto;
  padding: 1.25rem 1.5rem;
  border: 2px solid #1d4e89;
  border-radius: 0.5rem;
  background: #ffffff;
  color: #1a1a1a;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: left;
}
dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
h2 { margin: 0 0 0.5rem; font-size: 1.25rem; }
p { margin: 0 0 0.75rem; }
ul { list-style: none; margin: 0 0 1rem; padding: 0; }
li + li { margin-top: 0.5rem; }
button {
  font: inherit;
  cursor: pointer;
  border-radius: 0.375rem;
}
button:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.finding {
  display: block;
  width: 100%;
  padding: 0.5rem 0.75rem;
  border: 1px solid #6b6b6b;
  background: #f7f7f7;
  color: #1a1a1a;
  text-align: left;
}
.finding:hover { background: #eaf0f8; }
.field { display: block; font-weight: 700; color: #1d4e89; }
.words { font-style: italic; margin-right: 0.4em; }
.actions { display: flex; gap: 0.75rem; justify-content: flex-end; flex-wrap: wrap; }
.actions button { padding: 0.5rem 1rem; border: 2px solid #1d4e89; background: #ffffff; color: #1d4e89; font-weight: 600; }
.actions .primary { background: #1d4e89; color: #ffffff; }
`;
