// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/remote/serverfetch.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace tracedelta {

class SecretStore;
struct ServerProfile;

// File → Open from Server…: a Jaeger, Tempo or Zipkin server (remembered, several), the
// trace ids or UI links to open (the first is the target), and Find Baselines — the
// target's root operation searched before it, the traces around the median duration
// checked in a list the user can change. Open fetches everything off the GUI thread
// (progress, Cancel), keeps the traces in the server-trace folder and hands the files to
// the window; a trace that fails is listed and the others still open.
class ServerDialog : public QDialog
{
    Q_OBJECT
public:
    ServerDialog(SecretStore* secrets, QWidget* parent = nullptr);
    ~ServerDialog() override;

    // For tests and the command line's --server hand-off.
    QComboBox* serverBox() const { return m_server; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* authBox() const { return m_auth; }
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* secretEdit() const { return m_secret; }
    QLineEdit* headersEdit() const { return m_headers; }
    QPlainTextEdit* idsEdit() const { return m_ids; }
    QCheckBox* findBaselinesBox() const { return m_findBaselines; }
    QSpinBox* countBox() const { return m_count; }
    QTreeWidget* baselineList() const { return m_baselines; }
    QPushButton* findButton() const { return m_findButton; }
    QPushButton* openButton() const { return m_openButton; }
    QLabel* statusLabel() const { return m_status; }
    bool isBusy() const;
    void cancel();

Q_SIGNALS:
    // The stored files of the traces that arrived; `targetFile` is the first id's.
    void tracesFetched(const QStringList& files, const QString& targetFile);

private:
    enum class Step { Idle, Finding, Fetching, Listing };

    void applyProfile(int index);
    ServerProfile currentProfile() const;
    std::optional<ServerConnection> connection(QString& error) const;
    QStringList traceIds(QString& error) const;
    void rememberServer();
    void findBaselines(bool thenOpen);
    void showFinding(const TargetSearch& result);
    void open();
    void fetchAll(const QStringList& ids);
    void showFetched(const std::vector<StoredTrace>& stored);
    void listServices();
    void listOperations();
    void setBusy(Step step, const QString& message);
    void setStatus(const QString& text, bool problem = false);
    void updateAuthFields();

    SecretStore* m_secrets;
    QComboBox* m_server;
    QComboBox* m_kind;
    QComboBox* m_auth;
    QLineEdit* m_user;
    QLineEdit* m_secret;
    QCheckBox* m_rememberSecret;
    QLineEdit* m_headers;
    QLineEdit* m_caFile;
    QPlainTextEdit* m_ids;
    QCheckBox* m_findBaselines;
    QSpinBox* m_count;
    QComboBox* m_window;
    QComboBox* m_service;
    QComboBox* m_operation;
    QPushButton* m_findButton;
    QTreeWidget* m_baselines;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_cancelButton;
    QPushButton* m_openButton;

    Step m_step = Step::Idle;
    bool m_openAfterFinding = false;
    QString m_foundForTarget; // the target id the list was found for
    QString m_targetFile;     // stored by the last Find
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<TargetSearch> m_findWatcher;
    QFutureWatcher<std::vector<StoredTrace>> m_fetchWatcher;
    QFutureWatcher<ServerNames> m_namesWatcher;
    QString m_namesFor; // "" services, else the service whose operations are listed
};

} // namespace tracedelta
