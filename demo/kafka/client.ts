import { Kafka, logLevel } from "kafkajs";

export function createKafka(clientId: string, brokers: string): Kafka {
  return new Kafka({
    clientId,
    brokers: brokers.split(",").map((broker) => broker.trim()),
    // kafkajs logs every retried protocol error (a coordinator still loading); services log what matters.
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 200 },
  });
}
