// Pure: no I/O.
// Decoding dead-lettered Kafka messages: DLQ metadata from headers, and previews of their values.
export { businessHeaders, isDlqBookkeepingHeader } from "./business-headers";
export type { Convention } from "./conventions";
export { headersForDisplay, type DisplayHeader } from "./display-headers";
export { hasDlqHeaders, readDlqMetadata, readRedrive, type DlqMetadata } from "./dlq-headers";
export { TEXT_CAPS, type RawHeaders } from "./header-values";
export {
  DEFAULT_FORMAT_BYTES,
  PREVIEW_LENGTH,
  describePayload,
  formatPayload,
  type FormattedPayload,
  type PayloadDescription,
  type PayloadFormat,
} from "./payload-preview";
export { parseTraceparent, type TraceContext } from "./trace-context";
