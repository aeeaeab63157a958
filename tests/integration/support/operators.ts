// Operators as lib functions take them, without a session: tests of the lib layer act as several people at
// once (tests of server actions sign real users in instead, support/sign-in-as.ts).
import type { Operator } from "@/lib/auth";

/** An operator holding the operator role, with an id of its own (the four-eyes rule compares ids). */
export function operator(name: string, id = `it:${name}`): Operator {
  return { id, name, displayName: name, roles: ["viewer", "operator"] };
}
