// Pure: no I/O. What the read paths need from masking, without the configuration (index.ts adds that).
export { MASK } from "./marker";
export { headerContentRules, headerNameRules, maskingFor, payloadRules, type TopicMasking } from "./decision";
export { maskPayload, type MaskedPayload } from "./mask-payload";
export { maskHeaderValue, maskHeaders, type MaskedValue } from "./mask-header";
export type { MaskingRule } from "./rules";
