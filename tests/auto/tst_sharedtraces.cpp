// SPDX-License-Identifier: GPL-3.0-or-later
// Every real trace in ../shared/traces: it loads (or fails with a clear message), in the
// format SOURCES.tsv names, with span counts and wall durations that agree with an
// independent count made here from a plain DOM parse.
#include "core/analysis/spansearch.h"
#include "core/io/filecontent.h"
#include "core/io/formatsniffer.h"
#include "core/io/parallelloader.h"
#include "core/util/releasememory.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <cstring>
#include <limits>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace tracedelta;
using nlohmann::json;

namespace {

struct Extent
{
    std::int64_t begin = std::numeric_limits<std::int64_t>::max();
    std::int64_t end = std::numeric_limits<std::int64_t>::min();
    void add(std::int64_t b, std::int64_t e)
    {
        begin = std::min(begin, b);
        end = std::max(end, e);
    }
    bool valid() const { return begin <= end; }
};

std::int64_t asInt(const json& v)
{
    return v.is_string() ? std::stoll(v.get<std::string>()) : v.get<std::int64_t>();
}

// Microseconds to nanoseconds, exact for integers (epoch microseconds exceed double precision once scaled).
std::int64_t microsToNs(const json& v)
{
    if (v.is_number_integer())
        return v.get<std::int64_t>() * 1000;
    return std::llround((v.is_string() ? std::stod(v.get<std::string>()) : v.get<double>()) * 1000);
}

// Spans' time extent found by shape, not by format logic: every object that looks like a span.
void collectExtent(const json& value, const QString& format, Extent& extent)
{
    if (value.is_object()) {
        if (format == QLatin1String("jaeger") && value.contains("spanID") && value.contains("startTime")
            && value.contains("duration")) {
            const auto start = value["startTime"].get<std::int64_t>() * 1000;
            extent.add(start, start + value["duration"].get<std::int64_t>() * 1000);
        } else if (format == QLatin1String("zipkin") && value.contains("traceId") && value.contains("id")
                   && value.contains("timestamp")) {
            const auto start = value["timestamp"].get<std::int64_t>() * 1000;
            extent.add(start, start + (value.contains("duration") ? value["duration"].get<std::int64_t>() * 1000 : 0));
        } else if (format == QLatin1String("otlp") && value.contains("startTimeUnixNano")
                   && value.contains("endTimeUnixNano")) {
            extent.add(asInt(value["startTimeUnixNano"]), asInt(value["endTimeUnixNano"]));
        }
    }
    if (value.is_structured()) {
        for (const auto& child : value)
            collectExtent(child, format, extent);
    }
}

// clang's "Total <phase>" summary rows, told apart here on their own (name and exactly
// the arguments count and "avg ms"): the importer keeps them as a table, not as spans.
bool isClangTotal(const json& e)
{
    const json args = e.value("args", json::object());
    return e.value("name", "").rfind("Total ", 0) == 0 && args.is_object() && args.size() == 2 && args.contains("count")
        && args.contains("avg ms");
}

int independentAggregateCount(const QString& path)
{
    const json doc = json::parse(readFileContent(path).text, nullptr, false);
    if (doc.is_discarded())
        return 0;
    const json& events = doc.is_array() ? doc : doc.value("traceEvents", json::array());
    int count = 0;
    for (const auto& e : events)
        count += e.is_object() && e.value("ph", "") == "X" && isClangTotal(e);
    return count;
}

// Async b/e pairs as catapult pairs them: within one process, category and id, an end
// closes the latest open begin of its name (or the latest at all when it names none).
int independentAsyncPairs(const QString& path)
{
    const json doc = json::parse(readFileContent(path).text, nullptr, false);
    if (doc.is_discarded())
        return 0;
    const json& events = doc.is_array() ? doc : doc.value("traceEvents", json::array());
    std::map<std::string, std::vector<std::string>> open; // pid/cat/id -> names of open begins
    int pairs = 0;
    for (const auto& e : events) {
        const std::string ph = e.is_object() ? e.value("ph", "") : "";
        if ((ph != "b" && ph != "e") || !e.contains("ts"))
            continue;
        const json id = e.contains("id2") ? e["id2"] : e.value("id", json());
        const std::string key = e.value("pid", json()).dump() + "/" + e.value("cat", "") + "/" + id.dump();
        const std::string name = e.value("name", "");
        std::vector<std::string>& names = open[key];
        if (ph == "b") {
            names.push_back(name);
            continue;
        }
        for (auto it = names.rbegin(); it != names.rend(); ++it) {
            if (name.empty() || *it == name) {
                names.erase(std::prev(it.base()));
                ++pairs;
                break;
            }
        }
    }
    return pairs;
}

std::optional<Extent> independentExtent(const QString& path, const QString& format)
{
    const FileContent content = readFileContent(path);
    Extent extent;
    if (format == QLatin1String("chrome")) {
        const json doc = json::parse(content.text, nullptr, false);
        if (doc.is_discarded())
            return std::nullopt;
        const json& events = doc.is_array() ? doc : doc.value("traceEvents", json::array());
        for (const auto& e : events) {
            const std::string ph = e.value("ph", "");
            if (ph == "B" || ph == "E" || ph == "b" || ph == "e")
                return std::nullopt; // pairing is the importer's job; only X-only files are checked
            if (ph == "X" && !isClangTotal(e)) {
                const auto start = microsToNs(e["ts"]);
                extent.add(start, start + (e.contains("dur") ? microsToNs(e["dur"]) : 0));
            }
        }
        return extent;
    }
    json doc = json::parse(content.text, nullptr, false);
    if (doc.is_discarded()) { // JSON Lines
        for (const QString& line : QString::fromStdString(content.text).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            collectExtent(json::parse(line.toStdString()), format, extent);
    } else {
        collectExtent(doc, format, extent);
    }
    return extent;
}

// Zipkin reports one span in several parts (same id and local service, not shared);
// the UI, and TraceDelta, merge them. Counted here independently of the importer.
int zipkinSpansAfterMerging(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const nlohmann::json doc = nlohmann::json::parse(file.readAll().toStdString());
    std::set<std::string> keys;
    int withoutId = 0;
    const auto add = [&](const nlohmann::json& span) {
        const std::string id = span.value("id", "");
        if (id.empty()) {
            ++withoutId;
            return;
        }
        const std::string service = span.contains("localEndpoint") && span["localEndpoint"].is_object()
            ? span["localEndpoint"].value("serviceName", "")
            : "";
        keys.insert(span.value("traceId", "") + "/" + id + "/" + service + (span.value("shared", false) ? "/shared" : ""));
    };
    if (doc.is_object())
        add(doc);
    for (const auto& span : doc.is_array() ? doc : nlohmann::json::array())
        add(span);
    return static_cast<int>(keys.size()) + withoutId;
}

// Everything a loaded file says, as text: each trace's spans (times, tree, names, lane,
// attributes) and diagnostics, or the error. Two readers agree when these are equal.
QString modelFingerprint(const LoadResult& loaded)
{
    if (!loaded.ok())
        return QStringLiteral("error: ") + loaded.error;
    QString out;
    for (const TracePtr& trace : loaded.traces) {
        const Trace& t = *trace;
        out += QStringLiteral("trace %1 spans %2\n").arg(QString::fromStdString(t.traceId())).arg(t.spanCount());
        for (const Lane& lane : t.lanes())
            out += QStringLiteral("lane %1\n").arg(QString::fromStdString(t.strings().at(lane.label)));
        for (SpanIndex i = 0; i < t.spanCount(); ++i) {
            out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 |").arg(t.startNs(i)).arg(t.durationNs(i)).arg(t.selfNs(i)).arg(t.parent(i))
                       .arg(t.depth(i)).arg(t.lane(i)).arg(QString::fromStdString(t.nameText(i)), QString::fromStdString(t.serviceText(i)));
            for (const Attribute& a : t.attributes(i))
                out += QStringLiteral(" %1=%2").arg(QString::fromStdString(t.strings().at(a.key)), t.valueText(a.value).qstring());
            out += QStringLiteral(" id=%1").arg(QString::fromStdString(t.spanIdText(i)));
            for (const SpanEvent& e : t.events(i)) {
                out += QStringLiteral(" event %1 %2:").arg(e.timeNs).arg(QString::fromStdString(t.strings().at(e.name)));
                for (const Attribute& a : t.eventAttributes(e))
                    out += QStringLiteral(" %1=%2").arg(QString::fromStdString(t.strings().at(a.key)), t.valueText(a.value).qstring());
            }
            out += QLatin1Char('\n');
        }
        for (const Diagnostic& d : t.diagnostics())
            out += QStringLiteral("diagnostic %1 %2\n").arg(int(d.severity)).arg(d.message);
    }
    return out;
}

QString loadFingerprint(const QString& path, bool bulk, std::size_t batchBytes = LoadControl().bulkBatchBytes,
                        bool whileReading = false, int readerThreads = 2)
{
    LoadControl control;
    control.bulkParser = bulk;
    control.bulkBatchBytes = batchBytes;
    control.readerThreads = readerThreads;
    control.streamFromBytes = whileReading ? 0 : std::numeric_limits<std::int64_t>::max();
    return modelFingerprint(loadTraceFile(path, &control));
}

// Chrome files that stress the two readers' agreement: escapes, numbers as strings and
// exponents, duplicate keys, two traceEvents arrays, non-objects, truncation, trailing
// garbage, a malformed value in a field nobody reads, huge times, deep and large args.
QList<QPair<QString, QString>> writeHostileChromeVariants(const QTemporaryDir& dir)
{
QList<QPair<QString, QString>> written;
const auto add = [&](const char* name, const QByteArray& content) {
    written << qMakePair(QString::fromLatin1(name), test::writeFile(dir, QString::fromLatin1(name) + QStringLiteral(".json"), content));
};
    add("strings-numbers-escapes", R"([{"ph":"X","name":"a\u00e9\"b","cat":"c","ts":"1.5","dur":"2e3","pid":"p","tid":7,
        "args":{"n":1.25,"big":18446744073709551615,"neg":-0,"t":true,"z":null,"arr":[1,{"k":"v"}],"o":{"x":[]},"n":2}},
        {"ph":"X","name":"b","ts":1e2,"dur":10,"pid":1.0,"tid":-3},{"ph":"M","name":"thread_name","pid":"p","tid":7,"args":{"name":"main"}}])");
    add("object-two-event-arrays", R"({"otherData":{"x":[1,2]},"traceEvents":[{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1}],
        "displayTimeUnit":"ns","traceEvents":[{"ph":"B","name":"b","ts":2,"pid":1,"tid":1},{"ph":"E","ts":4,"pid":1,"tid":1}]})");
    add("non-objects-and-unknown-phases", R"([1,"x",null,[2],{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1},
        {"ph":"C","name":"counter","ts":1,"pid":1,"args":{"v":1}},{"ph":"X","name":"no-ts","dur":1},{"ph":"X","name":"no-dur","ts":3}])");
    add("truncated-array", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1},{"ph":"X","name":"b","ts":2,"dur":1,"pid":1,"tid":1},{"ph":"X","na)");
    add("unterminated-array", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1},)");
    add("trailing-garbage", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1}] xyz)");
    add("bad-value-in-skipped-field", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1,"sf":[1,,2]}])");
    add("huge-times", R"([{"ph":"X","name":"a","ts":9223372036854775807,"dur":5,"pid":1,"tid":1},{"ph":"X","name":"b","ts":1,"dur":1e300,"pid":1,"tid":1},
        {"ph":"X","name":"c","ts":5,"dur":2,"pid":1,"tid":1}])");
    QByteArray deep = R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1,"args":{"deep":)";
    for (int i = 0; i < 200; ++i)
        deep += "[";
    for (int i = 0; i < 200; ++i)
        deep += "]";
    add("deep-args", deep + "}}]");
    QByteArray large = "[";
    for (int i = 0; i < 2000; ++i) {
        QByteArray args = R"({"frames":[)";
        for (int f = 0; f < 40; ++f)
            args += (f ? "," : "") + QByteArray(R"({"fn":"frame_)") + QByteArray::number(f) + R"(","line":)" + QByteArray::number(i * f) + "}";
        args += R"(],"text":")" + QByteArray(2000, 'x') + R"(","id":)" + QByteArray::number(i) + "}";
        large += (i ? "," : "") + QByteArray(R"({"ph":"X","name":"op)") + QByteArray::number(i % 7) + R"(","ts":)" + QByteArray::number(i * 10)
            + R"(,"dur":)" + QByteArray::number(5 + i % 3) + R"(,"pid":1,"tid":)" + QByteArray::number(i % 4) + R"(,"args":)" + args + "}";
    }
    add("large-args", large + "]");

    // Jaeger: processes after spans (as Jaeger writes them), inline processes, duplicate
    // keys, entries of the wrong type, legacy parents, warnings, several traces, a bare trace.
    // The batched Chrome reader's cuts: separators, brackets and quotes inside strings, the
    // frame around the array, and what only the whole-document readers read.
    add("batch-strings-with-brackets", R"({"traceEvents" : [ {"ph":"X","name":"a\"},{\"[","ts":1,"dur":5,"pid":1,"tid":1,"args":{"s":"]}\\","t":[[{}],[]]}} ,
        {"ph":"X","name":"\\","ts":2,"dur":1,"pid":1,"tid":1}  ] , "meta":{"traceEvents":[1]},"x":[{"y":"]"}]})");
    add("batch-trailing-comma", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1},{"ph":"X","name":"b","ts":2,"dur":1,"pid":1,"tid":1},])");
    add("batch-leading-comma", R"([,{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1}])");
    add("batch-double-comma", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1},,{"ph":"X","name":"b","ts":2,"dur":1,"pid":1,"tid":1}])");
    add("batch-missing-comma", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1} {"ph":"X","name":"b","ts":2,"dur":1,"pid":1,"tid":1}])");
    add("batch-mismatched-bracket", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1,"args":{"a":[1}]},{"ph":"X","name":"b","ts":2,"dur":1,"pid":1,"tid":1}])");
    add("batch-escaped-key", R"({"trace\u0045vents":[{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1}],"traceEvents":[{"ph":"X","name":"b","ts":2,"dur":1,"pid":1,"tid":1}]})");
    add("batch-events-not-array", R"({"traceEvents":{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1}})");
    add("batch-empty-arrays", R"({"traceEvents":[ ],"x":[]})");
    add("batch-bad-frame-after", R"({"traceEvents":[{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1}],"x":[1,,2]})");
    add("batch-bad-frame-before", R"({"x":tru,"traceEvents":[{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1}]})");
    add("batch-bom", "\xEF\xBB\xBF" R"({"traceEvents":[{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1}]})");
    add("batch-unclosed-string", R"([{"ph":"X","name":"a","ts":1,"dur":5,"pid":1,"tid":1},{"ph":"X","name":"b)");
    add("jaeger-processes-after-spans", R"({"data":[{"traceID":"t1","spans":[
        {"traceID":"t1","spanID":"a","operationName":"root","references":[],"startTime":10,"duration":100,"processID":"p1",
         "tags":[{"key":"span.kind","value":"server"},{"key":"error","type":"bool","value":true},7,{"key":"n","value":1.5e1}],
         "logs":[{"timestamp":20,"fields":[{"key":"message","value":"hi"},{"key":"x","value":{"deep":[1,2]}}]},"junk",{"fields":"no"}],
         "warnings":["clock skew"]},
        {"spanID":"b","operationName":"child","references":[{"refType":"FOLLOWS_FROM","traceID":"t1","spanID":"a"},{"refType":"CHILD_OF","traceID":"other","spanID":"z"},3],
         "startTime":"20","duration":30.5,"processID":"p2","process":{"serviceName":"inline","tags":[{"key":"host","value":"h"},"bad"]}},
        {"spanID":"c","operationName":"legacy","parentSpanID":"0","startTime":true,"processID":"missing","warnings":[]},
        {"spanID":"d","spanID":"d2","operationName":"dup","tags":[{"key":"a","value":"1"}],"tags":"not-a-list","startTime":40,"duration":1,"processID":"p1"},
        42],
      "processes":{"p1":{"serviceName":"frontend","tags":[{"key":"ip","value":"10.0.0.1"}]},"p2":"odd","p1":{"serviceName":"front2"}}},
      {"traceID":"t2","processes":{"p":{"serviceName":"s"}},"spans":[{"spanID":"x","operationName":"other","startTime":1,"duration":2,"processID":"p"}]},
      "not-a-trace",{"traceID":"t3"}],"total":0,"errors":null})");
    add("jaeger-data-object", R"({"errors":null,"data":{"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2}]}})");
    add("jaeger-bare-trace", R"({"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2,"processID":"p"}],
        "processes":{"p":{"serviceName":"svc"}}})");
    add("jaeger-truncated", R"({"data":[{"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2},{"spanID":"b")");
    add("jaeger-trailing", R"({"data":[{"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2}]}]} {})");
    // Zipkin: parts of one span to merge, shared client/server halves, duplicate and odd
    // fields, endpoints of the wrong type, annotations without time, a list of traces.
    add("zipkin-parts-and-oddities", R"([
        {"traceId":"ABC","id":"1","name":"get","kind":"SERVER","timestamp":10,"duration":50,"localEndpoint":{"serviceName":"front"},
         "tags":{"z":"1","a":true,"n":2.5,"error":"boom","a":"again"},"annotations":[{"timestamp":12,"value":"ws"},{"value":"no time"},"odd"]},
        {"traceId":"abc","id":"1","name":"unknown","timestamp":5,"duration":20,"localEndpoint":{"serviceName":"front","ipv4":"1.2.3.4"},
         "remoteEndpoint":{"serviceName":null},"annotations":[{"timestamp":12,"value":"ws"}]},
        {"traceId":"abc","id":"1","kind":"CLIENT","shared":true,"timestamp":"3","duration":70,"localEndpoint":{"serviceName":"front"}},
        {"traceId":"abc","id":"2","parentId":"1","name":"db","localEndpoint":"not-an-object","remoteEndpoint":{"serviceName":"mysql","port":3306},
         "shared":"yes","timestamp":15,"tags":[1,2]},
        {"traceId":"abc","id":"3","parentId":"1","name":"cache","localEndpoint":{"serviceName":"front"},"annotations":[{"timestamp":30,"value":"cs"}]},
        {"traceId":"abc","id":"","name":"anonymous","timestamp":1,"duration":1,"localEndpoint":{"serviceName":"x"}},
        42, null])");
    add("zipkin-traces", R"([[{"traceId":"t1","id":"a","name":"a","timestamp":1,"duration":5,"localEndpoint":{"serviceName":"s"}}],
        [{"traceId":"t2","id":"b","name":"b","timestamp":2,"duration":6,"localEndpoint":{"serviceName":"s"}},{"traceId":"t2","id":"c","parentId":"b","name":"c","timestamp":3,"duration":1}]])");
    add("zipkin-single", R"({"traceId":"t","id":"a","name":"only","timestamp":1,"duration":2,"localEndpoint":{"serviceName":"s"}})");
    add("zipkin-nested-array", R"([{"traceId":"t","id":"a","name":"a","timestamp":1,"duration":5},[{"traceId":"t","id":"b"}]])");
    add("zipkin-truncated", R"([{"traceId":"t","id":"a","name":"a","timestamp":1,"duration":5},{"traceId":"t","id":)");
    add("jaeger-two-data", R"({"data":[{"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2}]}],
        "data":[{"traceID":"u","spans":[{"spanID":"b","operationName":"p","startTime":1,"duration":3}]}]})");
    // The span lists read in batches, the rest of each trace and of the document as a frame
    // around them: what either part can hold.
    add("jaeger-two-span-lists", R"({"data":[{"traceID":"t","spans":[{"spanID":"a","operationName":"first","startTime":1,"duration":2,"processID":"p"}],
        "processes":{"p":{"serviceName":"s"}},"spans":[{"spanID":"b","operationName":"second","startTime":1,"duration":3,"processID":"p"}]}]})");
    add("jaeger-escaped-spans-key", R"({"data":[{"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2}]}]})");
    add("jaeger-spans-not-a-list", R"({"data":[{"traceID":"t","spans":{"spanID":"a"},"processes":{}},{"traceID":"u","spans":[{"spanID":"b","operationName":"o","startTime":1,"duration":2}]}]})");
    add("jaeger-data-null", R"({"data":null,"total":1})");
    add("jaeger-bad-value-after-spans", R"({"data":[{"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2}],"x":tru}]})");
    add("jaeger-brackets-in-strings", R"({ "data" : [ { "traceID" : "t]}" , "spans" : [ {"spanID":"a","operationName":"o"]},[{","startTime":1,"duration":2,"processID":"p",
        "tags":[{"key":"k]","value":"v}\"}]} , {"spanID":"b","operationName":"\","startTime":2,"duration":1,"processID":"p"} ] ,
        "processes" : {"p":{"serviceName":"s[{","tags":[{"key":"x","value":"]]"}]}} } ] , "errors" : [ "]" ] })");
    add("jaeger-trailing-comma-in-spans", R"({"data":[{"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2},]}]})");
    add("jaeger-missing-comma-between-traces", R"({"data":[{"traceID":"t","spans":[{"spanID":"a","operationName":"o","startTime":1,"duration":2}]} {"traceID":"u","spans":[]}]})");
    add("zipkin-brackets-in-strings", R"( [ {"traceId":"t","id":"a","name":"a]},[","timestamp":1,"duration":5,"localEndpoint":{"serviceName":"s\"},
        "tags":{"k[":"v]}"}} , {"traceId":"t","id":"b","parentId":"a","name":"\\","timestamp":2,"duration":1} ] )");
    add("zipkin-trailing-comma", R"([{"traceId":"t","id":"a","name":"a","timestamp":1,"duration":5},])");
    add("zipkin-garbage-after", R"([{"traceId":"t","id":"a","name":"a","timestamp":1,"duration":5}] ])");
    // OTLP: every AnyValue kind (nested lists, kvlists with odd entries, duplicate members),
    // enums as numbers, names, floats and out-of-range values, ids in hex and base64, events
    // and links of the wrong type, the legacy names, Tempo's "batches", logs and metrics
    // blocks, a block whose resource follows its spans, lists given twice, JSON Lines.
    add("otlp-values-and-oddities", R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}},
        {"key":"process.command_args","value":{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"7"},{},{"kvlistValue":{"values":[{"key":"k","value":{"boolValue":true}},"odd",{"key":"n"}]}}]}}},
        {"key":"both","value":{"intValue":3,"stringValue":"wins"}},{"key":"dup","value":{"doubleValue":1.5,"doubleValue":2.5}},{"key":"plain","value":"text"},{"value":{"bytesValue":"AAEC"}},7]},
      "scopeSpans":[{"scope":{"name":"lib","version":"1"},"spans":[
        {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174","parentSpanId":"","name":"root","kind":2,"startTimeUnixNano":"1544712660000000000",
         "endTimeUnixNano":1544712661000000000,"status":{"code":"STATUS_CODE_ERROR","message":"boom"},"attributes":[{"key":"http.status","value":{"intValue":"500"}}],
         "events":[{"timeUnixNano":"1544712660300000000","name":"ev","attributes":[{"key":"x","value":{"stringValue":"y"}}]},"odd",{"name":"untimed"}],
         "links":[{"traceId":"W47/95gDgQPSabYzgT/GDA==","spanId":"7uGbfsPBsXQ="},3]},
        {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"aaaaaaaaaaaaaaaa","parentSpanId":"eee19b7ec3c1b174","name":"child","kind":"SPAN_KIND_CLIENT",
         "startTimeUnixNano":1.5447126602e18,"endTimeUnixNano":"1544712660500000000.0","status":{"code":1}},
        {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"bbbbbbbbbbbbbbbb","name":"odd-kinds","kind":2.0,"status":{"code":2.0,"message":null},
         "startTimeUnixNano":true,"endTimeUnixNano":"x"},
        {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"cccccccccccccccc","name":"n","name":"renamed","kind":9,"status":"bad","attributes":"no","attributes":[]},
        "not-a-span",null]},
      {"instrumentationLibrary":{"name":"old"},"scope":{"name":"new"},"spans":[{"traceId":"t2","spanId":"s","name":"scoped","startTimeUnixNano":1,"endTimeUnixNano":2}]},
      {"spans":"none"},7]},
     {"scopeSpans":[{"spans":[{"traceId":"t3","spanId":"u","name":"no-service","startTimeUnixNano":5,"endTimeUnixNano":9}]}]},
     "not-a-block"],
     "resourceLogs":[{"x":1}],"resourceMetrics":[]})");
    add("otlp-legacy-and-batches", R"({"batches":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"tempo"}}]},
        "instrumentationLibrarySpans":[{"instrumentationLibrary":{"name":"lib"},"spans":[{"traceId":"AAAAAAAAAAAAAAAAAAAAAQ==","spanId":"AAAAAAAAAAE=","name":"b","startTimeUnixNano":"10","endTimeUnixNano":"20"}]}]}]})");
    add("otlp-resource-after-spans", R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"t","spanId":"a","name":"x","startTimeUnixNano":1,"endTimeUnixNano":2}]}],
        "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"late"}}]}}]})");
    add("otlp-lists-twice", R"({"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[{"traceId":"t","spanId":"a","name":"first","startTimeUnixNano":1,"endTimeUnixNano":2}],
        "spans":[{"traceId":"t","spanId":"b","name":"second","startTimeUnixNano":1,"endTimeUnixNano":3}]}],"scopeSpans":[]}]})");
    add("otlp-both-scope-list-names", R"({"resourceSpans":[{"instrumentationLibrarySpans":[{"spans":[{"traceId":"t","spanId":"a","name":"old","startTimeUnixNano":1,"endTimeUnixNano":2}]}],
        "scopeSpans":[{"spans":[{"traceId":"t","spanId":"b","name":"new","startTimeUnixNano":1,"endTimeUnixNano":3}]}]}]})");
    add("otlp-json-lines", "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"t\",\"spanId\":\"a\",\"name\":\"l1\",\"startTimeUnixNano\":1,\"endTimeUnixNano\":2}]}]}]}\n"
                           "{\"resourceMetrics\":[]}\n{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"t\",\"spanId\":\"b\",\"parentSpanId\":\"a\",\"name\":\"l3\",\"startTimeUnixNano\":1,\"endTimeUnixNano\":2}]}]}]}\n");
    add("otlp-deep-kvlist", [] {
        QByteArray value = R"({"stringValue":"leaf"})";
        for (int i = 0; i < 20; ++i)
            value = R"({"kvlistValue":{"values":[{"key":"k)" + QByteArray::number(i) + R"(","value":)" + value + "}]}}";
        return R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"t","spanId":"a","name":"deep","startTimeUnixNano":1,"endTimeUnixNano":2,
            "attributes":[{"key":"nested","value":)" + value + "}]}]}]}]}";
    }());
    add("otlp-truncated", R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"t","spanId":"a","name":"x","startTimeUnixNano":1,"endTimeUnixNano":2},{"traceId":)");
    add("otlp-frames", R"({"resourceLogs":[],"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}}]},"schemaUrl":"x",
        "scopeSpans":[{"scope":{"name":"s]{"},"spans":[{"traceId":"t","spanId":"a","name":"x]","startTimeUnixNano":1,"endTimeUnixNano":2}],"schemaUrl":"u"},
          {"spans":[{"traceId":"t","spanId":"b","name":"late-scope","startTimeUnixNano":1,"endTimeUnixNano":2}],"scope":{"name":"late"}}],"schemaUrl":"y"}],
        "resourceMetrics":[{}],"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[{"traceId":"t","spanId":"c","name":"second-list","startTimeUnixNano":1,"endTimeUnixNano":5}]}]}]})");
    add("otlp-scope-not-object", R"({"resourceSpans":[{"resource":{},"scopeSpans":[7,{"spans":[{"traceId":"t","spanId":"a","name":"x","startTimeUnixNano":1,"endTimeUnixNano":2}]}]}]})");
    add("otlp-bad-value-after-spans", R"({"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[{"traceId":"t","spanId":"a","name":"x","startTimeUnixNano":1,"endTimeUnixNano":2}],"x":tru}]}]})");
    add("otlp-big-kind", R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"t","spanId":"a","name":"x","kind":4294967298,"startTimeUnixNano":1,"endTimeUnixNano":2}]}]}]})");
    return written;
}

// The golden fingerprints: every file's model as the readers made it before core/io was
// redesigned around one reader per format (issue 28), hashed. A change of any reader that
// changes a model — in both the bulk and the robust paths alike, which the agreement check
// cannot see — fails here. TRACEDELTA_RECORD_GOLDEN=1 writes the table anew (review the diff).
QString goldenTablePath()
{
    return QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/data/golden/fingerprints.tsv");
}

bool recordingGolden()
{
    return qEnvironmentVariableIntValue("TRACEDELTA_RECORD_GOLDEN") == 1;
}

// Where a file is, in words that hold on any machine: its path under the repository or under
// ../shared/traces, or "hostile/<name>" for a variant written by this test.
QString goldenKey(const QString& path, const QString& rowName)
{
    // canonicalPath() is empty for a folder that does not exist (a clone without
    // ../shared/traces): then nothing is "shared", rather than everything under "/".
    const QString sharedDir = QDir(test::sharedTracesDir()).canonicalPath();
    const QString shared = sharedDir.isEmpty() ? QString() : sharedDir + QLatin1Char('/');
    const QString source = QDir(QStringLiteral(TRACEDELTA_SOURCE_DIR)).canonicalPath() + QLatin1Char('/');
    const QString file = QFileInfo(path).canonicalFilePath();
    if (!shared.isEmpty() && file.startsWith(shared))
        return QStringLiteral("shared/") + file.mid(shared.size());
    if (file.startsWith(source))
        return file.mid(source.size());
    return QStringLiteral("hostile/") + rowName;
}

std::map<QString, QString> readGoldenTable()
{
    std::map<QString, QString> table;
    QFile file(goldenTablePath());
    if (!file.open(QIODevice::ReadOnly))
        return table;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() == 2)
            table[QString::fromUtf8(fields[0])] = QString::fromUtf8(fields[1]);
    }
    return table;
}

QString fingerprintHash(QString fingerprint, const QString& path)
{
    // Error messages name the file; a variant's temporary folder differs from run to run.
    fingerprint.replace(path, QStringLiteral("<file>"));
    return QString::fromLatin1(QCryptographicHash::hash(fingerprint.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
}

} // namespace

class TestSharedTraces : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    // The simdjson bulk readers and the nlohmann readers make the same model of every Chrome,
    // Jaeger and Zipkin file here, and of hostile variants: the same spans, lanes, attributes and
    // diagnostics, or the same error.
    void bulkAndRobustReadersAgree_data()
    {
        QTest::addColumn<QString>("path");
        QStringList files;
        const QString source = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/");
        for (const QString& dir : {test::sharedTracesDir() + QStringLiteral("/chrome"), source + QStringLiteral("data/chrome"),
                                   source + QStringLiteral("data/agreement"), source + QStringLiteral("data/fuzz-regressions"),
                                   source + QStringLiteral("data/otlp-proto"), source + QStringLiteral("fixtures/chromium"),
                                   source + QStringLiteral("fixtures/chromium-proto"), source + QStringLiteral("fixtures/clang-ftime-trace"), source + QStringLiteral("fixtures/otel-services"),
                                   test::sharedTracesDir() + QStringLiteral("/jaeger"), test::sharedTracesDir() + QStringLiteral("/zipkin"),
                                   test::sharedTracesDir() + QStringLiteral("/otlp")}) {
            const QStringList patterns{QStringLiteral("*.json"), QStringLiteral("*.json.gz"), QStringLiteral("*.binpb"),
                                       QStringLiteral("*.pftrace.gz")};
            for (const QFileInfo& info : QDir(dir).entryInfoList(patterns, QDir::Files))
                QTest::newRow(qPrintable(QFileInfo(dir).fileName() + QLatin1Char('/') + info.fileName())) << info.absoluteFilePath();
        }
        // TRACEDELTA_AGREEMENT_DIRS (':'-separated, e.g. the fuzzers' corpora in build-fuzz/corpus/*)
        // adds every file there: a differential check of the two readers on mutated inputs.
        for (const QString& extra : qEnvironmentVariable("TRACEDELTA_AGREEMENT_DIRS").split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
            for (const QFileInfo& info : QDir(extra).entryInfoList(QDir::Files))
                QTest::newRow(qPrintable(info.absoluteFilePath())) << info.absoluteFilePath();
        }
        static QTemporaryDir dir;
        for (const auto& [name, path] : writeHostileChromeVariants(dir))
            QTest::newRow(qPrintable(name)) << path;
    }

    void bulkAndRobustReadersAgree()
    {
        QFETCH(QString, path);
        const QString robust = loadFingerprint(path, false);
        // The robust reader's model as recorded (the bulk readers must then equal it, below).
        // Files passed in TRACEDELTA_AGREEMENT_DIRS (fuzz corpora) have no recorded model.
        static const std::map<QString, QString> golden = readGoldenTable();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString key = goldenKey(path, tag);
        const QString hash = fingerprintHash(robust, path);
        if (tag.startsWith(QLatin1Char('/'))) {
            // A file from TRACEDELTA_AGREEMENT_DIRS: the agreement below is the check.
        } else if (recordingGolden()) {
            QFile table(goldenTablePath());
            QVERIFY(QDir().mkpath(QFileInfo(table).path()) && table.open(QIODevice::Append));
            table.write((key + QLatin1Char('\t') + hash + QLatin1Char('\n')).toUtf8());
        } else if (const auto recorded = golden.find(key); recorded != golden.end()) {
            QVERIFY2(recorded->second == hash, qPrintable(QStringLiteral("%1: the model differs from the recorded one:\n%2")
                                                              .arg(key, robust.left(4000))));
        } else {
            QFAIL(qPrintable(key + QStringLiteral(": no recorded model (record with TRACEDELTA_RECORD_GOLDEN=1)")));
        }
        // The bulk readers as they run, and for all but the big real files (many batches already;
        // a parse per event is slow under the sanitizers) one record per batch and the whole
        // document at once.
        std::vector<std::size_t> batchSizes{LoadControl().bulkBatchBytes};
        if (QFileInfo(path).size() < (std::int64_t(1) << 20))
            batchSizes.insert(batchSizes.end(), {std::size_t(1), std::size_t(0)});
        // Each also parsed while the file is read (a window of the text in memory; the whole
        // file read first wherever the streaming reader leaves it).
        for (const bool whileReading : {false, true}) {
        for (const std::size_t batchBytes : batchSizes) {
        if (whileReading && batchBytes == 0)
            continue;
        // Batches are prepared on a second core while the reader maps the one before; with a
        // record per batch, also all on one thread.
        for (const int threads : {2, 1}) {
        if (threads == 1 && batchBytes != 1)
            continue;
        const QString bulk = loadFingerprint(path, true, batchBytes, whileReading, threads);
        if (bulk != robust) {
            const QStringList a = bulk.split(QLatin1Char('\n'));
            const QStringList b = robust.split(QLatin1Char('\n'));
            for (int i = 0; i < std::min(a.size(), b.size()); ++i)
                QVERIFY2(a[i] == b[i], qPrintable(QStringLiteral("batch %1%2, %3 thread(s), line %4:\n bulk:   %5\n robust: %6")
                                                      .arg(batchBytes).arg(whileReading ? " while reading" : "").arg(threads).arg(i).arg(a[i], b[i])));
        }
        QCOMPARE(bulk, robust);
        }
        }
        }
    }


    // The bulk readers read real files themselves: a silent fallback to the robust reader
    // would pass the agreement test while losing all the speed. Chrome reads in batches
    // (many for the 100k-event Kineto files) unless told to read the whole document.
    void bulkReadersReadRealFiles()
    {
        if (!QFileInfo::exists(test::sharedTracesDir()))
            QSKIP("../shared/traces is not available");
        int checked = 0;
        QStringList fellBack;
        // Also each file parsed while it is read (as every file of 8 MiB and more is).
        LoadControl whileReading;
        whileReading.streamFromBytes = 0;
        for (const auto& [dir, expected, streamed] : {std::tuple{"/chrome", ParserPath::BulkBatched, ParserPath::Streamed},
                                                      std::tuple{"/jaeger", ParserPath::BulkBatched, ParserPath::Streamed},
                                                      std::tuple{"/zipkin", ParserPath::BulkBatched, ParserPath::Streamed},
                                                      std::tuple{"/otlp", ParserPath::BulkBatched, ParserPath::Streamed}}) {
            for (const QFileInfo& info : QDir(test::sharedTracesDir() + QLatin1String(dir)).entryInfoList(QDir::Files)) {
                const LoadResult result = loadTraceFile(info.absoluteFilePath());
                if (!result.ok())
                    continue;
                // An unterminated event array (a killed writer) is the robust reader's alone.
                const std::string content = readFileContent(info.absoluteFilePath()).text;
                // So are JSON Lines (the collector's file exporter): one document per line.
                const bool partial = info.fileName().contains(QLatin1String("partial")) || content.find("}\n{") != std::string::npos;
                // Layouts the bulk readers read as one document: one bare Zipkin span (no list to
                // cut), OTLP whose scope is named after its spans (HotROD's export) or Tempo's "batches".
                const bool otlp = std::string_view(dir) == "/otlp";
                const std::size_t scope = content.find("\"scope\"");
                const bool wholeDocument = sniffFormat(content).shape == DocumentShape::ZipkinSingleSpan
                    || (otlp && (content.find("\"batches\"") != std::string::npos || (scope != std::string::npos && scope > content.find("\"spans\""))));
                // Big texts (the Kineto profiles, inflated) are read while the file is read anyway.
                const bool big = static_cast<std::int64_t>(content.size()) >= LoadControl().streamFromBytes;
                if (result.parser != (partial ? ParserPath::Robust : wholeDocument ? ParserPath::Bulk : big ? streamed : expected))
                    fellBack << info.fileName();
                const LoadResult read = loadTraceFile(info.absoluteFilePath(), &whileReading);
                if (read.parser != (partial ? ParserPath::Robust : wholeDocument ? ParserPath::Bulk : streamed))
                    fellBack << info.fileName() + QStringLiteral(" (while reading)");
                ++checked;
            }
        }
        QVERIFY(checked >= 20);
        QCOMPARE(fellBack.join(QLatin1Char(' ')), QString());
        LoadControl whole;
        whole.bulkBatchBytes = 0;
        const LoadResult kineto = loadTraceFile(test::sharedTracesDir() + QStringLiteral("/chrome/kineto-trace_diff-control.json.gz"), &whole);
        QVERIFY(kineto.ok());
        QCOMPARE(kineto.parser, ParserPath::Bulk);
    }

    // Span ids: numbers when every id is 16 lowercase hex digits, pooled text otherwise,
    // nothing for Chrome; each prints back as written, is found by id and by search.
    void spanIdsKeepTheirText()
    {
        const auto idsOf = [](std::vector<std::string> texts) {
            StringPool pool;
            std::vector<StringId> ofSpan;
            for (const std::string& text : texts)
                ofSpan.push_back(text.empty() ? 0 : pool.intern(text));
            return SpanIds(std::move(pool), std::move(ofSpan));
        };
        const SpanIds hex = idsOf({"00f067aa0ba902b7", "ffffffffffffffff", "0000000000000000"});
        QCOMPARE(hex.text(0), std::string("00f067aa0ba902b7"));
        QCOMPARE(hex.text(1), std::string("ffffffffffffffff"));
        QCOMPARE(hex.text(2), std::string("0000000000000000"));
        QVERIFY(hex.equals(0, "00f067aa0ba902b7") && !hex.equals(0, "00F067AA0BA902B7") && !hex.equals(0, "f067aa0ba902b7"));
        QCOMPARE(hex.bytesUsed(), 3 * sizeof(std::uint64_t));
        // Upper case, short ids and missing ones keep their exact text.
        const SpanIds mixed = idsOf({"00f067aa0ba902b7", "ABCDEF0123456789", "a", ""});
        QCOMPARE(mixed.text(0), std::string("00f067aa0ba902b7"));
        QCOMPARE(mixed.text(1), std::string("ABCDEF0123456789"));
        QCOMPARE(mixed.text(2), std::string("a"));
        QVERIFY(mixed.has(2) && !mixed.has(3));
        QVERIFY(!SpanIds(StringPool(), {0, 0}).has(1));

        if (!QFileInfo::exists(test::sharedTracesDir()))
            QSKIP("../shared/traces is not available");
        int checked = 0;
        for (const char* dir : {"/jaeger", "/zipkin", "/otlp"}) {
            for (const QFileInfo& info : QDir(test::sharedTracesDir() + QLatin1String(dir)).entryInfoList(QDir::Files)) {
                const LoadResult result = loadTraceFile(info.absoluteFilePath());
                for (const TracePtr& trace : result.traces) {
                    for (SpanIndex i = 0; i < trace->spanCount(); ++i) {
                        QVERIFY2(trace->hasSpanId(i), qPrintable(info.fileName()));
                        const SpanIndex found = trace->findSpanById(trace->spanIdText(i));
                        QVERIFY(found != NoSpan && found <= i && trace->spanIdText(found) == trace->spanIdText(i));
                        ++checked;
                    }
                    // A span id's tail finds the span (and only spans whose id holds it).
                    const SpanIndex last = trace->spanCount() - 1;
                    const QString tail = QString::fromStdString(trace->spanIdText(last)).right(6).toUpper();
                    const std::vector<bool> hits = matchSpans(*trace, tail);
                    QVERIFY(hits[std::size_t(last)]);
                }
            }
        }
        QVERIFY2(checked > 900, qPrintable(QString::number(checked)));
    }

    // Events and their attributes move with their span when the builder puts spans in tree
    // order (here: added latest first, so every span moves).
    void eventsKeepTheirAttributesWhenSpansMove()
    {
        TraceBuilder builder(TraceFormat::Otlp, QStringLiteral("events.json"), "t");
        for (int k = 3; k >= 0; --k) {
            SpanDraft d;
            d.spanId = builder.internSpanId(std::string(15, '0') + char('1' + k));
            d.parentSpanId = k == 0 ? 0 : builder.internSpanId(std::string(15, '0') + '1');
            d.name = builder.intern("span" + std::to_string(k));
            d.startNs = 1000 * k;
            d.durationNs = k == 0 ? 10000 : 500;
            builder.addSpan(d);
            for (int e = 0; e < k; ++e) { // span k has k events, event e has e + 1 attributes
                builder.addEvent(1000 * k + e, "event" + std::to_string(k) + std::to_string(e));
                for (int a = 0; a <= e; ++a)
                    builder.addEventAttribute("key" + std::to_string(a), std::to_string(k) + std::to_string(e) + std::to_string(a));
            }
        }
        const TracePtr trace = builder.build();
        QCOMPARE(trace->spanCount(), 4);
        for (SpanIndex i = 0; i < 4; ++i) {
            const int k = trace->nameText(i).back() - '0';
            QCOMPARE(trace->startNs(i), 1000 * k);
            QCOMPARE(int(trace->events(i).size()), k);
            for (int e = 0; e < k; ++e) {
                const SpanEvent& event = trace->events(i)[std::size_t(e)];
                QCOMPARE(trace->strings().at(event.name), "event" + std::to_string(k) + std::to_string(e));
                const auto attributes = trace->eventAttributes(event);
                QCOMPARE(int(attributes.size()), e + 1);
                for (int a = 0; a <= e; ++a)
                    QCOMPARE(trace->valueText(attributes[std::size_t(a)].value).str(), std::to_string(k) + std::to_string(e) + std::to_string(a));
            }
        }
        const SpanEvent copy = trace->events(3)[0];
        QVERIFY(trace->eventAttributes(copy).empty()); // a copy is not the trace's event
    }

    // Spans carrying the same attributes share one copy of the list (a Chrome category on a
    // million events); lists that mostly differ stay one per span. Either way every span
    // reads back its own attributes, in the order given, after the builder reorders spans.
    void attributeListsAreSharedWhenTheyRepeat()
    {
        constexpr int spans = 10000;
        // Two attributes a span from few strings: 15 lists in all, 10,000 lists, or the
        // first 3,000 spans from 15 lists and the rest all different.
        const auto valuesOf = [](int layout, int i) {
            if (layout == 0 || (layout == 2 && i < 3000))
                return std::pair(i % 3, i % 5);
            return std::pair(i % 100, i / 100);
        };
        const auto text = [](char prefix, int n) {
            std::string result(1, prefix);
            result += std::to_string(n);
            return result;
        };
        std::vector<std::size_t> bytes;
        for (int layout = 0; layout < 3; ++layout) {
            TraceBuilder builder(TraceFormat::Chrome, QStringLiteral("attributes.json"), "t");
            for (int i = spans - 1; i >= 0; --i) { // latest first: every span moves
                SpanDraft d;
                d.name = builder.intern(text('s', i));
                d.startNs = 1000 * i;
                d.durationNs = 500;
                builder.addSpan(d);
                const auto [a, b] = valuesOf(layout, i);
                if (i % 7 == 0)
                    continue; // some spans have none
                builder.addAttribute("key", text('v', a));
                builder.addAttribute("other", text('w', b));
            }
            const TracePtr trace = builder.build();
            QCOMPARE(trace->spanCount(), spans);
            for (SpanIndex n = 0; n < spans; ++n) {
                const int i = std::stoi(trace->nameText(n).substr(1));
                QCOMPARE(trace->startNs(n), 1000 * i);
                const auto attributes = trace->attributes(n);
                if (i % 7 == 0) {
                    QVERIFY(attributes.empty());
                    continue;
                }
                const auto [a, b] = valuesOf(layout, i);
                QCOMPARE(int(attributes.size()), 2);
                QCOMPARE(trace->strings().at(attributes[0].key), std::string("key"));
                QCOMPARE(trace->valueText(attributes[0].value).str(), text('v', a));
                QCOMPARE(trace->strings().at(attributes[1].key), std::string("other"));
                QCOMPARE(trace->valueText(attributes[1].value).str(), text('w', b));
            }
            bytes.push_back(trace->bytesUsed());
        }
        // Shared: a list number (4 B) a span instead of two attributes (16 B).
        QVERIFY2(bytes[0] + 10 * spans < bytes[1], qPrintable(QStringLiteral("%1 %2").arg(bytes[0]).arg(bytes[1])));
        // Mostly different (the bulk of the trace): given up midway, one list per span as
        // when all differ.
        QVERIFY2(bytes[2] + spans > bytes[1], qPrintable(QStringLiteral("%1 %2").arg(bytes[2]).arg(bytes[1])));
    }

    // Argument values that are numbers (a Chrome event's {"k": 123456}) are kept in their id,
    // not in the pool, and read back as the exact text; any other text, also text that
    // only looks like a number ("007", "-5", 2^31), stays a string. One value, one id.
    void numericValuesAreKeptWithoutThePool()
    {
        TraceBuilder builder(TraceFormat::Chrome, QStringLiteral("numbers.json"), "t");
        const std::vector<std::string> texts = {"0", "7", "42", "2147483647", "2147483648", "007", "-5", "12a", "", "1.5", "99999999999"};
        constexpr int spans = 20000;
        for (int i = 0; i < spans; ++i) {
            SpanDraft d;
            d.name = builder.intern("s");
            d.startNs = i;
            d.durationNs = 1;
            builder.addSpan(d);
            builder.addAttribute("k", std::to_string(1000000 + i));
            builder.addAttribute("t", texts[static_cast<std::size_t>(i) % texts.size()]);
        }
        const std::size_t poolBefore = builder.strings().size();
        QVERIFY2(poolBefore < 20, qPrintable(QString::number(poolBefore))); // 20000 distinct numbers, no strings for them
        QCOMPARE(builder.internValue("42"), builder.strings().valueOf(builder.intern("42")));
        QVERIFY(!builder.internValue("2147483648").isNumber());
        QVERIFY(builder.internValue("2147483647").isNumber());
        const TracePtr trace = builder.build();
        for (SpanIndex n = 0; n < trace->spanCount(); ++n) {
            const auto attributes = trace->attributes(n);
            QCOMPARE(int(attributes.size()), 2);
            QCOMPARE(trace->valueText(attributes[0].value).str(), std::to_string(1000000 + n));
            QCOMPARE(trace->valueText(attributes[1].value).str(), texts[static_cast<std::size_t>(n) % texts.size()]);
        }
        // Search reads them as text too.
        const std::vector<bool> hits = matchSpans(*trace, QStringLiteral("1004711"));
        QCOMPARE(std::count(hits.begin(), hits.end(), true), 1);
        QVERIFY(hits[4711]);
        const std::vector<bool> largest = matchSpans(*trace, QStringLiteral("2147483647"));
        std::ptrdiff_t withLargest = 0;
        for (int i = 0; i < spans; ++i)
            withLargest += texts[static_cast<std::size_t>(i) % texts.size()] == "2147483647" ? 1 : 0;
        QCOMPARE(std::count(largest.begin(), largest.end(), true), withLargest);
    }

    // releaseFreedMemory() hands freed heap pages back (it did nothing for a while: the
    // check for glibc came before any header that defines it).
    void freedMemoryGoesBackToTheSystem()
    {
#ifdef TRACEDELTA_SANITIZED
        QSKIP("the sanitizers' allocator keeps freed memory in quarantine");
#endif
        const auto residentKiB = [] {
            QFile status(QStringLiteral("/proc/self/status"));
            if (!status.open(QIODevice::ReadOnly))
                return -1L;
            for (const QByteArray& line : status.readAll().split('\n')) {
                if (line.startsWith("VmRSS:"))
                    return line.mid(6).trimmed().split(' ').first().toLong();
            }
            return -1L;
        };
        if (residentKiB() < 0)
            QSKIP("/proc/self/status is not available");
        std::vector<std::unique_ptr<char[]>> blocks;
        for (int i = 0; i < 65536; ++i) {
            blocks.emplace_back(new char[1000]);
            std::memset(blocks.back().get(), 1, 1000);
        }
        for (std::size_t i = 0; i + 1 < blocks.size(); ++i) // the last keeps the heap's top in place
            blocks[i].reset();
        const long before = residentKiB();
        releaseFreedMemory();
        const long after = residentKiB();
        QVERIFY2(before - after > 32 * 1024, qPrintable(QStringLiteral("%1 KiB -> %2 KiB").arg(before).arg(after)));
    }

    // Several files at once on all cores: the same model of each as one by one, in the
    // files' order; a missing and a broken file fail alone.
    void parallelLoadingGivesTheSameModels()
    {
        if (!QFileInfo::exists(test::sharedTracesDir()))
            QSKIP("../shared/traces is not available");
        QStringList files;
        for (const char* dir : {"/jaeger", "/zipkin", "/otlp", "/chrome"}) {
            for (const QFileInfo& info : QDir(test::sharedTracesDir() + QLatin1String(dir)).entryInfoList(QDir::Files))
                files << info.absoluteFilePath();
        }
        QTemporaryDir dir;
        files.insert(3, dir.filePath(QStringLiteral("missing.json")));
        files.insert(7, test::writeFile(dir, QStringLiteral("broken.json"), QByteArray("{\"data\":[{\"traceID\":\"a\",\"spans\":[")));
        QVERIFY(files.size() > 40);
        LoadControl control;
        std::atomic<std::int64_t> spansRead = 0;
        control.spansRead = &spansRead;
        const std::vector<LoadResult> parallel = loadTraceFiles(files, control);
        QCOMPARE(parallel.size(), std::size_t(files.size()));
        int failed = 0;
        std::int64_t spans = 0;
        for (int i = 0; i < files.size(); ++i) {
            QCOMPARE(parallel[std::size_t(i)].file, files[i]);
            QCOMPARE(modelFingerprint(parallel[std::size_t(i)]), modelFingerprint(loadTraceFile(files[i])));
            failed += !parallel[std::size_t(i)].ok();
            for (const TracePtr& trace : parallel[std::size_t(i)].traces)
                spans += trace->spanCount();
        }
        // Progress in spans: counted a few thousand at a time per file, all files together (the
        // Kineto pair alone has over 140,000 events).
        QVERIFY2(spansRead.load() > spans / 2 && spansRead.load() <= spans + 4096 * files.size(),
                 qPrintable(QStringLiteral("%1 of %2").arg(spansRead.load()).arg(spans)));
        QVERIFY(!parallel[3].ok() && parallel[3].error.contains(QLatin1String("missing.json")));
        QVERIFY(!parallel[7].ok() && parallel[7].error.contains(QLatin1String("broken.json")));
        QVERIFY(failed < 8); // the two above and the few shared files that are meant to fail

        std::atomic<bool> cancel = true;
        control.cancel = &cancel;
        for (const LoadResult& r : loadTraceFiles(files, control))
            QVERIFY(r.cancelled && r.error.endsWith(QLatin1String("loading was cancelled")));
    }

    void loadsEveryFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("expectedSpans"); // 0: the file must fail with a clear message
        QFile sources(test::sharedTracesDir() + QStringLiteral("/SOURCES.tsv"));
        if (!sources.open(QIODevice::ReadOnly)) {
            QTest::newRow("absent") << QString() << QString() << -1;
            return;
        }
        const QStringList lines = QString::fromUtf8(sources.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines.mid(1)) {
            const QStringList cols = line.split(QLatin1Char('\t'));
            const QString format = cols[0];
            const QString file = cols[1];
            int expected = cols[6].toInt();
            if (format == QLatin1String("chrome")) {
                // Spans are X events plus matched B/E pairs, counted from the event tally in the
                // note, and async b/e pairs, counted here.
                const auto count = [&](const char* phase) {
                    const auto match = QRegularExpression(QStringLiteral("\\b%1:(\\d+)").arg(QLatin1String(phase)))
                                           .match(cols.value(8));
                    return match.hasMatch() ? match.captured(1).toInt() : 0;
                };
                expected = count("X") + std::min(count("B"), count("E")) + independentAsyncPairs(test::sharedTracesDir() + QLatin1Char('/') + file);
            } else if (format == QLatin1String("zipkin") && expected > 0) {
                expected = zipkinSpansAfterMerging(test::sharedTracesDir() + QLatin1Char('/') + file);
            }
            QTest::newRow(qPrintable(file)) << test::sharedTracesDir() + QLatin1Char('/') + file << format << expected;
        }
    }

    void loadsEveryFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        QFETCH(int, expectedSpans);
        if (expectedSpans < 0)
            QSKIP("../shared/traces is not available");
        const LoadResult result = loadTraceFile(path);
        if (expectedSpans == 0) {
            QVERIFY2(!result.ok(), "a file without spans must not load silently");
            QVERIFY(result.error.startsWith(path));
            QVERIFY2(result.error.contains(QLatin1String("no complete slices"))
                         || result.error.contains(QLatin1String("no slices")),
                     qPrintable(result.error));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(!result.traces.empty());
        int spans = 0;
        int aggregates = 0;
        Extent loaded;
        if (format == QLatin1String("chrome"))
            expectedSpans -= independentAggregateCount(path);
        for (const TracePtr& trace : result.traces) {
            aggregates += static_cast<int>(trace->aggregates().size());
            QCOMPARE(formatName(trace->format()), format);
            QCOMPARE(trace->sourceFile(), path);
            spans += trace->spanCount();
            loaded.add(trace->traceStartNs(), trace->traceEndNs());
            // Structure invariants every view relies on.
            for (SpanIndex i = 0; i < trace->spanCount(); ++i) {
                QVERIFY(trace->durationNs(i) >= 0);
                QVERIFY(trace->selfNs(i) >= 0 && trace->selfNs(i) <= trace->durationNs(i));
                QVERIFY(trace->parent(i) < i);
                QVERIFY(trace->subtreeEnd(i) > i && trace->subtreeEnd(i) <= trace->spanCount());
            }
        }
        QCOMPARE(spans, expectedSpans);
        if (format == QLatin1String("chrome"))
            QCOMPARE(aggregates, independentAggregateCount(path));
        if (const auto independent = independentExtent(path, format); independent && independent->valid()) {
            QCOMPARE(loaded.begin, independent->begin);
            QCOMPARE(loaded.end, independent->end);
        }
    }

    void multipleTracesPerFile()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/jaeger/jaegerui-flamegraph-genai-2traces.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const LoadResult result = loadTraceFile(path);
        QVERIFY(result.ok());
        QCOMPARE(result.traces.size(), std::size_t(2));
        QVERIFY(result.traces[0]->traceId() != result.traces[1]->traceId());
    }

    void otlpInErrorLoadsWithDiagnostics()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/otlp/otlp-in-error.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("service.name")));
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("parent that is not in the file")));
        QCOMPARE(QString::fromStdString(trace->serviceText(0)), QStringLiteral("unknown_service"));
    }

    void zipkinSharedSpanServerUnderClient()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/zipkin/skew.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(trace->spanCount(), 4);
        int pairs = 0;
        for (SpanIndex i = 0; i < trace->spanCount(); ++i) {
            const SpanIndex p = trace->parent(i);
            if (trace->kind(i) == SpanKind::Server && p != NoSpan && trace->kind(p) == SpanKind::Client) {
                QCOMPARE(trace->spanIdText(i), trace->spanIdText(p));
                ++pairs;
                // The "async" span names the shared id as parent: it belongs under the server half.
                QCOMPARE(trace->children(i).size(), std::size_t(1));
                QCOMPARE(trace->nameText(trace->children(i)[0]), std::string("async"));
            }
        }
        QCOMPARE(pairs, 1);
        QVERIFY(test::hasDiagnostic(*trace, QStringLiteral("clock skew")));
    }

    void jaegerFollowsFromOnlyBecomesParent()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/jaeger/jaegerui-issue115-follows-from.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(trace->roots().size(), std::size_t(1));
        QCOMPARE(trace->children(trace->roots()[0]).size(), std::size_t(1));
    }

    void tempoBase64IdsBecomeHex()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/otlp/kiali-tempo-bookinfo.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(trace->traceId().size(), std::size_t(32));
        QVERIFY(QString::fromStdString(trace->traceId()).contains(QRegularExpression(QStringLiteral("^[0-9a-f]+$"))));
        QCOMPARE(trace->roots().size(), std::size_t(1)); // parents resolve after decoding
    }

    void chromeLanesUseMetadataNames()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/chrome/te-multi-thread-with-samples.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        QCOMPARE(QString::fromStdString(trace->serviceText(0)), QStringLiteral("hermes"));
        bool sawThreadName = false;
        for (const Lane& lane : trace->lanes())
            sawThreadName |= trace->strings().at(lane.label) == "hermes / mqt_js";
        QVERIFY(sawThreadName);
    }

    void chromeNestingByContainment()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/chrome/te-out-of-order.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        // A [0,10] contains B [1,9] contains C [2,8], though the file lists them B, A, C.
        QCOMPARE(trace->nameText(0), std::string("A"));
        QCOMPARE(trace->nameText(1), std::string("B"));
        QCOMPARE(trace->nameText(2), std::string("C"));
        QCOMPARE(trace->parent(2), 1);
        QCOMPARE(trace->selfNs(0), 2000);
    }

    void chromeZeroLengthPairsMatch()
    {
        const QString path = test::sharedTracesDir() + QStringLiteral("/chrome/te-zero-duration-events.json");
        if (!QFile::exists(path))
            QSKIP("../shared/traces is not available");
        const TracePtr trace = test::loadSingle(path);
        QVERIFY(trace);
        // A [0,10] holds B [1,1], C [2,2] and D [3,3]; "E C" before "B C" at the same ts still pairs.
        QCOMPARE(trace->spanCount(), 4);
        QCOMPARE(trace->nameText(0), std::string("A"));
        QCOMPARE(trace->durationNs(0), 10000);
        QCOMPARE(trace->children(0).size(), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestSharedTraces)
#include "tst_sharedtraces.moc"
