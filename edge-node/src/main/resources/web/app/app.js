// Wedge handheld app: one task per screen, one focused scan field fed by the keyboard-wedge scanner.
'use strict';

const state = { session: null, screen: 'login', onScan: null, badge: null, wave: null, task: null,
  unit: null, kind: 'CARTON', truck: null, asn: null, sscc: null, count: null };
const device = localStorage.getItem('wedge-device') || ('hh-' + Math.random().toString(36).slice(2, 10));
localStorage.setItem('wedge-device', device);
const $ = (id) => document.getElementById(id);

// ---- feedback: colour, sound (WebAudio) and vibration ----
let audio = null;
function tone(freq, ms, type, at) {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    const o = audio.createOscillator(); const g = audio.createGain();
    o.type = type; o.frequency.value = freq; o.connect(g); g.connect(audio.destination);
    const t = audio.currentTime + (at || 0);
    g.gain.setValueAtTime(0.25, t); o.start(t); o.stop(t + ms / 1000);
  } catch (e) { /* no audio on this device */ }
}
function feedback(kind, text) {
  const f = $('feedback');
  f.className = kind; f.textContent = text; f.dataset.kind = kind; f.dataset.seq = (+(f.dataset.seq || 0)) + 1;
  if (kind === 'ok') { tone(1320, 90, 'sine'); if (navigator.vibrate) navigator.vibrate(40); }
  if (kind === 'err') { tone(220, 250, 'square'); tone(180, 300, 'square', 0.3);
    if (navigator.vibrate) navigator.vibrate([250, 100, 250]); }
}
function clearFeedback() { const f = $('feedback'); f.className = ''; f.textContent = ''; f.dataset.kind = ''; }

// ---- API ----
async function api(method, path, body) {
  const headers = { 'X-Wedge-Device': device };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (state.session && method !== 'GET') headers['X-CSRF-Token'] = state.session.csrfToken;
  const res = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (res.status === 401 && path !== '/api/session') { state.session = null; show('login'); }
  if (!res.ok) { const e = new Error((data && data.detail) || res.statusText); e.code = data && data.code; throw e; }
  return data;
}
async function attempt(fn) {
  try { await fn(); } catch (e) {
    if (e.code === 'duplicate-scan') feedback('info', e.message); else feedback('err', e.message);
  }
}

// ---- screens and the scan field ----
function show(name, onScan, label) {
  document.querySelectorAll('.screen').forEach((s) => s.classList.add('hidden'));
  $('screen-' + name).classList.remove('hidden');
  state.screen = name; state.onScan = onScan || null;
  document.body.dataset.screen = name;
  $('scanbar').classList.toggle('hidden', !onScan);
  $('scan-label').textContent = label || 'Scan';
  $('logout').classList.toggle('hidden', !state.session);
  $('who').textContent = state.session ? state.session.name + ' · ' + state.session.role : 'Wedge';
  focusScan();
}
function focusScan() { if (state.onScan && document.activeElement !== $('pin')) $('scan').focus(); }
$('scan').addEventListener('keydown', (ev) => {
  // Some wedge scanners send GS (FNC1) as Ctrl+]; keep it as the real character.
  if (ev.ctrlKey && (ev.key === ']' || ev.code === 'BracketRight')) { ev.preventDefault(); $('scan').value += '\u001d'; return; }
  if (ev.key === 'Enter' || ev.key === 'Tab') {
    ev.preventDefault();
    const typed = $('scan').value; $('scan').value = '';
    if (typed.trim() && state.onScan) attempt(() => state.onScan(typed));
  }
});
document.addEventListener('click', () => setTimeout(focusScan, 50));
$('scan').addEventListener('blur', () => setTimeout(focusScan, 150));
document.querySelectorAll('button.back').forEach((b) => b.addEventListener('click', () => menu()));

// ---- login: badge scan, then PIN ----
function login() {
  state.badge = null; $('pin-step').classList.add('hidden'); $('login-title').textContent = 'Scan your badge';
  show('login', async (typed) => {
    state.badge = typed.trim(); $('login-badge').textContent = state.badge;
    $('login-title').textContent = 'Enter your PIN'; $('pin-step').classList.remove('hidden');
    state.onScan = null; $('scanbar').classList.add('hidden'); $('pin').value = ''; $('pin').focus();
  }, 'Badge');
}
async function submitPin() {
  await attempt(async () => {
    state.session = await api('POST', '/api/session', { badge: state.badge, pin: $('pin').value });
    $('pin').value = ''; feedback('ok', 'Hello ' + state.session.name); menu();
  });
  $('pin').value = '';
}
$('login-button').addEventListener('click', submitPin);
$('pin').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); submitPin(); } });
$('login-back').addEventListener('click', () => login());
$('logout').addEventListener('click', () => attempt(async () => {
  await api('DELETE', '/api/session'); state.session = null; clearFeedback(); login();
}));

const MENU = { picker: [['Pick', waves], ['Count', counts]], packer: [['Pack', packStart]],
  dock: [['Load truck', trucks], ['Receive', receive], ['Put away', putaway]],
  supervisor: [['Pick', waves], ['Count', counts], ['Supervisor view', () => { location.href = '/supervisor/'; }]],
  admin: [['Supervisor view', () => { location.href = '/supervisor/'; }]] };
function menu() {
  const box = $('menu-buttons'); box.innerHTML = '';
  for (const [label, go] of MENU[state.session.role] || []) {
    const b = document.createElement('button'); b.className = 'big'; b.type = 'button'; b.textContent = label;
    b.id = 'menu-' + label.toLowerCase().replace(/\s+/g, '-'); b.addEventListener('click', () => attempt(go));
    box.appendChild(b);
  }
  show('menu');
}
function listButton(box, id, text, go) {
  const b = document.createElement('button'); b.type = 'button'; b.id = id; b.textContent = text;
  b.addEventListener('click', () => attempt(go)); box.appendChild(b);
}

// ---- picking ----
async function waves() {
  const list = await api('GET', '/api/waves'); const box = $('wave-list'); box.innerHTML = '';
  for (const w of list.filter((x) => x.status !== 'PICKED')) {
    listButton(box, 'wave-' + w.waveId, 'Wave ' + w.waveId + ' · route ' + w.route + ' · door ' + w.dockDoor
      + ' · ' + (w.done + w.shorts) + '/' + w.tasks + ' tasks', () => startWave(w.waveId));
  }
  if (!box.children.length) box.textContent = 'No wave to pick.';
  show('waves');
}
async function startWave(waveId) { state.wave = waveId; await nextTask(); }
async function nextTask() {
  const r = await api('GET', '/api/waves/' + state.wave + '/next-task');
  if (!r.task) { $('wave-done-text').textContent = 'Every task of wave ' + state.wave + ' is closed. Take the totes to packing.';
    show('wave-done'); return; }
  renderTask(r.task);
}
const STEP_TEXT = { LOCATION: 'Go to the location and scan its label', ITEM: 'Scan the item',
  QUANTITY: 'Type the quantity, or scan more items' };
function renderTask(t) {
  state.task = t;
  $('task-location').textContent = t.location; $('task-sku').textContent = t.sku;
  $('task-description').textContent = t.description;
  $('task-lot').textContent = t.lot ? t.lot + (t.expiry ? ' (expires ' + t.expiry + ')' : '') : '—';
  $('task-remaining').textContent = t.quantity - t.picked; $('task-counted').textContent = t.counted;
  $('task-tote').textContent = t.tote; $('task-order').textContent = t.orderId;
  $('task-step').textContent = t.step; $('task-step-text').textContent = STEP_TEXT[t.step] || '';
  $('pick-progress').textContent = 'task ' + (t.waveDone + 1) + ' of ' + t.waveTasks;
  $('short-reasons').classList.add('hidden');
  show('pick', pickScan, t.step === 'QUANTITY' ? 'Quantity or item' : t.step === 'ITEM' ? 'Item' : 'Location');
}
async function pickScan(typed) {
  const r = await api('POST', '/api/pick-tasks/' + state.task.taskId + '/scans', { scan: typed });
  feedback('ok', r.message);
  if (r.task.status === 'OPEN') renderTask(r.task); else if (r.next) renderTask(r.next); else await nextTask();
}
$('short-button').addEventListener('click', () => $('short-reasons').classList.toggle('hidden'));
for (const reason of ['NOT_FOUND', 'DAMAGED', 'NO_ACCESS']) {
  $('short-' + reason).addEventListener('click', () => attempt(async () => {
    const r = await api('POST', '/api/pick-tasks/' + state.task.taskId + '/short', { reason });
    feedback('ok', r.message); if (r.next) renderTask(r.next); else await nextTask();
  }));
}

// ---- packing ----
for (const kind of ['CARTON', 'PALLET']) {
  $('kind-' + kind).addEventListener('click', () => { state.kind = kind;
    document.querySelectorAll('.choice').forEach((b) => b.classList.toggle('chosen', b.id === 'kind-' + kind)); });
}
async function packStart() {
  const orders = await api('GET', '/api/orders'); const box = $('pack-orders'); box.innerHTML = '';
  for (const o of orders.filter((x) => x.status === 'PICKED' && x.packed < x.picked)) {
    listButton(box, 'pack-order-' + o.orderId, 'Tote ' + o.tote + ' · order ' + o.orderId + ' · ' + o.customer,
      () => openUnit(o.tote));
  }
  show('pack-start', openUnit, 'Tote');
}
async function openUnit(tote) {
  const u = await api('POST', '/api/pack-units', { tote: tote.trim(), kind: state.kind });
  feedback('ok', 'Packing order ' + u.orderId + ' into a ' + u.kind.toLowerCase()); renderUnit(u);
}
function renderUnit(u) {
  state.unit = u;
  $('pack-order').textContent = u.orderId; $('pack-kind').textContent = u.kind.toLowerCase();
  $('pack-kind-2').textContent = u.kind.toLowerCase();
  $('pack-progress').textContent = u.orderPacked + ' of ' + u.orderPicked;
  const body = $('pack-contents'); body.innerHTML = '';
  for (const c of u.contents) {
    const tr = document.createElement('tr');
    for (const v of [c.sku, c.lot || '—', c.quantity]) { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); }
    body.appendChild(tr);
  }
  show('pack', async (typed) => {
    const next = await api('POST', '/api/pack-units/' + state.unit.unitId + '/scans', { scan: typed });
    feedback('ok', 'Packed. ' + next.orderPacked + ' of ' + next.orderPicked + ' items of the order.'); renderUnit(next);
  }, 'Item');
}
$('pack-close').addEventListener('click', () => attempt(async () => {
  const u = await api('POST', '/api/pack-units/' + state.unit.unitId + '/close');
  $('pack-sscc').textContent = u.sscc;
  $('pack-done-text').textContent = 'The label is on its way to the printer (job ' + u.labelJob + '). Stick it on the '
    + u.kind.toLowerCase() + '.';
  feedback('ok', 'Closed as SSCC ' + u.sscc); show('pack-done');
}));
$('pack-next').addEventListener('click', () => attempt(packStart));

// ---- loading ----
async function trucks() {
  const list = await api('GET', '/api/trucks'); const box = $('truck-list'); box.innerHTML = '';
  for (const t of list) {
    listButton(box, 'truck-' + t.truckId, t.truckId + ' · route ' + t.route + ' · door ' + t.dockDoor,
      async () => renderTruck(await api('POST', '/api/trucks/' + t.truckId + '/plan')));
  }
  show('trucks');
}
function renderTruck(t) {
  state.truck = t;
  const loaded = t.slots.filter((s) => s.loadedAt).length; const next = t.slots.find((s) => !s.loadedAt);
  $('load-truck').textContent = t.truckId; $('load-door').textContent = t.dockDoor;
  $('load-progress').textContent = loaded + ' of ' + t.slots.length + ' loaded';
  $('load-next').textContent = next ? next.sscc : 'All loaded';
  $('load-next-order').textContent = next ? 'order ' + next.orderId + ', stop ' + next.stopSequence : '';
  const ol = $('load-sequence'); ol.innerHTML = '';
  for (const s of t.slots) { const li = document.createElement('li'); li.textContent = s.sscc + ' (stop ' + s.stopSequence + ')';
    li.className = s.loadedAt ? 'loaded' : (next && s.sequence === next.sequence ? 'next' : ''); ol.appendChild(li); }
  show('load', async (typed) => {
    const after = await api('POST', '/api/trucks/' + state.truck.truckId + '/scans', { scan: typed });
    feedback('ok', 'Loaded. ' + after.slots.filter((s) => s.loadedAt).length + ' of ' + after.slots.length + ' on the truck.');
    renderTruck(after);
  }, 'Pallet SSCC');
}

// ---- receiving and putaway ----
async function receive() {
  const list = await api('GET', '/api/asns'); const box = $('asn-list'); box.innerHTML = '';
  $('asn-detail').classList.add('hidden');
  for (const id of list) listButton(box, 'asn-' + id, 'Notice ' + id, () => openAsn(id));
  if (!list.length) box.textContent = 'No advance notice is waiting.';
  show('receive');
}
async function openAsn(id) {
  const n = await api('GET', '/api/asns/' + id); state.asn = n;
  $('asn-id').textContent = n.asnId; $('asn-detail').classList.remove('hidden');
  $('asn-progress').textContent = n.received.length + ' of ' + n.units.length + ' pallets received';
  show('receive', async (typed) => {
    const after = await api('POST', '/api/asns/' + state.asn.asnId + '/scans', { scan: typed });
    feedback('ok', 'Received. ' + after.received.length + ' of ' + after.units.length + ' pallets.');
    await openAsn(after.asnId);
  }, 'Pallet SSCC');
}
async function putaway() {
  $('putaway-card').classList.add('hidden'); $('putaway-step').textContent = 'Scan the pallet';
  show('putaway', async (typed) => {
    const sscc = typed.trim().replace(/^\]C1/, '').replace(/^00/, '');
    const s = await api('GET', '/api/putaway/' + encodeURIComponent(sscc));
    $('putaway-sscc').textContent = s.sscc; $('putaway-location').textContent = s.location;
    $('putaway-what').textContent = s.quantity + ' x ' + s.sku + (s.lot ? ' lot ' + s.lot : '');
    $('putaway-card').classList.remove('hidden'); $('putaway-step').textContent = 'Scan the location you put it at';
    show('putaway', async (loc) => {
      const done = await api('POST', '/api/putaway/' + encodeURIComponent(s.sscc) + '/scans', { scan: loc });
      feedback('ok', 'Put away at ' + done.location + '.'); await putaway();
    }, 'Location');
  }, 'Pallet SSCC');
}

// ---- cycle counts ----
async function counts() {
  const list = await api('GET', '/api/counts'); const box = $('count-list'); box.innerHTML = '';
  $('count-detail').classList.add('hidden');
  for (const c of list) {
    listButton(box, 'count-' + c.countId, c.location + ' · ' + c.sku + (c.lot ? ' lot ' + c.lot : '')
      + (c.status === 'RECOUNT' ? ' · RECOUNT' : ''), () => openCount(c));
  }
  if (!list.length) box.textContent = 'Nothing to count.';
  show('count');
}
function openCount(c) {
  state.count = c; $('count-what').textContent = c.sku + (c.lot ? ' lot ' + c.lot : '');
  $('count-location').textContent = c.location; $('count-detail').classList.remove('hidden');
  show('count', async (typed) => {
    const r = await api('POST', '/api/counts/' + c.countId + '/submit', { quantity: parseInt(typed, 10) });
    feedback(r.count.status === 'RECOUNT' ? 'err' : 'ok', r.message); await counts();
  }, 'Quantity');
}

// ---- start: resume a live session or log in ----
(async () => {
  try { state.session = await api('GET', '/api/session'); menu(); } catch (e) { login(); }
})();
