// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace tracedelta {

void showShortcutsDialog(QWidget* parent);
void showAboutDialog(QWidget* parent);

} // namespace tracedelta
