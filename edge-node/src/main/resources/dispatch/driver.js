// Wedge driver app. Works offline: the day is cached and every tap becomes an action with a key generated here,
// kept in localStorage until the server has answered it. The server applies each key once, so sending an action
// again after a lost answer is harmless. The queue outlives the session: when the server answers 401 (the session
// expired, or the node restarted) the app asks for badge and PIN again and then sends what is still queued.
(function () {
  'use strict';
  const API = '../api/dispatch/';
  let driver = localStorage.getItem('wedge.driver');
  let csrf = null;
  let day = null;
  let sending = false;
  let lastFix = null;
  const $ = (id) => document.getElementById(id);

  const store = {
    get: (name, fallback) => JSON.parse(localStorage.getItem('wedge.' + name + '.' + driver) || fallback),
    set: (name, value) => localStorage.setItem('wedge.' + name + '.' + driver, JSON.stringify(value))
  };

  function newKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  }

  function setNet(online) {
    $('net').textContent = online ? 'online' : 'offline';
    $('net').className = 'net ' + (online ? 'online' : 'offline');
  }

  function queue() { return store.get('queue', '[]'); }

  function showQueue() { $('queue-count').textContent = String(queue().length); }

  // Records a tap: into the queue first (so nothing is lost), then onto the cached day, then try to send.
  function capture(action) {
    action.key = newKey();
    action.driverId = driver;
    action.at = new Date().toISOString();
    const q = queue();
    q.push(action);
    store.set('queue', q);
    applyLocally(action);
    showQueue();
    flush();
  }

  function applyLocally(a) {
    if (!day) { return; }
    const route = currentRoute();
    if (!route) { return; }
    if (a.type === 'START') { route.status = 'STARTED'; }
    if (a.type === 'FINISH') { route.status = 'FINISHED'; }
    const stop = route.stops.find((s) => s.stopId === a.stopId);
    if (stop && a.type === 'ARRIVE') { stop.status = 'ARRIVED'; }
    if (stop && a.type === 'DELIVER') { stop.status = 'DELIVERED'; }
    if (stop && a.type === 'FAIL') { stop.status = 'FAILED'; stop.failReason = a.reason; }
    store.set('day', day);
    render();
  }

  async function flush() {
    if (sending) { return; }
    const q = queue();
    if (q.length === 0) { return; }
    sending = true;
    try {
      // Small batches: a photo can be a few hundred kilobytes.
      const batch = q.slice(0, 5);
      if (!csrf) { sending = false; return; }
      const r = await fetch(API + 'actions', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ actions: batch })
      });
      if (r.status === 401 || r.status === 403) { sending = false; needLogin(r.status); return; }
      if (!r.ok) { throw new Error('server answered ' + r.status); }
      const answer = await r.json();
      const answered = new Set(answer.results.map((x) => x.key));
      answer.results.filter((x) => x.outcome === 'REJECTED').forEach((x) => problem(x.code + ': ' + x.detail));
      store.set('queue', queue().filter((a) => !answered.has(a.key)));
      setNet(true);
      showQueue();
      sending = false;
      if (queue().length > 0) { flush(); } else { refresh(); }
      return;
    } catch (e) {
      setNet(false);
    }
    sending = false;
  }

  function problem(text) {
    const li = document.createElement('li');
    li.textContent = text;
    $('problems').appendChild(li);
  }

  async function refresh() {
    try {
      const r = await fetch(API + 'drivers/' + encodeURIComponent(driver) + '/day', { cache: 'no-store' });
      if (r.status === 401 || r.status === 403) { needLogin(r.status); return; }
      if (!r.ok) { throw new Error('server answered ' + r.status); }
      const fresh = await r.json();
      setNet(true);
      // Actions still waiting are applied again on top of what the server knows.
      day = fresh;
      queue().forEach((a) => applyLocally(a));
      store.set('day', day);
      render();
    } catch (e) {
      setNet(false);
      if (!day) { day = store.get('day', 'null'); render(); }
    }
  }

  function currentRoute() {
    if (!day || !day.routes) { return null; }
    return day.routes.find((r) => r.status === 'STARTED') || day.routes.find((r) => r.status === 'PLANNED')
      || day.routes[day.routes.length - 1] || null;
  }

  function button(label, cls, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.className = cls;
    b.addEventListener('click', onClick);
    return b;
  }

  function render() {
    $('who').textContent = day ? day.name + ' (' + day.driverId + ')' : 'Wedge driver';
    const bar = $('route-bar');
    const list = $('stops');
    bar.replaceChildren();
    list.replaceChildren();
    const route = currentRoute();
    if (!route) { bar.textContent = day ? 'No route today.' : 'Loading…'; return; }
    const title = document.createElement('h2');
    title.textContent = 'Route ' + route.routeId + ' · ' + route.status;
    title.id = 'route-status';
    title.dataset.status = route.status;
    bar.appendChild(title);
    if (route.status === 'PLANNED') { bar.appendChild(button('Start route', 'start', () => start(route))); }
    const open = route.stops.filter((s) => s.status === 'PENDING' || s.status === 'ARRIVED');
    if (route.status === 'STARTED' && open.length === 0) {
      bar.appendChild(button('Back at depot: finish route', 'finish', () => capture({ type: 'FINISH', routeId: route.routeId })));
    }
    route.stops.forEach((s) => list.appendChild(stopCard(route, s)));
  }

  function start(route) {
    capture({ type: 'START', routeId: route.routeId });
  }

  function stopCard(route, s) {
    const li = document.createElement('li');
    li.className = 'stop ' + s.status;
    li.dataset.stop = s.stopId;
    li.dataset.status = s.status;
    const h = document.createElement('h3');
    h.textContent = s.seq + '. ' + s.customer + ' ';
    const badge = document.createElement('span');
    badge.className = 'badge status';
    badge.textContent = s.status + (s.failReason ? ' (' + s.failReason + ')' : '');
    h.appendChild(badge);
    li.appendChild(h);
    const addr = document.createElement('a');
    addr.className = 'navigate';
    addr.href = s.geo;
    addr.textContent = s.address;
    li.appendChild(addr);
    const w = document.createElement('div');
    w.className = 'window';
    w.textContent = time(s.windowStart) + ' – ' + time(s.windowEnd) + (s.eta ? ' · ETA ' + time(s.eta) : '');
    li.appendChild(w);
    if (s.notes) {
      const n = document.createElement('div');
      n.className = 'notes';
      n.textContent = s.notes;
      li.appendChild(n);
    }
    if (route.status === 'STARTED' && (s.status === 'PENDING' || s.status === 'ARRIVED')) {
      if (s.status === 'PENDING') {
        li.appendChild(button('Arrived', 'arrive', () => capture({ type: 'ARRIVE', stopId: s.stopId })));
      }
      li.appendChild(button('Deliver', 'deliver', () => openDeliver(s)));
      li.appendChild(button('Not delivered', 'fail', () => openFail(s)));
    }
    return li;
  }

  // ---- proof of delivery ----
  let proof = null;

  function openDeliver(s) {
    proof = { stop: s, signed: false, photo: null, scanned: [] };
    $('deliver-stop').textContent = s.seq + '. ' + s.customer;
    $('sig-rule').textContent = s.proof.signature.toLowerCase();
    $('photo-rule').textContent = s.proof.photo.toLowerCase();
    $('sscc-rule').textContent = s.proof.sscc.toLowerCase();
    $('deliver-error').textContent = '';
    $('photo').value = '';
    $('photo-preview').hidden = true;
    clearSignature();
    renderPackages();
    $('deliver-dialog').showModal();
    $('scan').focus();
  }

  function renderPackages() {
    const ul = $('packages');
    ul.replaceChildren();
    proof.stop.packages.forEach((p) => {
      const li = document.createElement('li');
      li.textContent = p;
      li.dataset.sscc = p;
      if (proof.scanned.includes(p)) { li.className = 'done'; }
      ul.appendChild(li);
    });
  }

  function normaliseSscc(text) {
    let s = text.trim().replace(/^\](C1|d2|Q3)/, '').replace(/^\(00\)/, '');
    if (s.length === 20 && s.startsWith('00')) { s = s.substring(2); }
    return s;
  }

  $('scan').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') { return; }
    e.preventDefault();
    const s = normaliseSscc($('scan').value);
    $('scan').value = '';
    if (!proof.stop.packages.includes(s)) {
      $('deliver-error').textContent = 'Package ' + s + ' is not for this stop';
      return;
    }
    if (!proof.scanned.includes(s)) { proof.scanned.push(s); }
    $('deliver-error').textContent = '';
    renderPackages();
  });

  const sig = $('sig');
  const pen = sig.getContext('2d');
  let drawing = false;

  function clearSignature() {
    pen.fillStyle = '#fff';
    pen.fillRect(0, 0, sig.width, sig.height);
    if (proof) { proof.signed = false; }
  }

  function point(e) {
    const r = sig.getBoundingClientRect();
    return [(e.clientX - r.left) * sig.width / r.width, (e.clientY - r.top) * sig.height / r.height];
  }

  sig.addEventListener('pointerdown', (e) => {
    drawing = true;
    sig.setPointerCapture(e.pointerId);
    const [x, y] = point(e);
    pen.beginPath();
    pen.moveTo(x, y);
  });
  sig.addEventListener('pointermove', (e) => {
    if (!drawing) { return; }
    const [x, y] = point(e);
    pen.lineWidth = 2.5;
    pen.lineCap = 'round';
    pen.strokeStyle = '#000';
    pen.lineTo(x, y);
    pen.stroke();
    proof.signed = true;
  });
  ['pointerup', 'pointercancel'].forEach((t) => sig.addEventListener(t, () => { drawing = false; }));
  $('sig-clear').addEventListener('click', clearSignature);

  $('photo').addEventListener('change', () => {
    const file = $('photo').files[0];
    if (!file) { return; }
    const reader = new FileReader();
    reader.onload = () => {
      const img = new Image();
      img.onload = () => {
        // Shrunk on the phone so a queue of photos fits in the browser's storage.
        const scale = Math.min(1, 1280 / Math.max(img.width, img.height));
        const c = document.createElement('canvas');
        c.width = Math.max(1, Math.round(img.width * scale));
        c.height = Math.max(1, Math.round(img.height * scale));
        c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
        proof.photo = c.toDataURL('image/jpeg', 0.8);
        $('photo-preview').src = proof.photo;
        $('photo-preview').hidden = false;
      };
      img.src = reader.result;
    };
    reader.readAsDataURL(file);
  });

  $('confirm-deliver').addEventListener('click', () => {
    const s = proof.stop;
    const missing = [];
    if (!proof.signed && s.proof.signature === 'REQUIRED') { missing.push('signature'); }
    if (!proof.photo && s.proof.photo === 'REQUIRED') { missing.push('photo'); }
    if (proof.scanned.length < s.packages.length && s.proof.sscc === 'REQUIRED') { missing.push('package scans'); }
    if (missing.length > 0) {
      $('deliver-error').textContent = 'Still needed: ' + missing.join(', ');
      return;
    }
    const action = { type: 'DELIVER', stopId: s.stopId, ssccs: proof.scanned.slice() };
    if (proof.signed) { action.signature = sig.toDataURL('image/png'); }
    if (proof.photo) { action.photo = proof.photo; }
    $('deliver-dialog').close();
    capture(action);
  });

  function openFail(s) {
    proof = { stop: s };
    $('fail-stop').textContent = s.seq + '. ' + s.customer;
    $('fail-note').value = '';
    $('fail-dialog').showModal();
  }

  $('confirm-fail').addEventListener('click', () => {
    $('fail-dialog').close();
    capture({ type: 'FAIL', stopId: proof.stop.stopId, reason: $('reason').value, note: $('fail-note').value });
  });

  document.querySelectorAll('dialog .cancel').forEach((b) => b.addEventListener('click', () => b.closest('dialog').close()));

  // ---- positions ----
  function distanceMetres(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function onFix(pos) {
    if (!driver) { return; }
    const fix = { lat: pos.coords.latitude, lon: pos.coords.longitude, t: Date.now() };
    // Report when the truck moved 25 m or a minute passed, so a parked truck does not fill the queue.
    if (lastFix && distanceMetres(lastFix, fix) < 25 && fix.t - lastFix.t < 60000) { return; }
    lastFix = fix;
    capture({ type: 'POSITION', lat: fix.lat, lon: fix.lon });
  }

  function watchPosition() {
    if (navigator.geolocation) {
      navigator.geolocation.watchPosition(onFix, () => {}, { enableHighAccuracy: true, maximumAge: 10000 });
    }
  }

  // ---- session ----
  // Nothing queued is dropped while logged out: the actions wait in localStorage until a session sends them.
  function needLogin(status) {
    csrf = null;
    $('login-why').textContent = status === 401 ? 'Your session has ended. Log in again; '
      + queue().length + ' waiting action(s) are kept and will be sent.' : 'Log in as the driver of this day.';
    $('login').hidden = false;
    $('login-badge').value = driver || '';
  }

  function loggedIn(session) {
    if (session.role !== 'driver') {
      $('login-error').textContent = session.badge + ' is not a driver account';
      return false;
    }
    csrf = session.csrfToken;
    if (driver !== session.badge) {
      driver = session.badge;
      localStorage.setItem('wedge.driver', driver);
      day = store.get('day', 'null');
    }
    $('login').hidden = true;
    $('login-error').textContent = '';
    render();
    showQueue();
    refresh();
    flush();
    return true;
  }

  $('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await fetch(API + 'session', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ badge: $('login-badge').value.trim(), pin: $('login-pin').value })
      });
      $('login-pin').value = '';
      const answer = await r.json();
      if (!r.ok) { $('login-error').textContent = answer.detail || ('login answered ' + r.status); return; }
      loggedIn(answer);
    } catch (err) {
      $('login-error').textContent = 'No connection: log in again when the network is back.';
    }
  });

  async function resume() {
    try {
      const r = await fetch(API + 'session', { cache: 'no-store' });
      if (r.ok && loggedIn(await r.json())) { return; }
      needLogin(r.status === 401 ? 0 : r.status);
    } catch (e) {
      // Offline at start: show the cached day and keep capturing; sending waits for a session.
      setNet(false);
      if (!driver) { needLogin(0); }
    }
  }

  // ---- start ----
  day = driver ? store.get('day', 'null') : null;
  render();
  if (driver) { showQueue(); }
  resume();
  watchPosition();
  window.addEventListener('online', flush);
  setInterval(flush, 2000);
  setInterval(() => { if (queue().length === 0 && csrf) { refresh(); } }, 15000);
})();
