// SPDX-License-Identifier: GPL-3.0-or-later
// The command line is a contract for scripts: run the real binary and check its output.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace tracedelta;

class TestCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run run(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(TRACEDELTA_BINARY), arguments);
        process.waitForFinished(120000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

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
