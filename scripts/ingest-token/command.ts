// `npm run ingest-token -- <verb> [name]`: what was asked, checked before anything touches the database.

export type IngestTokenCommand =
  | { verb: "create" | "rotate" | "revoke"; name: string }
  | { verb: "list" };

export const USAGE = "usage: npm run ingest-token -- create <name> | rotate <name> | revoke <name> | list";

export function parseIngestTokenCommand(argv: readonly string[]): IngestTokenCommand | { error: string } {
  const [verb, ...rest] = argv;
  if (verb === "list") return rest.length === 0 ? { verb } : { error: `list takes no arguments (got ${rest.length}); ${USAGE}` };
  if (verb === "create" || verb === "rotate" || verb === "revoke") {
    if (rest.length !== 1 || rest[0] === undefined || rest[0] === "") return { error: `${verb} takes one token name; ${USAGE}` };
    return { verb, name: rest[0] };
  }
  return { error: verb === undefined ? USAGE : `unknown command "${verb}"; ${USAGE}` };
}

/** Who the audit trail records for a command run from a shell: the OS user, as cli:<user>. */
export function cliActor(userName: () => string, uid: number | undefined): string {
  try {
    const name = userName();
    if (name) return `cli:${name}`;
  } catch {
    // No passwd entry (some containers): the numeric id still says who.
  }
  return `cli:uid-${uid ?? "unknown"}`;
}
