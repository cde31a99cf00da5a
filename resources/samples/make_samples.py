#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the bundled sample comparison: the incident that started TraceDelta.

A gateway's `preprocess-request` span wraps an `inference-service-post` client call to an
inference service. One spiked trace (root 1207.384 ms, preprocess-request 1198.196 ms,
inference-service-post 422.967 ms, so ~775 ms of preprocess self time) and four normal
ones (root ~450 ms ±10 %, preprocess self time ~40 ms). OTLP/JSON, times as strings.
Run from this folder: python3 make_samples.py
"""
import json

MS = 1_000_000
EPOCH = 1_764_000_000_000_000_000  # 2025-11-24T16:00:00Z in ns


def ns(ms):
    return int(round(ms * MS))


def kv(key, value):
    if isinstance(value, bool):
        return {"key": key, "value": {"boolValue": value}}
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    return {"key": key, "value": {"stringValue": value}}


def span(trace_id, span_id, parent, name, kind, start_ms, dur_ms, attrs=(), events=()):
    s = {
        "traceId": trace_id,
        "spanId": span_id,
        "name": name,
        "kind": kind,
        "startTimeUnixNano": str(EPOCH + ns(start_ms)),
        "endTimeUnixNano": str(EPOCH + ns(start_ms) + ns(dur_ms)),
        "attributes": [kv(k, v) for k, v in attrs],
        "status": {},
    }
    if parent:
        s["parentSpanId"] = parent
    if events:
        s["events"] = [
            {"timeUnixNano": str(EPOCH + ns(t)), "name": n, "attributes": [kv(k, v) for k, v in a]}
            for t, n, a in events
        ]
    return s


def trace(index, offset_ms, root_ms, pre_self_before_ms, pre_self_after_ms, infer_ms, model_ms):
    tid = f"{0x5eed0000 + index:08x}" + "a1b2c3d4e5f60718293a4b5c6d7e8f90"[8:]
    sid = lambda n: f"{index:02x}{n:02x}" + "c0ffee00000d"
    t0 = offset_ms
    pre_start = t0 + 4.120
    call_start = pre_start + pre_self_before_ms
    pre_ms = pre_self_before_ms + infer_ms + pre_self_after_ms
    server_start = call_start + 1.310
    server_ms = infer_ms - 2.620
    gateway = [
        span(tid, sid(1), None, "POST /v1/predict", 2, t0, root_ms,
             [("http.method", "POST"), ("http.route", "/v1/predict"), ("http.status_code", 200)]),
        span(tid, sid(2), sid(1), "authenticate", 1, t0 + 0.850, 2.940, [("auth.scheme", "bearer")]),
        span(tid, sid(3), sid(1), "preprocess-request", 1, pre_start, pre_ms,
             [("input.bytes", 5_242_880), ("input.format", "image/png")],
             [(pre_start + pre_self_before_ms - 0.400, "File saved", [("file.path", "/var/cache/gateway/upload.png")])]),
        span(tid, sid(4), sid(3), "inference-service-post", 3, call_start, infer_ms,
             [("http.method", "POST"), ("http.url", "http://inference:8080/infer"), ("peer.service", "inference-service")],
             [(call_start + infer_ms - 0.250, "Inference completed", [("model", "resnet50")])]),
        span(tid, sid(8), sid(1), "serialize-response", 1, pre_start + pre_ms + 0.510, root_ms - (pre_start + pre_ms + 0.510 - t0) - 0.700),
    ]
    inference = [
        span(tid, sid(5), sid(4), "POST /infer", 2, server_start, server_ms,
             [("http.method", "POST"), ("http.status_code", 200)]),
        span(tid, sid(6), sid(5), "load-model", 1, server_start + 0.800, 11.400, [("model", "resnet50"), ("cache", "hit")]),
        span(tid, sid(7), sid(5), "run-inference", 1, server_start + 12.600, model_ms, [("model", "resnet50"), ("device", "cpu")]),
    ]
    resource = lambda svc: {"attributes": [kv("service.name", svc), kv("service.version", "2.4.1"),
                                           kv("telemetry.sdk.name", "opentelemetry")]}
    return {"resourceSpans": [
        {"resource": resource("gateway"), "scopeSpans": [{"scope": {"name": "gateway.http"}, "spans": gateway}]},
        {"resource": resource("inference-service"), "scopeSpans": [{"scope": {"name": "inference"}, "spans": inference}]},
    ]}


def write(name, doc):
    with open(name, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


# Spike: root 1207.384, preprocess 1198.196 = 762.0 + 422.967 + 13.229, call 422.967 ms.
write("inference-spike.json", trace(0, 0.0, 1207.384, 762.000, 13.229, 422.967, 405.100))
# Normal: preprocess self ~40 ms (split before/after the call), root ~450 ms ±10 %.
normal = [(441.700, 27.800, 12.600, 388.900, 371.300),
          (418.050, 26.100, 13.900, 366.120, 349.800),
          (489.310, 28.400, 12.100, 436.760, 418.200),
          (463.880, 27.300, 13.500, 410.910, 393.000)]
for i, (root, before, after, infer, model) in enumerate(normal, start=1):
    write(f"inference-normal-{i}.json", trace(i, 0.0, root, before, after, infer, model))
