// SPDX-License-Identifier: GPL-3.0-or-later
// Server APIs (issue 14, work in progress): URLs each backend answers, ids in pasted
// links, and the choice of baselines from a search.
#include "core/remote/traceserver.h"
#include "core/remote/traceserverclient.h"
#include "core/io/traceloader.h"

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {

// A stand-in for a tracing backend on 127.0.0.1: answers each path with a canned status
// and body (real response bodies from ../shared/traces) and records what it was sent.
class FakeServer : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        bool silent = false; // never answers
    };
    QMap<QByteArray, Answer> answers;
    QList<QByteArray> requests; // request line + headers

    FakeServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    const QByteArray& buffer = m_buffers[socket];
                    if (!buffer.contains("\r\n\r\n"))
                        return;
                    requests << buffer;
                    const QByteArray path = buffer.split(' ').value(1).split('?').first();
                    const Answer answer = answers.value(path, Answer{404, "{\"errors\":[{\"code\":404,\"msg\":\"trace not found\"}]}"});
                    if (answer.silent)
                        return;
                    socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\nContent-Type: application/json\r\n"
                                  "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + answer.body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    QTcpServer m_server;
    QMap<QTcpSocket*, QByteArray> m_buffers;
};

QByteArray shared(const char* path)
{
    QFile file(QStringLiteral(TRACEDELTA_SOURCE_DIR "/../shared/traces/") + QLatin1String(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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
                 QStringLiteral("{resource.service.name=\"gateway\" && name=\"POST /v1/predict\"}"));
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
            found.push_back({QStringLiteral("n%1").arg(i), 100'000'000 + (i % 2 ? 1 : -1) * (i / 2) * 1'000'000, false});
        for (int i = 0; i < 3; ++i)
            found.push_back({QStringLiteral("err%1").arg(i), 100'000'000, true});
        found.push_back({QStringLiteral("slow"), 900'000'000, false});
        found.push_back({QStringLiteral("fast"), 1'000'000, false});
        found.push_back({QStringLiteral("TARGET"), 1'210'000'000, false});
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
