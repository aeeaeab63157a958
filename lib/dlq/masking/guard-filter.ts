import "server-only";
import type { Operator } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { topicMasking, type TopicMasking } from "@/lib/masking";
import type { DlqBrowseInput } from "../queries/browse-filter";
import { filterRefusal } from "./filter-refusal";

/**
 * The browser's filter as this operator may run it, with the masking that applies to what it returns;
 * FORBIDDEN (with the reason) for a filter that could find messages by a value hidden from them.
 */
export function guardFilter(input: DlqBrowseInput, operator: Operator): { input: DlqBrowseInput; masking: TopicMasking | null } {
  const masking = topicMasking(operator, input.topic);
  const refusal = filterRefusal(input, masking);
  if (refusal !== null) throw new AppError("FORBIDDEN", refusal);
  // A binary header is hidden whole from viewers, so its hex must not be matchable either.
  const header = masking !== null && input.header ? { ...input.header, textOnly: true } : input.header;
  return { input: { ...input, header }, masking };
}
