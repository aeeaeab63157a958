import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";

const tracer = () => trace.getTracer("flowdeck");

/**
 * Runs fn inside a span of Flowdeck's own; a no-op span when self-tracing is off. `root` starts a new
 * trace instead of joining the request's (whose trace may be one that is never sampled).
 */
export async function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>, root = false): Promise<T> {
  return tracer().startActiveSpan(name, { attributes, root }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
