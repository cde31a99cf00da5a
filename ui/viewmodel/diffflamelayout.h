// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/compare/comparison.h"

#include <vector>

namespace tracedelta {

// A differential flame graph of the merged tree: one box per aligned node, width = the
// node's total time in the target (removed nodes keep their baseline median width so
// they stay visible), children packed left to right inside their parent and scaled
// down when concurrent children add up to more than the parent.
class DiffFlameLayout
{
public:
    struct Box
    {
        NodeIndex node = NoNode;
        double x = 0;     // in nanoseconds of target time from the left edge
        double width = 0;
        int depth = 0;
    };

    DiffFlameLayout() = default;
    explicit DiffFlameLayout(const Comparison& comparison);

    double totalWidth() const { return m_totalWidth; }
    int depthCount() const { return static_cast<int>(m_rows.size()); }
    // Boxes of one depth, ordered by x.
    const std::vector<Box>& row(int depth) const { return m_rows[static_cast<std::size_t>(depth)]; }
    // The box of `node`, or nullptr when it has none (zero width).
    const Box* boxOf(NodeIndex node) const;
    const Box* boxAt(int depth, double x) const;

private:
    std::vector<std::vector<Box>> m_rows;
    std::vector<std::pair<int, int>> m_boxOfNode; // (depth, index in row), (-1, -1) if none
    double m_totalWidth = 0;
};

} // namespace tracedelta
