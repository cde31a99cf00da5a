// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadlimits.h"

#include <QRegularExpression>

#include <cmath>

namespace tracedelta {

std::optional<std::int64_t> parseByteSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgGtT]?)(?:i?[bB])?\s*$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    double value = match.captured(1).toDouble();
    const QString unit = match.captured(2).toUpper();
    switch (unit.isEmpty() ? 0 : unit.at(0).unicode()) {
    case 'T':
        value *= 1024.0;
        [[fallthrough]];
    case 'G':
        value *= 1024.0;
        [[fallthrough]];
    case 'M':
        value *= 1024.0;
        [[fallthrough]];
    case 'K':
        value *= 1024.0;
        break;
    default:
        break;
    }
    if (!(value >= 1.0) || value > 9.0e18)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(value));
}

} // namespace tracedelta
