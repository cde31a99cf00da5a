// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzexercise.h"

#include "core/analysis/criticalpath.h"
#include "core/analysis/spanranking.h"
#include "core/analysis/spansearch.h"
#include "core/compare/comparison.h"
#include "core/io/filecontent.h"
#include "core/io/formatregistry.h"
#include "core/io/formatsniffer.h"
#include "core/io/otlpprotobuf.h"
#include "core/remote/httprequestparser.h"
#include "core/util/durationformat.h"
#include "core/workspace/workspace.h"

#include <map>
#include <string>
#include <vector>

namespace tracedelta::fuzz {

namespace {

const QString FileName = QStringLiteral("fuzz-input.json");

// Small enough that a fuzzer never trips its own memory limit on a legal input.
LoadControl fuzzControl()
{
    LoadControl control;
    control.limits.maxSpans = 200'000;
    control.limits.maxDecompressedBytes = 16 << 20;
    return control;
}

void analyse(const Trace& trace)
{
    (void)criticalPathCharges(trace);
    (void)topSelfTimeSpans(trace, 5);
    (void)matchSpans(trace, QStringLiteral("a"));
    (void)formatDuration(trace.wallDurationNs());
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        (void)trace.endNs(s);
        (void)spanIdLabel(trace, s);
    }
    for (const Diagnostic& d : trace.diagnostics())
        (void)d.message.size();
}

void describe(const Comparison& comparison)
{
    (void)comparison.verdictSentence();
    for (const Candidate& c : comparison.candidates())
        (void)c.reason.size();
    for (NodeIndex n = 0; n < static_cast<NodeIndex>(comparison.alignment().nodes().size()); ++n)
        (void)comparison.metrics(n).robustDeviation;
}

std::vector<TracePtr> importAs(std::optional<TraceFormat> wanted, std::string_view text)
{
    const LoadControl control = fuzzControl();
    const SniffResult sniff = sniffFormat(text);
    const auto shapeFor = [&](TraceFormat format, DocumentShape fallback) {
        return sniff.format == format ? sniff.shape : fallback;
    };
    const TraceFormat format = wanted ? *wanted : (sniff.format ? *sniff.format : TraceFormat::Chrome);
    if (!wanted && !sniff.format)
        return {};
    // A layout the sniff did not find: the format's most common one.
    static const std::map<TraceFormat, DocumentShape> fallback{{TraceFormat::Jaeger, DocumentShape::JaegerEnvelope},
                                                               {TraceFormat::Zipkin, DocumentShape::ZipkinSpans},
                                                               {TraceFormat::Otlp, DocumentShape::OtlpDocument},
                                                               {TraceFormat::Chrome, DocumentShape::ChromeObject},
                                                               {TraceFormat::Perfetto, DocumentShape::PerfettoPackets}};
    ImportResult result = formatReader(format).readText(text, shapeFor(format, fallback.at(format)), FileName, &control, 0, {});
    return std::move(result.traces);
}

void importAndAnalyse(TraceFormat format, std::string_view text)
{
    const std::vector<TracePtr> traces = importAs(format, text);
    for (const TracePtr& trace : traces) {
        analyse(*trace);
        describe(Comparison({}, trace));
    }
    if (traces.size() >= 2)
        describe(Comparison({traces.front()}, traces.back()));
}

void sniffAndInflate(std::string_view input)
{
    (void)sniffFormat(input);
    std::string inflated;
    const QString error = inflateGzip(input, inflated, fuzzControl().limits);
    if (error.isEmpty())
        (void)sniffFormat(inflated);
}

void loadWorkspace(std::string_view input)
{
    Workspace workspace;
    QString error;
    if (Workspace::fromJson(QByteArray(input.data(), static_cast<qsizetype>(input.size())), QStringLiteral("/tmp/fuzz.tdelta"),
                            workspace, error))
        (void)workspace.toJson();
}

void compare(std::string_view input)
{
    const std::size_t cut = input.find(CompareSeparator);
    const std::string_view first = input.substr(0, cut);
    const std::string_view second = cut == std::string_view::npos ? first : input.substr(cut + CompareSeparator.size());
    const std::vector<TracePtr> baselines = importAs(std::nullopt, first);
    const std::vector<TracePtr> targets = importAs(std::nullopt, second);
    if (baselines.empty() || targets.empty())
        return;
    describe(Comparison(baselines, targets.back()));
    describe(Comparison({targets.back()}, baselines.front()));
}

void protobuf(std::string_view input)
{
    const LoadControl control = fuzzControl();
    const ImportResult imported = importOtlpProtobuf(input, FileName, &control);
    for (const TracePtr& trace : imported.traces)
        analyse(*trace);
    (void)decodeOtlpProtobufMessage(input);
}

// The bytes of one connection, delivered in pieces whose sizes the input's first byte picks.
void http(std::string_view input)
{
    if (input.empty())
        return;
    const std::size_t piece = 1 + static_cast<unsigned char>(input.front()) % 64;
    input.remove_prefix(1);
    HttpRequestParser parser(1 << 20, 4096);
    for (std::size_t at = 0; at < input.size(); at += piece) {
        const std::string_view part = input.substr(at, piece);
        HttpRequestParser::State state = parser.feed(QByteArray(part.data(), static_cast<qsizetype>(part.size())));
        while (state == HttpRequestParser::State::Complete) {
            const HttpRequestParser::Request request = parser.take();
            (void)decodeOtlpProtobufMessage(std::string_view(request.body.constData(), static_cast<std::size_t>(request.body.size())));
            state = parser.state();
        }
        if (state == HttpRequestParser::State::Failed)
            return;
    }
}

} // namespace

void exercise(Target target, std::string_view input)
{
    switch (target) {
    case Target::Jaeger:
        return importAndAnalyse(TraceFormat::Jaeger, input);
    case Target::Zipkin:
        return importAndAnalyse(TraceFormat::Zipkin, input);
    case Target::Otlp:
        return importAndAnalyse(TraceFormat::Otlp, input);
    case Target::Chrome:
        return importAndAnalyse(TraceFormat::Chrome, input);
    case Target::Sniffer:
        return sniffAndInflate(input);
    case Target::Workspace:
        return loadWorkspace(input);
    case Target::Compare:
        return compare(input);
    case Target::Protobuf:
        return protobuf(input);
    case Target::Http:
        return http(input);
    case Target::Perfetto:
        return importAndAnalyse(TraceFormat::Perfetto, input);
    }
}

bool targetFromName(std::string_view name, Target& target)
{
    static const std::pair<std::string_view, Target> names[] = {
        {"jaeger", Target::Jaeger},   {"zipkin", Target::Zipkin},       {"otlp", Target::Otlp},
        {"chrome", Target::Chrome},   {"sniffer", Target::Sniffer},     {"workspace", Target::Workspace},
        {"compare", Target::Compare}, {"protobuf", Target::Protobuf}, {"http", Target::Http},
        {"perfetto", Target::Perfetto},
    };
    for (const auto& [n, t] : names) {
        if (n == name) {
            target = t;
            return true;
        }
    }
    return false;
}

} // namespace tracedelta::fuzz
