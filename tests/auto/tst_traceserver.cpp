// SPDX-License-Identifier: GPL-3.0-or-later
// Server APIs (issue 14, work in progress): URLs each backend answers, ids in pasted
// links, and the choice of baselines from a search.
#include "core/remote/traceserver.h"
#include "core/remote/traceserverclient.h"
#include "fakeserver.h"
#include "core/io/traceloader.h"
#include "core/remote/baselinefinder.h"
#include "core/remote/serverresponses.h"
#include "core/remote/servertracestore.h"

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslServer>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QStandardPaths>
#include <QImage>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>
#include <QUrlQuery>

namespace {

using namespace tracedelta::test;

// Runs the tracedelta binary while this thread's event loop keeps the stand-in server answering.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
CliRun runCli(const QStringList& arguments, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(TRACEDELTA_BINARY), arguments);
    CliRun run;
    if (!finished.wait(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

using namespace tracedelta;

class TraceServerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traceUrls()
    {
        const QString id = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
        QCOMPARE(traceUrl({TraceServerKind::Jaeger, QUrl(QStringLiteral("http://jaeger:16686/"))}, id).toString(),
                 QStringLiteral("http://jaeger:16686/api/traces/4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(traceUrl({TraceServerKind::Tempo, QUrl(QStringLiteral("https://grafana.example/tempo"))}, id).toString(),
                 QStringLiteral("https://grafana.example/tempo/api/traces/4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(traceUrl({TraceServerKind::Zipkin, QUrl(QStringLiteral("http://zipkin:9411"))}, id).toString(),
                 QStringLiteral("http://zipkin:9411/api/v2/trace/4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    void searchUrls()
    {
        TraceSearch search;
        search.service = QStringLiteral("gateway");
        search.operation = QStringLiteral("POST /v1/predict");
        search.startNs = 1'700'000'000'000'000'000;
        search.endNs = search.startNs + 3'600'000'000'000;
        search.limit = 30;
        const QUrl jaeger = searchUrl({TraceServerKind::Jaeger, QUrl(QStringLiteral("http://jaeger:16686"))}, search);
        QCOMPARE(jaeger.path(), QStringLiteral("/api/traces"));
        const QUrlQuery jq(jaeger);
        QCOMPARE(jq.queryItemValue(QStringLiteral("service")), QStringLiteral("gateway"));
        QCOMPARE(jq.queryItemValue(QStringLiteral("operation"), QUrl::FullyDecoded), QStringLiteral("POST /v1/predict"));
        QCOMPARE(jq.queryItemValue(QStringLiteral("start")), QStringLiteral("1700000000000000")); // µs
        QCOMPARE(jq.queryItemValue(QStringLiteral("end")), QStringLiteral("1700003600000000"));
        QCOMPARE(jq.queryItemValue(QStringLiteral("limit")), QStringLiteral("30"));

        const QUrl tempo = searchUrl({TraceServerKind::Tempo, QUrl(QStringLiteral("http://tempo:3200"))}, search);
        QCOMPARE(tempo.path(), QStringLiteral("/api/search"));
        const QUrlQuery tq(tempo);
        QCOMPARE(tq.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
                 QStringLiteral("{resource.service.name=\"gateway\" && name=\"POST /v1/predict\" && status != error}"));
        QCOMPARE(tq.queryItemValue(QStringLiteral("start")), QStringLiteral("1700000000")); // s
        QCOMPARE(tq.queryItemValue(QStringLiteral("end")), QStringLiteral("1700003600"));

        const QUrl zipkin = searchUrl({TraceServerKind::Zipkin, QUrl(QStringLiteral("http://zipkin:9411"))}, search);
        QCOMPARE(zipkin.path(), QStringLiteral("/api/v2/traces"));
        const QUrlQuery zq(zipkin);
        QCOMPARE(zq.queryItemValue(QStringLiteral("serviceName")), QStringLiteral("gateway"));
        QCOMPARE(zq.queryItemValue(QStringLiteral("endTs")), QStringLiteral("1700003600000")); // ms
        QCOMPARE(zq.queryItemValue(QStringLiteral("lookback")), QStringLiteral("3600000"));
    }

    void idsFromPastedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        const QString id = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
        QTest::newRow("plain") << QStringLiteral("  4BF92F3577B34DA6A3CE929D0E0E4736 ") << id;
        QTest::newRow("64-bit") << QStringLiteral("a3ce929d0e0e4736") << QStringLiteral("a3ce929d0e0e4736");
        QTest::newRow("jaeger ui") << QStringLiteral("http://localhost:16686/trace/4bf92f3577b34da6a3ce929d0e0e4736?uiFind=abc") << id;
        QTest::newRow("zipkin ui") << QStringLiteral("http://zipkin:9411/zipkin/traces/4bf92f3577b34da6a3ce929d0e0e4736") << id;
        QTest::newRow("grafana explore")
            << QStringLiteral("https://grafana.example/explore?left=%7B%22datasource%22:%22tempo%22,%22queries%22:%5B%7B%22query%22:%22"
                              "4bf92f3577b34da6a3ce929d0e0e4736%22,%22queryType%22:%22traceql%22%7D%5D%7D")
            << id;
        QTest::newRow("log line") << QStringLiteral("level=error traceID=4bf92f3577b34da6a3ce929d0e0e4736 msg=timeout") << id;
        QTest::newRow("nothing") << QStringLiteral("http://jaeger:16686/search") << QString();
        QTest::newRow("too long") << QStringLiteral("4bf92f3577b34da6a3ce929d0e0e47361") << QString();
    }

    void idsFromPastedText()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QCOMPARE(traceIdFromText(text).value_or(QString()), id);
    }

    // 30 traces: 24 normal (100 ms ± up to 12 ms), 3 errors, 2 outliers, and the target.
    void chooseBaselinesAroundTheMedian()
    {
        std::vector<FoundTrace> found;
        for (int i = 0; i < 24; ++i)
            found.push_back(foundTrace(QStringLiteral("n%1").arg(i), 100'000'000 + (i % 2 ? 1 : -1) * (i / 2) * 1'000'000));
        for (int i = 0; i < 3; ++i)
            found.push_back(foundTrace(QStringLiteral("err%1").arg(i), 100'000'000, true));
        found.push_back(foundTrace(QStringLiteral("slow"), 900'000'000));
        found.push_back(foundTrace(QStringLiteral("fast"), 1'000'000));
        found.push_back(foundTrace(QStringLiteral("TARGET"), 1'210'000'000));
        QCOMPARE(found.size(), std::size_t(30));
        const std::vector<QString> chosen = chooseBaselines(found, QStringLiteral("target"), 10);
        QCOMPARE(chosen.size(), std::size_t(10));
        // The ten closest to the median (100 ms): n0/n1 (±0 ms), n2/n3 (±1 ms), … n8/n9 (±4 ms).
        QStringList names;
        for (const QString& c : chosen)
            names << c;
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("n0"), QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3"),
                                     QStringLiteral("n4"), QStringLiteral("n5"), QStringLiteral("n6"), QStringLiteral("n7"),
                                     QStringLiteral("n8"), QStringLiteral("n9")}));
        // Asked for more than there are, the outliers, errors and the target still stay out.
        const std::vector<QString> all = chooseBaselines(found, QStringLiteral("target"), 100);
        QCOMPARE(all.size(), std::size_t(24));
    }

    void fetchesFromEachBackendAndSaysWhatWentWrong()
    {
        const QByteArray jaeger = shared("jaeger/stats-normal.json");
        const QByteArray zipkin = shared("zipkin/messaging.json");
        if (jaeger.isEmpty() || zipkin.isEmpty())
            QSKIP("../shared/traces not present");
        FakeServer server;
        const QString id = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
        server.answers["/api/traces/" + id.toLatin1()] = {200, jaeger};
        server.answers["/api/v2/trace/" + id.toLatin1()] = {200, zipkin};
        server.answers["/api/traces/00000000000000000000000000000401"] = {401, "{}"};
        server.answers["/api/traces/00000000000000000000000000000500"] = {503, "busy"};
        server.answers["/api/traces/0000000000000000000000000000html"] = {200, "<!doctype html><html>Jaeger UI</html>"};
        server.answers["/api/traces/000000000000000000000000000slow0"] = {200, {}, true};

        ServerAuth auth;
        auth.bearerToken = QStringLiteral("s3cret");
        auth.headers << qMakePair(QByteArray("X-Scope-OrgID"), QByteArray("team-a"));
        TraceServerClient client({TraceServerKind::Jaeger, server.url()}, auth);
        client.setTimeoutMs(1500);
        FetchedTrace fetched = client.fetchTrace(id);
        QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));
        QCOMPARE(fetched.body, jaeger);
        const QByteArray sent = server.requests.last();
        QVERIFY(sent.startsWith("GET /api/traces/" + id.toLatin1() + " HTTP/1.1"));
        QVERIFY(sent.contains("Authorization: Bearer s3cret"));
        QVERIFY(sent.contains("X-Scope-OrgID: team-a"));

        // What was fetched loads like a file.
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("fetched.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(fetched.body);
        out.close();
        QVERIFY(tracedelta::loadTraceFile(out.fileName()).ok());

        fetched = client.fetchTrace(QStringLiteral("ffffffffffffffffffffffffffffffff"));
        QVERIFY2(fetched.error.contains(QLatin1String("not found on http://127.0.0.1")), qPrintable(fetched.error));
        fetched = client.fetchTrace(QStringLiteral("00000000000000000000000000000401"));
        QVERIFY2(fetched.error.contains(QLatin1String("HTTP 401")), qPrintable(fetched.error));
        fetched = client.fetchTrace(QStringLiteral("00000000000000000000000000000500"));
        QVERIFY2(fetched.error.contains(QLatin1String("busy or failing (HTTP 503)")), qPrintable(fetched.error));
        fetched = client.fetchTrace(QStringLiteral("0000000000000000000000000000html"));
        QVERIFY2(fetched.error.contains(QLatin1String("web page")), qPrintable(fetched.error));
        fetched = client.fetchTrace(QStringLiteral("000000000000000000000000000slow0"));
        QVERIFY2(fetched.error.contains(QLatin1String("no answer")), qPrintable(fetched.error));

        ServerAuth basic;
        basic.user = QStringLiteral("ann");
        basic.password = QStringLiteral("pw");
        TraceServerClient zipkinClient({TraceServerKind::Zipkin, server.url()}, basic);
        fetched = zipkinClient.fetchTrace(id);
        QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));
        QVERIFY(server.requests.last().startsWith("GET /api/v2/trace/" + id.toLatin1()));
        QVERIFY(server.requests.last().contains("Authorization: Basic " + QByteArray("ann:pw").toBase64()));

        TraceServerClient nowhere({TraceServerKind::Jaeger, QUrl(QStringLiteral("http://no-such-host.invalid:16686"))}, {});
        fetched = nowhere.fetchTrace(id);
        QVERIFY2(fetched.error.contains(QLatin1String("no-such-host.invalid")), qPrintable(fetched.error));
    }


    void otherEndpoints()
    {
        const QString id = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
        const QUrl base(QStringLiteral("http://host:1234/prefix/"));
        QCOMPARE(traceUrl({TraceServerKind::JaegerV3, base}, id).path(), QStringLiteral("/prefix/api/v3/traces/") + id);
        QCOMPARE(traceUrl({TraceServerKind::TempoV2, base}, id).path(), QStringLiteral("/prefix/api/v2/traces/") + id);
        QCOMPARE(servicesUrl({TraceServerKind::Jaeger, base}).path(), QStringLiteral("/prefix/api/services"));
        QCOMPARE(servicesUrl({TraceServerKind::Tempo, base}).path(), QStringLiteral("/prefix/api/search/tag/service.name/values"));
        QCOMPARE(servicesUrl({TraceServerKind::Zipkin, base}).path(), QStringLiteral("/prefix/api/v2/services"));
        QCOMPARE(operationsUrl({TraceServerKind::Jaeger, base}, QStringLiteral("my svc")).toString(QUrl::FullyEncoded),
                 QStringLiteral("http://host:1234/prefix/api/services/my%20svc/operations"));
        const QUrl tempo = operationsUrl({TraceServerKind::TempoV2, base}, QStringLiteral("gateway"));
        QCOMPARE(tempo.path(), QStringLiteral("/prefix/api/v2/search/tag/name/values"));
        QCOMPARE(QUrlQuery(tempo).queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded), QStringLiteral("{resource.service.name=\"gateway\"}"));
        const QUrl zipkin = operationsUrl({TraceServerKind::Zipkin, base}, QStringLiteral("gateway"));
        QCOMPARE(zipkin.path(), QStringLiteral("/prefix/api/v2/spans"));
        QCOMPARE(QUrlQuery(zipkin).queryItemValue(QStringLiteral("serviceName")), QStringLiteral("gateway"));
        for (const TraceServerKind kind : {TraceServerKind::Jaeger, TraceServerKind::JaegerV3, TraceServerKind::Tempo,
                                           TraceServerKind::TempoV2, TraceServerKind::Zipkin})
            QCOMPARE(kindFromName(kindName(kind)), std::optional(kind));
        QVERIFY(!kindFromName(QStringLiteral("elastic")));
        QCOMPARE(guessKind(QUrl(QStringLiteral("http://tempo:3200"))), TraceServerKind::Tempo);
        QCOMPARE(guessKind(QUrl(QStringLiteral("http://z:9411"))), TraceServerKind::Zipkin);
        QCOMPARE(parseWindow(QStringLiteral("1h")), std::optional<std::int64_t>(3'600'000'000'000));
        QCOMPARE(parseWindow(QStringLiteral("1h30m")), std::optional<std::int64_t>(5'400'000'000'000));
        QCOMPARE(parseWindow(QStringLiteral("90s")), std::optional<std::int64_t>(90'000'000'000));
        QVERIFY(!parseWindow(QStringLiteral("1 hour")));
        QVERIFY(!parseWindow(QStringLiteral("-5m")));
        QVERIFY(!parseWindow(QString()));
    }

    // Search answers in each backend's shape; Jaeger and Zipkin durations must equal what the
    // importer makes of the same spans.
    void readsSearchAnswersAndNameLists()
    {
        const QByteArray genai = shared("jaeger/jaegerui-genai.json");
        const QByteArray yelp = shared("zipkin/yelp.json");
        const QByteArray netflix = shared("zipkin/netflix.json");
        if (genai.isEmpty() || yelp.isEmpty() || netflix.isEmpty())
            QSKIP("../shared/traces not present");
        const QJsonObject real = jsonObject(genai); // a bare Jaeger trace (no "data" envelope)
        QJsonArray traces{stretchedJaegerTrace(real, hexId(1, QLatin1Char('a')), 1.0, false),
                          stretchedJaegerTrace(real, hexId(2, QLatin1Char('a')), 2.0, true)};
        QString problem;
        std::vector<FoundTrace> found = parseSearchResults(TraceServerKind::Jaeger, jaegerEnvelope(traces), problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(found.size(), std::size_t(2));
        QTemporaryDir dir;
        const QString genaiCopy = dir.filePath(QStringLiteral("genai.json"));
        QFile file(genaiCopy);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(genai);
        file.close();
        const LoadResult loaded = loadTraceFile(genaiCopy);
        QVERIFY(loaded.ok());
        QCOMPARE(found[0].durationNs, loaded.traces.front()->wallDurationNs());
        QCOMPARE(found[0].traceId, hexId(1, QLatin1Char('a')));
        QVERIFY(!found[0].error);
        QCOMPARE(found[0].rootName, QStringLiteral("api-edge: POST /api/graphql"));
        QVERIFY(found[1].error);
        QVERIFY(std::abs(found[1].durationNs - 2 * found[0].durationNs) <= 2'000);

        const QByteArray zipkinSearch = "[" + yelp.trimmed() + "," + netflix.trimmed() + "]";
        found = parseSearchResults(TraceServerKind::Zipkin, zipkinSearch, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(found.size(), std::size_t(2));
        int index = 0;
        for (const QByteArray& body : {yelp, netflix}) {
            QFile one(dir.filePath(QStringLiteral("z%1.json").arg(index)));
            QVERIFY(one.open(QIODevice::WriteOnly));
            one.write(body);
            one.close();
            const LoadResult z = loadTraceFile(one.fileName());
            QVERIFY(z.ok());
            QCOMPARE(found[index].durationNs, z.traces.front()->wallDurationNs());
            QCOMPARE(found[index].traceId, QString::fromStdString(z.traces.front()->traceId()).toLower());
            ++index;
        }

        // Tempo's documented answer; durationMs is left out below 1 ms.
        const QByteArray tempo = R"({"traces":[{"traceID":"2f3e0cee77ae5dc9c17ade3689eb2e54","rootServiceName":"shop-backend",
            "rootTraceName":"update-billing","startTimeUnixNano":"1684778327699392724","durationMs":557},
            {"traceID":"d6e9329d67b6146a","rootServiceName":"frontend","rootTraceName":"/cart","startTimeUnixNano":"1634727903545000000"}],
            "metrics":{"totalBlocks":13}})";
        found = parseSearchResults(TraceServerKind::Tempo, tempo, problem);
        QCOMPARE(found.size(), std::size_t(2));
        QCOMPARE(found[0].durationNs, std::int64_t(557'000'000));
        QCOMPARE(found[0].startNs, std::int64_t(1684778327699392724));
        QCOMPARE(found[0].rootName, QStringLiteral("shop-backend: update-billing"));
        QCOMPARE(found[1].durationNs, std::int64_t(500'000));

        problem.clear();
        parseSearchResults(TraceServerKind::Tempo, "{\"data\":[]}", problem);
        QVERIFY(problem.contains(QLatin1String("not a Tempo search result")));
        problem.clear();
        parseSearchResults(TraceServerKind::Jaeger, "{\"data\":[", problem);
        QVERIFY(problem.contains(QLatin1String("not valid JSON")));

        problem.clear();
        QCOMPARE(parseNameList(R"({"data":["route","frontend","customer"],"total":3})", problem),
                 QStringList({QStringLiteral("customer"), QStringLiteral("frontend"), QStringLiteral("route")}));
        QCOMPARE(parseNameList(R"({"tagValues":[{"type":"string","value":"b"},{"type":"string","value":"a"}]})", problem),
                 QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(parseNameList(R"({"tagValues":["cart-service","auth-service"]})", problem),
                 QStringList({QStringLiteral("auth-service"), QStringLiteral("cart-service")}));
        QCOMPARE(parseNameList(R"(["get /api","post /api","get /api"])", problem),
                 QStringList({QStringLiteral("get /api"), QStringLiteral("post /api")}));
        QVERIFY(problem.isEmpty());
    }

    // Jaeger v3 (OTLP in "result", one object per chunk) and Tempo v2 (OTLP in "trace")
    // load as the same trace as the plain OTLP file.
    void unwrapsJaegerV3AndTempoV2()
    {
        const QByteArray otlp = shared("otlp/hotrod-nplus1-positive.json"); // 4 services, 16 spans
        if (otlp.isEmpty())
            QSKIP("../shared/traces not present");
        const QJsonArray resourceSpans = jsonObject(otlp)[QStringLiteral("resourceSpans")].toArray();
        QVERIFY(resourceSpans.size() >= 2);
        const QByteArray first = QJsonDocument(QJsonObject{{QStringLiteral("result"),
                                                            QJsonObject{{QStringLiteral("resourceSpans"), QJsonArray{resourceSpans.first()}}}}})
                                     .toJson(QJsonDocument::Compact);
        QJsonArray rest = resourceSpans;
        rest.removeFirst();
        const QByteArray second = QJsonDocument(QJsonObject{{QStringLiteral("result"), QJsonObject{{QStringLiteral("resourceSpans"), rest}}}})
                                      .toJson(QJsonDocument::Compact);
        const QByteArray tempo = QJsonDocument(QJsonObject{{QStringLiteral("trace"), QJsonObject{{QStringLiteral("resourceSpans"), resourceSpans}}},
                                                           {QStringLiteral("status"), QStringLiteral("complete")}})
                                     .toJson();
        FakeServer server;
        const QString id = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
        server.answers["/api/v3/traces/" + id.toLatin1()] = {200, first + "\n" + second + "\n"};
        server.answers["/api/v2/traces/" + id.toLatin1()] = {200, tempo};
        QTemporaryDir dir;
        const auto spansOf = [&dir](const QByteArray& body, const QString& name) -> qsizetype {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                return -1;
            file.write(body);
            file.close();
            const LoadResult loaded = loadTraceFile(file.fileName());
            return loaded.ok() ? qsizetype(loaded.traces.front()->spanCount()) : -1;
        };
        const qsizetype expected = spansOf(otlp, QStringLiteral("plain.json"));
        QCOMPARE(expected, 16);
        for (const TraceServerKind kind : {TraceServerKind::JaegerV3, TraceServerKind::TempoV2}) {
            TraceServerClient client({kind, server.url()}, {});
            const FetchedTrace fetched = client.fetchTrace(id);
            QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));
            QCOMPARE(spansOf(fetched.body, kindName(kind) + QStringLiteral(".json")), expected);
        }
        QVERIFY(server.requests.at(0).startsWith("GET /api/v3/traces/" + id.toLatin1()));
        QVERIFY(server.requests.at(1).startsWith("GET /api/v2/traces/" + id.toLatin1()));
    }

    // A Jaeger server holding 30 traces of the same operation (copies of a real trace
    // stretched to known durations, 3 with errors, 2 outliers) and a slow target: the search
    // asks for the target's root service and operation in the hour before it, and the six
    // chosen are the six closest to the median.
    void findsBaselinesOnAServer()
    {
        const QByteArray genai = shared("jaeger/jaegerui-genai.json");
        if (genai.isEmpty())
            QSKIP("../shared/traces not present");
        const QJsonObject real = jsonObject(genai); // a bare Jaeger trace (no "data" envelope)
        FakeServer server;
        const QString targetId = serveJaegerFamily(server, real);

        TraceServerClient client({TraceServerKind::Jaeger, server.url()}, {});
        const FetchedTrace target = client.fetchTrace(targetId);
        QVERIFY2(target.error.isEmpty(), qPrintable(target.error));
        QTemporaryDir dir;
        QString error;
        const QString path = storeServerTrace(dir.path(), client.server(), targetId, target.body, error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const LoadResult loaded = loadTraceFile(path);
        QVERIFY(loaded.ok());
        const Trace& trace = *loaded.traces.front();

        const BaselineFinding finding = findBaselines(client, trace, targetId, 6, DefaultBaselineWindowNs);
        QVERIFY2(finding.error.isEmpty(), qPrintable(finding.error));
        const QUrlQuery sent = server.queries.last();
        QVERIFY(server.requests.last().startsWith("GET /api/traces?"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("service")), QStringLiteral("api-edge"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("operation"), QUrl::FullyDecoded), QStringLiteral("POST /api/graphql"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("start")).toLongLong(), (trace.traceStartNs() - DefaultBaselineWindowNs) / 1000);
        QCOMPARE(sent.queryItemValue(QStringLiteral("end")).toLongLong(), trace.traceEndNs() / 1000);
        QCOMPARE(finding.found.size(), std::size_t(30));
        QStringList chosen;
        for (const FoundTrace& t : finding.chosen)
            chosen << t.traceId;
        chosen.sort();
        QStringList expected;
        for (int i = 0; i < 6; ++i)
            expected << hexId(i, QLatin1Char('b'));
        QCOMPARE(chosen, expected);

        // What was stored knows its server and id.
        const auto origin = serverTraceOrigin(path);
        QVERIFY(origin);
        QCOMPARE(origin->traceId, targetId);
        QCOMPARE(origin->server.base, server.url());
        QCOMPARE(origin->server.kind, TraceServerKind::Jaeger);
        QVERIFY(describeOrigin(*origin).startsWith(QStringLiteral("Jaeger 127.0.0.1:")));
        QVERIFY(!serverTraceOrigin(QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/data/otlp-proto/checkout.json")));

        // The same from the command line: compare --server … --baselines auto, as JSON.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QTemporaryDir cache;
        env.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
        env.insert(QStringLiteral("TRACEDELTA_HEADERS"), QStringLiteral("X-Scope-OrgID: team-a"));
        const CliRun run = runCli({QStringLiteral("compare"), QStringLiteral("--server"), server.url().toString(), QStringLiteral("--target-id"),
                                   QStringLiteral("http://localhost:16686/trace/") + targetId, QStringLiteral("--baselines"),
                                   QStringLiteral("auto"), QStringLiteral("--count"), QStringLiteral("6"), QStringLiteral("--json")},
                                  env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("6 baseline(s) of api-edge “POST /api/graphql” from 30 trace(s) found in the 1h before")), qPrintable(run.err));
        const QJsonObject json = jsonObject(run.out.toUtf8());
        QCOMPARE(json[QStringLiteral("baseline")].toArray().size(), 6);
        QCOMPARE(json[QStringLiteral("target")][QStringLiteral("server")].toString(), server.url().toString());
        QCOMPARE(json[QStringLiteral("target")][QStringLiteral("server_kind")].toString(), QStringLiteral("jaeger"));
        QCOMPARE(json[QStringLiteral("target")][QStringLiteral("trace_id")].toString(), targetId);
        QVERIFY(json[QStringLiteral("target")][QStringLiteral("file")].toString().startsWith(cache.path()));
        QCOMPARE(json[QStringLiteral("verdict")].toString(), QStringLiteral("slower"));
        QVERIFY(server.requests.last().contains("X-Scope-OrgID: team-a"));

        // Named baselines, one of them missing: reported, the others still compared.
        const CliRun named = runCli({QStringLiteral("compare"), QStringLiteral("--server"), server.url().toString(), QStringLiteral("--target-id"),
                                     targetId, QStringLiteral("--baseline-id"), hexId(0, QLatin1Char('b')), QStringLiteral("--baseline-id"),
                                     QStringLiteral("ffffffffffffffffffffffffffffffff")},
                                    env);
        QVERIFY2(named.exitCode == 0, qPrintable(named.err));
        QVERIFY2(named.err.contains(QLatin1String("trace ffffffffffffffffffffffffffffffff not found on")), qPrintable(named.err));
        QVERIFY(named.out.contains(QLatin1String("Slower")) || named.out.contains(QLatin1String("slower")));

        // export takes the same options: an annotated picture of a server comparison.
        QTemporaryDir pictures;
        const QString png = pictures.filePath(QStringLiteral("incident.png"));
        const CliRun exported = runCli({QStringLiteral("export"), QStringLiteral("--server"), server.url().toString(), QStringLiteral("--target-id"),
                                        targetId, QStringLiteral("--baselines"), QStringLiteral("auto"), QStringLiteral("--count"),
                                        QStringLiteral("3"), QStringLiteral("--window"), QStringLiteral("2h"), QStringLiteral("-o"), png},
                                       env);
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QImage picture(png);
        QVERIFY(!picture.isNull() && picture.width() >= 800);
        if (const QString shots = qEnvironmentVariable("TRACEDELTA_SCREENSHOT_DIR"); !shots.isEmpty())
            QFile::copy(png, QDir(shots).filePath(QStringLiteral("server-export.png")));
        QCOMPARE(QUrlQuery(server.queries[server.queries.size() - 4]).queryItemValue(QStringLiteral("start")).toLongLong(),
                 (trace.traceStartNs() - 2 * DefaultBaselineWindowNs) / 1000); // the search (then the 3 baselines): --window 2h
    }

    // Tempo: the target comes as OTLP (v2: wrapped in "trace"), the search is TraceQL with
    // `status != error`, and its answer carries durations only.
    void findsBaselinesOnTempo()
    {
        const QByteArray otlp = shared("otlp/hotrod-nplus1-positive.json");
        if (otlp.isEmpty())
            QSKIP("../shared/traces not present");
        FakeServer server;
        const QString targetId = QStringLiteral("66371dd0eafc70e48e4234803fe94d41");
        server.answers["/api/v2/traces/" + targetId.toLatin1()] =
            {200, QJsonDocument(QJsonObject{{QStringLiteral("trace"), jsonObject(otlp)}}).toJson(QJsonDocument::Compact)};
        QJsonArray traces;
        for (int i = 0; i < 12; ++i) // 100 ms ± i ms, and one outlier
            traces.append(QJsonObject{{QStringLiteral("traceID"), hexId(i, QLatin1Char('d'))},
                                      {QStringLiteral("rootServiceName"), QStringLiteral("frontend")},
                                      {QStringLiteral("rootTraceName"), QStringLiteral("GET /dispatch")},
                                      {QStringLiteral("startTimeUnixNano"), QStringLiteral("1700000000000000000")},
                                      {QStringLiteral("durationMs"), i == 11 ? 5000 : 100 + (i % 2 ? i : -i)}});
        server.answers["/api/search"] = {200, QJsonDocument(QJsonObject{{QStringLiteral("traces"), traces}}).toJson()};
        TraceServerClient client({TraceServerKind::TempoV2, server.url()}, {});
        const FetchedTrace target = client.fetchTrace(targetId);
        QVERIFY2(target.error.isEmpty(), qPrintable(target.error));
        QTemporaryDir dir;
        QString error;
        const LoadResult loaded = loadTraceFile(storeServerTrace(dir.path(), client.server(), targetId, target.body, error));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const Trace& trace = *loaded.traces.front();
        const BaselineFinding finding = findBaselines(client, trace, targetId, 4, 30 * 60'000'000'000LL);
        QVERIFY2(finding.error.isEmpty(), qPrintable(finding.error));
        const QUrlQuery sent = server.queries.last();
        QCOMPARE(sent.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
                 QStringLiteral("{resource.service.name=\"frontend\" && name=\"GET /dispatch\" && status != error}"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("start")).toLongLong(), (trace.traceStartNs() - 30 * 60'000'000'000LL) / 1'000'000'000);
        QStringList chosen;
        for (const FoundTrace& t : finding.chosen)
            chosen << t.traceId;
        chosen.sort();
        // Closest to the median (100 ms): d0 (100), d1 (101), d2 (98), d3 (103) — not d11 (5 s).
        QCOMPARE(chosen, QStringList({hexId(0, QLatin1Char('d')), hexId(1, QLatin1Char('d')), hexId(2, QLatin1Char('d')),
                                      hexId(3, QLatin1Char('d'))}));
    }

    // A body cut short is not kept: the command says which trace from which server and why.
    void aTruncatedBodyIsReportedByTrace()
    {
        const QByteArray genai = shared("jaeger/jaegerui-genai.json");
        if (genai.isEmpty())
            QSKIP("../shared/traces not present");
        FakeServer server;
        const QString targetId = serveJaegerFamily(server, jsonObject(genai));
        const QByteArray whole = server.answers["/api/traces/" + targetId.toLatin1()].body;
        server.answers["/api/traces/" + targetId.toLatin1()].body = whole.left(whole.size() / 2);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QTemporaryDir cache;
        env.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
        const CliRun run = runCli({QStringLiteral("compare"), QStringLiteral("--server"), server.url().toString(), QStringLiteral("--target-id"),
                                   targetId, QStringLiteral("--baselines"), QStringLiteral("auto")},
                                  env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("trace %1 from %2").arg(targetId, server.url().toString())), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("truncated")) || run.err.contains(QLatin1String("unexpected end")), qPrintable(run.err));
    }

    void cancelStopsARequestInFlight()
    {
        FakeServer server;
        server.answers["/api/traces/00000000000000000000000000000000"] = {200, {}, true};
        TraceServerClient client({TraceServerKind::Jaeger, server.url()}, {});
        std::atomic<bool> cancel = false;
        client.setCancelFlag(&cancel);
        QTimer::singleShot(200, [&cancel] { cancel = true; });
        QElapsedTimer clock;
        clock.start();
        const FetchedTrace fetched = client.fetchTrace(QStringLiteral("00000000000000000000000000000000"));
        QCOMPARE(fetched.error, QStringLiteral("cancelled"));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    }

    // HTTPS with a private CA: refused with a message that names TLS and the CA file; with
    // the CA file given, the trace arrives.
    void trustsAGivenCaFile()
    {
        const QByteArray jaeger = shared("jaeger/stats-normal.json");
        if (jaeger.isEmpty())
            QSKIP("../shared/traces not present");
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty() || !QSslSocket::supportsSsl())
            QSKIP("no openssl to make a certificate, or no TLS backend");
        QTemporaryDir dir;
        QProcess openssl;
        openssl.setWorkingDirectory(dir.path());
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("key.pem"), QStringLiteral("-out"),
                                                  QStringLiteral("cert.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                                  QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                                  QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        FakeServer server(&tls);
        const QString id = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
        server.answers["/api/traces/" + id.toLatin1()] = {200, jaeger};
        QVERIFY(server.url().toString().startsWith(QLatin1String("https://")));

        TraceServerClient untrusting({TraceServerKind::Jaeger, server.url()}, {});
        untrusting.setTimeoutMs(5000);
        FetchedTrace fetched = untrusting.fetchTrace(id);
        QVERIFY2(fetched.error.contains(QLatin1String("TLS")) && fetched.error.contains(QLatin1String("CA file")), qPrintable(fetched.error));

        TraceServerClient trusting({TraceServerKind::Jaeger, server.url()}, {});
        trusting.setTimeoutMs(5000);
        QString error;
        QVERIFY2(trusting.setCaFile(dir.filePath(QStringLiteral("cert.pem")), error), qPrintable(error));
        fetched = trusting.fetchTrace(id);
        QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));
        QCOMPARE(fetched.body, jaeger);
        QVERIFY(!trusting.setCaFile(dir.filePath(QStringLiteral("key.pem")) + QStringLiteral(".missing"), error));
        QVERIFY(error.contains(QLatin1String("cannot read the CA file")));
    }

    void servicesAndOperations()
    {
        FakeServer server;
        server.answers["/api/services"] = {200, R"({"data":["route","frontend"],"total":2})"};
        server.answers["/api/services/frontend/operations"] = {200, R"({"data":["HTTP GET /dispatch","HTTP GET /config"],"total":2})"};
        server.answers["/api/v2/services"] = {200, R"(["frontend","backend"])"};
        server.answers["/api/v2/spans"] = {200, R"(["get /dispatch"])"};
        TraceServerClient jaeger({TraceServerKind::Jaeger, server.url()}, {});
        QCOMPARE(jaeger.services().names, QStringList({QStringLiteral("frontend"), QStringLiteral("route")}));
        QCOMPARE(jaeger.operations(QStringLiteral("frontend")).names,
                 QStringList({QStringLiteral("HTTP GET /config"), QStringLiteral("HTTP GET /dispatch")}));
        TraceServerClient zipkin({TraceServerKind::Zipkin, server.url()}, {});
        QCOMPARE(zipkin.services().names, QStringList({QStringLiteral("backend"), QStringLiteral("frontend")}));
        QCOMPARE(zipkin.operations(QStringLiteral("frontend")).names, QStringList({QStringLiteral("get /dispatch")}));
        QCOMPARE(server.queries.last().queryItemValue(QStringLiteral("serviceName")), QStringLiteral("frontend"));
        TraceServerClient tempo({TraceServerKind::Tempo, server.url()}, {});
        const NamesAnswer missing = tempo.services();
        QVERIFY2(missing.error.contains(QLatin1String("no such API")), qPrintable(missing.error));
    }

    // `tracedelta fetch`: ids or links in, trace files out; the token from the environment.
    void fetchFromTheCommandLine()
    {
        const QByteArray zipkin = shared("zipkin/messaging.json");
        if (zipkin.isEmpty())
            QSKIP("../shared/traces not present");
        FakeServer server;
        const QString id = QStringLiteral("a3ce929d0e0e4736");
        server.answers["/api/v2/trace/" + id.toLatin1()] = {200, zipkin};
        QTemporaryDir dir;
        QProcess fetch;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRACEDELTA_TOKEN"), QStringLiteral("from-env"));
        fetch.setProcessEnvironment(env);
        QSignalSpy finished(&fetch, &QProcess::finished);
        fetch.start(QStringLiteral(TRACEDELTA_BINARY),
                    {QStringLiteral("fetch"), QStringLiteral("--server"), server.url().toString(), QStringLiteral("--kind"),
                     QStringLiteral("zipkin"), QStringLiteral("http://zipkin:9411/zipkin/traces/") + id,
                     QStringLiteral("ffffffffffffffff"), QStringLiteral("-o"), dir.path()});
        QVERIFY(finished.wait(30000)); // the stand-in server answers from this event loop
        QCOMPARE(fetch.exitCode(), 2); // one of the two was not found
        QVERIFY(QFile::exists(dir.filePath(id + QStringLiteral(".json"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("ffffffffffffffff.json"))));
        QVERIFY(QString::fromUtf8(fetch.readAllStandardError()).contains(QLatin1String("trace ffffffffffffffff not found on")));
        QVERIFY(server.requests.first().contains("Authorization: Bearer from-env"));
    }
};

QTEST_GUILESS_MAIN(TraceServerTest)
#include "tst_traceserver.moc"
