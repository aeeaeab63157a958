import kafkajs from "kafkajs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { brokerAnswer } from "./broker-answer";

const { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, KafkaJSRequestTimeoutError } = kafkajs;

// kafkajs builds protocol errors from its table of broker error codes; its typings only admit an Error.
const brokerError = Object.assign(new Error("This server does not host this topic-partition"), { type: "UNKNOWN_TOPIC_OR_PARTITION", code: 3, retriable: true });
const unknownTopic = () => new KafkaJSProtocolError(brokerError);

describe("brokerAnswer", () => {
  it("turns a missing topic into NOT_FOUND, also after kafkajs ran out of retries", () => {
    expect(brokerAnswer(unknownTopic())).toMatchObject({ code: "NOT_FOUND" });
    expect(brokerAnswer(new KafkaJSNumberOfRetriesExceeded(unknownTopic(), { retryCount: 1, retryTime: 100 }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("treats failures to reach the broker as no answer, so they count against the circuit", () => {
    expect(brokerAnswer(new KafkaJSConnectionError("Connection error: connect ECONNREFUSED 127.0.0.1:9092"))).toBeUndefined();
    expect(brokerAnswer(new KafkaJSRequestTimeoutError("Request Metadata(key: 3, version: 6) timed out"))).toBeUndefined();
    expect(brokerAnswer(new AppError("UNAVAILABLE", "down"))).toBeUndefined();
  });

  it("turns a record the topic refuses as too large into a VALIDATION answer naming the Kafka error", () => {
    const tooLarge = Object.assign(new Error("The request included a message larger than the max message size the server will accept"), { type: "MESSAGE_TOO_LARGE", code: 10, retriable: false });
    expect(brokerAnswer(new KafkaJSProtocolError(tooLarge))).toMatchObject({ code: "VALIDATION", details: { kafkaError: "MESSAGE_TOO_LARGE" } });
  });

  it("passes Flowdeck's own answers through", () => {
    const notFound = new AppError("NOT_FOUND", "no partition 7");
    expect(brokerAnswer(notFound)).toBe(notFound);
  });
});
