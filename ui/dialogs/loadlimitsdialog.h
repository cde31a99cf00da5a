// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/loadlimits.h"

#include <QDialog>

class QSpinBox;

namespace tracedelta {

// Edit → Load Limits…: the largest file (after decompression) and the most spans the window
// loads, kept in the settings. Loading reads them through savedLoadLimits().
class LoadLimitsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoadLimitsDialog(QWidget* parent = nullptr);

    static LoadLimits savedLoadLimits();
    static void saveLoadLimits(const LoadLimits& limits);

    void accept() override;

private:
    QSpinBox* m_maxSizeMiB = nullptr;
    QSpinBox* m_maxMillionSpans = nullptr;
};

} // namespace tracedelta
