// SPDX-License-Identifier: GPL-3.0-or-later
#include "panescene.h"

#include <algorithm>

#include "core/compare/comparison.h"

namespace tracedelta {

QColor PaneScene::fill(SpanIndex span) const
{
    const SpanMark m = mark(span);
    QColor color;
    if (m != SpanMark::None)
        color = palette.markColor(m, highlights->magnitude(traceIndex, span));
    else if (serviceColors && trace->service(span) < serviceColors->size())
        color = (*serviceColors)[trace->service(span)];
    else
        color = palette.unchangedNode;
    if (dimmed(span))
        color.setAlpha(55);
    return color;
}

std::vector<QColor> serviceColorTable(const Trace& trace, const ViewPalette& palette)
{
    // Up to the largest service id, not the pool's size: an occurrence's trace shares the
    // pool of the whole trace it was cut from, and a pane is made for each of them.
    const std::vector<StringId> services = trace.services();
    std::vector<QColor> colors(services.empty() ? 0 : *std::max_element(services.begin(), services.end()) + 1);
    for (const StringId service : services)
        colors[service] = palette.serviceColor(trace.strings().at(service));
    return colors;
}

bool PaneScene::failed(SpanIndex span) const
{
    return spanFailed(*trace, span);
}

} // namespace tracedelta
