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

function slotElement(node) {
  const row = el('div', 'slot' + (node.power === 'on' ? ' on' : '') + (node.online ? '' : ' offline'));
  row.dataset.node = node.name;
  row.append(el('span', 'num', node.slot ?? '–'));
  const name = el('span');
  name.append(el('span', 'name', node.name), badge(node.power, node.power === 'on' ? 'on' : ''));
  if (node.power === 'on') name.append(badge(node.boot, node.boot === 'booted' ? 'booted' : ''));
  if (node.sensor === 'failed') name.append(badge('sensor failed', 'failed'));
  if (!node.online) name.append(badge('BMC offline'));
  row.append(name,
    el('span', 'watts', fmt(node.watts, 2, 'W')),
    el('span', 'temp', fmt(node.celsius, 1, '°C')),
    el('span', 'energy', fmt(node.energyWh, 3, 'Wh')),
    el('span', 'muted', node.updatedAt ? new Date(node.updatedAt).toLocaleTimeString() : 'no data yet'));
  const actions = el('span', 'actions');
  for (const action of ['on', 'off', 'cycle']) {
    const b = el('button', null, action);
    b.onclick = () => power(node.name, action);
    actions.append(b);
  }
  row.append(actions);
  return row;
}

async function power(name, action) {
  const r = await fetch(`/api/v1/nodes/${encodeURIComponent(name)}/power`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action }) });
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
    const [nodes, rack, events] = await Promise.all([
      fetch('/api/v1/nodes').then(r => r.json()),
      fetch('/api/v1/rack').then(r => r.json()),
      fetch('/api/v1/events?limit=30').then(r => r.json())]);
    drawRack(rack);
    $('slots').replaceChildren(...nodes.map(slotElement));
    $('status').textContent = `${nodes.filter(n => n.power === 'on').length} of ${nodes.length} nodes on`;
    drawEvents(events);
  } catch (e) {
    $('status').textContent = 'Controller unreachable: ' + e.message;
  }
}

refresh();
setInterval(refresh, 1000);
