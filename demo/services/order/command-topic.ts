import type { Topics } from "../../kafka/topics";
import type { Command } from "../../messages";

/** Commands go to the topic of the service that carries them out. */
export function commandTopic(topics: Topics, command: Command): string {
  if (command.type.startsWith("inventory.")) return topics.inventory;
  if (command.type.startsWith("payment.")) return topics.payment;
  return topics.shipping;
}
