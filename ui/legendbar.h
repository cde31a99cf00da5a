// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

namespace tracedelta {

// The key to the colours every view uses: slower, faster, added, removed, count changed,
// self-time hotspot, failed, selected and counterpart outlines.
class LegendBar : public QWidget
{
    Q_OBJECT
public:
    explicit LegendBar(QWidget* parent = nullptr);

    // On screen the key includes the hover outline; an export has no hover, so none.
    enum class Use { Screen, Export };
    // Paints the legend into any device, e.g. an exported image; entries wrap onto more
    // lines instead of being cut off (see heightFor).
    void render(QPainter& painter, const QRect& area, Use use = Use::Screen) const;
    // The height the legend needs at `width` with the given font.
    int heightFor(const QFontMetrics& metrics, int width, Use use = Use::Screen) const;
    // The entries' texts, in order.
    QStringList labels(Use use = Use::Screen) const;
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
    enum class Entry { Slower, Faster, Added, Removed, CountChanged, Concurrency, SelfTime, Failed, Selected, Hovered, Spread };
    std::vector<Entry> entries(Use use) const;
    static QString label(Entry entry);
    void paintSwatch(QPainter& painter, const QRect& swatch, Entry entry) const;
    std::vector<Placed> place(const QFontMetrics& metrics, const QRect& area, const QStringList& labels) const;

    bool m_showSpread = false;
};

} // namespace tracedelta
