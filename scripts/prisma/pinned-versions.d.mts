// Types for pinned-versions.mjs, which the stand-in loads as plain JavaScript.
export declare const PINNED_VERSIONS: Readonly<Record<"prisma" | "@prisma/adapter-pg" | "@prisma/schema-engine-wasm", string>>;
export declare function readInstalledVersion(name: string): string | undefined;
export declare function describeVersionMismatch(
  readVersion?: (name: string) => string | undefined,
  pinned?: Readonly<Record<string, string>>,
): string | null;
