#!/usr/bin/env bash
# Measures POST /migration/events latency against the built jar on a fresh SQLite file.
# Needs: app/target/accessgate.jar (mvn -B package -DskipTests), node with tools/npm-clients installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18089}
BASE="http://127.0.0.1:$PORT"
SECRET="bench-shared-secret-0123456789abcdefghij"
DIR=$(mktemp -d)
ACCESSGATE_DB="$DIR/accessgate.db" ACCESSGATE_BASE_URL="$BASE" ACCESSGATE_API_TOKEN="bench-api-token-0123456789" \
  ACCESSGATE_CONNECT_ALLOW_UNSIGNED_INSTALLS=true PORT=$PORT java -jar app/target/accessgate.jar >"$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER; rm -rf "$DIR"' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf -X POST "$BASE/connect/installed" -H 'Content-Type: application/json' \
  -d "{\"key\":\"my-cloud-app-key\",\"clientKey\":\"bench-client\",\"sharedSecret\":\"$SECRET\",\"baseUrl\":\"https://bench.atlassian.net\"}"
NOW=$(date +%s)
JWT=$(echo "[{\"method\":\"POST\",\"url\":\"$BASE/migration/events\",\"baseUrl\":\"$BASE\",\"now\":$NOW,\"leeway\":0,\
\"sign\":{\"secret\":\"$SECRET\",\"claims\":{\"iss\":\"bench-client\",\"iat\":$NOW,\"exp\":$((NOW + 3600))}}}]" \
  | (cd tools/npm-clients && node connect-jwt.js) | sed -E 's/.*"token":"([^"]+)".*/\1/')
java benchmarks/migration-latency/MigrationLatency.java "$BASE" "$JWT" "${REQUESTS:-1000}" 1
java benchmarks/migration-latency/MigrationLatency.java "$BASE" "$JWT" "${REQUESTS:-1000}" 8
