// SPDX-License-Identifier: GPL-3.0-or-later
#include "spanranking.h"

#include <algorithm>
#include <numeric>

namespace tracedelta {

std::vector<SpanIndex> topSelfTimeSpans(const Trace& trace, int n)
{
    std::vector<SpanIndex> order(trace.spanCount());
    std::iota(order.begin(), order.end(), 0);
    const auto count = std::min<std::size_t>(static_cast<std::size_t>(std::max(n, 0)), order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                      [&](SpanIndex a, SpanIndex b) {
                          return trace.selfNs(a) != trace.selfNs(b) ? trace.selfNs(a) > trace.selfNs(b) : a < b;
                      });
    order.resize(count);
    return order;
}

QString spanIdLabel(const Trace& trace, SpanIndex span)
{
    if (trace.hasSpanId(span))
        return QString::fromStdString(trace.spanIdText(span));
    return QStringLiteral("#%1").arg(span);
}

} // namespace tracedelta
