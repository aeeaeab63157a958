import { z } from "zod";

/** A token's name says who holds it ("payment-service", "otel-collector-eu"); it is not secret. */
export const IngestTokenName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "a token name is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
export type IngestTokenName = z.infer<typeof IngestTokenName>;
