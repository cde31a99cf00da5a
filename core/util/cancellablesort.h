// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>

namespace tracedelta {

// Sorts (stably when asked) and stops when Cancel is set: sorting a million spans takes
// longer than Cancel may, so the comparison looks at the flag every 64k calls and leaves
// the sort by an exception, which std::sort allows (the range is then in some order, and
// the caller discards it). False when cancelled.
template<typename Iterator, typename Less>
bool cancellableSort(Iterator first, Iterator last, Less less, const std::atomic<bool>* cancel, bool stable = false)
{
    struct Cancelled
    {
    };
    std::uint32_t calls = 0;
    const auto checked = [&](const auto& a, const auto& b) {
        if ((++calls & 0xffff) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            throw Cancelled{};
        return less(a, b);
    };
    try {
        if (stable)
            std::stable_sort(first, last, checked);
        else
            std::sort(first, last, checked);
    } catch (const Cancelled&) {
        return false;
    }
    return true;
}

} // namespace tracedelta
