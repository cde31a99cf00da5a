// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace tracedelta {

// Hands memory freed in many small pieces back to the system. glibc keeps such memory for
// later small allocations, so after a reader drops a million small nodes the pages stay
// resident while the model's big arrays are mapped anew: a load's peak would count both.
void releaseFreedMemory();

} // namespace tracedelta
