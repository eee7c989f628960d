/// <reference lib="dom" />
// The charts' own styles: esbuild bundles them into the page's stylesheet.
import 'uplot/dist/uPlot.min.css';
import type { DashboardSnapshot } from '../snapshotTypes';
import { el, formatTime } from './dom';
import { renderJob } from './jobPage';
import { forgetKey, readKey, rememberKey } from './key';
import { renderOverview } from './overview';
import { whatIfPage } from './whatIfPage';

const app = document.getElementById('app')!;
const status = document.getElementById('status')!;
let latest: DashboardSnapshot | undefined;
let rendering = 0;

function jobIdInHash(): string | undefined {
  const match = /^#\/jobs\/(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

async function render(key: string): Promise<void> {
  const turn = ++rendering;
  if (location.hash === '#/whatif') {
    // Built once and kept: a snapshot must not redraw a form being filled in or a report being read.
    const sections = whatIfPage(() => key);
    if (app.firstChild !== sections[0]) app.replaceChildren(...sections);
    return;
  }
  const jobId = jobIdInHash();
  const sections = jobId ? await renderJob(jobId, key) : latest ? renderOverview(latest) : [];
  // A slower render must not overwrite a newer one.
  if (turn === rendering) app.replaceChildren(...sections);
}

function askForKey(message?: string): void {
  const input = el('input', { type: 'password', placeholder: 'read API key', 'aria-label': 'API key' }) as HTMLInputElement;
  const form = el('form', {}, input, el('button', { type: 'submit' }, 'Open'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value) return;
    rememberKey(input.value);
    connect(input.value);
  });
  status.textContent = message ?? 'a read key is needed';
  app.replaceChildren(el('section', {}, el('h2', {}, 'Sign in'), form));
}

function connect(key: string): void {
  // EventSource cannot send headers: the stream route alone takes the key in its query string.
  const source = new EventSource(`/v1/stream?key=${encodeURIComponent(key)}`);
  source.addEventListener('snapshot', (event) => {
    latest = JSON.parse((event as MessageEvent<string>).data) as DashboardSnapshot;
    status.textContent = `live · updated ${formatTime(latest.generatedAt)}`;
    status.setAttribute('data-generated', latest.generatedAt);
    void render(key);
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      // The stream refuses a bad key before it opens; the browser then gives up for good.
      forgetKey();
      askForKey('the key was refused; enter a read key');
    } else status.textContent = 'reconnecting…';
  });
  window.addEventListener('hashchange', () => void render(key));
}

const key = readKey();
if (key) connect(key);
else askForKey();
