// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <string>
#include <vector>

namespace tracedelta {

// Assembles received spans into traces: spans group by trace id across requests, and a
// trace is complete when no span arrived for it for the quiet time. A complete trace is
// written to the receive folder as OTLP/JSON before anyone is told, so nothing received
// is lost when the window closes; closing writes the traces still open.
class ReceivedTraces : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int quietMs = 5000;
        std::int64_t maxSpansPerTrace = 1'000'000;
        std::int64_t maxOpenSpans = 5'000'000; // all traces not yet complete
        QString outputDir;
    };
    struct Accepted
    {
        std::int64_t accepted = 0;
        std::int64_t rejected = 0;
        std::string rejectionReason;
    };

    explicit ReceivedTraces(Settings settings, QObject* parent = nullptr);
    ~ReceivedTraces() override;

    // The spans of one OTLP/JSON document ({"resourceSpans": [...]}).
    Accepted add(const nlohmann::json& document);
    // Writes every open trace now (when the receiver stops).
    void completeAll();
    int openTraces() const { return static_cast<int>(m_open.size()); }
    const Settings& settings() const { return m_settings; }

Q_SIGNALS:
    void traceCompleted(const QString& path, const QString& traceId, qint64 spans);
    void writeFailed(const QString& message);

private:
    struct OpenTrace
    {
        std::vector<nlohmann::json> resourceSpans;
        std::int64_t spans = 0;
        QElapsedTimer lastSpan;
    };
    void completeQuiet();
    void complete(const std::string& traceId, OpenTrace& trace);

    Settings m_settings;
    std::map<std::string, OpenTrace> m_open;
    std::int64_t m_openSpans = 0;
    QTimer m_timer;
};

} // namespace tracedelta
