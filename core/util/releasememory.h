// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace tracedelta {

// Hands memory freed inside the heap back to the system. glibc keeps such memory for later
// allocations: after a reader drops a million small nodes, or a build frees its drafts'
// columns of a few MB each, the pages stay resident while the model's arrays are mapped
// anew, and a load's peak counts both.
void releaseFreedMemory();

} // namespace tracedelta
