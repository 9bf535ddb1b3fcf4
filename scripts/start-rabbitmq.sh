#!/usr/bin/env bash
# Starts Debian's rabbitmq-server as a plain background process (no systemd, no Docker) on the given ports, with all of
# its state in one directory, and returns once the broker accepts AMQP connections. Used by the messaging tests'
# broker fixture when Docker is not reachable, and handy for running a worker locally.
#
#   scripts/start-rabbitmq.sh DIR AMQP_PORT DIST_PORT [NODE_NAME]   start (or restart on the same data) and wait
#   scripts/start-rabbitmq.sh --stop DIR                            stop the node started in DIR
#
# DIR is created and given to user `rabbitmq` (the server refuses to run as root). Only the core broker runs: no
# management, prometheus or stream plugin, so nothing listens besides AMQP_PORT and DIST_PORT (plus the shared epmd on
# 4369). The broker's URI is amqp://guest:guest@localhost:AMQP_PORT/ ; logs are in DIR/log.
set -euo pipefail

RMQ_BIN=/usr/lib/rabbitmq/bin
WAIT_SECONDS=${RABBITMQ_START_TIMEOUT:-60}

# Runs a rabbitmq tool as user rabbitmq with this broker's environment (HOME holds the Erlang cookie).
as_rabbitmq() {
  local dir=$1; shift
  local -a envs=(HOME="$dir" RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf")
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u rabbitmq -- env "${envs[@]}" "$@"
  elif [ "$(id -un)" = rabbitmq ]; then
    env "${envs[@]}" "$@"
  else
    sudo -u rabbitmq env "${envs[@]}" "$@"
  fi
}

if [ "${1:-}" = "--stop" ]; then
  dir=$(realpath "${2:?usage: $0 --stop DIR}")
  node=$(cat "$dir/nodename")
  as_rabbitmq "$dir" "$RMQ_BIN/rabbitmqctl" -n "$node" -q stop "$dir/rabbitmq.pid" >/dev/null 2>&1 || true
  exit 0
fi

dir=${1:?usage: $0 DIR AMQP_PORT DIST_PORT [NODE_NAME]}
amqp_port=${2:?AMQP_PORT missing}
dist_port=${3:?DIST_PORT missing}
node=${4:-caseingest-$amqp_port@localhost}

mkdir -p "$dir/mnesia" "$dir/log"
dir=$(realpath "$dir")
# A fresh directory gets a cookie and config; a restart on the same directory keeps them, so the node keeps its data.
if [ ! -f "$dir/.erlang.cookie" ]; then
  head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/.erlang.cookie"
  chmod 400 "$dir/.erlang.cookie"
fi
echo "$node" > "$dir/nodename"
echo "[]." > "$dir/enabled_plugins"
: > "$dir/rabbitmq-env.conf"   # not /etc/rabbitmq/rabbitmq-env.conf: that one pins the system node's name
cat > "$dir/rabbitmq.conf" <<EOF
listeners.tcp.default = $amqp_port
loopback_users = none
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = info
EOF
if [ "$(id -u)" -eq 0 ]; then chown -R rabbitmq:rabbitmq "$dir"; fi
if ! as_rabbitmq "$dir" test -r "$dir/.erlang.cookie" 2>/dev/null; then
  echo "start-rabbitmq: user rabbitmq cannot read $dir (a parent folder is not searchable by others?)" >&2
  exit 1
fi

as_rabbitmq "$dir" \
  RABBITMQ_NODENAME="$node" \
  RABBITMQ_NODE_PORT="$amqp_port" \
  RABBITMQ_DIST_PORT="$dist_port" \
  RABBITMQ_MNESIA_BASE="$dir/mnesia" \
  RABBITMQ_LOG_BASE="$dir/log" \
  RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
  RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
  RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
  setsid "$RMQ_BIN/rabbitmq-server" >"$dir/log/startup.log" 2>&1 < /dev/null &
server=$!

deadline=$((SECONDS + WAIT_SECONDS))
until as_rabbitmq "$dir" "$RMQ_BIN/rabbitmq-diagnostics" -n "$node" -q ping >/dev/null 2>&1; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$server" 2>/dev/null; then
    echo "start-rabbitmq: $node did not start (or answer within ${WAIT_SECONDS}s); see $dir/log" >&2
    tail -n 20 "$dir/log/startup.log" >&2 || true
    exit 1
  fi
  sleep 0.5
done
as_rabbitmq "$dir" "$RMQ_BIN/rabbitmqctl" -n "$node" -q await_startup --timeout "$WAIT_SECONDS"
echo "amqp://guest:guest@localhost:$amqp_port/"
