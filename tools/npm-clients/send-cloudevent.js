// Sends one data security policy event with the CloudEvents JS SDK, in binary or structured mode,
// and prints the server's answer as one JSON line: {"status": 200, "body": "..."}.
// usage: node send-cloudevent.js <baseUrl> <binary|structured> <eventId> <cloudId>
const { CloudEvent, HTTP } = require('cloudevents');

async function main() {
  const [baseUrl, mode, id, cloudId] = process.argv.slice(2);
  if (!baseUrl || !['binary', 'structured'].includes(mode) || !id || !cloudId) {
    console.error('usage: node send-cloudevent.js <baseUrl> <binary|structured> <eventId> <cloudId>');
    process.exit(2);
  }
  const event = new CloudEvent({
    id,
    source: 'atlassian.com/ecosystem',
    type: 'avi:ecosystem.app_policy:blocked:app_access_to_objects.v2',
    time: '2024-03-04T05:06:07Z',
    subject: 'café policy',
    datacontenttype: 'application/json',
    data: {
      workspace: { cloudId },
      objects: [{ product: 'Confluence', type: 'page', ids: ['10', '20'] }],
    },
  });
  const message = mode === 'binary' ? HTTP.binary(event) : HTTP.structured(event);
  const response = await fetch(baseUrl + '/events', { method: 'POST', headers: message.headers, body: message.body });
  console.log(JSON.stringify({ status: response.status, body: await response.text() }));
}

main().catch((e) => { console.error(e); process.exit(1); });
