// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

namespace tracedelta {

// The key to the colours every view uses: slower, faster, added, removed, count changed,
// self-time hotspot, selected and counterpart outlines.
class LegendBar : public QWidget
{
    Q_OBJECT
public:
    explicit LegendBar(QWidget* parent = nullptr);

    // Paints the legend into any device, e.g. an exported image; entries wrap onto more
    // lines instead of being cut off (see heightFor).
    void render(QPainter& painter, const QRect& area) const;
    // The height the legend needs at `width` with the given font.
    int heightFor(const QFontMetrics& metrics, int width) const;
    // Overlay mode adds the key to the baselines' spread glyph.
    void setShowSpread(bool show);
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Placed
    {
        QRect swatch;
        QRect text;
    };
    std::vector<Placed> place(const QFontMetrics& metrics, const QRect& area, const QStringList& labels) const;
    QStringList labels() const;

    bool m_showSpread = false;
};

} // namespace tracedelta
