// SPDX-License-Identifier: GPL-3.0-or-later
// Errors in the target that no baseline has: a failed request is not an improvement, and a
// new error ranks above timing noise. The innermost failing span leads; the ancestors it
// took down with it are named in its reason, not listed as causes of their own.
#include "comparison.h"

#include "../util/durationformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace tracedelta {

namespace {

struct ComparisonText
{
    Q_DECLARE_TR_FUNCTIONS(Comparison)
};

std::optional<std::string> attributeValue(const Trace& trace, std::span<const Attribute> attributes, std::string_view key)
{
    for (const Attribute& a : attributes) {
        if (trace.strings().at(a.key) == key)
            return trace.valueText(a.value).str();
    }
    return std::nullopt;
}

// OpenTelemetry records an exception as an event named "exception" (semantic conventions);
// Jaeger clients log an "error" event.
bool isExceptionEvent(const std::string& name)
{
    return name == "exception" || name == "error";
}

} // namespace

bool spanFailed(const Trace& trace, SpanIndex s)
{
    if (trace.status(s) == SpanStatus::Error)
        return true;
    for (const SpanEvent& e : trace.events(s)) {
        if (isExceptionEvent(trace.strings().at(e.name)))
            return true;
    }
    return false;
}

// The status description (OTLP, Jaeger's otel.status_description), an exception event's
// message, or Zipkin's "error" tag, whichever the producer wrote.
std::string failureMessage(const Trace& trace, SpanIndex s)
{
    for (std::string_view key : {"otel.status_description", "error.message", "exception.message"}) {
        if (const std::optional<std::string> v = attributeValue(trace, trace.attributes(s), key); v && !v->empty())
            return *v;
    }
    for (const SpanEvent& e : trace.events(s)) {
        if (!isExceptionEvent(trace.strings().at(e.name)))
            continue;
        for (std::string_view key : {"exception.message", "message", "error.object", "exception.type"}) {
            if (const std::optional<std::string> v = attributeValue(trace, trace.eventAttributes(e), key); v && !v->empty())
                return *v;
        }
    }
    if (const std::optional<std::string> v = attributeValue(trace, trace.attributes(s), "error"); v && *v != "true" && *v != "false")
        return *v;
    return {};
}

void Comparison::findFailures()
{
    if (baselineCount() == 0)
        return;
    const std::size_t T = targetIndex();
    const Trace& trace = target();
    const auto& nodes = m_alignment.nodes();
    std::vector<bool> failedInBaseline(nodes.size(), false);
    for (std::size_t t = 0; t < T; ++t) {
        const Trace& baseline = *m_alignment.traces()[t];
        for (SpanIndex s = 0; s < baseline.spanCount(); ++s) {
            if (spanFailed(baseline, s))
                failedInBaseline[static_cast<std::size_t>(m_alignment.nodeOf(t, s))] = true;
        }
    }
    std::vector<bool> newError(static_cast<std::size_t>(trace.spanCount()), false);
    bool any = false;
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        newError[static_cast<std::size_t>(s)] = spanFailed(trace, s) && !failedInBaseline[static_cast<std::size_t>(m_alignment.nodeOf(T, s))];
        any = any || newError[static_cast<std::size_t>(s)];
    }
    if (!any)
        return;
    const std::int64_t origin = hasRequest() ? trace.startNs(m_request[T].span) : trace.traceStartNs();
    std::vector<bool> nodeTaken(nodes.size(), false);
    std::vector<SpanIndex> innermost;
    for (SpanIndex s = 0; s < trace.spanCount(); ++s) {
        if (!newError[static_cast<std::size_t>(s)])
            continue;
        // Pre-order storage: the subtree of s is [s + 1, subtreeEnd(s)).
        const auto first = newError.begin() + s + 1;
        if (std::find(first, newError.begin() + trace.subtreeEnd(s), true) == newError.begin() + trace.subtreeEnd(s))
            innermost.push_back(s);
    }
    std::stable_sort(innermost.begin(), innermost.end(), [&](SpanIndex a, SpanIndex b) { return trace.endNs(a) < trace.endNs(b); });
    for (SpanIndex s : innermost) {
        const NodeIndex node = m_alignment.nodeOf(T, s);
        if (nodeTaken[static_cast<std::size_t>(node)])
            continue;
        nodeTaken[static_cast<std::size_t>(node)] = true;
        Failure f;
        f.node = node;
        f.span = s;
        f.message = failureMessage(trace, s);
        f.afterNs = timemath::sub(trace.endNs(s), origin);
        for (SpanIndex a = trace.parent(s); a != NoSpan && newError[static_cast<std::size_t>(a)]; a = trace.parent(a))
            f.reached.insert(f.reached.begin(), a);
        // Retried: the outermost span the error reached has a later call of the same
        // operation under the same parent that succeeded (a client retrying a 503).
        const SpanIndex outermost = f.reached.empty() ? s : f.reached.front();
        const SpanIndex parent = trace.parent(outermost);
        const NodeIndex outerNode = m_alignment.nodeOf(T, outermost);
        for (SpanIndex sibling : parent == NoSpan ? trace.roots() : trace.children(parent)) {
            if (sibling != outermost && m_alignment.nodeOf(T, sibling) == outerNode && trace.startNs(sibling) >= trace.endNs(outermost)
                && !spanFailed(trace, sibling))
                f.retried = true;
        }
        m_failures.push_back(std::move(f));
    }
}

const Failure* Comparison::decisiveFailure() const
{
    for (const Failure& f : m_failures) {
        // A call that failed and was retried with success did not fail the request.
        if (!f.retried)
            return &f;
    }
    return nullptr;
}

QString Comparison::failureReason(const Candidate& c, const QString& who) const
{
    const Failure& f = m_failures[c.failure];
    const Trace& trace = target();
    QString reason = f.message.empty() ? ComparisonText::tr("%1 — failed in the target, where no baseline failed").arg(who)
                                       : ComparisonText::tr("%1 — failed in the target: “%2” (no baseline failed here)")
                                             .arg(who, QString::fromStdString(f.message).left(200));
    reason += ComparisonText::tr("; %1 into the request").arg(formatDuration(f.afterNs));
    if (!f.reached.empty()) {
        const SpanIndex outer = f.reached.front();
        reason += ComparisonText::tr("; the error reached %1").arg(QString::fromStdString(trace.serviceText(outer) + ": " + trace.nameText(outer)));
    }
    if (f.retried)
        reason += ComparisonText::tr("; it was retried and the retry succeeded");
    return reason;
}

// "Failed: customer: SQL SELECT failed first (“connection refused”), 3.1 ms into the request;
// the request ended after 12.1 ms vs 345 ms in the baselines, and 9 of their operations did not run."
QString Comparison::failedVerdictSentence() const
{
    const Failure* f = decisiveFailure();
    if (!f)
        return {};
    const Trace& trace = target();
    const QString who = QString::fromStdString(trace.serviceText(f->span) + ": " + trace.nameText(f->span));
    QString sentence = f->message.empty()
        ? ComparisonText::tr("Failed: %1 failed first, %2 into the request").arg(who, formatDuration(f->afterNs))
        : ComparisonText::tr("Failed: %1 failed first (“%2”), %3 into the request")
              .arg(who, QString::fromStdString(f->message).left(200), formatDuration(f->afterNs));
    const std::int64_t measured = hasRequest() ? requestDurationNs(targetIndex()) : m_targetDuration;
    const std::int64_t baseline = hasRequest() ? baselineRequestNs() : m_baselineDuration;
    int notRun = 0;
    for (NodeIndex n = 1; n < static_cast<NodeIndex>(m_metrics.size()); ++n)
        notRun += m_metrics[n].change == NodeChange::Removed ? 1 : 0;
    sentence += notRun > 0 ? ComparisonText::tr("; the request ended after %1 vs %2 in the baselines, and %n of their operation(s) did not run.",
                                                nullptr, notRun)
                                 .arg(formatDuration(measured), formatDuration(baseline))
                           : ComparisonText::tr("; the request ended after %1 vs %2 in the baselines.").arg(formatDuration(measured), formatDuration(baseline));
    return sentence;
}

} // namespace tracedelta
