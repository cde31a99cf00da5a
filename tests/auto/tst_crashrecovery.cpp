// SPDX-License-Identifier: GPL-3.0-or-later
// Notes survive a crash: a child process (this binary with --edit-and-wait) opens the samples,
// adds a note and waits; the test kills it with SIGKILL, then a new window offers the note back.
// A second window never offers a running window's notes, and an unreadable autosave is reported
// and kept aside instead of being overwritten.
#include "testsupport.h"

#include "core/workspace/annotation.h"
#include "core/workspace/autosavesession.h"
#include "ui/annotations/annotationstore.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>

#include <iostream>
#include <thread>

using namespace tracedelta;

namespace {

const QString NoteText = QStringLiteral("check the model cache before the 14:05 deploy");

QStringList sampleFiles()
{
    return {test::sampleFile("inference-normal-1.json"), test::sampleFile("inference-normal-2.json"),
            test::sampleFile("inference-spike.json")};
}

// The child: an ordinary window session that edits a note and then "crashes" (is killed).
int editAndWait()
{
    MainWindow window;
    window.show();
    QSignalSpy compared(&window, &MainWindow::comparisonFinished);
    window.openFiles(sampleFiles());
    if (!compared.wait(30000) || !window.comparison())
        return 3;
    const Trace& target = window.comparison()->target();
    window.annotations()->add(spanAnnotation(target, target.mainRoot(), NoteText));
    const QString path = window.autosavePath();
    QElapsedTimer waited;
    waited.start();
    while (!QFileInfo::exists(path) && waited.elapsed() < 20000)
        QTest::qWait(50);
    std::cout << "AUTOSAVED " << path.toStdString() << std::endl;
    QTest::qWait(600000); // until killed
    return 0;
}

// Answers the next modal question box with the given button.
void answerNextQuestion(QObject* context, QMessageBox::StandardButton button, bool* asked)
{
    QTimer::singleShot(100, context, [context, button, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box && box->button(button)) {
            *asked = true;
            box->button(button)->click();
        } else {
            answerNextQuestion(context, button, asked);
        }
    });
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private:
    QString autosaveFolder() const { return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation); }

    void clearAutosaves()
    {
        QDir dir(autosaveFolder());
        for (const QString& name : dir.entryList({QStringLiteral("autosave*")}, QDir::Files))
            dir.remove(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(!autosaveFolder().isEmpty());
    }
    void init() { clearAutosaves(); }

    void notesSurviveKillMinus9()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--edit-and-wait")});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        QElapsedTimer waited;
        waited.start();
        while (!output.contains("AUTOSAVED") && waited.elapsed() < 60000) {
            child.waitForReadyRead(500);
            output += child.readAllStandardOutput();
        }
        QVERIFY2(output.contains("AUTOSAVED"), output.constData());
        const QString childAutosave = QString::fromUtf8(output.mid(output.indexOf("AUTOSAVED ") + 10).trimmed());
        QVERIFY(QFileInfo::exists(childAutosave));

        // While the child runs, its notes are not someone else's to restore.
        {
            MainWindow other;
            QVERIFY(!AutosaveSession(autosaveFolder()).orphans().contains(childAutosave));
            bool asked = false;
            answerNextQuestion(&other, QMessageBox::No, &asked);
            other.offerAutosaveRecovery();
            QTest::qWait(300);
            QVERIFY(!asked);
            QVERIFY(QFileInfo::exists(childAutosave));
        }

        child.kill(); // SIGKILL: no close event, no cleanup
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFileInfo::exists(childAutosave));

        MainWindow window;
        window.show();
        QSignalSpy compared(&window, &MainWindow::comparisonFinished);
        bool asked = false;
        answerNextQuestion(&window, QMessageBox::Yes, &asked);
        window.offerAutosaveRecovery();
        QVERIFY(asked);
        QVERIFY(compared.wait(30000));
        const auto& notes = window.annotations()->annotations();
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes.front().text, NoteText);
        QCOMPARE(window.traces().size(), std::size_t(3));
        // The restored notes are this session's autosave now, safe until it closes normally.
        QVERIFY(!QFileInfo::exists(childAutosave));
        QVERIFY(QFileInfo::exists(window.autosavePath()));
        window.close();
        QVERIFY(!QFileInfo::exists(window.autosavePath()));
    }

    void unreadableAutosaveIsKeptAside()
    {
        const QString orphan = QDir(autosaveFolder()).filePath(QStringLiteral("autosave-999999.tdelta"));
        const QByteArray garbage = "{\"tracedeltaWorkspace\":1,\"annotations\":[{\"text\":\"half a no";
        QFile file(orphan);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
        file.close();

        MainWindow window;
        bool asked = false;
        answerNextQuestion(&window, QMessageBox::Yes, &asked);
        window.offerAutosaveRecovery();
        QTest::qWait(300);
        QVERIFY(!asked); // nothing to ask about: it cannot be read
        QVERIFY(!QFileInfo::exists(orphan));
        const QStringList kept = QDir(autosaveFolder()).entryList({QStringLiteral("autosave-999999.unreadable-*.tdelta")});
        QCOMPARE(kept.size(), 1);
        QFile keptFile(QDir(autosaveFolder()).filePath(kept.front()));
        QVERIFY(keptFile.open(QIODevice::ReadOnly));
        QCOMPARE(keptFile.readAll(), garbage);
        // Named in the window so the user can find it.
        auto* box = window.findChild<QMessageBox*>();
        QVERIFY(box);
        QVERIFY2(box->text().contains(kept.front()), qPrintable(box->text()));
        // A later session does not offer it again.
        QVERIFY(AutosaveSession(autosaveFolder()).orphans().isEmpty());
    }

    // The 0.1 autosave (one shared file) is still offered once.
    void legacyAutosaveIsOffered()
    {
        Workspace w;
        Annotation note;
        note.kind = Annotation::Kind::Range;
        note.text = QStringLiteral("legacy");
        note.traceFile = test::sampleFile("inference-spike.json");
        w.annotations.push_back(note);
        QString error;
        const QString legacy = QDir(autosaveFolder()).filePath(QStringLiteral("autosave.tdelta"));
        QVERIFY(saveWorkspace(w, legacy, error));
        QCOMPARE(AutosaveSession(autosaveFolder()).orphans(), QStringList{legacy});
        MainWindow window;
        bool asked = false;
        answerNextQuestion(&window, QMessageBox::No, &asked);
        window.offerAutosaveRecovery();
        QVERIFY(asked);
        QVERIFY(!QFileInfo::exists(legacy)); // declined: removed
    }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("TraceDeltaCrashRecoveryTest"));
    QStandardPaths::setTestModeEnabled(true);
    if (argc > 1 && QByteArray(argv[1]) == "--edit-and-wait")
        return editAndWait();
    TestCrashRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashrecovery.moc"
