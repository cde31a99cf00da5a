// SPDX-License-Identifier: GPL-3.0-or-later
#include "receivedialog.h"

#include "core/remote/otlpreceiver.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTime>
#include <QVBoxLayout>

namespace tracedelta {

namespace {
const char* const ListenKey = "receive/listen";
const char* const QuietKey = "receive/quietSeconds";
const char* const FolderKey = "receive/folder";

QString defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("received"));
}

} // namespace

ReceiveDialog::ReceiveDialog(QWidget* parent)
    : QDialog(parent)
    , m_listen(new QLineEdit(this))
    , m_quiet(new QDoubleSpinBox(this))
    , m_folder(new QLineEdit(this))
    , m_startStop(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_log(new QListWidget(this))
{
    setWindowTitle(tr("Receive Live Traces"));
    QSettings settings;
    m_listen->setText(settings.value(QLatin1String(ListenKey), QStringLiteral("127.0.0.1:4318")).toString());
    m_listen->setToolTip(tr("Address and port of the OTLP/HTTP receiver. 127.0.0.1 accepts traces from this machine "
                            "only; 0.0.0.0 from the network."));
    m_quiet->setRange(0.1, 3600);
    m_quiet->setDecimals(1);
    m_quiet->setSuffix(tr(" s"));
    m_quiet->setValue(settings.value(QLatin1String(QuietKey), 5.0).toDouble());
    m_quiet->setToolTip(tr("A trace is shown when no span arrived for it for this long"));
    m_folder->setText(settings.value(QLatin1String(FolderKey), defaultFolder()).toString());
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseFolder"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Receive Folder"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Listen on:"), m_listen);
    form->addRow(tr("&Quiet time:"), m_quiet);
    auto* folderLabel = new QLabel(tr("Receive &folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* copy = new QPushButton(tr("&Copy Endpoint Setting"), this);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=%1").arg(endpoint().chopped(10)));
    });
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (isReceiving()) {
            stop();
        } else if (const QString error = start(); !error.isEmpty()) {
            log(error);
        }
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_startStop, QDialogButtonBox::ActionRole);
    buttons->addButton(copy, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Received traces and rejected requests:"), this));
    layout->addWidget(m_log, 1);
    layout->addWidget(buttons);
    resize(560, 420);
    updateState();
}

// The window is going away: write what is still open, without handing it to a window
// that is half destroyed.
ReceiveDialog::~ReceiveDialog()
{
    if (!m_receiver)
        return;
    disconnect(m_receiver->traces(), nullptr, this, nullptr);
    disconnect(m_receiver.get(), nullptr, this, nullptr);
    m_receiver->stop();
}

bool ReceiveDialog::isReceiving() const
{
    return m_receiver && m_receiver->isListening();
}

QString ReceiveDialog::endpoint() const
{
    return m_receiver ? m_receiver->endpoint() : QString();
}

QString ReceiveDialog::start()
{
    OtlpReceiver::Settings settings;
    if (!parseListenAddress(m_listen->text().trimmed(), settings.address, settings.port))
        return tr("“%1” is not an address and port such as 127.0.0.1:4318").arg(m_listen->text());
    settings.traces.quietMs = static_cast<int>(m_quiet->value() * 1000);
    settings.traces.outputDir = m_folder->text().trimmed().isEmpty() ? defaultFolder() : m_folder->text().trimmed();
    m_receiver = std::make_unique<OtlpReceiver>(settings);
    if (const QString error = m_receiver->listen(); !error.isEmpty()) {
        m_receiver.reset();
        updateState();
        return error;
    }
    QSettings saved;
    saved.setValue(QLatin1String(ListenKey), m_listen->text().trimmed());
    saved.setValue(QLatin1String(QuietKey), m_quiet->value());
    saved.setValue(QLatin1String(FolderKey), settings.traces.outputDir);
    connect(m_receiver->traces(), &ReceivedTraces::traceCompleted, this,
            [this](const QString& path, const QString& traceId, qint64 spans) {
                log(tr("trace %1 · %n span(s) → %2", nullptr, static_cast<int>(spans)).arg(traceId, QDir::toNativeSeparators(path)));
                Q_EMIT traceReceived(path);
            });
    connect(m_receiver->traces(), &ReceivedTraces::writeFailed, this, &ReceiveDialog::log);
    connect(m_receiver.get(), &OtlpReceiver::requestHandled, this, [this](int status, const QString& summary) {
        if (status != 200)
            log(tr("rejected a request (HTTP %1): %2").arg(status).arg(summary));
    });
    log(tr("Listening on %1").arg(m_receiver->endpoint()));
    updateState();
    return {};
}

void ReceiveDialog::stop()
{
    if (!m_receiver)
        return;
    m_receiver->stop(); // writes the traces still open (each one reaches the window)
    m_receiver.reset();
    log(tr("Stopped."));
    updateState();
}

void ReceiveDialog::log(const QString& line)
{
    m_log->addItem(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
    m_log->scrollToBottom();
}

void ReceiveDialog::updateState()
{
    const bool receiving = isReceiving();
    m_startStop->setText(receiving ? tr("&Stop") : tr("&Start"));
    for (QWidget* field : {static_cast<QWidget*>(m_listen), static_cast<QWidget*>(m_quiet), static_cast<QWidget*>(m_folder),
                           static_cast<QWidget*>(findChild<QPushButton*>(QStringLiteral("browseFolder")))})
        field->setEnabled(!receiving);
    m_status->setText(receiving ? tr("Receiving OTLP/HTTP (protobuf or JSON) at <b>%1</b>. Point your application at it with "
                                     "<code>OTEL_EXPORTER_OTLP_ENDPOINT=%2</code>; each trace appears in the Traces panel "
                                     "when it has been quiet for %3 s.")
                                      .arg(m_receiver->endpoint().toHtmlEscaped(), m_receiver->endpoint().chopped(10).toHtmlEscaped())
                                      .arg(m_quiet->value())
                                : tr("Not receiving."));
}

} // namespace tracedelta
