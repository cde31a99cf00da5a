// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverdialog.h"

#include "core/remote/servertracestore.h"
#include "core/util/durationformat.h"
#include "ui/session/secretstore.h"
#include "ui/session/serverprofiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace tracedelta {

namespace {

enum BaselineColumn { IdColumn, DurationColumn, StartColumn, RootColumn };

constexpr TraceServerKind Kinds[] = {TraceServerKind::Jaeger, TraceServerKind::JaegerV3, TraceServerKind::Tempo,
                                     TraceServerKind::TempoV2, TraceServerKind::Zipkin};

QString headerLines(const QString& text)
{
    // One line in the dialog: headers separated by ';'.
    QStringList lines = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (QString& line : lines)
        line = line.trimmed();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ServerDialog::ServerDialog(SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_secrets(secrets)
{
    setWindowTitle(tr("Open from Server"));
    auto* layout = new QVBoxLayout(this);

    auto* serverForm = new QFormLayout;
    serverForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_server = new QComboBox;
    m_server->setEditable(true);
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->lineEdit()->setPlaceholderText(tr("e.g. http://localhost:16686 (Jaeger), http://tempo:3200, http://zipkin:9411"));
    m_kind = new QComboBox;
    m_kind->addItem(tr("Jaeger"), kindName(TraceServerKind::Jaeger));
    m_kind->addItem(tr("Jaeger (API v3, OTLP)"), kindName(TraceServerKind::JaegerV3));
    m_kind->addItem(tr("Grafana Tempo"), kindName(TraceServerKind::Tempo));
    m_kind->addItem(tr("Grafana Tempo (API v2)"), kindName(TraceServerKind::TempoV2));
    m_kind->addItem(tr("Zipkin"), kindName(TraceServerKind::Zipkin));
    auto* serverRow = new QHBoxLayout;
    serverRow->addWidget(m_server, 1);
    serverRow->addWidget(m_kind);
    serverForm->addRow(tr("&Server:"), serverRow);

    m_auth = new QComboBox;
    m_auth->addItems({tr("None"), tr("Bearer token"), tr("User and password")});
    m_user = new QLineEdit;
    m_user->setPlaceholderText(tr("user"));
    m_secret = new QLineEdit;
    m_secret->setEchoMode(QLineEdit::Password);
    m_rememberSecret = new QCheckBox(tr("Keep in the keyring"));
    m_rememberSecret->setChecked(true);
    m_rememberSecret->setToolTip(tr("Tokens and passwords are kept in the desktop keyring, never in settings or workspace files"));
    auto* authRow = new QHBoxLayout;
    authRow->addWidget(m_auth);
    authRow->addWidget(m_user, 1);
    authRow->addWidget(m_secret, 1);
    authRow->addWidget(m_rememberSecret);
    serverForm->addRow(tr("&Authentication:"), authRow);

    m_headers = new QLineEdit;
    m_headers->setPlaceholderText(tr("Name: value; … e.g. X-Scope-OrgID: team-a"));
    serverForm->addRow(tr("Extra &headers:"), m_headers);
    m_caFile = new QLineEdit;
    m_caFile->setPlaceholderText(tr("only for a server with a private certificate authority"));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CA Certificate"), m_caFile->text(),
                                                          tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    serverForm->addRow(tr("CA &file:"), caRow);
    layout->addLayout(serverForm);

    auto* idsLabel = new QLabel(tr("&Trace ids or links, one per line — the first is the target (the slow one):"));
    m_ids = new QPlainTextEdit;
    m_ids->setPlaceholderText(tr("4bf92f3577b34da6a3ce929d0e0e4736\nhttp://jaeger:16686/trace/…, a Grafana explore link or a log line"));
    m_ids->setTabChangesFocus(true);
    m_ids->setFixedHeight(m_ids->fontMetrics().lineSpacing() * 4 + 12);
    idsLabel->setBuddy(m_ids);
    layout->addWidget(idsLabel);
    layout->addWidget(m_ids);

    m_findBaselines = new QCheckBox(tr("Find &baselines:"));
    m_findBaselines->setChecked(true);
    m_findBaselines->setToolTip(tr("Search the target's root operation before it, drop errors and outliers, and take the traces "
                                   "closest to the median duration"));
    m_count = new QSpinBox;
    m_count->setRange(1, 100);
    m_count->setValue(DefaultBaselineCount);
    m_count->setSuffix(tr(" traces"));
    m_window = new QComboBox;
    m_window->setEditable(true);
    m_window->addItems({QStringLiteral("15m"), QStringLiteral("1h"), QStringLiteral("6h"), QStringLiteral("1d")});
    m_window->setCurrentIndex(1);
    m_window->setToolTip(tr("How far before the target to search, e.g. 30m, 1h, 1d"));
    auto* findRow = new QHBoxLayout;
    findRow->addWidget(m_findBaselines);
    findRow->addWidget(m_count);
    findRow->addWidget(new QLabel(tr("in the")));
    findRow->addWidget(m_window);
    findRow->addWidget(new QLabel(tr("before the target")));
    findRow->addStretch(1);
    layout->addLayout(findRow);

    m_service = new QComboBox;
    m_service->setEditable(true);
    m_service->lineEdit()->setPlaceholderText(tr("the target's root service"));
    m_operation = new QComboBox;
    m_operation->setEditable(true);
    m_operation->lineEdit()->setPlaceholderText(tr("the target's root operation"));
    auto* listServices = new QPushButton(tr("Services"));
    listServices->setToolTip(tr("List the server's services"));
    connect(listServices, &QPushButton::clicked, this, &ServerDialog::listServices);
    connect(m_service, &QComboBox::activated, this, &ServerDialog::listOperations);
    m_findButton = new QPushButton(tr("&Find Baselines"));
    connect(m_findButton, &QPushButton::clicked, this, [this] { findBaselines(false); });
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(new QLabel(tr("Service:")));
    searchRow->addWidget(m_service, 1);
    searchRow->addWidget(listServices);
    searchRow->addWidget(new QLabel(tr("Operation:")));
    searchRow->addWidget(m_operation, 1);
    searchRow->addWidget(m_findButton);
    layout->addLayout(searchRow);

    m_baselines = new QTreeWidget;
    m_baselines->setHeaderLabels({tr("Trace"), tr("Duration"), tr("Started"), tr("Root")});
    m_baselines->setRootIsDecorated(false);
    m_baselines->setUniformRowHeights(true);
    m_baselines->header()->setSectionResizeMode(IdColumn, QHeaderView::ResizeToContents);
    m_baselines->setToolTip(tr("Checked traces are opened as baselines"));
    layout->addWidget(m_baselines, 1);

    m_progress = new QProgressBar;
    m_progress->setVisible(false);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox;
    m_openButton = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_cancelButton = buttons->addButton(tr("Cancel"), QDialogButtonBox::ActionRole);
    m_cancelButton->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_openButton, &QPushButton::clicked, this, &ServerDialog::open);
    connect(m_cancelButton, &QPushButton::clicked, this, &ServerDialog::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_auth, &QComboBox::currentIndexChanged, this, &ServerDialog::updateAuthFields);
    connect(m_server, &QComboBox::activated, this, &ServerDialog::applyProfile);
    connect(m_server->lineEdit(), &QLineEdit::textEdited, this, [this](const QString& text) {
        // A typed URL on a default port picks its backend, until the user picks one.
        const QUrl url = QUrl::fromUserInput(text);
        if (url.port() > 0)
            m_kind->setCurrentIndex(m_kind->findData(kindName(guessKind(url))));
    });
    connect(&m_findWatcher, &QFutureWatcher<TargetSearch>::finished, this, [this] { showFinding(m_findWatcher.result()); });
    connect(&m_fetchWatcher, &QFutureWatcher<std::vector<StoredTrace>>::finished, this, [this] { showFetched(m_fetchWatcher.result()); });
    connect(&m_namesWatcher, &QFutureWatcher<ServerNames>::finished, this, [this] {
        const ServerNames names = m_namesWatcher.result();
        setBusy(Step::Idle, QString());
        if (!names.error.isEmpty()) {
            setStatus(names.error, true);
            return;
        }
        QComboBox* box = m_namesFor.isEmpty() ? m_service : m_operation;
        const QString current = box->currentText();
        box->clear();
        box->addItems(names.names);
        box->setCurrentText(current);
        setStatus(m_namesFor.isEmpty() ? tr("%n service(s) on the server.", nullptr, int(names.names.size()))
                                       : tr("%n operation(s) of %1.", nullptr, int(names.names.size())).arg(m_namesFor));
        if (!names.names.isEmpty())
            box->showPopup();
    });

    QSettings settings;
    const std::vector<ServerProfile> profiles = loadServerProfiles(settings);
    for (const ServerProfile& p : profiles)
        m_server->addItem(p.url);
    if (!profiles.empty())
        applyProfile(0);
    updateAuthFields();
    resize(760, 600);
}

ServerDialog::~ServerDialog()
{
    cancel();
    m_findWatcher.waitForFinished();
    m_fetchWatcher.waitForFinished();
    m_namesWatcher.waitForFinished();
}

bool ServerDialog::isBusy() const
{
    return m_step != Step::Idle;
}

void ServerDialog::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_openAfterFinding = false;
}

void ServerDialog::updateAuthFields()
{
    const auto auth = static_cast<ServerProfile::Auth>(m_auth->currentIndex());
    m_user->setVisible(auth == ServerProfile::Auth::Basic);
    m_secret->setVisible(auth != ServerProfile::Auth::None);
    m_rememberSecret->setVisible(auth != ServerProfile::Auth::None);
    m_secret->setPlaceholderText(auth == ServerProfile::Auth::Basic ? tr("password") : tr("token"));
}

void ServerDialog::applyProfile(int index)
{
    QSettings settings;
    const std::vector<ServerProfile> profiles = loadServerProfiles(settings);
    if (index < 0 || index >= static_cast<int>(profiles.size()))
        return;
    const ServerProfile& p = profiles[static_cast<std::size_t>(index)];
    m_server->setCurrentText(p.url);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kindName(p.kind))));
    m_auth->setCurrentIndex(static_cast<int>(p.auth));
    m_user->setText(p.user);
    m_headers->setText(p.headers.split(QLatin1Char('\n'), Qt::SkipEmptyParts).join(QStringLiteral("; ")));
    m_caFile->setText(p.caFile);
    m_secret->clear();
    if (p.auth != ServerProfile::Auth::None && m_secrets) {
        QPointer<ServerDialog> self(this);
        const QString url = p.url;
        m_secrets->read(p.secretKey(), [self, url](const QString& secret, const QString& error) {
            if (!self || self->m_server->currentText() != url)
                return;
            if (!error.isEmpty())
                self->setStatus(tr("The keyring could not give the saved secret (%1); type it again.").arg(error), true);
            else if (self->m_secret->text().isEmpty())
                self->m_secret->setText(secret);
        });
    }
}

ServerProfile ServerDialog::currentProfile() const
{
    ServerProfile p;
    p.url = m_server->currentText().trimmed();
    p.kind = kindFromName(m_kind->currentData().toString()).value_or(TraceServerKind::Jaeger);
    p.auth = static_cast<ServerProfile::Auth>(m_auth->currentIndex());
    p.user = p.auth == ServerProfile::Auth::Basic ? m_user->text().trimmed() : QString();
    p.headers = headerLines(m_headers->text());
    p.caFile = m_caFile->text().trimmed();
    return p;
}

std::optional<ServerConnection> ServerDialog::connection(QString& error) const
{
    const ServerProfile p = currentProfile();
    const QUrl base = QUrl::fromUserInput(p.url);
    if (p.url.isEmpty() || !base.isValid() || base.host().isEmpty()) {
        error = tr("Give the server's URL, e.g. http://localhost:16686.");
        return std::nullopt;
    }
    ServerConnection c;
    c.server = {p.kind, base};
    if (p.auth == ServerProfile::Auth::Bearer)
        c.auth.bearerToken = m_secret->text();
    else if (p.auth == ServerProfile::Auth::Basic) {
        c.auth.user = p.user;
        c.auth.password = m_secret->text();
    }
    c.auth.headers = ServerAuth::parseHeaders(p.headers);
    c.caFile = p.caFile;
    return c;
}

QStringList ServerDialog::traceIds(QString& error) const
{
    QStringList ids;
    for (const QString& line : m_ids->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.trimmed().isEmpty())
            continue;
        const auto id = traceIdFromText(line);
        if (!id) {
            error = tr("No trace id in “%1”.").arg(line.trimmed().left(80));
            return {};
        }
        if (!ids.contains(*id))
            ids << *id;
    }
    if (ids.isEmpty())
        error = tr("Paste at least one trace id or link.");
    return ids;
}

void ServerDialog::rememberServer()
{
    const ServerProfile p = currentProfile();
    QSettings settings;
    rememberServerProfile(settings, p);
    if (m_server->findText(p.url) < 0)
        m_server->insertItem(0, p.url);
    if (!m_secrets || p.auth == ServerProfile::Auth::None || m_secret->text().isEmpty())
        return;
    if (!m_rememberSecret->isChecked()) {
        m_secrets->remove(p.secretKey());
        return;
    }
    QPointer<ServerDialog> self(this);
    m_secrets->write(p.secretKey(), m_secret->text(), [self](const QString& error) {
        if (self && !error.isEmpty())
            self->setStatus(tr("The keyring is not available (%1): the secret is used for this session only.").arg(error), true);
    });
}

void ServerDialog::setBusy(Step step, const QString& message)
{
    m_step = step;
    const bool busy = step != Step::Idle;
    m_progress->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    m_openButton->setEnabled(!busy);
    m_findButton->setEnabled(!busy);
    if (busy) {
        m_progress->setRange(0, 0);
        m_cancel = std::make_shared<std::atomic<bool>>(false);
        setStatus(message);
    }
}

void ServerDialog::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: palette(link-visited);") : QString());
    m_status->setProperty("problem", problem);
}

void ServerDialog::findBaselines(bool thenOpen)
{
    QString error;
    const auto c = connection(error);
    const QStringList ids = c ? traceIds(error) : QStringList();
    const auto window = parseWindow(m_window->currentText());
    if (c && !ids.isEmpty() && !window)
        error = tr("The window “%1” is not a duration such as 30m, 1h or 1d.").arg(m_window->currentText());
    if (!error.isEmpty()) {
        setStatus(error, true);
        return;
    }
    rememberServer();
    m_openAfterFinding = thenOpen;
    setBusy(Step::Finding, tr("Fetching the target %1 and searching for baselines…").arg(ids.first()));
    // Service and operation typed by the user replace the target's; after a new target they start empty.
    const QString service = ids.first() == m_foundForTarget ? m_service->currentText().trimmed() : QString();
    const QString operation = service.isEmpty() ? QString() : m_operation->currentText().trimmed();
    m_findWatcher.setFuture(QtConcurrent::run(fetchTargetAndFindBaselines, *c, ids.first(), m_count->value(), *window, service,
                                              operation, defaultServerTraceFolder(), m_cancel.get()));
}

void ServerDialog::showFinding(const TargetSearch& result)
{
    setBusy(Step::Idle, QString());
    if (result.target.path.isEmpty()) {
        m_openAfterFinding = false;
        setStatus(result.target.error, true);
        return;
    }
    m_foundForTarget = result.target.traceId;
    m_targetFile = result.target.path;
    m_service->setCurrentText(result.search.service);
    m_operation->setCurrentText(result.search.operation);
    m_baselines->clear();
    const BaselineFinding& f = result.finding;
    // The chosen first (closest to the median first, checked), then the rest of the
    // answer by duration, so the user can swap one in.
    std::vector<FoundTrace> rest;
    for (const FoundTrace& t : f.found) {
        const bool chosen = std::any_of(f.chosen.begin(), f.chosen.end(), [&t](const FoundTrace& c) { return c.traceId == t.traceId; });
        if (!chosen && t.traceId != result.target.traceId)
            rest.push_back(t);
    }
    std::sort(rest.begin(), rest.end(), [](const FoundTrace& a, const FoundTrace& b) { return a.durationNs < b.durationNs; });
    const auto addRow = [this](const FoundTrace& t, bool checked) {
        auto* item = new QTreeWidgetItem(m_baselines);
        item->setText(IdColumn, t.traceId);
        item->setText(DurationColumn, formatDuration(t.durationNs) + (t.error ? tr(" · error") : QString()));
        item->setText(StartColumn, t.startNs > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(t.startNs / 1'000'000), QLocale::ShortFormat)
                                                 : QString());
        item->setText(RootColumn, t.rootName);
        item->setTextAlignment(DurationColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(IdColumn, checked ? Qt::Checked : Qt::Unchecked);
    };
    for (const FoundTrace& t : f.chosen)
        addRow(t, true);
    for (const FoundTrace& t : rest)
        addRow(t, false);
    if (!f.error.isEmpty()) {
        m_openAfterFinding = false;
        setStatus(f.error, true);
        return;
    }
    std::vector<std::int64_t> durations;
    for (const FoundTrace& t : f.chosen)
        durations.push_back(t.durationNs);
    std::sort(durations.begin(), durations.end());
    setStatus(tr("%1 of %2 traces of %3 “%4” checked: no errors, no outliers, %5 – %6 around the median. "
                 "Check or uncheck to change, then Open.")
                  .arg(f.chosen.size())
                  .arg(f.found.size())
                  .arg(f.search.service, f.search.operation, formatDuration(durations.front()), formatDuration(durations.back())));
    if (m_openAfterFinding) {
        m_openAfterFinding = false;
        open();
    }
}

void ServerDialog::open()
{
    QString error;
    const QStringList ids = traceIds(error);
    if (!error.isEmpty()) {
        setStatus(error, true);
        return;
    }
    if (m_findBaselines->isChecked() && m_foundForTarget != ids.first()) {
        findBaselines(true); // one click: find, then open
        return;
    }
    QStringList all = ids;
    if (m_findBaselines->isChecked()) {
        for (int i = 0; i < m_baselines->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* item = m_baselines->topLevelItem(i);
            if (item->checkState(IdColumn) == Qt::Checked && !all.contains(item->text(IdColumn)))
                all << item->text(IdColumn);
        }
    }
    if (all.size() < 2) {
        setStatus(tr("Give a second trace id, or find baselines, to compare against."), true);
        return;
    }
    fetchAll(all);
}

void ServerDialog::fetchAll(const QStringList& ids)
{
    QString error;
    const auto c = connection(error);
    if (!c) {
        setStatus(error, true);
        return;
    }
    rememberServer();
    // Find stored the target already (from this server): fetched once, not again for Open.
    const auto storedFrom = serverTraceOrigin(m_targetFile);
    const bool targetStored = ids.first() == m_foundForTarget && QFileInfo::exists(m_targetFile) && storedFrom
        && storedFrom->server.kind == c->server.kind && storedFrom->server.base == c->server.base;
    const StoredTrace target{ids.first(), m_targetFile, QString()};
    const QStringList toFetch = targetStored ? ids.mid(1) : ids;
    const int skipped = targetStored ? 1 : 0;
    setBusy(Step::Fetching, tr("Fetching %n trace(s)…", nullptr, int(toFetch.size())));
    m_progress->setRange(0, int(ids.size()));
    m_progress->setValue(skipped);
    QPointer<QProgressBar> bar(m_progress);
    QPointer<QLabel> status(m_status);
    const FetchProgress progress = [bar, status, skipped](int done, int total, const QString& id) {
        QMetaObject::invokeMethod(bar, [bar, status, done = done + skipped, total = total + skipped, id] {
            if (bar)
                bar->setValue(done);
            if (status && !id.isEmpty())
                status->setText(tr("Fetching %1 (%2 of %3)…").arg(id).arg(done + 1).arg(total));
        });
    };
    m_fetchWatcher.setFuture(QtConcurrent::run([connection = *c, toFetch, target, targetStored, cancel = m_cancel, progress] {
        std::vector<StoredTrace> stored = fetchAndStore(connection, toFetch, defaultServerTraceFolder(), cancel.get(), progress);
        if (targetStored)
            stored.insert(stored.begin(), target);
        return stored;
    }));
}

void ServerDialog::showFetched(const std::vector<StoredTrace>& stored)
{
    setBusy(Step::Idle, QString());
    QStringList files;
    QStringList problems;
    for (const StoredTrace& s : stored) {
        if (s.path.isEmpty())
            problems << s.error;
        else
            files << s.path;
    }
    const QString target = !stored.empty() ? stored.front().path : QString();
    if (!files.isEmpty())
        Q_EMIT tracesFetched(files, target);
    if (problems.isEmpty()) {
        setStatus(tr("Opened %n trace(s).", nullptr, int(files.size())));
        accept();
        return;
    }
    problems.removeDuplicates();
    setStatus(tr("Opened %1 of %2 traces. Not opened:\n%3")
                  .arg(files.size())
                  .arg(stored.size())
                  .arg(problems.join(QLatin1Char('\n'))),
              true);
}

void ServerDialog::listServices()
{
    QString error;
    const auto c = connection(error);
    if (!c) {
        setStatus(error, true);
        return;
    }
    m_namesFor.clear();
    setBusy(Step::Listing, tr("Asking the server for its services…"));
    m_namesWatcher.setFuture(QtConcurrent::run(listNames, *c, QString(), m_cancel.get()));
}

void ServerDialog::listOperations()
{
    QString error;
    const auto c = connection(error);
    const QString service = m_service->currentText().trimmed();
    if (!c || service.isEmpty() || isBusy())
        return;
    m_namesFor = service;
    setBusy(Step::Listing, tr("Asking the server for the operations of %1…").arg(service));
    m_namesWatcher.setFuture(QtConcurrent::run(listNames, *c, service, m_cancel.get()));
}

} // namespace tracedelta
