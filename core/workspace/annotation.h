// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <string>

namespace tracedelta {

// A note the user pinned for an incident report: a callout on a span, or a shaded band
// over a time range, in the pane of one trace. It names its trace by file and trace id
// and its span by pre-order index and name, so it survives saving, reloading and
// re-comparing the same files.
struct Annotation
{
    enum class Kind { Span, Range };

    std::uint64_t id = 0;
    Kind kind = Kind::Span;
    QString text;
    QString traceFile;
    std::string traceId;
    SpanIndex span = NoSpan;   // Kind::Span
    std::string spanName;      // Kind::Span: checked when the file is reopened
    std::int64_t startNs = 0;  // Kind::Range: relative to the trace's start
    std::int64_t endNs = 0;
    double offsetX = 36;       // where the callout box sits relative to its arrow's tip
    double offsetY = -34;
    // The user dragged the callout: it stays where they put it. Otherwise the view places
    // it where it hides the fewest bars and labels (offsetX/Y is then only the first choice).
    bool placed = false;

    bool belongsTo(const Trace& trace) const { return trace.sourceFile() == traceFile && trace.traceId() == traceId; }
    // The annotated span in `trace`, or NoSpan if the trace no longer has it.
    SpanIndex resolveSpan(const Trace& trace) const;

    QJsonObject toJson() const;
    static Annotation fromJson(const QJsonObject& object);
    bool operator==(const Annotation& other) const;
};

Annotation spanAnnotation(const Trace& trace, SpanIndex span, const QString& text);

} // namespace tracedelta
