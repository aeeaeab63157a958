import "server-only";
import type { SagaListFilter } from "./saga-filter";
import type { StatusBranch } from "./status-branches";

/** Positional parameters collected while a statement is built, so values never enter the SQL text. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${String(this.values.length)}`;
  }
}

/** The filters every list and count shares: the window on started_at, type, key and id. */
export function commonConditions(filter: Pick<SagaListFilter, "from" | "to" | "name" | "key" | "sagaId">, params: Params): string[] {
  const conditions = [`started_at >= ${params.add(filter.from)}`, `started_at < ${params.add(filter.to)}`];
  if (filter.name !== undefined) conditions.push(`name = ${params.add(filter.name)}`);
  if (filter.key !== undefined) conditions.push(`key = ${params.add(filter.key)}`);
  if (filter.sagaId !== undefined) conditions.push(`id = ${params.add(filter.sagaId)}`);
  return conditions;
}

/** One branch's conditions; `staleBefore` is the parameter holding now − stuck threshold. */
export function branchConditions(branch: StatusBranch, staleBefore: string, params: Params): string[] {
  const conditions = [`status = ${params.add(branch.status)}`];
  if (branch.progress === "fresh") conditions.push(`last_progress_at >= ${staleBefore}`);
  if (branch.progress === "stale") conditions.push(`last_progress_at < ${staleBefore}`);
  return conditions;
}

/** A microsecond count since the epoch as an exact timestamptz (a float would round it). */
export function microsToTimestamp(placeholder: string): string {
  return `('epoch'::timestamptz + ${placeholder}::bigint * interval '1 microsecond')`;
}
