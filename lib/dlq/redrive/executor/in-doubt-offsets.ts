/** Per target topic and partition, the end offset recorded before a batch was produced. */
export type InDoubtFrom = Record<string, Record<string, string>>;

/** Per topic and partition, the lower of two recorded end offsets: one scan from there finds both batches. */
export function lowestOffsets(a: InDoubtFrom, b: InDoubtFrom): InDoubtFrom {
  const merged: InDoubtFrom = {};
  for (const source of [a, b]) {
    for (const [topic, partitions] of Object.entries(source)) {
      const into = (merged[topic] ??= {});
      for (const [partition, offset] of Object.entries(partitions)) {
        const known = into[partition];
        if (known === undefined || BigInt(offset) < BigInt(known)) into[partition] = offset;
      }
    }
  }
  return merged;
}
