import "server-only";
import type { Operator } from "@/lib/auth";
import { topicMasking } from "@/lib/masking";
import type { DlqBrowseInput } from "../queries/browse-filter";
import { filterRefusal } from "./filter-refusal";

/** Why this operator may not filter the browser this way (masking rules), or null; the page says it instead of listing. */
export function browseFilterRefusal(input: DlqBrowseInput, operator: Operator): string | null {
  return filterRefusal(input, topicMasking(operator, input.topic));
}
