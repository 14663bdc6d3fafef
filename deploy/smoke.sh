#!/usr/bin/env bash
# README's production steps, run for real in a temporary folder against this machine's PostgreSQL and Redis:
# a fresh database, the env file from ledger.env.example, ledger-manage check --deploy / migrate / collectstatic,
# then the systemd units' own ExecStart lines (gunicorn on a free port, the worker, beat), /health/, the login page
# and a static file fetched as nginx would ask, and everything stopped and removed. .ci/run calls it after make test.
#   PGURL   the server, as postgres://user@host:port (default postgres://postgres@127.0.0.1:5432)
#   REDIS   redis://host:port (default redis://127.0.0.1:6379); databases 14 and 15, away from the tests' 0
#   VENV    the virtualenv with requirements.txt (default .venv)
set -euo pipefail
APP="$(cd "$(dirname "$0")/.." && pwd)"
PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432}
REDIS=${REDIS:-redis://127.0.0.1:6379}
VENV="$(cd "${VENV:-$APP/.venv}" && pwd)"
HOST=ledger.example.gov.cn
WORK="$(mktemp -d)"
DB="ledger_smoke_$$"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  dropdb --if-exists --force --maintenance-db="$PGURL/postgres" "$DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "smoke: $*"; }
fail() { echo "smoke: FAILED: $*" >&2; for log in "$WORK"/*.log; do echo "--- $log" >&2; tail -n 30 "$log" >&2; done; exit 1; }

step "database $DB"
createdb --maintenance-db="$PGURL/postgres" "$DB"

step "env file from deploy/ledger.env.example"
sed -e "s|^SECRET_KEY=.*|SECRET_KEY=$("$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(50))')|" \
    -e "s|^DATABASE_URL=.*|DATABASE_URL=$PGURL/$DB|" \
    -e "s|^CELERY_BROKER_URL=.*|CELERY_BROKER_URL=$REDIS/15|" \
    -e "s|^CACHE_URL=.*|CACHE_URL=$REDIS/14|" \
    -e "s|^STATIC_ROOT=.*|STATIC_ROOT=$WORK/static|" \
    -e "s|^MEDIA_ROOT=.*|MEDIA_ROOT=$WORK/media|" \
    -e "s|^VAR_DIR=.*|VAR_DIR=$WORK/var|" \
    -e "s|^BACKUP_DIR=.*|BACKUP_DIR=$WORK/backups|" \
    -e "s|^EMAIL_HOST=.*|EMAIL_HOST=|" -e "s|^EMAIL_HOST_PASSWORD=.*|EMAIL_HOST_PASSWORD=|" \
    "$APP/deploy/ledger.env.example" > "$WORK/ledger.env"
! grep -q "=CHANGE-ME\|:CHANGE-ME@" "$WORK/ledger.env" || fail "a value marked CHANGE is left in the env file"
export LEDGER_ENV_FILE="$WORK/ledger.env" LEDGER_APP_DIR="$APP" LEDGER_VENV="$VENV"
# The test environment's variables must not reach the site: it reads the env file only.
unset DATABASE_URL CELERY_BROKER_URL CACHE_URL DJANGO_MODE REQUIRE_BROWSER DJANGO_ALLOW_ASYNC_UNSAFE
manage="$APP/deploy/ledger-manage"

step "check --deploy, migrate, collectstatic, a backup"
"$manage" check --deploy --fail-level WARNING >"$WORK/manage.log" 2>&1 || fail "check --deploy"
"$manage" migrate --noinput >>"$WORK/manage.log" 2>&1 || fail "migrate"
"$manage" collectstatic --noinput >>"$WORK/manage.log" 2>&1 || fail "collectstatic"
"$manage" backup_site >>"$WORK/manage.log" 2>&1 || fail "backup_site"
ls "$WORK"/backups/ledger-*/database.dump >/dev/null || fail "no database dump in BACKUP_DIR"

# The units' own commands, with this machine's paths and a free port for gunicorn.
PORT="$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
unit_command() {
  sed -n 's/^ExecStart=//p' "$APP/deploy/systemd/$1" | sed -e "s|/srv/ledger/venv|$VENV|" -e "s|127.0.0.1:8000|127.0.0.1:$PORT|"
}
start() {
  local name=$1 unit=$2
  step "start $name: $(unit_command "$unit")"
  # shellcheck disable=SC2046 # the unit's command line, split as systemd splits it (no quotes in these lines)
  (set -a; . "$LEDGER_ENV_FILE"; set +a; cd "$APP"; exec $(unit_command "$unit")) >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}
start web ledger-web.service
start worker ledger-worker.service
start beat ledger-beat.service

fetch() {  # as nginx asks: its Host and X-Forwarded-Proto headers
  curl -sS --max-time 10 -H "Host: $HOST" -H "X-Forwarded-Proto: https" -o "$WORK/body" -w '%{http_code}' \
    "http://127.0.0.1:$PORT$1"
}
for _ in $(seq 60); do
  [ "$(fetch /health/ 2>/dev/null)" = 200 ] && break
  sleep 1
done
step "/health/: $(cat "$WORK/body" 2>/dev/null)"
grep -q '"database": "ok", "broker": "ok"' "$WORK/body" || fail "/health/"
[ "$(fetch /login/)" = 200 ] || fail "/login/"
css="$(grep -o '/static/css/ledger\.[0-9a-f]\{12\}\.css' "$WORK/body" | head -n 1)"
[ -n "$css" ] || fail "no hashed stylesheet on the login page"
[ "$(fetch "$css")" = 200 ] || fail "$css from gunicorn"
[ -s "$WORK/static/${css#/static/}" ] || fail "$css not in STATIC_ROOT, where nginx serves it from"
step "login page and $css served"

step "worker answers"
(set -a; . "$LEDGER_ENV_FILE"; set +a; cd "$APP"; "$VENV/bin/celery" -A config inspect ping --timeout 5) \
  >"$WORK/ping.log" 2>&1 || { sleep 10; (set -a; . "$LEDGER_ENV_FILE"; set +a; cd "$APP";
  "$VENV/bin/celery" -A config inspect ping --timeout 10) >"$WORK/ping.log" 2>&1; } || fail "celery inspect ping"
for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a service stopped (pid $pid)"; done
grep -q "DatabaseScheduler" "$WORK/beat.log" || fail "beat did not start with the database scheduler"
step "ok"
