// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace tracedelta {

class OtlpReceiver;

// File → Receive Live Traces…: an OTLP/HTTP receiver on loopback (by default) that
// writes each trace to the receive folder when it went quiet and hands the file to the
// window, where it joins the Traces panel like an opened file (T makes it the target,
// the checkbox a baseline). The dialog can be closed while receiving; the receiver
// keeps running until Stop or the window closes, and closing writes what is still open.
class ReceiveDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReceiveDialog(QWidget* parent = nullptr);
    ~ReceiveDialog() override;

    bool isReceiving() const;
    // Starts with the fields as they are; empty on success, else the reason.
    QString start();
    void stop();
    QString endpoint() const;
    QLineEdit* listenEdit() const { return m_listen; }
    QLineEdit* folderEdit() const { return m_folder; }
    QDoubleSpinBox* quietTime() const { return m_quiet; }

Q_SIGNALS:
    void traceReceived(const QString& path);

private:
    void updateState();
    void log(const QString& line);

    QLineEdit* m_listen;
    QDoubleSpinBox* m_quiet;
    QLineEdit* m_folder;
    QPushButton* m_startStop;
    QLabel* m_status;
    QListWidget* m_log;
    std::unique_ptr<OtlpReceiver> m_receiver;
};

} // namespace tracedelta
