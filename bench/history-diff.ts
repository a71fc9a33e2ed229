// History's diff: two versions of a 5,000-word session report (the second with about one word in 25 changed, some
// added and some removed), kept by the relay at a send-back and a resubmission. Prints how long the diff takes to
// compute (reportDiff, in Node), and how long the built app takes in Chromium from pressing "Compare word by word"
// to the diff drawn on the next frame (versions already read from the relay once, as after the first compare).
// The issue asks for under 100 ms. Needs dist/app (npm run build:app).
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { reportDiff } from '../app/src/history/word-diff.ts';
import { fragmentText, setFragmentText, textField } from '../shared/doc/index.ts';
import { createSessionReportDoc, reportDefinitionOf } from '../shared/reports/index.ts';
import { chromiumArgs, chromiumExecutable } from '../e2e/browser.ts';
import { startRelay } from '../e2e/relay.ts';

const totalWords = 5000;
const samples = 20;
const vocabulary = Array.from({ length: 400 }, (_, i) => `word${i.toString(36)}`);

/** A deterministic run of words: the same text each run, so figures compare. */
function words(count: number, seed: number): string[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return vocabulary[state % vocabulary.length];
  });
}

/** The second version: about one word in 25 replaced, one in 60 with a word added after it, one in 90 removed. */
function edited(text: string[]): string[] {
  return text.flatMap((word, i) =>
    i % 90 === 7 ? [] : i % 60 === 3 ? [word, 'added'] : i % 25 === 0 ? ['changed'] : [word],
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.error}`);
  return json;
}

export async function historyDiff(): Promise<string> {
  if (!existsSync('dist/app/index.html')) throw new Error('build the app first: npm run build:app');
  const relay = await startRelay();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const id = `history${Date.now().toString(36)}`;
  const doc = new Y.Doc();
  let provider: WebsocketProvider | undefined;
  try {
    const { token: tutor } = await call(relay.url, 'POST', '/api/reports', undefined, { id });
    const { token: reviewer } = await call(relay.url, 'POST', `/api/reports/${id}/links`, tutor, { role: 'reviewer' });
    provider = new WebsocketProvider(`${relay.url.replace('http', 'ws')}/sync`, id, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: tutor },
    });
    await new Promise<void>((resolve) => provider!.once('sync', () => resolve()));
    createSessionReportDoc(
      doc,
      { date: '2030-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
      'Tom',
    );
    const fields = reportDefinitionOf(doc)!.textFields;
    const perField = Math.ceil(totalWords / fields.length);
    const first = fields.map((_, i) => words(perField, i + 1));
    const write = (texts: string[][]) =>
      doc.transact(() => fields.forEach((field, i) => setFragmentText(textField(doc, field.key), texts[i].join(' '))));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
    write(first);
    await settle();
    await call(relay.url, 'POST', `/api/reports/${id}/transitions`, tutor, { action: 'submit', name: 'Tom' });
    await call(relay.url, 'POST', `/api/reports/${id}/transitions`, reviewer, {
      action: 'reject',
      name: 'Rita',
      reason: 'Check it.',
    });
    write(first.map(edited));
    await settle();
    await call(relay.url, 'POST', `/api/reports/${id}/transitions`, tutor, { action: 'resubmit', name: 'Tom' });

    const versionDoc = async (n: number) => {
      const { update } = await call(relay.url, 'GET', `/api/reports/${id}/versions/${n}`, tutor);
      const version = new Y.Doc();
      Y.applyUpdate(version, Buffer.from(update, 'base64'));
      return version;
    };
    const [before, after] = [await versionDoc(1), await versionDoc(3)];
    const counted = fields.reduce(
      (sum, field) => sum + fragmentText(textField(after, field.key)).split(/\s+/).length,
      0,
    );
    const computed: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      reportDiff(before, after, fields);
      computed.push(performance.now() - start);
    }

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${relay.url}/join/${id}#token=${reviewer}`);
    await page.getByRole('region', { name: 'Changed since you sent it back' }).locator('.field-diff').first().waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByLabel('To', { exact: true }).selectOption('3');
    const drawn: number[] = [];
    for (let i = 0; i < samples + 1; i++) {
      const ms = await page.evaluate(async () => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Compare word by word')!;
        const view = document.querySelector('.history-view')!;
        const start = performance.now();
        button.click();
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        while (!view.querySelector('.field-diff ins')) await new Promise((resolve) => setTimeout(resolve, 0));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - start;
      });
      // The first compare also reads both versions from the relay: not the drawing being measured.
      if (i > 0) drawn.push(ms);
    }
    const marks = await history.locator('.history-view ins, .history-view del').count();
    return (
      `${counted} words a version, ${marks} changes marked; diff computed in median ${median(computed).toFixed(1)} ms ` +
      `(p95 ${p95(computed).toFixed(1)} ms); pressing Compare to the diff drawn in Chromium: median ` +
      `${median(drawn).toFixed(1)} ms, p95 ${p95(drawn).toFixed(1)} ms over ${samples} (target under 100 ms; ` +
      `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`
    );
  } finally {
    provider?.destroy();
    doc.destroy();
    await browser.close();
    await relay.stop();
  }
}
