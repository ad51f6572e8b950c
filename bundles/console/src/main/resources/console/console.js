'use strict';
// Signed-in status page: a session token from /api/v1/auth/session, kept for this tab only.
(function () {
  const TOKEN_KEY = 'switchboard.token';
  const REFRESH_MS = 5000;
  const $ = (id) => document.getElementById(id);
  let refresh = null;

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  async function api(path, options = {}) {
    const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
    if (token()) headers['Authorization'] = 'Bearer ' + token();
    const response = await fetch('/api/v1/' + path, Object.assign({}, options, { headers }));
    if (response.status === 401 && token()) {
      showSignIn('Your session has ended; please sign in again.');
      throw new Error('unauthorized');
    }
    return response;
  }

  function showSignIn(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    clearInterval(refresh);
    $('status').hidden = true;
    $('who').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('username').focus();
  }

  function duration(seconds) {
    const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
    return (d ? d + 'd ' : '') + h + 'h ' + String(m).padStart(2, '0') + 'm';
  }

  function setState(element, state) {
    element.textContent = state;
    element.className = 'value ' + state;
  }

  async function loadStatus() {
    const response = await api('node');
    if (!response.ok) return;
    const status = await response.json();
    $('node-name').textContent = status.node;
    setState($('node-status'), status.status);
    setState($('database'), status.database);
    $('database-detail').textContent = status.databaseDetail || '';
    $('version').textContent = status.version;
    $('uptime').textContent = duration(status.uptimeSeconds);
    const rows = status.features.map((f) => {
      const row = document.createElement('tr');
      [f.name, f.version, f.state].forEach((text) => {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.appendChild(cell);
      });
      return row;
    });
    $('features').replaceChildren(...rows);
  }

  async function showStatus() {
    const me = await (await api('auth/me')).json();
    $('user').textContent = me.user + ' (' + me.roles.join(', ') + ')';
    $('sign-in').hidden = true;
    $('who').hidden = false;
    $('status').hidden = false;
    await loadStatus();
    clearInterval(refresh);
    refresh = setInterval(() => loadStatus().catch(() => {}), REFRESH_MS);
  }

  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value })
    });
    const body = await response.json();
    if (!response.ok) {
      $('sign-in-error').textContent = body.detail || 'Sign-in failed';
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, body.token);
    $('password').value = '';
    showStatus().catch(() => {});
  });

  $('sign-out').addEventListener('click', async () => {
    await api('auth/session', { method: 'DELETE' }).catch(() => {});
    showSignIn();
  });

  if (token()) {
    showStatus().catch(() => showSignIn());
  } else {
    showSignIn();
  }
})();
