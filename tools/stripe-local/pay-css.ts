/**
 * The pay page's stylesheet, served at `/c/pay.css` (a separate file because the page's CSP
 * allows no inline styles). One column from 320px up; from 880px the order summary sits on
 * the left and the form on the right, as on Stripe's hosted Checkout. A string here rather
 * than a .css file so the Node build and Workers need no asset handling.
 */
export const PAY_CSS = `
*, *::before, *::after { box-sizing: border-box; }
:root {
  --ink: #1a1f36; --muted: #5b6478; --line: #d5d9e2; --soft: #f6f8fb;
  --accent: #1d4ed8; --accent-ink: #fff; --danger: #b42318; --danger-soft: #fef3f2;
  --warn: #fff4d6; --warn-ink: #5c3c00; --radius: 8px;
  color-scheme: light;
}
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; min-height: 100vh; display: flex; flex-direction: column;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #fff;
}
.test-banner {
  margin: 0; padding: 10px 16px; background: var(--warn); color: var(--warn-ink);
  border-bottom: 1px solid #f0d58c; font-size: 14px; text-align: center;
}
.test-banner strong { display: block; font-size: 15px; letter-spacing: .01em; }
.checkout { flex: 1; width: 100%; max-width: 1040px; margin: 0 auto; padding: 24px 16px 32px; display: grid; gap: 24px; }
h1 { margin: 0 0 12px; font-size: 18px; font-weight: 600; }
.summary { background: var(--soft); border: 1px solid var(--line); border-radius: var(--radius); padding: 16px; }
.lines { list-style: none; margin: 0; padding: 0; }
.line { display: grid; grid-template-columns: 48px 1fr auto; gap: 12px; align-items: center; padding: 10px 0; border-bottom: 1px solid var(--line); }
.line-image { width: 48px; height: 48px; border-radius: 6px; object-fit: cover; background: #e6e9f0; display: block; }
.line-name { font-weight: 500; overflow-wrap: anywhere; }
.line-quantity { display: block; font-weight: 400; font-size: 14px; color: var(--muted); }
.line-amount { font-variant-numeric: tabular-nums; white-space: nowrap; }
.total { display: flex; justify-content: space-between; align-items: baseline; margin: 12px 0 0; font-size: 17px; }
.total strong { font-size: 22px; font-variant-numeric: tabular-nums; }
.pay-form { display: grid; gap: 20px; align-content: start; }
fieldset { margin: 0; padding: 0; border: 0; display: grid; gap: 12px; min-width: 0; }
legend { padding: 0; margin-bottom: 8px; font-weight: 600; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.field { display: grid; gap: 4px; font-size: 14px; color: var(--muted); min-width: 0; }
.field input, .field select {
  width: 100%; min-height: 44px; padding: 10px 12px; font: inherit; font-size: 16px; color: var(--ink);
  background: #fff; border: 1px solid var(--line); border-radius: 6px;
}
.field input[readonly] { background: var(--soft); color: var(--muted); }
.field input:focus, .field select:focus { outline: 3px solid rgb(29 78 216 / .35); outline-offset: 1px; border-color: var(--accent); }
.field [aria-invalid="true"] { border-color: var(--danger); }
.alert { margin: 0; padding: 12px 14px; border: 1px solid #f5b5ae; border-radius: var(--radius); background: var(--danger-soft); color: var(--danger); font-weight: 500; }
.pay-button {
  display: block; width: 100%; min-height: 48px; padding: 12px 16px; border: 0; border-radius: var(--radius);
  background: var(--accent); color: var(--accent-ink); font: inherit; font-size: 17px; font-weight: 600;
  text-align: center; text-decoration: none; cursor: pointer;
}
.pay-button:hover { background: #1e40af; }
.pay-button:focus-visible, .cancel:focus-visible { outline: 3px solid rgb(29 78 216 / .45); outline-offset: 2px; }
.cancel { justify-self: center; color: var(--muted); font-size: 15px; padding: 8px; }
.status { place-content: center; }
.status-card { max-width: 440px; padding: 32px 24px; text-align: center; border: 1px solid var(--line); border-radius: var(--radius); display: grid; gap: 16px; }
.status-card h1 { font-size: 20px; margin: 0; }
.status-card p { margin: 0; color: var(--muted); }
.footer { padding: 16px; text-align: center; font-size: 13px; color: var(--muted); }
@media (min-width: 880px) {
  .checkout { grid-template-columns: minmax(0, 1fr) minmax(0, 440px); gap: 56px; padding-top: 48px; }
  .summary { align-self: start; position: sticky; top: 24px; padding: 24px; }
}
@media (prefers-reduced-motion: no-preference) { .pay-button { transition: background-color .15s; } }
`;
