// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffflamelayout.h"

#include <algorithm>

namespace tracedelta {

namespace {

double nodeWidth(const Comparison& comparison, NodeIndex node)
{
    const NodeMetrics& metrics = comparison.metrics(node);
    const auto target = static_cast<double>(metrics.totalNs[comparison.targetIndex()]);
    if (metrics.change == NodeChange::Removed)
        return static_cast<double>(metrics.baselineTotal.median);
    return target;
}

} // namespace

DiffFlameLayout::DiffFlameLayout(const Comparison& comparison)
{
    const Alignment& alignment = comparison.alignment();
    m_boxOfNode.assign(alignment.nodes().size(), {-1, -1});
    struct Pending
    {
        NodeIndex node;
        double x;
        double width;
        int depth;
    };
    std::vector<Pending> stack;
    // Top level: the root's children side by side.
    double x = 0;
    std::vector<Pending> topLevel;
    for (const NodeIndex child : alignment.node(0).children) {
        const double w = nodeWidth(comparison, child);
        if (w <= 0)
            continue;
        topLevel.push_back({child, x, w, 0});
        x += w;
    }
    m_totalWidth = x;
    stack.assign(topLevel.rbegin(), topLevel.rend());
    while (!stack.empty()) {
        const Pending current = stack.back();
        stack.pop_back();
        if (static_cast<std::size_t>(current.depth) >= m_rows.size())
            m_rows.resize(static_cast<std::size_t>(current.depth) + 1);
        auto& row = m_rows[static_cast<std::size_t>(current.depth)];
        m_boxOfNode[current.node] = {current.depth, static_cast<int>(row.size())};
        row.push_back({current.node, current.x, current.width, current.depth});

        const auto& children = alignment.node(current.node).children;
        double sum = 0;
        for (const NodeIndex child : children)
            sum += nodeWidth(comparison, child);
        const double scale = sum > current.width && sum > 0 ? current.width / sum : 1.0;
        double childX = current.x;
        std::vector<Pending> next;
        for (const NodeIndex child : children) {
            const double w = nodeWidth(comparison, child) * scale;
            if (w <= 0)
                continue;
            next.push_back({child, childX, w, current.depth + 1});
            childX += w;
        }
        stack.insert(stack.end(), next.rbegin(), next.rend());
    }
    // Depth-first order already visits each row left to right.
}

const DiffFlameLayout::Box* DiffFlameLayout::boxOf(NodeIndex node) const
{
    if (node < 0 || static_cast<std::size_t>(node) >= m_boxOfNode.size())
        return nullptr;
    const auto [depth, index] = m_boxOfNode[static_cast<std::size_t>(node)];
    return depth < 0 ? nullptr : &m_rows[static_cast<std::size_t>(depth)][static_cast<std::size_t>(index)];
}

const DiffFlameLayout::Box* DiffFlameLayout::boxAt(int depth, double x) const
{
    if (depth < 0 || depth >= depthCount())
        return nullptr;
    const auto& boxes = row(depth);
    auto it = std::upper_bound(boxes.begin(), boxes.end(), x, [](double value, const Box& box) { return value < box.x; });
    if (it == boxes.begin())
        return nullptr;
    --it;
    return x <= it->x + it->width ? &*it : nullptr;
}

} // namespace tracedelta
