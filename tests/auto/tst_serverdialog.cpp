// SPDX-License-Identifier: GPL-3.0-or-later
// File → Open from Server…: a user with a Jaeger URL and one trace id gets the comparison
// with baselines found for her; the list can be edited; a failed trace leaves the others;
// Cancel; the server is remembered and its secret kept out of the settings.
#include "fakeserver.h"

#include "core/remote/servertracestore.h"
#include "core/io/traceloader.h"
#include "ui/actions/workspaceactions.h"
#include "ui/dialogs/serverdialog.h"
#include "ui/mainwindow.h"
#include "ui/session/secretstore.h"
#include "ui/session/tracesession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace tracedelta;
using namespace tracedelta::test;

namespace {

class MemorySecretStore : public SecretStore
{
public:
    QMap<QString, QString> secrets;
    void read(const QString& key, ReadDone done) override { done(secrets.value(key), QString()); }
    void write(const QString& key, const QString& secret, WriteDone done) override
    {
        secrets[key] = secret;
        done(QString());
    }
    void remove(const QString& key) override { secrets.remove(key); }
};

QByteArray settingsFileContent()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int checkedCount(const QTreeWidget* list)
{
    int n = 0;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        n += list->topLevelItem(i)->checkState(0) == Qt::Checked;
    return n;
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("TRACEDELTA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name));
}

} // namespace

class ServerDialogTest : public QObject
{
    Q_OBJECT

    QJsonObject m_real;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QDir(defaultServerTraceFolder()).removeRecursively();
        m_real = jsonObject(shared("jaeger/jaegerui-genai.json"));
    }

    void oneIdAndAUrlGiveTheComparison()
    {
        if (m_real.isEmpty())
            QSKIP("../shared/traces not present");
        FakeServer server;
        const QString targetId = serveJaegerFamily(server, m_real);
        MemorySecretStore secrets;
        MainWindow window;
        window.setSecretStore(&secrets);
        window.resize(1200, 760);
        window.show();
        ServerDialog* dialog = window.serverDialog();
        dialog->serverBox()->setCurrentText(server.url().toString());
        dialog->authBox()->setCurrentIndex(1); // bearer
        dialog->secretEdit()->setText(QStringLiteral("tok-123"));
        dialog->headersEdit()->setText(QStringLiteral("X-Scope-OrgID: team-a"));
        dialog->idsEdit()->setPlainText(QStringLiteral("http://localhost:16686/trace/") + targetId);
        dialog->countBox()->setValue(6);
        QVERIFY(dialog->findBaselinesBox()->isChecked());
        QTest::mouseClick(dialog->openButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->entries().size(), std::size_t(7), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->outcome().comparison != nullptr, 20000);
        const auto& entries = window.session()->entries();
        const Trace& target = *entries[window.session()->targetIndex()].trace;
        QCOMPARE(serverTraceOrigin(target.sourceFile())->traceId, targetId);
        QStringList baselineIds;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            QVERIFY(entries[i].included);
            if (i != window.session()->targetIndex())
                baselineIds << serverTraceOrigin(entries[i].trace->sourceFile())->traceId;
        }
        baselineIds.sort();
        QStringList expected;
        for (int i = 0; i < 6; ++i)
            expected << hexId(i, QLatin1Char('b'));
        QCOMPARE(baselineIds, expected);
        QVERIFY(window.session()->outcome().comparison->deltaNs() > 0);
        for (const QByteArray& request : server.requests) {
            QVERIFY(request.contains("Authorization: Bearer tok-123"));
            QVERIFY(request.contains("X-Scope-OrgID: team-a"));
        }
        // The Traces panel names the server and the id, not the cache file.
        const auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("tracesTree"));
        QVERIFY(tree);
        QVERIFY2(tree->topLevelItem(0)->text(0).startsWith(QStringLiteral("Jaeger 127.0.0.1:")), qPrintable(tree->topLevelItem(0)->text(0)));
        saveScreenshot(&window, QStringLiteral("server-comparison.png"));

        // Remembered: the URL, kind and headers in the settings, the token only in the keyring.
        const QByteArray saved = settingsFileContent();
        QVERIFY(saved.contains(server.url().host().toLatin1()));
        QVERIFY(saved.contains("team-a"));
        QVERIFY(!saved.contains("tok-123"));
        QCOMPARE(secrets.secrets.size(), 1);
        QCOMPARE(secrets.secrets.first(), QStringLiteral("tok-123"));

        // Save Trace As: the target's file, byte for byte, loadable.
        QTemporaryDir out;
        const QString savedTrace = out.filePath(QStringLiteral("slow-request.json"));
        QVERIFY(window.saveTraceAs(window.session()->targetIndex(), savedTrace));
        QFile savedFile(savedTrace);
        QFile source(target.sourceFile());
        QVERIFY(savedFile.open(QIODevice::ReadOnly) && source.open(QIODevice::ReadOnly));
        QCOMPARE(savedFile.readAll(), source.readAll());
        QVERIFY(loadTraceFile(savedTrace).ok());

        // The workspace records the server and id of each trace; with the fetched files gone
        // (another machine), opening it fetches them again and restores the roles.
        const QString workspacePath = out.filePath(QStringLiteral("incident.tdelta"));
        QVERIFY(window.workspaces()->saveWorkspaceTo(workspacePath).isEmpty());
        QFile workspaceFile(workspacePath);
        QVERIFY(workspaceFile.open(QIODevice::ReadOnly));
        const QJsonObject workspace = jsonObject(workspaceFile.readAll());
        QCOMPARE(workspace[QStringLiteral("traces")].toArray().size(), 7);
        for (const QJsonValue& ref : workspace[QStringLiteral("traces")].toArray()) {
            QCOMPARE(ref[QStringLiteral("server")][QStringLiteral("url")].toString(), server.url().toString());
            QCOMPARE(ref[QStringLiteral("server")][QStringLiteral("kind")].toString(), QStringLiteral("jaeger"));
            QVERIFY(ref[QStringLiteral("server")][QStringLiteral("traceId")].toString().size() == 32);
        }
        QVERIFY(!workspace.contains(QStringLiteral("tok-123")) && !QJsonDocument(workspace).toJson().contains("tok-123"));
        QVERIFY(QDir(defaultServerTraceFolder()).removeRecursively());
        const qsizetype requestsBefore = server.requests.size();
        MainWindow reopened;
        reopened.setSecretStore(&secrets);
        reopened.show();
        QVERIFY(reopened.workspaces()->openWorkspace(workspacePath).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(reopened.session()->entries().size(), std::size_t(7), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(reopened.session()->outcome().comparison != nullptr, 20000);
        QCOMPARE(server.requests.size(), requestsBefore + 7);
        QVERIFY(server.requests.last().contains("Authorization: Bearer tok-123"));
        QCOMPARE(serverTraceOrigin(reopened.session()->entries()[reopened.session()->targetIndex()].trace->sourceFile())->traceId, targetId);

        // A new dialog offers the server and fills the token back from the keyring.
        ServerDialog again(&secrets);
        QCOMPARE(again.serverBox()->currentText(), server.url().toString());
        QCOMPARE(again.authBox()->currentIndex(), 1);
        QCOMPARE(again.secretEdit()->text(), QStringLiteral("tok-123"));
        QCOMPARE(again.headersEdit()->text(), QStringLiteral("X-Scope-OrgID: team-a"));
    }

    void theFoundListCanBeEditedBeforeOpening()
    {
        if (m_real.isEmpty())
            QSKIP("../shared/traces not present");
        FakeServer server;
        const QString targetId = serveJaegerFamily(server, m_real);
        MemorySecretStore secrets;
        ServerDialog dialog(&secrets);
        QStringList opened;
        QString openedTarget;
        connect(&dialog, &ServerDialog::tracesFetched, this, [&](const QStringList& files, const QString& target) {
            opened = files;
            openedTarget = target;
        });
        dialog.resize(800, 600);
        dialog.show();
        dialog.serverBox()->setCurrentText(server.url().toString());
        dialog.authBox()->setCurrentIndex(0);
        dialog.idsEdit()->setPlainText(targetId);
        dialog.countBox()->setValue(6);
        QTest::mouseClick(dialog.findButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QTreeWidget* list = dialog.baselineList();
        QCOMPARE(list->topLevelItemCount(), 29); // everything found but the target
        QCOMPARE(checkedCount(list), 6);
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("6 of 30 traces of api-edge “POST /api/graphql” checked")),
                 qPrintable(dialog.statusLabel()->text()));
        saveScreenshot(&dialog, QStringLiteral("server-dialog.png"));
        // Swap one: uncheck the first chosen, check the 44.9 s … one from the rest.
        const QString dropped = list->topLevelItem(0)->text(0);
        list->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
        QString added;
        for (int i = 6; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = list->topLevelItem(i);
            if (!item->text(1).contains(QStringLiteral("error"))) {
                item->setCheckState(0, Qt::Checked);
                added = item->text(0);
                break;
            }
        }
        QVERIFY(!added.isEmpty());
        const qsizetype requestsBeforeOpen = server.requests.size();
        QTest::mouseClick(dialog.openButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 7, 20000);
        // Find fetched the target: Open fetches the six baselines only.
        QCOMPARE(server.requests.size(), requestsBeforeOpen + 6);
        for (qsizetype r = requestsBeforeOpen; r < server.requests.size(); ++r)
            QVERIFY(!server.requests[r].contains(targetId.toLatin1()));
        QCOMPARE(serverTraceOrigin(openedTarget)->traceId, targetId);
        QStringList ids;
        for (const QString& file : opened)
            ids << serverTraceOrigin(file)->traceId;
        QVERIFY(ids.contains(added));
        QVERIFY(!ids.contains(dropped));
        QVERIFY(server.requests.last().startsWith("GET /api/traces/"));
    }

    void aFailedTraceLeavesTheOthers()
    {
        if (m_real.isEmpty())
            QSKIP("../shared/traces not present");
        FakeServer server;
        const QString targetId = serveJaegerFamily(server, m_real);
        server.answers["/api/traces/" + hexId(3, QLatin1Char('b')).toLatin1()] = {503, "overloaded"};
        MemorySecretStore secrets;
        ServerDialog dialog(&secrets);
        QStringList opened;
        connect(&dialog, &ServerDialog::tracesFetched, this, [&](const QStringList& files, const QString&) { opened = files; });
        dialog.show();
        dialog.serverBox()->setCurrentText(server.url().toString());
        dialog.authBox()->setCurrentIndex(0);
        dialog.findBaselinesBox()->setChecked(false);
        dialog.idsEdit()->setPlainText(targetId + QLatin1Char('\n') + hexId(0, QLatin1Char('b')) + QLatin1Char('\n')
                                       + QStringLiteral("ffffffffffffffffffffffffffffffff\n") + hexId(3, QLatin1Char('b')));
        QTest::mouseClick(dialog.openButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, 20000);
        QTRY_VERIFY(!dialog.isBusy());
        QVERIFY(dialog.isVisible()); // stays open to show what failed
        const QString status = dialog.statusLabel()->text();
        QVERIFY2(status.contains(QStringLiteral("Opened 2 of 4 traces")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("trace ffffffffffffffffffffffffffffffff not found on")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("busy or failing (HTTP 503)")), qPrintable(status));

        dialog.idsEdit()->setPlainText(QStringLiteral("not an id"));
        QTest::mouseClick(dialog.openButton(), Qt::LeftButton);
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("No trace id in “not an id”")));
    }

    void cancelStopsWithinAMoment()
    {
        FakeServer server;
        server.answers["/api/traces/" + hexId(1, QLatin1Char('a')).toLatin1()] = {200, {}, true}; // never answers
        MemorySecretStore secrets;
        ServerDialog dialog(&secrets);
        dialog.show();
        dialog.serverBox()->setCurrentText(server.url().toString());
        dialog.authBox()->setCurrentIndex(0);
        dialog.idsEdit()->setPlainText(hexId(1, QLatin1Char('a')));
        QTest::mouseClick(dialog.openButton(), Qt::LeftButton); // finds baselines first: fetches the target
        QVERIFY(dialog.isBusy());
        QTest::qWait(300);
        QVERIFY(dialog.isBusy());
        QElapsedTimer clock;
        clock.start();
        dialog.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 2000);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("cancelled")), qPrintable(dialog.statusLabel()->text()));
    }
};

QTEST_MAIN(ServerDialogTest)
#include "tst_serverdialog.moc"
