// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

namespace tracedelta {

// The dark theme's widget palette (with Fusion).
QPalette darkPalette();

} // namespace tracedelta
