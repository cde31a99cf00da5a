// SPDX-License-Identifier: GPL-3.0-or-later
// The German catalogue: complete, loaded, and used by menus, findings and durations.
#include "core/compare/comparison.h"
#include "core/util/durationformat.h"
#include "testsupport.h"
#include "ui/comparisonview.h"
#include "ui/language.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QXmlStreamReader>

using namespace tracedelta;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(applyLanguage(QLocale(QLocale::German, QLocale::Germany)));
    }

    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void catalogueIsComplete()
    {
        QFile ts(QStringLiteral(TRACEDELTA_SOURCE_DIR "/translations/tracedelta_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        int unfinished = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("message"))
                ++messages;
            if (xml.name() == QLatin1String("translation")
                && (xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished")
                    || xml.attributes().value(QLatin1String("type")) == QLatin1String("vanished")))
                ++unfinished;
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 250);
        QCOMPARE(unfinished, 0);
    }

    void menusAndViewsAreGerman()
    {
        MainWindow window;
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(','))));
        QVERIFY(menus.contains(QStringLiteral("&Ansicht")));
        QVERIFY(menus.contains(QStringLiteral("&Hilfe")));
        const auto* tabs = window.comparisonView()->findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("&Zeitleisten"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("&Flammendiagramme"));
    }

    void findingsAndDurationsAreGerman()
    {
        QCOMPARE(formatDuration(1'210'000'000), QStringLiteral("1,21 s"));
        QCOMPARE(formatSignedDuration(775'229'000), QStringLiteral("+775 ms"));
        const TracePtr normal = test::loadSingle(test::sampleFile("inference-normal-1.json"));
        const TracePtr spike = test::loadSingle(test::sampleFile("inference-spike.json"));
        QVERIFY(normal && spike);
        const Comparison comparison({normal}, spike);
        QVERIFY2(comparison.verdictSentence().startsWith(QLatin1String("Langsamer: 1,21 s statt")),
                 qPrintable(comparison.verdictSentence()));
        QVERIFY(!comparison.candidates().empty());
        const QString reason = comparison.candidates().front().reason;
        QVERIFY2(reason.contains(QLatin1String("Eigenzeit")) && reason.contains(QLatin1String("kritischen Pfad")),
                 qPrintable(reason));
    }

    // Ratios follow the locale like durations: "1,0 … statt 2,6" in German.
    void ratiosUseTheGermanDecimalComma()
    {
        QCOMPARE(formatDecimal(1.84, 1), QStringLiteral("1,8"));
        // Three calls that overlapped (with 5 ms between their starts) now run one after another.
        const auto make = [](const char* id, bool serial) {
            std::vector<test::SpanSpec> spans{{"r", nullptr, "svc", "handle", 0, serial ? 280.0 : 110.0}};
            const char* ids[] = {"a", "b", "c"};
            for (int i = 0; i < 3; ++i)
                spans.push_back({ids[i], "r", "svc", "fetch", serial ? i * 93.0 : i * 5.0, 90});
            return test::makeTrace(id, spans);
        };
        const Comparison comparison({make("b1", false), make("b2", false)}, make("t", true));
        QString reasons;
        for (const Candidate& c : comparison.candidates())
            reasons += c.reason + QLatin1Char('\n');
        QVERIFY2(reasons.contains(QStringLiteral("(Parallelität 1,0) statt 2,7 gleichzeitig"))
                     && !QRegularExpression(QStringLiteral("\\d\\.\\d")).match(reasons).hasMatch(),
                 qPrintable(reasons));
    }

    void pluralsAreGerman()
    {
        const TracePtr orphans = test::makeTrace("o", {{"a", "missing", "svc", "one", 0, 1}, {"b", "gone", "svc", "two", 0, 1}});
        QVERIFY(test::hasDiagnostic(*orphans, QStringLiteral("2 Spans verweisen auf ein Elternteil")));
        const TracePtr single = test::makeTrace("s", {{"a", "missing", "svc", "one", 0, 1}});
        QVERIFY(test::hasDiagnostic(*single, QStringLiteral("1 Span verweist auf ein Elternteil")));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
