/// <reference lib="dom" />
import type { WhatIfReport } from '@sluice/scheduler';
import { el } from './dom';
import { renderWhatIfReport } from './whatIfResults';

interface Problem {
  detail?: string;
  errors?: { field: string; reason: string }[];
}

/** What the page shows instead of a report: a sentence, and the fields at fault if any. */
interface Failure {
  message: string;
  fields?: { field: string; reason: string }[];
}

/**
 * The what-if page: a candidate share policy (a file, or pasted JSON), an optional window, and the
 * comparison `POST /v1/whatif` answers. The page is built once and kept, so the live snapshots that
 * redraw the rest of the dashboard leave a typed candidate and a shown report alone.
 */
let page: HTMLElement[] | undefined;

export function whatIfPage(dashboardKey: () => string): HTMLElement[] {
  page ??= build(dashboardKey);
  return page;
}

function build(dashboardKey: () => string): HTMLElement[] {
  const file = el('input', { type: 'file', accept: 'application/json,.json', 'data-test': 'whatif-file', 'aria-label': 'candidate policy file' }) as HTMLInputElement;
  const text = el('textarea', { rows: '8', 'data-test': 'whatif-candidate', 'aria-label': 'candidate policy JSON', placeholder: '{ "shares": { "ingest": 2 } }' }) as HTMLTextAreaElement;
  const from = el('input', { type: 'text', placeholder: 'from (ISO time, optional)', 'data-test': 'whatif-from', 'aria-label': 'from' }) as HTMLInputElement;
  const until = el('input', { type: 'text', placeholder: 'until (ISO time, optional)', 'data-test': 'whatif-until', 'aria-label': 'until' }) as HTMLInputElement;
  const adminKey = el('input', { type: 'password', placeholder: 'admin API key (the dashboard’s read key is not enough)', 'data-test': 'whatif-key', 'aria-label': 'admin API key' }) as HTMLInputElement;
  const button = el('button', { type: 'submit', 'data-test': 'whatif-compare' }, 'Compare') as HTMLButtonElement;
  const outcome = el('div', { class: 'whatif-outcome', 'data-test': 'whatif-outcome' });
  const form = el(
    'form',
    { class: 'whatif-form', 'data-test': 'whatif-form' },
    el('label', {}, 'Candidate policy file ', file),
    text,
    el('div', { class: 'whatif-row' }, from, until),
    el('div', { class: 'whatif-row' }, adminKey, button),
  );

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) void chosen.text().then((content) => (text.value = content));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    outcome.replaceChildren(el('p', { class: 'muted' }, 'replaying…'));
    // The key is held by the field only: an admin key is not kept in the tab's storage.
    void compare(text.value, from.value.trim(), until.value.trim(), adminKey.value || dashboardKey())
      .then((result) => outcome.replaceChildren(...('message' in result ? [failureOf(result)] : renderWhatIfReport(result))))
      .finally(() => (button.disabled = false));
  });

  return [
    el(
      'section',
      { class: 'wide', 'data-test': 'whatif' },
      el('h2', {}, 'What if: the recorded history under a candidate share policy'),
      el('p', { class: 'muted' }, 'Nothing is changed: the history is replayed under the policy in force and under the candidate, side by side.'),
      form,
    ),
    outcome,
  ];
}

async function compare(candidateText: string, from: string, until: string, key: string): Promise<WhatIfReport | Failure> {
  let candidate: unknown;
  try {
    candidate = JSON.parse(candidateText);
  } catch (error) {
    return { message: 'The candidate is not JSON.', fields: [{ field: 'candidate', reason: (error as Error).message }] };
  }
  const response = await fetch('/v1/whatif', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ candidate, ...(from ? { from } : {}), ...(until ? { until } : {}) }),
  });
  if (response.ok) return (await response.json()) as WhatIfReport;
  const problem = (await response.json().catch(() => ({}))) as Problem;
  if (response.status === 403)
    return { message: 'This key lacks the admin scope: a what-if needs an admin key. Enter one in the admin key field and compare again.' };
  if (response.status === 401) return { message: 'The key was refused. Enter a valid admin key.' };
  return { message: problem.detail ?? `The comparison failed (HTTP ${response.status}).`, ...(problem.errors ? { fields: problem.errors } : {}) };
}

function failureOf(failure: Failure): HTMLElement {
  return el(
    'section',
    { class: 'wide reason', 'data-test': 'whatif-error' },
    el('p', {}, failure.message),
    failure.fields
      ? el('ul', { 'data-test': 'whatif-errors' }, ...failure.fields.map((f) => el('li', { 'data-field': f.field }, el('code', {}, f.field), `: ${f.reason}`)))
      : null,
  );
}
