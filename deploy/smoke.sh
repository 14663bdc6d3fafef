#!/usr/bin/env bash
# README's production steps, run for real in a temporary folder against this machine's PostgreSQL and Redis:
# a fresh database, the env file from ledger.env.example, ledger-manage check --deploy / migrate / collectstatic,
# then the systemd units' own ExecStart lines (gunicorn on a free port, the worker, beat), /health/, the login page
# and a static file fetched as nginx would ask, then through deploy/nginx/ledger.conf itself where nginx is
# installed, and everything stopped and removed. .ci/run calls it after make test.
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

free_port() { "$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The units' own commands, with this machine's paths and a free port for gunicorn.
PORT="$(free_port)"
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

# deploy/nginx/ledger.conf itself in front of gunicorn, where nginx is installed (.ci/run installs it): only the
# ports, the certificate (self-signed here) and the folders are this machine's.
if command -v nginx >/dev/null; then
  HTTP_PORT="$(free_port)" HTTPS_PORT="$(free_port)" NGINX="$WORK/nginx"
  mkdir -p "$NGINX"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$HOST" \
    -keyout "$NGINX/privkey.pem" -out "$NGINX/fullchain.pem" >"$WORK/openssl.log" 2>&1 || fail "openssl"
  sed -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|" -e "s|listen 443 |listen 127.0.0.1:$HTTPS_PORT |" \
      -e '/listen \[::\]/d' -e "s|/etc/ssl/ledger/|$NGINX/|" -e "s|/srv/ledger/static|$WORK/static|" \
      -e "s|127.0.0.1:8000|127.0.0.1:$PORT|" "$APP/deploy/nginx/ledger.conf" > "$NGINX/ledger.conf"
  grep -q "listen 127.0.0.1:$HTTPS_PORT ssl" "$NGINX/ledger.conf" || fail "ledger.conf no longer listens on 443 ssl"
  # As Debian's nginx.conf around sites-enabled; as root, the workers must read the temporary STATIC_ROOT.
  cat > "$NGINX/nginx.conf" <<CONF
user $(id -un);
pid $NGINX/nginx.pid;
events {}
http {
    include /etc/nginx/mime.types;
    access_log $WORK/nginx-access.log;
    client_body_temp_path $NGINX/body;
    proxy_temp_path $NGINX/proxy;
    include $NGINX/ledger.conf;
}
CONF
  nginx -t -p "$NGINX" -e "$WORK/nginx.log" -c "$NGINX/nginx.conf" >>"$WORK/nginx.log" 2>&1 || fail "nginx -t"
  nginx -p "$NGINX" -e "$WORK/nginx.log" -c "$NGINX/nginx.conf" -g "daemon off;" >>"$WORK/nginx.log" 2>&1 &
  PIDS+=($!)
  through_nginx() {  # scheme, port, path: the status, the headers in $WORK/headers
    curl -sS -k --max-time 10 --resolve "$HOST:$2:127.0.0.1" -D "$WORK/headers" -o "$WORK/body" \
      -w '%{http_code}' "$1://$HOST:$2$3"
  }
  for _ in $(seq 30); do
    [ "$(through_nginx https "$HTTPS_PORT" /health/ 2>/dev/null)" = 200 ] && break
    sleep 1
  done
  # Django redirects plain http to https (SECURE_SSL_REDIRECT): a 200 means nginx told it the request came by TLS.
  [ "$(through_nginx https "$HTTPS_PORT" /login/)" = 200 ] || fail "/login/ through nginx"
  grep -qi "^set-cookie: csrftoken=.*secure" "$WORK/headers" || fail "no Secure CSRF cookie through nginx"
  [ "$(through_nginx https "$HTTPS_PORT" "$css")" = 200 ] || fail "$css through nginx"
  grep -qi "^cache-control: public, immutable" "$WORK/headers" || fail "$css not served from STATIC_ROOT by nginx"
  [ "$(through_nginx http "$HTTP_PORT" /login/)" = 301 ] || fail "http not sent to https"
  grep -qi "^location: https://$HOST/login/" "$WORK/headers" || fail "http sent elsewhere than https"
  step "nginx -t passed; login page, $css and the https redirect through deploy/nginx/ledger.conf"
else
  step "nginx not installed: deploy/nginx/ledger.conf not tried"
fi

step "worker answers"
(set -a; . "$LEDGER_ENV_FILE"; set +a; cd "$APP"; "$VENV/bin/celery" -A config inspect ping --timeout 5) \
  >"$WORK/ping.log" 2>&1 || { sleep 10; (set -a; . "$LEDGER_ENV_FILE"; set +a; cd "$APP";
  "$VENV/bin/celery" -A config inspect ping --timeout 10) >"$WORK/ping.log" 2>&1; } || fail "celery inspect ping"
for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a service stopped (pid $pid)"; done
grep -q "DatabaseScheduler" "$WORK/beat.log" || fail "beat did not start with the database scheduler"
step "ok"
