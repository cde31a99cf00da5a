// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>

namespace tracedelta {

// The one place where nanoseconds become text: "850 ns", "52 µs", "40.1 ms", "1.21 s".
// Three significant digits, unit chosen so the number stays below 1000; the decimal
// separator follows the default QLocale.
QString formatDuration(std::int64_t ns);

// As formatDuration, with an explicit sign: "+700 ms", "−12.5 µs".
QString formatSignedDuration(std::int64_t ns);

// A plain number with `decimals` digits after the separator, in the same locale as the
// durations ("1,8" in German, "1.8" on the command line): ratios, parallelism.
QString formatDecimal(double value, int decimals);

// Whole-number percentage of part in whole ("64 %"); "–" when whole is zero.
QString formatShare(std::int64_t part, std::int64_t whole);

} // namespace tracedelta
