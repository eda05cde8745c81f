// Wiring: the token form, loading every section, filters, replay, and the optional auto-refresh.
import { ApiError, forgetToken, get, post, segment, storeToken, storedToken } from './api.js';
import * as views from './views.js';

const LIST_LIMIT = 50;
const REFRESH_MS = 10_000;

const $ = (id) => document.getElementById(id);
let timer = null;
let loading = null;
let loadFailed = false;

function message(text, kind = 'info') {
  const node = $('message');
  node.textContent = text;
  node.className = kind;
  node.hidden = !text;
}

function signedIn(yes) {
  $('token-form').hidden = yes;
  $('session-controls').hidden = !yes;
  $('content').hidden = !yes;
  if (!yes) $('token-input').focus();
}

function query(parameters) {
  const search = new URLSearchParams(Object.entries(parameters).filter(([, v]) => v));
  return search.toString() ? `?${search}` : '';
}

async function load() {
  const eventStatus = $('event-status').value;
  const deliveryState = $('delivery-state').value;
  const [totals, workspaces, events, deliveries, dead, transfers, installations] = await Promise.all([
    get('overview'),
    get('workspaces'),
    get(`overview/events${query({ status: eventStatus, limit: LIST_LIMIT })}`),
    get(`overview/deliveries${query({ state: deliveryState, limit: LIST_LIMIT })}`),
    get(`overview/deliveries${query({ state: 'dead', limit: LIST_LIMIT })}`),
    get(`migrations/transfers${query({ limit: LIST_LIMIT })}`),
    get('installations'),
  ]);
  views.workspaces(workspaces);
  views.eventTotals(totals, eventStatus, (status) => select('event-status', status));
  views.events(events.events);
  views.deliveryTotals(totals, deliveryState, (state) => select('delivery-state', state));
  views.deliveries(deliveries.deliveries, replay);
  views.deadLetters(dead.deliveries, totals.deliveries.dead, replay);
  views.transfers(transfers);
  views.installations(installations);
  $('updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
  document.body.dataset.loaded = String(Date.now());
}

/** Loads everything; one load at a time (a click during a load waits for it, then loads again). */
async function refresh() {
  if (loading) await loading.catch(() => {});
  loading = load();
  try {
    await loading;
    if (loadFailed) message(''); // the service is back: the old error is stale
    loadFailed = false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forgetToken();
      signedIn(false);
      message('The API token was not accepted. Enter the token of this accessgate (ACCESSGATE_API_TOKEN or accessgate.token).', 'error');
      stopTimer();
      return;
    }
    loadFailed = true;
    message(`Could not load: ${error.message}`, 'error');
  } finally {
    loading = null;
  }
}

function select(id, value) {
  const node = $(id);
  node.value = node.value === value ? '' : value;
  refresh();
}

async function replay(delivery, button) {
  button.disabled = true;
  try {
    const replayed = await post(`deliveries/${segment(delivery.id)}/replay`);
    message(`Delivery ${replayed.id} of event ${replayed.eventId} replayed: ${replayed.state}, budget ${replayed.budget}.`, 'ok');
  } catch (error) {
    message(`Replay failed: ${error.message}`, 'error');
  }
  await refresh();
}

function startTimer() {
  stopTimer();
  if ($('auto-refresh').checked) timer = setInterval(refresh, REFRESH_MS);
}

function stopTimer() {
  if (timer) clearInterval(timer);
  timer = null;
}

function open() {
  signedIn(true);
  message('');
  refresh();
  startTimer();
}

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token-input').value.trim();
  $('token-input').value = '';
  if (!token) return;
  storeToken(token);
  open();
});
$('forget').addEventListener('click', () => {
  forgetToken();
  stopTimer();
  signedIn(false);
  message('Token forgotten.');
});
$('refresh').addEventListener('click', () => refresh());
$('auto-refresh').addEventListener('change', startTimer);
$('event-status').addEventListener('change', () => refresh());
$('delivery-state').addEventListener('change', () => refresh());

if (storedToken()) open(); else signedIn(false);
