/** A time range the flow queries read: minute buckets from the one holding `from` up to `to`. */
export type FlowWindow = { from: Date; to: Date };
