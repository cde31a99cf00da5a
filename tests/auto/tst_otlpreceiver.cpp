// SPDX-License-Identifier: GPL-3.0-or-later
// The OTLP receiver and OTLP protobuf files: real clients (the OpenTelemetry JS SDK from
// npm, QNetworkAccessManager), real bodies, and every bad body the specification names.
#include "testsupport.h"
#include "core/io/otlpprotobuf.h"
#include "core/remote/httprequestparser.h"
#include "core/remote/otlpreceiver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

using namespace tracedelta;

namespace {

const QString ProtoTwin = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/data/otlp-proto/checkout.binpb");
const QString JsonTwin = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/data/otlp-proto/checkout.json");
const QString ClientDir = QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/otlp-client");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

SpanIndex spanNamed(const Trace& trace, const char* name)
{
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        if (trace.nameText(s) == name)
            return s;
    }
    return NoSpan;
}

QString attribute(const Trace& trace, SpanIndex span, const char* key)
{
    for (const Attribute& a : trace.attributes(span)) {
        if (trace.strings().at(a.key) == key)
            return trace.valueText(a.value).qstring();
    }
    return QStringLiteral("<missing>");
}

// The checkout trace the client records: names, parents, exact durations, attributes, events, status.
void verifyCheckout(const Trace& trace, std::int64_t slowNs)
{
    QCOMPARE(trace.spanCount(), 4);
    const SpanIndex root = spanNamed(trace, "GET /checkout");
    const SpanIndex cart = spanNamed(trace, "load-cart");
    const SpanIndex charge = spanNamed(trace, "charge-card");
    const SpanIndex query = spanNamed(trace, "db.query");
    QVERIFY(root != NoSpan && cart != NoSpan && charge != NoSpan && query != NoSpan);
    QCOMPARE(trace.parent(root), NoSpan);
    QCOMPARE(trace.parent(cart), root);
    QCOMPARE(trace.parent(charge), root);
    QCOMPARE(trace.parent(query), charge);
    QCOMPARE(trace.startNs(root), std::int64_t(1735689600) * 1'000'000'000);
    QCOMPARE(trace.durationNs(root), 40'000'000 + slowNs);
    QCOMPARE(trace.durationNs(cart), 10'500'000);
    QCOMPARE(trace.startNs(cart) - trace.startNs(root), 2'000'000);
    QCOMPARE(trace.durationNs(charge), 17'000'000 + slowNs);
    QCOMPARE(trace.durationNs(query), 6'000'000 + slowNs);
    QCOMPARE(trace.kind(root), SpanKind::Server);
    QCOMPARE(trace.kind(query), SpanKind::Client);
    QCOMPARE(trace.status(charge), SpanStatus::Error);
    QCOMPARE(trace.serviceText(root), std::string("shop"));
    QCOMPARE(attribute(trace, root, "http.route"), QStringLiteral("/checkout"));
    QCOMPARE(attribute(trace, root, "retries"), QStringLiteral("3"));
    QCOMPARE(attribute(trace, root, "ratio"), QStringLiteral("0.5"));
    QCOMPARE(attribute(trace, root, "cached"), QStringLiteral("true"));
    QVERIFY(attribute(trace, root, "tags").contains(QLatin1String("a")));
    QCOMPARE(attribute(trace, charge, "otel.status_description"), QStringLiteral("card declined"));
    QCOMPARE(attribute(trace, query, "db.statement"), QStringLiteral("SELECT 1"));
    QCOMPARE(attribute(trace, root, "otel.scope.name"), QStringLiteral("checkout-service"));
    const auto events = trace.events(cart);
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(trace.strings().at(events[0].name), std::string("cache-miss"));
    QCOMPARE(events[0].timeNs - trace.startNs(root), 3'000'000);
    QCOMPARE(trace.eventAttributes(events[0]).size(), std::size_t(1));
}

struct Posted
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

Posted post(QNetworkAccessManager& network, const QString& url, const QByteArray& contentType, const QByteArray& body,
            const QByteArray& encoding = {})
{
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!encoding.isEmpty())
        request.setRawHeader("Content-Encoding", encoding);
    QNetworkReply* reply = network.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Posted out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return out;
}

} // namespace

class OtlpReceiverTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<OtlpReceiver> startReceiver(const QString& dir, int quietMs = 300, std::int64_t maxBody = 1 << 20,
                                                std::int64_t maxSpansPerTrace = 1'000'000)
    {
        OtlpReceiver::Settings settings;
        settings.port = 0;
        settings.maxBodyBytes = maxBody;
        settings.traces.quietMs = quietMs;
        settings.traces.outputDir = dir;
        settings.traces.maxSpansPerTrace = maxSpansPerTrace;
        auto receiver = std::make_unique<OtlpReceiver>(settings);
        const QString error = receiver->listen();
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return receiver;
    }

    bool haveNodeClient()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()
            && QFile::exists(ClientDir + QStringLiteral("/node_modules/@opentelemetry/sdk-trace-base"));
    }

private Q_SLOTS:
    void protobufFileLoadsLikeItsJsonTwin()
    {
        const LoadResult proto = loadTraceFile(ProtoTwin);
        const LoadResult json = loadTraceFile(JsonTwin);
        QVERIFY2(proto.ok(), qPrintable(proto.error));
        QVERIFY2(json.ok(), qPrintable(json.error));
        QCOMPARE(proto.traces.size(), std::size_t(1));
        verifyCheckout(*proto.traces.front(), 0);
        verifyCheckout(*json.traces.front(), 0);
        QCOMPARE(proto.traces.front()->traceId(), json.traces.front()->traceId());
    }

    void protobufStreamsAndBadFiles()
    {
        const QByteArray message = readAll(ProtoTwin);
        QVERIFY(!message.isEmpty());
        // The Collector's file exporter: 4-byte big-endian length before each message.
        QByteArray bigEndian;
        for (int i = 0; i < 2; ++i) {
            const auto n = static_cast<quint32>(message.size());
            bigEndian += char(n >> 24) + QByteArray(1, char(n >> 16)) + char(n >> 8) + char(n);
            bigEndian += message;
        }
        const auto spansIn = [](const ImportResult& imported) {
            std::int64_t spans = 0;
            for (const TracePtr& trace : imported.traces)
                spans += trace->spanCount();
            return spans;
        };
        const auto noted = [](const ImportResult& imported, const char* text) {
            for (const Diagnostic& d : imported.traces.front()->diagnostics()) {
                if (d.message.contains(QLatin1String(text)))
                    return true;
            }
            return false;
        };
        ImportResult imported = importOtlpProtobuf(std::string_view(bigEndian.constData(), bigEndian.size()), QStringLiteral("two.pb"), nullptr);
        QVERIFY2(imported.problem.isEmpty(), qPrintable(imported.problem));
        QCOMPARE(spansIn(imported), std::int64_t(8));
        QVERIFY(noted(imported, "stream of 2 length-delimited protobuf message"));
        // The specification's delimited stream: a varint length before each message.
        QByteArray varint;
        for (int i = 0; i < 3; ++i) {
            quint32 n = static_cast<quint32>(message.size());
            while (n >= 0x80) {
                varint += char((n & 0x7f) | 0x80);
                n >>= 7;
            }
            varint += char(n);
            varint += message;
        }
        imported = importOtlpProtobuf(std::string_view(varint.constData(), varint.size()), QStringLiteral("three.pb"), nullptr);
        QVERIFY2(imported.problem.isEmpty(), qPrintable(imported.problem));
        QCOMPARE(spansIn(imported), std::int64_t(12));
        // The span limit holds for protobuf as for JSON.
        LoadControl fewSpans;
        fewSpans.limits.maxSpans = 5;
        imported = importOtlpProtobuf(std::string_view(varint.constData(), varint.size()), QStringLiteral("three.pb"), &fewSpans);
        QVERIFY(imported.traces.empty() && imported.problem.contains(QLatin1String("5")));

        QTemporaryDir dir;
        // Truncated: a clear message naming the file, no crash.
        const QString truncated = test::writeFile(dir, QStringLiteral("cut.binpb"), message.left(message.size() - 7));
        LoadResult result = loadTraceFile(truncated);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String("cut.binpb")) && result.error.contains(QLatin1String("truncated")),
                 qPrintable(result.error));
        // Every cut of the message fails cleanly or loads a prefix; none crashes.
        for (int cut = 1; cut < message.size(); cut += 13)
            (void)importOtlpProtobuf(std::string_view(message.constData(), cut), QStringLiteral("cut.pb"), nullptr);
    }

    // A gzip-compressed .pb (as collectors and CI artefacts store them) loads like the plain one.
    void gzippedProtobufLoads()
    {
        QTemporaryDir dir;
        const QString zipped = test::writeFile(dir, QStringLiteral("checkout.pb.gz"), test::gzip(readAll(ProtoTwin)));
        const LoadResult loaded = loadTraceFile(zipped);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QCOMPARE(loaded.traces.size(), std::size_t(1));
        verifyCheckout(*loaded.traces.front(), 0);
        // Past the first kilobyte (where gzip data that can start no trace is refused): a
        // stream of messages behind varint and big-endian lengths.
        const QByteArray message = readAll(ProtoTwin);
        QByteArray varint;
        QByteArray bigEndian;
        for (int i = 0; i < 3; ++i) {
            const auto n = static_cast<quint32>(message.size());
            varint += char((n & 0x7f) | 0x80) + QByteArray(1, char(n >> 7)) + message;
            bigEndian += char(n >> 24) + QByteArray(1, char(n >> 16)) + char(n >> 8) + char(n) + message;
        }
        QVERIFY(message.size() >= 0x80 && message.size() < 0x4000 && varint.size() > 1024);
        for (const QByteArray& stream : {varint, bigEndian}) {
            const LoadResult streamed = loadTraceFile(test::writeFile(dir, QStringLiteral("stream.pb.gz"), test::gzip(stream)));
            QVERIFY2(streamed.ok(), qPrintable(streamed.error));
            QCOMPARE(streamed.traces.front()->spanCount(), 12);
        }
        // An image inside gzip is still named, not read as protobuf.
        const QString image = test::writeFile(dir, QStringLiteral("picture.pb.gz"), test::gzip(QByteArray("\x89PNG\r\n\x1a\n") + QByteArray(64, '\0')));
        const LoadResult refused = loadTraceFile(image);
        QVERIFY2(!refused.ok() && refused.error.contains(QLatin1String("PNG image")), qPrintable(refused.error));
    }

    void badBodiesGetTheSpecifiedStatus()
    {
        QTemporaryDir dir;
        auto receiver = startReceiver(dir.path(), 300, 4096);
        const QByteArray proto = readAll(ProtoTwin);
        const QByteArray json = readAll(JsonTwin);

        OtlpReceiver::Response r = receiver->handle("POST", "/v1/traces", "application/x-protobuf", {}, proto.left(proto.size() / 2));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.contentType, QByteArray("application/x-protobuf"));
        QVERIFY(r.summary.contains(QLatin1String("truncated")));
        r = receiver->handle("POST", "/v1/traces", "application/json", {}, R"({"hello": "world"})");
        QCOMPARE(r.status, 400);
        QVERIFY2(nlohmann::json::parse(r.body.toStdString()).at("message").get<std::string>().find("not OTLP")
                     != std::string::npos,
                 r.body.constData());
        r = receiver->handle("POST", "/v1/traces", "application/json", {}, "{\"resourceSpans\": [");
        QCOMPARE(r.status, 400);
        r = receiver->handle("POST", "/v1/traces", "text/plain", {}, json);
        QCOMPARE(r.status, 415);
        r = receiver->handle("POST", "/v1/traces", "application/json", "br", json);
        QCOMPARE(r.status, 415);
        r = receiver->handle("GET", "/v1/traces", "application/json", {}, {});
        QCOMPARE(r.status, 405);
        r = receiver->handle("POST", "/v1/metrics", "application/json", {}, json);
        QCOMPARE(r.status, 404);
        // A gzip bomb: 64 MiB of zeros in a small body is refused at the limit, not inflated.
        const QByteArray bomb = test::gzip(QByteArray(64 * 1024 * 1024, '\0'), 9);
        QVERIFY(bomb.size() < 4096 * 32);
        r = receiver->handle("POST", "/v1/traces", "application/json", "gzip", bomb);
        QCOMPARE(r.status, 413);
        r = receiver->handle("POST", "/v1/traces", "application/json", "gzip", "\x1f\x8b not really gzip");
        QCOMPARE(r.status, 400);
        // Under the limit, binary that is no trace is refused after its first kilobyte, and said so.
        r = receiver->handle("POST", "/v1/traces", "application/json", "gzip", test::gzip(QByteArray(3000, '\0')));
        QCOMPARE(r.status, 400);
        QVERIFY2(r.summary.contains(QLatin1String("neither JSON nor OTLP protobuf")), qPrintable(r.summary));
        // Invalid JSON says where.
        r = receiver->handle("POST", "/v1/traces", "application/json", {}, "{\"resourceSpans\": [{]}");
        QCOMPARE(r.status, 400);
        QVERIFY2(r.summary.contains(QLatin1String("line 1, column")), qPrintable(r.summary));
        // And a good body afterwards is accepted: nothing above broke the receiver.
        r = receiver->handle("POST", "/v1/traces", "application/json", "gzip", test::gzip(json));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{}"));
        r = receiver->handle("POST", "/v1/traces", "application/x-protobuf", {}, proto);
        QCOMPARE(r.status, 200);
        QVERIFY(r.summary.contains(QLatin1String("4")));
    }

    void partialSuccessWhenATraceIsTooLong()
    {
        QTemporaryDir dir;
        auto receiver = startReceiver(dir.path(), 300, 1 << 20, 3);
        const OtlpReceiver::Response r =
            receiver->handle("POST", "/v1/traces", "application/json", {}, readAll(JsonTwin));
        QCOMPARE(r.status, 200);
        const auto answer = nlohmann::json::parse(r.body.toStdString());
        QCOMPARE(answer.at("partialSuccess").at("rejectedSpans").get<std::string>(), std::string("1"));
        QVERIFY(answer.at("partialSuccess").at("errorMessage").get<std::string>().find("3 spans per trace") != std::string::npos);
    }

    void overTheSocketWithKeepAliveAndLimits()
    {
        QTemporaryDir dir;
        auto receiver = startReceiver(dir.path(), 200, 8192);
        QVERIFY(receiver->isListening());
        QSignalSpy completed(receiver->traces(), &ReceivedTraces::traceCompleted);
        QNetworkAccessManager network;
        const QString url = receiver->endpoint();
        QVERIFY(url.startsWith(QLatin1String("http://127.0.0.1:")));
        Posted p = post(network, url, "application/x-protobuf", readAll(ProtoTwin).left(20));
        QCOMPARE(p.status, 400);
        p = post(network, url, "application/json", QByteArray(20000, ' '));
        QCOMPARE(p.status, 413);
        p = post(network, url, "application/xml", "<x/>");
        QCOMPARE(p.status, 415);
        // Still serving: the real body is accepted and written as one trace after the quiet time.
        p = post(network, url, "application/x-protobuf", readAll(ProtoTwin));
        QCOMPARE(p.status, 200);
        QCOMPARE(p.contentType, QByteArray("application/x-protobuf"));
        QVERIFY(completed.count() > 0 || completed.wait(5000));
        const QString path = completed.first().at(0).toString();
        const LoadResult loaded = loadTraceFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        verifyCheckout(*loaded.traces.front(), 0);
    }

    void spansOfOneTraceAcrossRequestsMakeOneFile()
    {
        QTemporaryDir dir;
        auto receiver = startReceiver(dir.path(), 300);
        QSignalSpy completed(receiver->traces(), &ReceivedTraces::traceCompleted);
        // The JSON twin split into one request per span, as a SimpleSpanProcessor sends them.
        auto document = nlohmann::json::parse(readAll(JsonTwin).toStdString());
        const auto spans = document["resourceSpans"][0]["scopeSpans"][0]["spans"];
        for (const auto& span : spans) {
            auto one = document;
            one["resourceSpans"][0]["scopeSpans"][0]["spans"] = nlohmann::json::array({span});
            QCOMPARE(receiver->handle("POST", "/v1/traces", "application/json", {}, QByteArray::fromStdString(one.dump())).status, 200);
        }
        QVERIFY(completed.wait(5000));
        QCOMPARE(completed.count(), 1);
        QCOMPARE(completed.first().at(2).toLongLong(), 4);
        const LoadResult loaded = loadTraceFile(completed.first().at(0).toString());
        QVERIFY(loaded.ok());
        verifyCheckout(*loaded.traces.front(), 0);
        // Stopping writes what is still open: nothing received is lost.
        QCOMPARE(receiver->handle("POST", "/v1/traces", "application/x-protobuf", {}, readAll(ProtoTwin)).status, 200);
        receiver->stop();
        QCOMPARE(completed.count(), 2);
        QVERIFY(completed.last().at(0).toString().endsWith(QLatin1String("-2.json")));
    }

    // A protobuf string that is not UTF-8 (a bad client): refused as a bad request, as the
    // OTLP specification has it, and the receiver goes on taking good ones.
    void invalidUtf8FromAClientIsRefused()
    {
        QTemporaryDir dir;
        auto receiver = startReceiver(dir.path(), 300);
        QSignalSpy completed(receiver->traces(), &ReceivedTraces::traceCompleted);
        QByteArray proto = readAll(ProtoTwin);
        const qsizetype at = proto.indexOf("checkout");
        QVERIFY(at >= 0);
        proto[at] = '\xff';
        QCOMPARE(receiver->handle("POST", "/v1/traces", "application/x-protobuf", {}, proto).status, 400);
        QCOMPARE(receiver->handle("POST", "/v1/traces", "application/x-protobuf", {}, readAll(ProtoTwin)).status, 200);
        receiver->stop();
        QCOMPARE(completed.count(), 1);
        const LoadResult loaded = loadTraceFile(completed.first().at(0).toString());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    }

    void requestParserHandlesChunksAndPipelining()
    {
        HttpRequestParser parser(1000);
        const QByteArray twoRequests = "POST /v1/traces HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                       "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                                       "POST /v1/traces HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc";
        // Byte by byte: the parser never needs the whole request at once.
        HttpRequestParser::State state = HttpRequestParser::State::Incomplete;
        QList<HttpRequestParser::Request> requests;
        for (char c : twoRequests) {
            state = parser.feed(QByteArray(1, c));
            while (state == HttpRequestParser::State::Complete) {
                requests << parser.take();
                state = parser.state();
            }
        }
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].body, QByteArray("hello world"));
        QVERIFY(requests[0].keepAlive);
        QCOMPARE(requests[1].body, QByteArray("abc"));
        QVERIFY(!requests[1].keepAlive);

        HttpRequestParser small(10);
        QCOMPARE(small.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nff\r\n"), HttpRequestParser::State::Failed);
        QCOMPARE(small.failureStatus(), 413);
        HttpRequestParser garbage(10);
        QCOMPARE(garbage.feed("\x16\x03\x01 TLS hello?\r\n\r\n"), HttpRequestParser::State::Failed);
        QCOMPARE(garbage.failureStatus(), 400);
    }

    // The OpenTelemetry JS SDK, from npm, exporting over OTLP/HTTP with protobuf and with JSON.
    void realOpenTelemetryClient_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::newRow("http/protobuf") << QStringLiteral("http/protobuf");
        QTest::newRow("http/json") << QStringLiteral("http/json");
    }

    void realOpenTelemetryClient()
    {
        if (!haveNodeClient())
            QSKIP("node or tests/otlp-client/node_modules missing (npm ci --prefix tests/otlp-client)");
        QFETCH(QString, protocol);
        QTemporaryDir dir;
        auto receiver = startReceiver(dir.path(), 300);
        QSignalSpy completed(receiver->traces(), &ReceivedTraces::traceCompleted);
        QSignalSpy handled(receiver.get(), &OtlpReceiver::requestHandled);
        QProcess client;
        client.setWorkingDirectory(ClientDir);
        client.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy clientFinished(&client, &QProcess::finished);
        client.start(QStringLiteral("node"), {QStringLiteral("send-traces.mjs"), QStringLiteral("send"), receiver->endpoint(),
                                              protocol, QStringLiteral("run-1"), QStringLiteral("250")});
        // The receiver runs in this thread: wait with the event loop running, never blocked.
        QVERIFY(clientFinished.wait(30000));
        QVERIFY(completed.count() > 0 || completed.wait(10000));
        QVERIFY2(client.exitCode() == 0, client.readAll().constData());
        for (const QList<QVariant>& request : handled)
            QCOMPARE(request.at(0).toInt(), 200);
        QCOMPARE(completed.count(), 1);
        const LoadResult loaded = loadTraceFile(completed.first().at(0).toString());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        verifyCheckout(*loaded.traces.front(), 250'000'000);
        QCOMPARE(attribute(*loaded.traces.front(), spanNamed(*loaded.traces.front(), "GET /checkout"), "run"),
                 QStringLiteral("run-1"));
    }

    // `tracedelta receive` then `tracedelta compare`: two runs of the app, compared from the CLI.
    void receiveThenCompareFromTheCommandLine()
    {
        if (!haveNodeClient())
            QSKIP("node or tests/otlp-client/node_modules missing (npm ci --prefix tests/otlp-client)");
        QTemporaryDir dir;
        QProcess receive;
        receive.start(QStringLiteral(TRACEDELTA_BINARY),
                      {QStringLiteral("receive"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("-o"),
                       dir.path(), QStringLiteral("--quiet-time"), QStringLiteral("0.3"), QStringLiteral("--exit-after"),
                       QStringLiteral("2")});
        QVERIFY(receive.waitForReadyRead(10000));
        QString banner = QString::fromUtf8(receive.readAllStandardOutput());
        while (!banner.contains(QLatin1String("/v1/traces")) && receive.waitForReadyRead(5000))
            banner += QString::fromUtf8(receive.readAllStandardOutput());
        const QRegularExpressionMatch endpoint = QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/v1/traces)")).match(banner);
        QVERIFY2(endpoint.hasMatch(), qPrintable(banner));
        for (const auto& [run, slow] : {std::pair{"before", "0"}, std::pair{"after", "700"}}) {
            QProcess client;
            client.setWorkingDirectory(ClientDir);
            client.start(QStringLiteral("node"), {QStringLiteral("send-traces.mjs"), QStringLiteral("send"), endpoint.captured(1),
                                                  QStringLiteral("http/protobuf"), QString::fromLatin1(run), QString::fromLatin1(slow)});
            QVERIFY(client.waitForFinished(30000));
            QCOMPARE(client.exitCode(), 0);
            QTest::qWait(500); // one trace complete before the next starts: files in run order
        }
        QVERIFY(receive.state() == QProcess::NotRunning || receive.waitForFinished(20000));
        QCOMPARE(receive.exitCode(), 0);
        const QString out = QString::fromUtf8(receive.readAllStandardOutput());
        QCOMPARE(out.count(QLatin1String("4 span(s)")), 2);
        QStringList files;
        for (const QString& line : out.split(QLatin1Char('\n'))) {
            if (line.contains(QLatin1String("4 span(s)")))
                files << line.section(QStringLiteral("  "), 0, 0);
        }
        QProcess compare;
        compare.start(QStringLiteral(TRACEDELTA_BINARY), {QStringLiteral("compare"), files[0], files[1]});
        QVERIFY(compare.waitForFinished(30000));
        const QString verdict = QString::fromUtf8(compare.readAllStandardOutput());
        QVERIFY2(verdict.contains(QLatin1String("Slower: 740 ms vs 40 ms")), qPrintable(verdict));
        QVERIFY2(verdict.contains(QLatin1String("db.query")), qPrintable(verdict));
    }
};

QTEST_GUILESS_MAIN(OtlpReceiverTest)
#include "tst_otlpreceiver.moc"
