// Operators as lib functions take them: integration tests act as several people, which the app's single
// local operator (lib/auth) cannot yet be.
import type { Operator } from "@/lib/auth";

/** An operator holding the operator role, with an id of its own (the four-eyes rule compares ids). */
export function operator(name: string, id = `it:${name}`): Operator {
  return { id, name, roles: ["viewer", "operator"] };
}
