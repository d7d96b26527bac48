// Wedge supervisor view: the overview is pushed over a server-sent event stream (/api/supervisor/stream); when
// the stream drops, the page polls it every two seconds and tries the stream again after twenty. Two small SVG
// bar charts are drawn from /api/supervisor/charts.
'use strict';
const $ = (id) => document.getElementById(id);
let session = null;
let feed = null;
let pollTimer = null;

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session && method !== 'GET') headers['X-CSRF-Token'] = session.csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text(); const data = text ? JSON.parse(text) : null;
  if (!res.ok) { const e = new Error((data && data.detail) || res.statusText); e.status = res.status; throw e; }
  return data;
}
function rows(id, list, cells) {
  const body = $(id); body.innerHTML = '';
  for (const item of list) {
    const tr = document.createElement('tr');
    for (const [value, cls] of cells(item)) {
      const td = document.createElement('td'); td.textContent = value == null ? '' : value; if (cls) td.className = cls; tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}
function bars(svgId, values, labels, cls, format) {
  const svg = $(svgId); svg.innerHTML = ''; const max = Math.max(1e-9, ...values); const w = 360 / values.length;
  const ns = 'http://www.w3.org/2000/svg';
  values.forEach((v, i) => {
    const h = Math.round((v / max) * 110); const r = document.createElementNS(ns, 'rect');
    r.setAttribute('x', i * w + 2); r.setAttribute('y', 120 - h); r.setAttribute('width', w - 4); r.setAttribute('height', h);
    r.setAttribute('class', cls); svg.appendChild(r);
    const t = document.createElementNS(ns, 'text'); t.setAttribute('x', i * w + 2); t.setAttribute('y', 134); t.textContent = labels[i];
    svg.appendChild(t);
    if (v > 0) { const n = document.createElementNS(ns, 'text'); n.setAttribute('x', i * w + 2); n.setAttribute('y', 118 - h);
      n.textContent = format(v); svg.appendChild(n); }
  });
}
function draw(o) {
  const s = o.status;
  $('node').textContent = s.nodeId;
  $('t-accepted').textContent = s.scans.accepted; $('t-rejected').textContent = s.scans.rejected;
  $('t-printed').textContent = s.labels.printed; $('t-movements').textContent = s.movements;
  $('t-backlog').textContent = s.outbox.backlog;
  $('t-hq').textContent = s.outbox.hqReachable === undefined ? 'not configured' : (s.outbox.hqReachable ? 'reachable' : 'down');
  $('t-sessions').textContent = o.sessions;
  rows('waves', o.waves, (w) => [[w.waveId], [w.route], [w.dockDoor], [w.plannedDeparture], [w.orders],
    [(w.done + w.shorts) + ' / ' + w.tasks + (w.shorts ? ' (' + w.shorts + ' short)' : '')], [w.status]]);
  rows('followups', o.followUps, (f) => [[f.id], [f.kind, 'bad'], [f.orderId], [f.sku], [f.location], [f.quantity], [f.reason], [f.reportedBy]]);
  rows('printers', Object.entries(o.printers), ([id, p]) => [[id], [p.printed], [p.queued], [p.failed, p.failed ? 'bad' : ''],
    [p.held.map((j) => j.sscc + ' ' + j.status.toLowerCase()).join(', ')]]);
  rows('scanners', o.scanners.map((x) => ({ id: x.scannerId, up: x.up, n: x.frames, bad: x.rejectedFrames, last: x.lastFrameAt || x.lastError }))
    .concat(o.handhelds.map((h) => ({ id: h.deviceId, up: true, n: h.scans, bad: h.refused, last: h.lastScanAt }))),
  (x) => [[x.id], [x.up ? 'up' : 'down', x.up ? 'good' : 'bad'], [x.n], [x.bad], [x.last]]);
  $('conveyor').textContent = o.conveyor.available
    ? o.conveyor.lines.map(l => l.plcId + ': ' + (l.lineState || 'state unknown') + (l.wavesHeld ? ', waves held' : '')
        + (l.connected ? '' : ' (PLC not connected)')).join(' | ')
    : o.conveyor.detail;
  $('sync').textContent = 'Backlog ' + s.outbox.backlog + (s.outbox.lastAckAt ? ', last acknowledged ' + s.outbox.lastAckAt : '')
    + (s.outbox.lastError ? ', last error: ' + s.outbox.lastError : '');
  $('conflicts').textContent = o.sync.conflicts.length
    ? o.sync.conflicts.map(c => c.kind + ' ' + c.key + ': ' + c.detail).join(' | ')
    : 'No conflicts.';
  rows('scans', s.recentScans, (x) => [[x.scanId], [x.scannerId], [x.data.replace(/\u001d/g, '<GS>')], [x.outcome, x.outcome], [x.reason]]);
  $('live').classList.toggle('on');
}
async function side() {
  const stock = await api('GET', '/api/stock');
  rows('stock', stock, (r) => [[r.sku], [r.lot], [r.expiry], [r.location], [r.onHand], [r.reserved], [r.available]]);
  const charts = await api('GET', '/api/supervisor/charts');
  const labels = charts.hours.map((h) => h.hour.substring(11, 13));
  bars('chart-picks', charts.hours.map((h) => h.picks), labels, 'bar', (v) => v);
  bars('chart-errors', charts.hours.map((h) => h.errorRate), labels, 'bad', (v) => Math.round(v * 100) + '%');
}
function mode(m) {
  document.body.dataset.feed = m;
  $('live').textContent = m === 'push' ? '● live' : '● live (polling)';
}
function stopLive() {
  if (feed) { feed.close(); feed = null; }
  if (pollTimer) { clearTimeout(pollTimer); pollTimer = null; }
}
function push() {
  stopLive();
  if (!window.EventSource) { poll(); return; }
  feed = new EventSource('/api/supervisor/stream');
  feed.addEventListener('overview', async (ev) => {
    mode('push'); draw(JSON.parse(ev.data));
    try { await side(); } catch (e) { /* the next event or poll draws them */ }
  });
  // A dropped stream (node restarting, session ended, proxy) falls back to polling, which also finds a 401.
  feed.onerror = () => { stopLive(); poll(); };
}
function poll() {
  mode('polling');
  const since = Date.now();
  const tick = async () => {
    try { draw(await api('GET', '/api/supervisor/overview')); await side(); } catch (e) {
      if (e.status === 401 || e.status === 403) { stopLive(); showLogin(e.message); return; }
    }
    if (window.EventSource && Date.now() - since > 20000) { push(); return; }
    pollTimer = setTimeout(tick, 2000);
  };
  tick();
}
function showLogin(message) {
  stopLive();
  $('board').classList.add('hidden'); $('login').classList.remove('hidden'); $('logout').classList.add('hidden');
  $('login-error').textContent = message || ''; $('badge').focus();
}
async function start() {
  $('login').classList.add('hidden'); $('board').classList.remove('hidden'); $('logout').classList.remove('hidden'); push();
}
$('login-button').addEventListener('click', async () => {
  try { session = await api('POST', '/api/session', { badge: $('badge').value, pin: $('pin').value }); $('pin').value = ''; start(); }
  catch (e) { $('login-error').textContent = e.message; }
});
$('pin').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') $('login-button').click(); });
$('logout').addEventListener('click', async () => { stopLive(); await api('DELETE', '/api/session'); session = null; showLogin(); });
(async () => { try { session = await api('GET', '/api/session'); start(); } catch (e) { showLogin(); } })();
