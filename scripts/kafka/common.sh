# Shared settings for the local Kafka broker scripts; sourced, not run.
# Every value can be overridden from the environment, which is how tests start a throwaway broker.
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$ROOT_DIR/scripts/kafka/pom.xml")"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_STATE_DIR="${KAFKA_STATE_DIR:-$ROOT_DIR/.local/kafka/broker-$KAFKA_PORT}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
PID_FILE="$KAFKA_STATE_DIR/kafka.pid"
LOG_FILE="$KAFKA_STATE_DIR/kafka.log"

# KAFKA_HOME (an unpacked Apache Kafka distribution) wins over the jars fetched from Maven Central.
if [[ -n "${KAFKA_HOME:-}" ]]; then
  KAFKA_LIBS="$KAFKA_HOME/libs"
else
  KAFKA_LIBS="$ROOT_DIR/.local/kafka/libs-$KAFKA_VERSION"
fi

fail() { echo "kafka: FAILED: $*" >&2; exit 1; }

broker_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
