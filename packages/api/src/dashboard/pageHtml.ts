/** The shell the script fills in; styles are inline so the page is one request plus its script. */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sluice</title>
<link rel="stylesheet" href="/dashboard/app.css">
<style>
  :root { --fg: #1d2733; --muted: #627080; --line: #dde3ea; --bar: #3c7dd9; --warn: #d9822b; --bg: #f6f8fa; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
  header { display: flex; gap: 1rem; align-items: baseline; padding: .75rem 1.25rem; background: #14202e; color: #fff; }
  header h1 { font-size: 1.1rem; margin: 0; }
  header a { color: #9cc3ff; }
  #status { margin-left: auto; font-size: .85rem; color: #b9c6d4; }
  main { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem; padding: 1rem 1.25rem; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; min-width: 0; }
  section h2 { font-size: .95rem; margin: 0 0 .5rem; }
  /* Fixed layout: columns take the widths their headers name and the rest goes to the last one, so a
     table never grows past its card; long ids are cut with an ellipsis (the full id is the title). */
  table { width: 100%; border-collapse: collapse; font-size: .85rem; table-layout: fixed; }
  th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
  td.id { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  td.why { overflow-wrap: break-word; word-break: normal; hyphens: auto; }
  th { color: var(--muted); font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: var(--muted); }
  .pool { margin-bottom: .75rem; }
  .dim { display: grid; grid-template-columns: 5rem 1fr 9rem; gap: .5rem; align-items: center; margin: .2rem 0; font-size: .85rem; }
  .track { height: .8rem; background: #e8edf2; border-radius: 3px; overflow: hidden; }
  .fill { height: 100%; background: var(--bar); }
  .fill.full { background: var(--warn); }
  .chart { position: relative; width: 100%; overflow: hidden; }
  .chart .u-legend { font-size: .8rem; }
  .chart-tooltip { position: absolute; z-index: 10; pointer-events: none; white-space: nowrap; background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: .25rem .45rem; font-size: .8rem; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
  .wide { grid-column: 1 / -1; }
  form { display: flex; gap: .5rem; }
  input { flex: 1; padding: .4rem; }
  ol.timeline { padding-left: 1.2rem; }
  ol.timeline li { margin: .2rem 0; }
  .whatif-form { flex-direction: column; }
  .whatif-row { display: flex; gap: .5rem; }
  .whatif-form textarea { width: 100%; font: 13px/1.4 ui-monospace, monospace; }
  /* The report's cards take their places in the page's grid as if they were its own. */
  .whatif-outcome { display: contents; }
  .reason { background: #fff6e8; border-left: 3px solid var(--warn); padding: .4rem .6rem; }
</style>
</head>
<body>
<header><h1>Sluice</h1><a href="#/">overview</a><a href="#/whatif" data-test="nav-whatif">what if</a><span id="status">connecting…</span></header>
<main id="app"></main>
<script type="module" src="/dashboard/app.js"></script>
</body>
</html>
`;
