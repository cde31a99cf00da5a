// SPDX-License-Identifier: GPL-3.0-or-later
// A real OpenTelemetry JS SDK application for TraceDelta's receiver tests. It records the
// same small checkout request every time, with exact times, so the test can check the
// received trace span by span:
//
//   node send-traces.mjs send URL http/json|http/protobuf RUN_LABEL [SLOW_MS]
//       exports one trace to URL (…/v1/traces) with the SDK's OTLP exporter
//   node send-traces.mjs serialize OUT_PREFIX
//       writes OUT_PREFIX.binpb and OUT_PREFIX.json with the SDK's own serializers
//       (the protobuf file and its JSON twin under tests/data/otlp-proto)
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter as HttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as HttpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ProtobufTraceSerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { writeFileSync } from 'node:fs';

// 2025-01-01T00:00:00Z, then offsets in milliseconds.
const BASE_SECONDS = 1735689600;
const at = (ms) => [BASE_SECONDS + Math.floor(ms / 1000), Math.round((ms % 1000) * 1e6)];

function recordCheckout(provider, run, slowMs) {
  const tracer = provider.getTracer('checkout-service', '1.4.2');
  const root = tracer.startSpan('GET /checkout', {
    kind: SpanKind.SERVER,
    startTime: at(0),
    attributes: { 'http.method': 'GET', 'http.route': '/checkout', 'run': run, 'retries': 3, 'ratio': 0.5,
                  'cached': true, 'tags': ['a', 'b'] },
  });
  const rootContext = trace.setSpan(context.active(), root);
  const cart = tracer.startSpan('load-cart', { kind: SpanKind.INTERNAL, startTime: at(2) }, rootContext);
  cart.addEvent('cache-miss', { 'key': 'cart:42' }, at(3));
  cart.end(at(12.5));
  const charge = tracer.startSpan('charge-card', { kind: SpanKind.CLIENT, startTime: at(13) }, rootContext);
  const chargeContext = trace.setSpan(rootContext, charge);
  const query = tracer.startSpan('db.query', { kind: SpanKind.CLIENT, startTime: at(14),
                                              attributes: { 'db.statement': 'SELECT 1' } }, chargeContext);
  query.end(at(20 + slowMs));
  charge.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined' });
  charge.end(at(30 + slowMs));
  root.end(at(40 + slowMs));
}

function makeProvider(processor, run) {
  return new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'shop', 'service.version': run }),
    spanProcessors: [processor],
  });
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'send') {
  const [url, protocol, run = 'run-1', slow = '0'] = rest;
  const exporter = protocol === 'http/protobuf' ? new HttpProtoExporter({ url }) : new HttpJsonExporter({ url });
  const provider = makeProvider(new SimpleSpanProcessor(exporter), run);
  recordCheckout(provider, run, Number(slow));
  await provider.forceFlush();
  await provider.shutdown();
  console.log(`sent 4 spans over ${protocol} to ${url}`);
} else if (mode === 'serialize') {
  const [prefix] = rest;
  const memory = new InMemorySpanExporter();
  const provider = makeProvider(new SimpleSpanProcessor(memory), 'run-1');
  recordCheckout(provider, 'run-1', 0);
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  writeFileSync(`${prefix}.binpb`, ProtobufTraceSerializer.serializeRequest(spans));
  writeFileSync(`${prefix}.json`, JsonTraceSerializer.serializeRequest(spans));
  console.log(`wrote ${prefix}.binpb and ${prefix}.json (${spans.length} spans)`);
} else {
  console.error('usage: send-traces.mjs send URL http/json|http/protobuf RUN [SLOW_MS] | serialize OUT_PREFIX');
  process.exit(2);
}
