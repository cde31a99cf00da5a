// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/viewmodel/comparisonhighlights.h"

#include <QColor>
#include <QPalette>

#include <string_view>

namespace tracedelta {

// Every colour the trace views paint with, in a light and a dark variant. Change colours
// follow differential flame graphs: red slower, blue faster, green added, grey removed.
struct ViewPalette
{
    bool dark = false;
    QColor background;
    QColor alternateRow;
    QColor labelBackground;
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor selection;      // outline of the selected span
    QColor hover;          // outline of the hovered span's counterparts
    QColor selfTime;       // outline and hatching of disproportionate self time
    QColor unchangedNode;  // differential flame graph: no significant change
    QColor barText;
    QColor spread;         // overlay mode: the p10–p90 box of the baselines
    QColor error;          // the corner mark of a span that failed (error status or exception)

    static ViewPalette light();
    static ViewPalette darkVariant();
    // Picks the variant that matches the widget palette's window colour.
    static ViewPalette forPalette(const QPalette& palette);

    QColor serviceColor(std::string_view service) const;
    // The fill of a marked span; `magnitude` (0..1) sets the intensity.
    QColor markColor(SpanMark mark, float magnitude) const;
    // The fully saturated colour of a mark, for legends.
    QColor markLegendColor(SpanMark mark) const { return markColor(mark, 1.0f); }
};

} // namespace tracedelta
