// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tracedelta::cli {

void printOut(const QString& text);
void printError(const QString& text);

} // namespace tracedelta::cli
