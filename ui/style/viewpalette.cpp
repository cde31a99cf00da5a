// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewpalette.h"

#include <algorithm>
#include <cstdint>

namespace tracedelta {

namespace {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

std::uint32_t fnv1a(std::string_view text)
{
    std::uint32_t hash = 2166136261u;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

ViewPalette ViewPalette::light()
{
    ViewPalette p;
    p.dark = false;
    p.background = QColor(0xff, 0xff, 0xff);
    p.alternateRow = QColor(0xf6, 0xf7, 0xf9);
    p.labelBackground = QColor(0xef, 0xf1, 0xf4);
    p.text = QColor(0x1d, 0x1f, 0x23);
    p.mutedText = QColor(0x6b, 0x70, 0x78);
    p.grid = QColor(0xe3, 0xe5, 0xe8);
    p.selection = QColor(0x00, 0x00, 0x00);
    p.hover = QColor(0x7a, 0x1f, 0xa2);
    p.selfTime = QColor(0xff, 0x7f, 0x0e);
    p.unchangedNode = QColor(0xdd, 0xdd, 0xd5);
    p.barText = QColor(0x10, 0x10, 0x10);
    p.spread = QColor(0x4a, 0x6f, 0xa5, 150);
    p.error = QColor(0xd0, 0x00, 0x2a);
    return p;
}

ViewPalette ViewPalette::darkVariant()
{
    ViewPalette p;
    p.dark = true;
    p.background = QColor(0x1e, 0x1f, 0x22);
    p.alternateRow = QColor(0x25, 0x27, 0x2b);
    p.labelBackground = QColor(0x2b, 0x2d, 0x31);
    p.text = QColor(0xe6, 0xe6, 0xe6);
    p.mutedText = QColor(0x9a, 0x9e, 0xa6);
    p.grid = QColor(0x34, 0x37, 0x3c);
    p.selection = QColor(0xff, 0xff, 0xff);
    p.hover = QColor(0xd0, 0x8c, 0xff);
    p.selfTime = QColor(0xff, 0x9a, 0x3c);
    p.unchangedNode = QColor(0x55, 0x57, 0x5c);
    p.barText = QColor(0x10, 0x10, 0x10);
    p.spread = QColor(0x8f, 0xb4, 0xe8, 150);
    p.error = QColor(0xff, 0x40, 0x5a);
    return p;
}

ViewPalette ViewPalette::forPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? darkVariant() : light();
}

QColor ViewPalette::serviceColor(std::string_view service) const
{
    // Spread hues but keep them soft, so change colours stand out against them.
    const int hue = static_cast<int>(fnv1a(service) % 360u);
    return QColor::fromHsv(hue, dark ? 90 : 70, dark ? 170 : 235);
}

QColor ViewPalette::markColor(SpanMark mark, float magnitude) const
{
    const double intensity = 0.45 + 0.55 * std::clamp(static_cast<double>(magnitude), 0.0, 1.0);
    const QColor pale = dark ? QColor(0x5a, 0x5a, 0x5a) : QColor(0xf2, 0xf2, 0xf2);
    switch (mark) {
    case SpanMark::Slower: return mix(pale, QColor(0xd6, 0x27, 0x28), intensity);
    case SpanMark::Faster: return mix(pale, QColor(0x1f, 0x6f, 0xc4), intensity);
    case SpanMark::CountChanged: return mix(pale, QColor(0xc4, 0x3c, 0x9c), intensity);
    case SpanMark::Added: return QColor(0x2c, 0xa0, 0x2c);
    case SpanMark::Concurrency: return mix(pale, QColor(0x00, 0x9a, 0x8c), intensity); // teal: apart from the self-time orange
    case SpanMark::Removed: return dark ? QColor(0x70, 0x70, 0x70) : QColor(0xb4, 0xb4, 0xb4);
    case SpanMark::None: break;
    }
    return unchangedNode;
}

} // namespace tracedelta
