// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace tracedelta {

// The key to the colours every view uses: slower, faster, added, removed, count changed,
// self-time hotspot, selected and counterpart outlines.
class LegendBar : public QWidget
{
    Q_OBJECT
public:
    explicit LegendBar(QWidget* parent = nullptr);

    // Paints the legend into any device, e.g. an exported image.
    void render(QPainter& painter, const QRect& area) const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

} // namespace tracedelta
