// SPDX-License-Identifier: GPL-3.0-or-later
// Replays every input in tests/data/fuzz-regressions through the calls of the fuzz target its
// name starts with. In the sanitizer build (CI) any overflow, out-of-bounds access or leak
// fails the test; in every build a crash or hang does.
#include "tests/fuzz/fuzzexercise.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tracedelta;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(TRACEDELTA_SOURCE_DIR "/tests/data/fuzz-regressions"));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 8);
        for (const QString& name : files) {
            if (name != QLatin1String("README.md"))
                QTest::newRow(qPrintable(name)) << dir.filePath(name);
        }
    }

    void replay()
    {
        QFETCH(QString, path);
        const QString name = QFileInfo(path).fileName();
        fuzz::Target target{};
        QVERIFY2(fuzz::targetFromName(name.section(QLatin1Char('-'), 0, 0).toStdString(), target),
                 "the file name must start with a fuzz target's name");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.isEmpty());
        fuzz::exercise(target, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
