// One function per section: data from the API in, DOM out (through dom.js, so all text is escaped).
import { el, show, table, tile, time } from './dom.js';

const part = (section, name) => document.querySelector(`#${section} [data-part="${name}"]`);
const yes = (flag) => (flag ? 'yes' : '');

export function workspaces({ workspaces, unprocessedEvents }) {
  show(part('workspaces', 'table'),
    table([
      ['cloudId', (w) => el('code', {}, w.cloudId)],
      ['blocked objects', (w) => String(w.blockedObjects)],
      ['blocked containers', (w) => String(w.blockedContainers)],
    ], workspaces, 'No workspace has received a policy event yet.', (w) => ({ 'data-cloud-id': w.cloudId })),
    unprocessedEvents > 0
      ? el('p', { class: 'warning' }, `${unprocessedEvents} unprocessed event(s) wait for a newer version or an installation (see Recent events).`)
      : null);
}

export function eventTotals(totals, selected, select) {
  show(part('events', 'tiles'), Object.entries(totals.events).map(([status, count]) =>
    tile(status, count, status === selected ? `${status} selected` : status, () => select(status))));
}

export function events(list) {
  show(part('events', 'table'), table([
    ['received', (e) => time(e.receivedAt)],
    ['id', (e) => el('code', { class: 'event-id' }, e.id)],
    ['type', (e) => e.type],
    ['status', (e) => el('span', { class: `badge ${e.status}` }, e.status)],
    ['detail', (e) => e.detail],
    ['workspace', (e) => e.cloudId ?? ''],
  ], list, 'No event received yet.', (e) => ({ 'data-event-id': e.id, 'data-status': e.status })));
}

export function deliveryTotals(totals, selected, select) {
  show(part('deliveries', 'tiles'), Object.entries(totals.deliveries).map(([state, count]) =>
    tile(state === 'pending' && totals.running > 0 ? `pending (${totals.running} running)` : state, count,
      state === selected ? `${state} selected` : state, () => select(state))));
}

function deliveryColumns(replay) {
  return [
    ['created', (d) => time(d.createdAt)],
    ['event', (d) => el('code', { class: 'event-id' }, d.eventId)],
    ['type', (d) => d.eventType],
    ['subscription', (d) => d.subscription],
    ['state', (d) => el('span', { class: `badge ${d.state}` }, d.running ? 'running' : d.state)],
    ['attempts', (d) => `${d.attempts} (budget ${d.budget})`],
    ['next / why', (d) => d.deadReason ?? d.filterReason ?? (d.dueAt ? time(d.dueAt) : '')],
    ['', (d) => (d.state === 'dead' ? replayButton(d, replay) : '')],
  ];
}

function replayButton(delivery, replay) {
  const button = el('button', { type: 'button', class: 'replay', 'data-delivery-id': delivery.id }, 'Replay');
  button.addEventListener('click', () => replay(delivery, button));
  return button;
}

export function deliveries(list, replay) {
  show(part('deliveries', 'table'), table(deliveryColumns(replay), list, 'No delivery in this state.',
    (d) => ({ 'data-delivery-id': d.id, 'data-state': d.state })));
}

export function deadLetters(list, total, replay) {
  show(part('dead-letters', 'table'),
    table(deliveryColumns(replay), list, 'No dead letters.', (d) => ({ 'data-delivery-id': d.id })),
    total > list.length ? el('p', { class: 'muted' }, `Showing the latest ${list.length} of ${total}.`) : null);
}

export function transfers({ transfers: list, nextCursor }) {
  show(part('transfers', 'table'),
    table([
      ['transfer', (t) => el('code', {}, t.transferId)],
      ['app', (t) => t.cloudAppKey ?? ''],
      ['migration', (t) => t.migrationDetails?.name ?? ''],
      ['site', (t) => t.migrationDetails?.cloudUrl ?? ''],
      ['listener triggered', (t) => yes(t.listenerTriggered)],
      ['uploads', (t) => String((t.uploads ?? []).length)],
      ['errored', (t) => yes(t.errored)],
      ['cancellation', (t) => yes(t.cancellationRequested)],
      ['settled', (t) => yes(t.settled)],
      ['rerun of', (t) => t.originalTransferId ?? ''],
      ['last event', (t) => time(t.lastReceivedAt)],
    ], list, 'No migration event received yet.', (t) => ({ 'data-transfer-id': t.transferId })),
    nextCursor ? el('p', { class: 'muted' }, `Showing the first ${list.length} by transfer id.`) : null);
}

export function installations({ forge, connect }) {
  show(part('installations', 'forge'), table([
    ['installation', (i) => el('code', {}, i.installationId)],
    ['workspace', (i) => i.cloudId ?? i.context ?? ''],
    ['app', (i) => i.app?.name ?? i.app?.id ?? ''],
    ['version', (i) => i.version ?? ''],
    ['environment', (i) => i.environmentId ?? ''],
    ['events', (i) => (i.history ?? []).map((h) => h.event.replace('avi:forge:', '')).join(', ')],
  ], forge, 'No Forge installation.', (i) => ({ 'data-installation-id': i.installationId })));
  show(part('installations', 'connect'), table([
    ['client key', (i) => el('code', {}, i.clientKey)],
    ['app key', (i) => i.key],
    ['site', (i) => i.baseUrl],
    ['cloudId', (i) => i.cloudId ?? ''],
    ['state', (i) => el('span', { class: `badge ${i.state}` }, i.state)],
    ['updated', (i) => time(i.updatedAt)],
  ], connect, 'No Connect installation.', (i) => ({ 'data-client-key': i.clientKey })));
}
