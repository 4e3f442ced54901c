// Polls the controller's API once a second and draws the rack as slots.
const slots = document.getElementById('slots');
const status = document.getElementById('status');

function fmt(n, digits, unit) { return (n ?? 0).toFixed(digits) + ' ' + unit; }

function age(iso) {
  if (!iso) return 'no data yet';
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  return s < 2 ? 'just now' : Math.round(s) + ' s ago';
}

function slotElement(node) {
  const el = document.createElement('div');
  el.className = 'slot' + (node.power === 'on' ? ' on' : '') + (node.online ? '' : ' offline');
  el.dataset.node = node.name;
  const sensor = node.sensor === 'failed' ? ' <span class="badge failed">sensor failed</span>' : '';
  el.innerHTML = `
    <span class="num">${node.slot ?? '–'}</span>
    <span><span class="name"></span> <span class="badge ${node.power === 'on' ? 'on' : ''}">${node.power}</span>${sensor}
      ${node.online ? '' : '<span class="badge">BMC offline</span>'}</span>
    <span class="watts">${fmt(node.watts, 2, 'W')}</span>
    <span class="volts">${fmt(node.volts, 2, 'V')}</span>
    <span class="muted">${age(node.updatedAt)}</span>
    <span class="actions"></span>`;
  el.querySelector('.name').textContent = node.name;
  for (const action of ['on', 'off', 'cycle']) {
    const b = document.createElement('button');
    b.textContent = action;
    b.onclick = () => power(node.name, action);
    el.querySelector('.actions').appendChild(b);
  }
  return el;
}

async function power(name, action) {
  const r = await fetch(`/api/v1/nodes/${encodeURIComponent(name)}/power`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action }) });
  if (!r.ok) status.textContent = (await r.json()).message;
}

async function refresh() {
  try {
    const [nodes, rack] = await Promise.all([
      fetch('/api/v1/nodes').then(r => r.json()),
      fetch('/api/v1/rack').then(r => r.json())]);
    document.getElementById('rack-name').textContent = rack.name;
    document.getElementById('rack-power').textContent =
      rack.watts == null ? '' : `rack ${fmt(rack.watts, 1, 'W')}`;
    slots.replaceChildren(...nodes.map(slotElement));
    status.textContent = `${nodes.filter(n => n.power === 'on').length} of ${nodes.length} nodes on`;
  } catch (e) {
    status.textContent = 'Controller unreachable: ' + e.message;
  }
}

refresh();
setInterval(refresh, 1000);
