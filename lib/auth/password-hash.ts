import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended minimum, and
// about 30 ms per sign-in on a small machine. The parameters are stored in each hash, so raising them
// later still verifies old hashes.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash (an account with no usable password) never matches.
    return false;
  }
}
