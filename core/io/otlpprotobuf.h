// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importresult.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <string_view>

namespace tracedelta {

// One plain ExportTraceServiceRequest, as an OTLP/HTTP body carries it, as the OTLP/JSON
// document the receiver keeps ({"resourceSpans": [...]}); an empty request (no spans) is valid.
struct OtlpProtobufDocument
{
    bool ok = false;
    QString problem;          // why the bytes are not OTLP protobuf
    nlohmann::json document;
    std::size_t spans = 0;
};
OtlpProtobufDocument decodeOtlpProtobufMessage(std::string_view bytes);

// Binary OTLP read straight into the model, through the span code OTLP/JSON uses
// (otlpspans.h), so a .pb file and its JSON twin give the same traces, diagnostics and
// limits: an ExportTraceServiceRequest or TracesData (the same wire layout), alone or as a
// stream of length-delimited messages — varint prefixes, as the specification's file
// exporter writes, or 4-byte big-endian prefixes, as the Collector's file exporter writes
// with `format: proto`. Unknown fields are skipped, as protobuf does.
ImportResult importOtlpProtobuf(std::string_view bytes, const QString& sourceFile, const LoadControl* control);

// The protobuf body of an OTLP/HTTP response: ExportTraceServiceResponse (with partial
// success when spans were rejected) and google.rpc.Status for errors.
std::string otlpExportResponseProtobuf(std::int64_t rejectedSpans, const std::string& errorMessage);
std::string otlpErrorStatusProtobuf(int code, const std::string& message);

} // namespace tracedelta
