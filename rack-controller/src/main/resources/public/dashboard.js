// Polls the controller's API once a second and draws the rack: cooling, fans, sensors, slots, events.
const $ = id => document.getElementById(id);

function fmt(n, digits, unit) { return n == null ? '–' : n.toFixed(digits) + (unit ? ' ' + unit : ''); }

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function badge(text, cls) { return el('span', 'badge ' + (cls || ''), text); }

// --- who is logged in: power buttons and console input only for users the rack spec permits
let who = JSON.parse(sessionStorage.getItem('racklet.who') || 'null');

function mayControl(node) {
  if (!who) return false;
  if (who.role === 'admin') return true;
  return who.role === 'operator' && (who.nodes.length === 0 || who.nodes.includes(node));
}

function authHeaders() {
  const h = { 'Content-Type': 'application/json' };
  if (who) h['X-Auth-Token'] = who.token;
  return h;
}

function drawLogin() {
  $('login').hidden = !!who;
  $('whoami').hidden = !who;
  if (who) $('whoami-name').textContent = `${who.user} (${who.role}${who.nodes.length ? ' of ' + who.nodes.join(', ') : ''})`;
  $('console-form').hidden = !(selected && mayControl(selected));
}

$('login').onsubmit = async e => {
  e.preventDefault();
  const r = await fetch('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: $('login-user').value, password: $('login-password').value }) });
  const body = await r.json();
  if (!r.ok) { $('status').textContent = 'Log in failed: ' + body.message; return; }
  who = body;
  sessionStorage.setItem('racklet.who', JSON.stringify(who));
  $('login-password').value = '';
  drawLogin();
  refresh();
};

$('logout').onclick = async () => {
  if (who) await fetch('/api/v1/session', { method: 'DELETE', headers: authHeaders() });
  who = null;
  sessionStorage.removeItem('racklet.who');
  drawLogin();
  refresh();
};

function slotElement(node) {
  const row = el('div', 'slot' + (node.power === 'on' ? ' on' : '') + (node.online ? '' : ' offline'));
  row.dataset.node = node.name;
  row.append(el('span', 'num', node.slot ?? '–'));
  const name = el('span');
  const label = el('span', 'name', node.name);
  label.onclick = () => select(node.name);
  name.append(label, badge(node.power, node.power === 'on' ? 'on' : ''));
  if (node.name === selected) row.classList.add('selected');
  if (node.power === 'on') name.append(badge(node.boot, node.boot === 'booted' ? 'booted' : ''));
  if (node.sensor === 'failed') name.append(badge('sensor failed', 'failed'));
  if (!node.online) name.append(badge('BMC offline'));
  if (node.sync) {
    const sync = node.sync.error ? badge('sync refused', 'failed') : badge('@' + (node.sync.applied || '–').slice(0, 8), 'commit');
    sync.title = node.sync.error ? node.sync.error : `applied commit ${node.sync.applied} signed by ${node.sync.signer}`;
    name.append(sync);
  }
  row.append(name,
    el('span', 'watts', fmt(node.watts, 2, 'W')),
    el('span', 'temp', fmt(node.celsius, 1, '°C')),
    el('span', 'energy', fmt(node.energyWh, 3, 'Wh')),
    el('span', 'muted', node.updatedAt ? new Date(node.updatedAt).toLocaleTimeString() : 'no data yet'));
  const actions = el('span', 'actions');
  for (const action of mayControl(node.name) ? ['on', 'off', 'cycle'] : []) {
    const b = el('button', null, action);
    b.onclick = () => power(node.name, action);
    actions.append(b);
  }
  row.append(actions);
  return row;
}

async function power(name, action) {
  const r = await fetch(`/api/v1/nodes/${encodeURIComponent(name)}/power`, {
    method: 'POST', headers: authHeaders(), body: JSON.stringify({ action }) });
  if (r.status === 401) { who = null; sessionStorage.removeItem('racklet.who'); drawLogin(); }
  if (!r.ok) $('status').textContent = (await r.json()).message;
}

function drawRack(rack) {
  $('rack-name').textContent = rack.name;
  const budget = rack.budgetWatts == null ? '' : ` of ${fmt(rack.budgetWatts, 0, 'W')} budget`;
  $('rack-power').textContent = rack.watts == null ? '' : `draw ${fmt(rack.watts, 1, 'W')}${budget}`
    + (rack.queued.length ? ` · waiting: ${rack.queued.join(', ')}` : '');
  const z = rack.zone;
  $('cooling').textContent = z == null ? 'Cooling: waiting for the RMC'
    : `Cooling: ${z.mode} at ${fmt(z.celsius, 1, '°C')}` + (z.targetCelsius == null ? '' : ` (target ${fmt(z.targetCelsius, 1, '°C')})`)
      + ` — ${z.cause}`;
  $('fans').replaceChildren(...rack.fans.map(f =>
    el('span', 'chip ' + f.status, `${f.name} ${fmt(f.rpm, 0)} RPM · ${fmt(f.duty, 0)} %`)));
  $('sensors').replaceChildren(...rack.sensors.map(s =>
    el('span', 'chip ' + s.status, `${s.name} ${fmt(s.celsius, 1, '°C')}${s.status === 'ok' ? '' : ' (' + s.status + ')'}`)));
}

function drawSync(report) {
  if (!report.enabled) { $('sync').textContent = 'Desired state: no rack repository'; return; }
  const c = report.controller || {};
  const agree = report.agents.filter(a => a.applied && a.applied === c.applied).length;
  $('sync').textContent = c.applied
    ? `Desired state: commit ${c.applied.slice(0, 12)} signed by ${c.signer} · ${agree} of ${report.agents.length} agents applied it`
    : 'Desired state: no verified commit yet';
  $('sync').classList.toggle('refused', !!c.error);
  if (c.error) $('sync').textContent += ` · refused ${(c.refused || 'fetch').slice(0, 12)}: ${c.error}`;
}

function drawEvents(events) {
  $('events').replaceChildren(...events.reverse().map(e => {
    const li = el('li');
    li.append(el('span', 'muted', new Date(e.ts).toLocaleTimeString() + ' '), el('span', 'kind', e.kind),
      document.createTextNode(`${e.node}: ${e.message} (${e.cause})`));
    return li;
  }));
}

async function refresh() {
  try {
    const [nodes, rack, events, sync] = await Promise.all([
      fetch('/api/v1/nodes').then(r => r.json()),
      fetch('/api/v1/rack').then(r => r.json()),
      fetch('/api/v1/events?limit=30').then(r => r.json()),
      fetch('/api/v1/sync').then(r => r.json())]);
    drawRack(rack);
    drawSync(sync);
    $('slots').replaceChildren(...nodes.map(slotElement));
    $('status').textContent = `${nodes.filter(n => n.power === 'on').length} of ${nodes.length} nodes on`;
    drawEvents(events);
  } catch (e) {
    $('status').textContent = 'Controller unreachable: ' + e.message;
  }
}

// --- one node in detail: a live power chart (history, then server-sent events) and its console
let selected = null, stream = null, points = [];

async function select(name) {
  selected = name;
  $('detail').hidden = false;
  drawLogin();
  $('detail-title').textContent = `${name}: power over the last 10 minutes, and its console`;
  refreshConsole();
  const from = new Date(Date.now() - 600_000).toISOString();
  const h = await fetch(`/api/v1/nodes/${encodeURIComponent(name)}/history?from=${from}&resolution=raw`).then(r => r.json());
  points = h.points.map(p => ({ t: Date.parse(p.ts), w: p.watts }));
  drawChart();
  if (stream) stream.close();
  stream = new EventSource(`/api/v1/nodes/${encodeURIComponent(name)}/telemetry/stream`);
  stream.onmessage = e => {
    const t = JSON.parse(e.data);
    points.push({ t: Date.parse(t.ts), w: t.watts });
    points = points.filter(p => p.t > Date.now() - 600_000);
    drawChart();
  };
}

function drawChart() {
  const c = $('chart'), g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  if (points.length < 2) return;
  const max = Math.max(1, ...points.map(p => p.w)) * 1.15, t0 = Date.now() - 600_000;
  g.strokeStyle = '#26303a';
  g.fillStyle = '#8a96a3';
  g.font = '11px system-ui';
  for (let w = 0; w <= max; w += Math.max(1, Math.round(max / 4))) {
    const y = c.height - (w / max) * (c.height - 10);
    g.beginPath(); g.moveTo(0, y); g.lineTo(c.width, y); g.stroke();
    g.fillText(w + ' W', 4, y - 2);
  }
  g.strokeStyle = '#4ea1ff';
  g.lineWidth = 2;
  g.beginPath();
  points.forEach((p, i) => {
    const x = ((p.t - t0) / 600_000) * c.width, y = c.height - (p.w / max) * (c.height - 10);
    i ? g.lineTo(x, y) : g.moveTo(x, y);
  });
  g.stroke();
}

async function refreshConsole() {
  if (!selected) return;
  const text = await fetch(`/api/v1/nodes/${encodeURIComponent(selected)}/console?tail=60`).then(r => r.text());
  const pre = $('console');
  const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
  pre.textContent = text;
  if (atBottom) pre.scrollTop = pre.scrollHeight;
}

$('console-form').onsubmit = async e => {
  e.preventDefault();
  const input = $('console-input');
  await fetch(`/api/v1/nodes/${encodeURIComponent(selected)}/console`, {
    method: 'POST', headers: authHeaders(), body: JSON.stringify({ data: input.value + '\n' }) });
  input.value = '';
  setTimeout(refreshConsole, 300);
};

drawLogin();
refresh();
setInterval(refresh, 1000);
setInterval(refreshConsole, 2000);
const wanted = new URLSearchParams(location.search).get('node');
if (wanted) select(wanted);
