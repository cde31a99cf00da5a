// SPDX-License-Identifier: GPL-3.0-or-later
#include "durationformat.h"

#include <QLocale>

#include <cmath>
#include <cstdlib>

namespace tracedelta {

QString formatDuration(std::int64_t ns)
{
    const bool negative = ns < 0;
    const double magnitude = std::abs(static_cast<double>(ns));
    struct Unit
    {
        double scale;
        const char* suffix;
    };
    static const Unit units[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "µs"}, {1.0, "ns"}};
    const Unit* unit = &units[3];
    for (const Unit& u : units) {
        if (magnitude >= u.scale * 0.9995) {
            unit = &u;
            break;
        }
    }
    const double value = magnitude / unit->scale;
    const int decimals = unit->scale == 1.0 ? 0 : value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
    // The default locale decides the decimal separator ("1,21 s" in German); the command
    // line sets it to C so scripts always see "1.21 s".
    const QLocale locale;
    QString number = locale.toString(value, 'f', decimals);
    number.remove(locale.groupSeparator());
    if (decimals > 0) {
        const QString point = locale.decimalPoint();
        while (number.endsWith(locale.zeroDigit()))
            number.chop(1);
        if (number.endsWith(point))
            number.chop(point.size());
    }
    return (negative ? QStringLiteral("−") : QString()) + number + QLatin1Char(' ') + QString::fromUtf8(unit->suffix);
}

QString formatSignedDuration(std::int64_t ns)
{
    if (ns > 0)
        return QLatin1Char('+') + formatDuration(ns);
    if (ns == 0)
        return QStringLiteral("±0 ns");
    return formatDuration(ns);
}

QString formatDecimal(double value, int decimals)
{
    QString number = QLocale().toString(value, 'f', decimals);
    number.remove(QLocale().groupSeparator());
    return number;
}

QString formatShare(std::int64_t part, std::int64_t whole)
{
    if (whole == 0)
        return QStringLiteral("–");
    return QLocale().toString(static_cast<qlonglong>(std::llround(100.0 * static_cast<double>(part) / static_cast<double>(whole))))
        + QStringLiteral(" %");
}

} // namespace tracedelta
