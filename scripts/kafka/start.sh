#!/usr/bin/env bash
# Starts a single-node KRaft broker on 127.0.0.1:$KAFKA_PORT in the background and waits until it answers.
# A second run finds it running and does nothing.
source "$(dirname "$0")/common.sh"

if pid="$(broker_pid)"; then
  echo "kafka: already running on 127.0.0.1:$KAFKA_PORT (pid $pid)"
  exit 0
fi
if port_open "$KAFKA_PORT"; then
  fail "port $KAFKA_PORT is taken by another process; stop it or set KAFKA_PORT"
fi
[[ -d "$KAFKA_LIBS" ]] && ls "$KAFKA_LIBS"/kafka_2.13-*.jar >/dev/null 2>&1 \
  || fail "no Kafka jars in $KAFKA_LIBS; run 'npm run kafka:fetch' first (or set KAFKA_HOME)"

mkdir -p "$KAFKA_STATE_DIR"
config="$KAFKA_STATE_DIR/server.properties"
cat >"$config" <<PROPS
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$KAFKA_STATE_DIR/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS

cat >"$KAFKA_STATE_DIR/log4j2.xml" <<'XML'
<Configuration status="WARN">
  <Appenders><Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="[%d] %p %m (%c)%n"/></Console></Appenders>
  <Loggers>
    <Root level="WARN"><AppenderRef ref="out"/></Root>
    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
    <Logger name="kafka.server.BrokerServer" level="INFO"/>
  </Loggers>
</Configuration>
XML

java_cmd=(java "-Xms$KAFKA_HEAP" "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$KAFKA_STATE_DIR/log4j2.xml" -cp "$KAFKA_LIBS/*")

if [[ ! -f "$KAFKA_STATE_DIR/data/meta.properties" ]]; then
  echo "kafka: formatting KRaft storage in ${KAFKA_STATE_DIR#"$ROOT_DIR"/}/data"
  cluster_id="$("${java_cmd[@]}" kafka.tools.StorageTool random-uuid)"
  "${java_cmd[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" --standalone >"$KAFKA_STATE_DIR/format.log" 2>&1 \
    || { cat "$KAFKA_STATE_DIR/format.log" >&2; fail "could not format KRaft storage"; }
fi

echo "kafka: starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (log: ${LOG_FILE#"$ROOT_DIR"/})"
# setsid detaches the broker from this shell so it outlives the script and Ctrl-C of the caller.
setsid nohup "${java_cmd[@]}" kafka.Kafka "$config" >"$LOG_FILE" 2>&1 < /dev/null &
echo $! >"$PID_FILE"

if ! node "$ROOT_DIR/scripts/kafka/wait-ready.mjs" "127.0.0.1:$KAFKA_PORT" "$KAFKA_START_TIMEOUT" "$PID_FILE"; then
  tail -n 20 "$LOG_FILE" >&2 || true
  fail "broker on 127.0.0.1:$KAFKA_PORT did not become ready within ${KAFKA_START_TIMEOUT}s (log above)"
fi
echo "kafka: OK: broker ready on 127.0.0.1:$KAFKA_PORT (pid $(cat "$PID_FILE"))"
