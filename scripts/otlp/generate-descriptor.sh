#!/usr/bin/env bash
# Regenerates lib/ingest/otlp/otlp-trace.json (the protobufjs schema the OTLP decoder loads) from the
# OpenTelemetry project's own .proto files. No npm package ships them; the opentelemetry-proto jar on
# Maven Central carries them next to its Java classes, so they are taken from there.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION="${OTLP_PROTO_VERSION:-1.11.0-alpha}"
out=lib/ingest/otlp
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "otlp: fetching io.opentelemetry.proto:opentelemetry-proto:$VERSION from Maven Central"
mvn -B -q dependency:copy -Dartifact="io.opentelemetry.proto:opentelemetry-proto:$VERSION:jar" -DoutputDirectory="$tmp"
rm -rf "$out/proto"
mkdir -p "$out/proto"
(cd "$out/proto" && unzip -q -o "$tmp"/opentelemetry-proto-*.jar \
  'opentelemetry/proto/common/v1/*.proto' 'opentelemetry/proto/resource/v1/*.proto' \
  'opentelemetry/proto/trace/v1/*.proto' 'opentelemetry/proto/collector/trace/v1/*.proto')
npx pbjs -t json -p "$out/proto" "$out/proto/opentelemetry/proto/collector/trace/v1/trace_service.proto" -o "$out/otlp-trace.json"
echo "otlp: OK: $out/otlp-trace.json from opentelemetry-proto $VERSION"
