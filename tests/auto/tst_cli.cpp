// SPDX-License-Identifier: GPL-3.0-or-later
// The command line is a contract for scripts: run the real binary and check its output.
#include "regressioncases.h"
#include "clirun.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <sys/stat.h>

using namespace tracedelta;

class TestCli : public QObject
{
    Q_OBJECT

private:
    using Run = test::CliRun;
    static Run run(const QStringList& arguments) { return test::runCli(arguments); }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("tracedelta " TRACEDELTA_VERSION));
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("summary"));
        QVERIFY(help.out.contains("GPL"));
    }

    void summaryJsonOfTheSpike()
    {
        const Run r = run({QStringLiteral("summary"), test::sampleFile("inference-spike.json"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonArray traces = doc[QStringLiteral("traces")].toArray();
        QCOMPARE(traces.size(), 1);
        const QJsonObject t = traces[0].toObject();
        QCOMPARE(t[QStringLiteral("format")].toString(), QStringLiteral("otlp"));
        QCOMPARE(t[QStringLiteral("span_count")].toInt(), 8);
        QCOMPARE(t[QStringLiteral("duration_ns")].toInteger(), 1207384000);
        QCOMPARE(t[QStringLiteral("root")].toObject()[QStringLiteral("name")].toString(), QStringLiteral("POST /v1/predict"));
        QCOMPARE(t[QStringLiteral("services")].toArray().size(), 2);
        const QJsonArray top = t[QStringLiteral("top_self_time")].toArray();
        QCOMPARE(top.size(), 5);
        QCOMPARE(top[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("preprocess-request"));
        QCOMPARE(top[0].toObject()[QStringLiteral("self_ns")].toInteger(), 1198196000 - 422967000);
        QCOMPARE(top[0].toObject()[QStringLiteral("total_ns")].toInteger(), 1198196000);
        for (int i = 1; i < top.size(); ++i)
            QVERIFY(top[i - 1].toObject()[QStringLiteral("self_ns")].toInteger()
                    >= top[i].toObject()[QStringLiteral("self_ns")].toInteger());
    }

    void failedFileKeepsTheOthers()
    {
        const QString bad = test::writeFile(m_dir, QStringLiteral("truncated.json"), "{\"data\":[{\"spans\":[");
        const Run r = run({QStringLiteral("summary"), test::sampleFile("inference-normal-1.json"), bad,
                           test::sampleFile("inference-normal-2.json"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("truncated.json"));
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[QStringLiteral("traces")].toArray().size(), 2);
    }

    void compareJsonContract()
    {
        const Run r = run({QStringLiteral("compare"), test::sampleFile("inference-normal-1.json"),
                           test::sampleFile("inference-normal-2.json"), test::sampleFile("inference-normal-3.json"),
                           test::sampleFile("inference-normal-4.json"), QStringLiteral("--target"),
                           test::sampleFile("inference-spike.json"), QStringLiteral("--json"), QStringLiteral("--top"),
                           QStringLiteral("3")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc[QStringLiteral("baseline")].toArray().size(), 4);
        QCOMPARE(doc[QStringLiteral("verdict")].toString(), QStringLiteral("slower"));
        QCOMPARE(doc[QStringLiteral("target_duration_ns")].toInteger(), 1207384000);
        QCOMPARE(doc[QStringLiteral("delta_ns")].toInteger(),
                 doc[QStringLiteral("target_duration_ns")].toInteger() - doc[QStringLiteral("baseline_duration_ns")].toInteger());
        const QJsonArray candidates = doc[QStringLiteral("candidates")].toArray();
        QVERIFY(!candidates.isEmpty() && candidates.size() <= 3);
        const QJsonObject first = candidates[0].toObject();
        QCOMPARE(first[QStringLiteral("rank")].toInt(), 1);
        QCOMPARE(first[QStringLiteral("name")].toString(), QStringLiteral("preprocess-request"));
        QCOMPARE(first[QStringLiteral("service")].toString(), QStringLiteral("gateway"));
        QCOMPARE(first[QStringLiteral("kind")].toString(), QStringLiteral("self_time"));
        QCOMPARE(first[QStringLiteral("target_self_ns")].toInteger(), 775229000);
        QCOMPARE(first[QStringLiteral("target_count")].toInt(), 1);
        QVERIFY(first[QStringLiteral("on_critical_path")].toBool());
        QCOMPARE(first[QStringLiteral("path")].toArray().last().toString(), QStringLiteral("gateway:preprocess-request"));
        QVERIFY(first[QStringLiteral("reason")].toString().contains(QStringLiteral("775 ms")));
    }

    // Serialised fan-out from a real HotROD capture: the concurrency finding and its figures.
    void compareJsonReportsConcurrencyAndAlignment()
    {
        const QString before = test::sharedTracesDir() + QStringLiteral("/otlp/hotrod-nplus1-near-miss.json");
        if (!QFile::exists(before))
            QSKIP("../shared/traces is not available");
        const QString after = test::serialisedCalls(test::OtlpDocument::load(before), "HTTP GET", "GET /dispatch")
                                  .save(m_dir, QStringLiteral("serialised.json"));
        const Run r = run({QStringLiteral("compare"), before, after, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonObject first = doc[QStringLiteral("candidates")].toArray().first().toObject();
        QCOMPARE(first[QStringLiteral("kind")].toString(), QStringLiteral("concurrency"));
        QCOMPARE(first[QStringLiteral("calls")].toInt(), 11);
        QVERIFY(first[QStringLiteral("parallelism_target")].toDouble() < 1.01);
        QVERIFY(first[QStringLiteral("parallelism_baseline")].toDouble() > 1.15);
        QVERIFY(first[QStringLiteral("wall_target_ns")].toInteger() - first[QStringLiteral("wall_baseline_ns")].toInteger() > 300'000'000);
        QVERIFY(first[QStringLiteral("critical_path_target_ns")].toInteger() > first[QStringLiteral("critical_path_baseline_ns")].toInteger());
        QVERIFY(first[QStringLiteral("attribute_differences")].isArray());
        QVERIFY(doc[QStringLiteral("lane_pairs")].isArray());
        QVERIFY(doc[QStringLiteral("name_normalisation")].toObject()[QStringLiteral("enabled")].toBool());

        const Run text = run({QStringLiteral("compare"), before, after});
        QVERIFY2(text.out.contains("ran one at a time (parallelism 1.0) instead of 1.2 at once"), text.out.constData());
        QVERIFY2(text.out.contains("parallelism 1.2 → 1.0"), text.out.constData());

        const Run exact = run({QStringLiteral("compare"), before, after, QStringLiteral("--json"), QStringLiteral("--exact-names")});
        QCOMPARE(exact.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(exact.out).object()[QStringLiteral("name_normalisation")].toObject()[QStringLiteral("enabled")].toBool());
    }

    void statsJsonSchema()
    {
        const Run r = run({QStringLiteral("stats"), test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-normal-2.json"),
                           QStringLiteral("--target"), test::sampleFile("inference-spike.json"), QStringLiteral("--json"),
                           QStringLiteral("--sort"), QStringLiteral("delta"), QStringLiteral("--top"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc[QStringLiteral("grouping")].toString(), QStringLiteral("operation"));
        const QJsonArray traces = doc[QStringLiteral("traces")].toArray();
        QCOMPARE(traces.size(), 3);
        QCOMPARE(traces[2].toObject()[QStringLiteral("role")].toString(), QStringLiteral("target"));
        const QJsonArray rows = doc[QStringLiteral("rows")].toArray();
        QCOMPARE(rows.size(), 3);
        const QJsonObject first = rows[0].toObject();
        QCOMPARE(first[QStringLiteral("name")].toString(), QStringLiteral("preprocess-request"));
        for (const char* key : {"count", "total_ns", "self_ns", "min_ns", "median_ns", "p90_ns", "max_ns"})
            QCOMPARE(first[QLatin1String(key)].toArray().size(), 3);
        QCOMPARE(first[QStringLiteral("candidate_rank")].toInt(), 1);
        QVERIFY(first[QStringLiteral("delta_total_ns")].toInteger() > 700000000);
        // Sorted by |Δ|: no later row changed more.
        for (const QJsonValue& row : rows)
            QVERIFY(std::llabs(row.toObject()[QStringLiteral("delta_total_ns")].toInteger()) <= first[QStringLiteral("delta_total_ns")].toInteger());

        const Run path = run({QStringLiteral("stats"), test::sampleFile("inference-spike.json"), QStringLiteral("--json"), QStringLiteral("--by"),
                              QStringLiteral("path")});
        QCOMPARE(path.exitCode, 0);
        const QJsonObject single = QJsonDocument::fromJson(path.out).object();
        QCOMPARE(single[QStringLiteral("traces")].toArray().size(), 1);
        QVERIFY(single[QStringLiteral("rows")].toArray()[0].toObject()[QStringLiteral("path")].isArray());

        const Run text = run({QStringLiteral("stats"), test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-spike.json")});
        QVERIFY2(text.out.contains("gateway: preprocess-request") && text.out.contains("candidate #1"), text.out.constData());
        QVERIFY(text.out.contains(" ms"));
        const Run bad = run({QStringLiteral("stats"), test::sampleFile("inference-spike.json"), QStringLiteral("--by"), QStringLiteral("colour")});
        QCOMPARE(bad.exitCode, 2);
    }

    void compareShorthandAndIdentical()
    {
        const Run r = run({QStringLiteral("compare"), test::sampleFile("inference-spike.json"),
                           test::sampleFile("inference-spike.json"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc[QStringLiteral("verdict")].toString(), QStringLiteral("identical"));
        QCOMPARE(doc[QStringLiteral("candidates")].toArray().size(), 0);
        const Run text = run({QStringLiteral("compare"), test::sampleFile("inference-spike.json"),
                              test::sampleFile("inference-spike.json")});
        QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("identical")));
    }

    void compareUnreadableInputExits2()
    {
        const QString bad = test::writeFile(m_dir, QStringLiteral("broken.json"), "[{\"ph\":");
        const Run r = run({QStringLiteral("compare"), bad, test::sampleFile("inference-spike.json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("broken.json"));
    }

    // Traces of different requests: verdict "unrelated", no candidates, a note saying what was compared.
    void compareUnrelatedTraces()
    {
        const QString dir = test::sharedTracesDir();
        if (!QFile::exists(dir + QStringLiteral("/zipkin/netflix.json")))
            QSKIP("../shared/traces is not available");
        const Run r = run({QStringLiteral("compare"), dir + QStringLiteral("/jaeger/stats-normal.json"), QStringLiteral("--target"),
                           dir + QStringLiteral("/zipkin/netflix.json"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("unrelated"));
        QVERIFY(o.value(QStringLiteral("candidates")).toArray().isEmpty());
        QVERIFY(o.value(QStringLiteral("notes")).toArray().first().toString().contains(QStringLiteral("netflix.json")));
        const Run text = run({QStringLiteral("compare"), dir + QStringLiteral("/jaeger/stats-normal.json"), dir + QStringLiteral("/zipkin/netflix.json")});
        QVERIFY(text.out.startsWith("Unrelated:"));
        QVERIFY(!text.out.contains("No span explains"));
    }

    // Limits from the command line: a file over them fails alone, with the option to raise them named.
    void loadLimitsFromTheCommandLine()
    {
        const QString spike = test::sampleFile("inference-spike.json");
        const QString normal = test::sampleFile("inference-normal-1.json");
        Run r = run({QStringLiteral("summary"), QStringLiteral("--max-spans"), QStringLiteral("3"), spike});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("more than 3 spans") && r.err.contains("--max-spans"), r.err.constData());
        r = run({QStringLiteral("summary"), QStringLiteral("--max-size"), QStringLiteral("1k"), spike});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("larger than") && r.err.contains("--max-size"), r.err.constData());
        r = run({QStringLiteral("summary"), QStringLiteral("--max-size"), QStringLiteral("lots"), spike});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--max-size needs a size"));
        r = run({QStringLiteral("compare"), QStringLiteral("--max-spans"), QStringLiteral("1000"), QStringLiteral("--max-size"),
                 QStringLiteral("2M"), normal, spike});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("Slower"));
        r = run({QStringLiteral("export"), QStringLiteral("--max-spans"), QStringLiteral("2"), normal, spike, QStringLiteral("-o"),
                 m_dir.filePath(QStringLiteral("x.png"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("more than 2 spans"));
    }

    // A FIFO nobody writes to would block open() forever; it is refused at once.
    void pipeIsRefusedNotWaitedOn()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("never-written.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const Run r = run({QStringLiteral("summary"), fifo, test::sampleFile("inference-spike.json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not a regular file"), r.err.constData());
        QVERIFY(r.out.contains("inference-spike.json"));
    }

    void readableTableUsesHumanUnits()
    {
        const Run r = run({QStringLiteral("summary"), test::sampleFile("inference-spike.json")});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("1.21 s")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("775 ms")));
        QVERIFY(text.contains(QStringLiteral("preprocess-request")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
