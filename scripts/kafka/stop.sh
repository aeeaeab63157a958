#!/usr/bin/env bash
# Stops the local broker started by start.sh: SIGTERM for a clean shutdown, SIGKILL after 30 seconds.
source "$(dirname "$0")/common.sh"

if ! pid="$(broker_pid)"; then
  rm -f "$PID_FILE"
  echo "kafka: not running on 127.0.0.1:$KAFKA_PORT"
  exit 0
fi
echo -n "kafka: stopping broker on 127.0.0.1:$KAFKA_PORT (pid $pid)"
kill -CONT "$pid" 2>/dev/null || true   # a frozen (SIGSTOP) broker cannot handle SIGTERM otherwise
kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || break
  echo -n "."
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  kill -KILL "$pid" 2>/dev/null || true
  echo " killed after 30s"
else
  echo ""
fi
rm -f "$PID_FILE"
echo "kafka: OK: stopped"
