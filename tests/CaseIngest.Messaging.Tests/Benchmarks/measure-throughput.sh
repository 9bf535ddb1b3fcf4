#!/usr/bin/env bash
# Messages per minute for 1 and 2 `caseingest worker` processes on the sample corpus, every real plugin, against a
# throwaway rabbitmq-server. Each worker process has its own Lucene index folder (an embedded index takes one writer;
# several workers sharing one index need Search:Provider=Elasticsearch). Timing runs from "every worker ready"
# (/health/ready) to "queue empty and nothing unacknowledged", so start-up (plugin and model loading) is excluded.
#
#   tests/CaseIngest.Messaging.Tests/Benchmarks/measure-throughput.sh [ROUNDS]   (ROUNDS × 14 corpus packages, default 2)
#   PLUGINS=none …   the same without plugins: what the queue, package reading and indexing cost alone
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-2}
exe=src/Host/bin/Debug/net10.0/caseingest
[ -x "$exe" ] || { echo "build src/Host first" >&2; exit 1; }
work=$(mktemp -d /tmp/caseingest-throughput-XXXX)
chmod 755 "$work"   # the broker runs as user rabbitmq
amqp=$((20000 + RANDOM % 5000)); dist=$((amqp + 1))
node="caseingest-bench-$amqp@localhost"
uri=$(bash scripts/start-rabbitmq.sh "$work/broker" "$amqp" "$dist" "$node")
trap 'kill $(jobs -p) 2>/dev/null || true; bash scripts/start-rabbitmq.sh --stop "$work/broker"' EXIT
plugins="$PWD/artifacts/Debug/plugins"
if [ "${PLUGINS:-}" = none ]; then plugins="$work/no-plugins"; mkdir -p "$plugins"; fi
export OMP_THREAD_LIMIT=1 RabbitMq__Uri="$uri" Inbox__Path="$work/inbox" Plugins__Path="$plugins" \
       RabbitMq__Concurrency=1 RabbitMq__Prefetch=1 Logging__LogLevel__Default=Warning

unacked() {
  runuser -u rabbitmq -- env HOME="$work/broker" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" -q list_queues name messages \
    | awk -v q="$1" '$1 == q { print $2 }'
}

for workers in 1 2; do
  queue="bench-$workers"
  export RabbitMq__Queue="$queue" RabbitMq__DeadLetterQueue="$queue.dead" RabbitMq__RetryQueuePrefix="$queue.retry"
  pids=()
  for w in $(seq 1 "$workers"); do
    port=$((amqp + 10 + w))
    "$exe" worker --index "$work/index-$workers-$w" --store "$work/store-$workers-$w" \
      --health-url "http://127.0.0.1:$port" 2>"$work/worker-$workers-$w.log" &
    pids+=($!)
    until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.5; done
  done
  for r in $(seq 1 "$rounds"); do "$exe" enqueue tests/corpus/packages >/dev/null; done
  total=$((rounds * 14))
  start=$(date +%s.%N)
  until [ "$(unacked "$queue")" = "0" ]; do sleep 0.5; done
  end=$(date +%s.%N)
  kill -TERM "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
  dead=$(unacked "$queue.dead")
  awk -v n="$total" -v s="$start" -v e="$end" -v w="$workers" -v d="$dead" \
    'BEGIN { printf "%d worker(s): %d messages in %.1f s = %.1f messages/minute (%d dead-lettered)\n", w, n, e - s, n * 60 / (e - s), d }'
done
