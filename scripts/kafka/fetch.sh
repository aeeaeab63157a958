#!/usr/bin/env bash
# Fetches Apache Kafka's broker jars from Maven Central into .local/kafka (skipped when KAFKA_HOME is set).
source "$(dirname "$0")/common.sh"

if [[ -n "${KAFKA_HOME:-}" ]]; then
  [[ -d "$KAFKA_LIBS" ]] || fail "KAFKA_HOME=$KAFKA_HOME has no libs/ folder; point it at an unpacked Kafka distribution"
  echo "kafka: using the distribution in KAFKA_HOME=$KAFKA_HOME"
  exit 0
fi
if [[ -f "$KAFKA_LIBS/.complete" ]]; then
  echo "kafka: Kafka $KAFKA_VERSION jars already in ${KAFKA_LIBS#"$ROOT_DIR"/}"
  exit 0
fi
command -v mvn >/dev/null || fail "Maven (mvn) is not installed; install it (apt-get install maven) or set KAFKA_HOME"
command -v java >/dev/null || fail "Java 17+ is not installed; install it (apt-get install openjdk-17-jre-headless)"

echo "kafka: fetching Kafka $KAFKA_VERSION jars from Maven Central (about 40 MB, once)..."
tmp="$KAFKA_LIBS.partial"
rm -rf "$tmp"
mkdir -p "$tmp"
# One line per downloaded jar is the progress shown; the full Maven log is kept only on failure.
set +e +o pipefail
mvn -B -f "$ROOT_DIR/scripts/kafka/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1 | tee "$tmp.log" \
  | sed -n -u -E 's#^.*Downloaded from [^:]+: .*/([^/]+\.jar) .*#  downloaded \1#p; /ERROR/p'
status="${PIPESTATUS[0]}"
set -e -o pipefail
if [[ "$status" != 0 ]] || ! ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1; then
  grep -m1 -E 'ERROR.*(Could not|Failed|resolve)' "$tmp.log" >&2 || tail -n 5 "$tmp.log" >&2
  fail "could not fetch Kafka $KAFKA_VERSION from Maven Central (full log: ${tmp#"$ROOT_DIR"/}.log)"
fi
rm -rf "$KAFKA_LIBS"
mv "$tmp" "$KAFKA_LIBS"
rm -f "$tmp.log"
touch "$KAFKA_LIBS/.complete"
echo "kafka: OK: Kafka $KAFKA_VERSION ready ($(ls "$KAFKA_LIBS"/*.jar | wc -l) jars in ${KAFKA_LIBS#"$ROOT_DIR"/})"
