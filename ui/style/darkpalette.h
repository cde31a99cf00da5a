// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

namespace tracedelta {

// The dark theme's widget palette (with Fusion).
QPalette darkPalette();
// Fusion's light palette: what exports use unless dark is asked for, whatever the window shows.
QPalette lightPalette();

} // namespace tracedelta
