// Pure: no I/O.
/** What a masked value becomes: always the same four characters, so its length says nothing of the value. */
export const MASK = "••••";
