// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotation.h"

#include <QJsonValue>

namespace tracedelta {

SpanIndex Annotation::resolveSpan(const Trace& trace) const
{
    if (kind != Kind::Span)
        return NoSpan;
    if (span >= 0 && span < trace.spanCount() && trace.nameText(span) == spanName)
        return span;
    // The file changed: fall back to the first span with the same name.
    for (SpanIndex i = 0; i < trace.spanCount(); ++i) {
        if (trace.nameText(i) == spanName)
            return i;
    }
    return NoSpan;
}

QJsonObject Annotation::toJson() const
{
    QJsonObject object{{QStringLiteral("kind"), kind == Kind::Span ? QStringLiteral("span") : QStringLiteral("range")},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("traceFile"), traceFile},
                       {QStringLiteral("traceId"), QString::fromStdString(traceId)},
                       {QStringLiteral("offsetX"), offsetX},
                       {QStringLiteral("offsetY"), offsetY}};
    if (placed)
        object.insert(QStringLiteral("placed"), true);
    if (kind == Kind::Span) {
        object.insert(QStringLiteral("span"), span);
        object.insert(QStringLiteral("spanName"), QString::fromStdString(spanName));
    } else {
        // As strings: JSON numbers lose nanosecond precision beyond 2^53.
        object.insert(QStringLiteral("startNs"), QString::number(startNs));
        object.insert(QStringLiteral("endNs"), QString::number(endNs));
    }
    return object;
}

Annotation Annotation::fromJson(const QJsonObject& object)
{
    Annotation a;
    a.kind = object.value(QStringLiteral("kind")).toString() == QLatin1String("range") ? Kind::Range : Kind::Span;
    a.text = object.value(QStringLiteral("text")).toString();
    a.traceFile = object.value(QStringLiteral("traceFile")).toString();
    a.traceId = object.value(QStringLiteral("traceId")).toString().toStdString();
    a.offsetX = object.value(QStringLiteral("offsetX")).toDouble(a.offsetX);
    a.offsetY = object.value(QStringLiteral("offsetY")).toDouble(a.offsetY);
    a.placed = object.value(QStringLiteral("placed")).toBool(false);
    a.span = object.value(QStringLiteral("span")).toInt(NoSpan);
    a.spanName = object.value(QStringLiteral("spanName")).toString().toStdString();
    a.startNs = object.value(QStringLiteral("startNs")).toString().toLongLong();
    a.endNs = object.value(QStringLiteral("endNs")).toString().toLongLong();
    return a;
}

bool Annotation::operator==(const Annotation& o) const
{
    return kind == o.kind && text == o.text && traceFile == o.traceFile && traceId == o.traceId && span == o.span
        && spanName == o.spanName && startNs == o.startNs && endNs == o.endNs && offsetX == o.offsetX && offsetY == o.offsetY
        && placed == o.placed;
}

Annotation spanAnnotation(const Trace& trace, SpanIndex span, const QString& text)
{
    Annotation a;
    a.kind = Annotation::Kind::Span;
    a.text = text;
    a.traceFile = trace.sourceFile();
    a.traceId = trace.traceId();
    a.span = span;
    a.spanName = trace.nameText(span);
    return a;
}

} // namespace tracedelta
