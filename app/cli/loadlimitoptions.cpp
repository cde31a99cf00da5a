// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadlimitoptions.h"

#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

namespace tracedelta::cli {

namespace {
// lupdate files these strings under "LoadLimitOptions"; the struct only gives them that context.
struct LoadLimitOptionsText
{
    Q_DECLARE_TR_FUNCTIONS(LoadLimitOptions)
};
} // namespace

void LoadLimitOptions::addTo(QCommandLineParser& parser) const
{
    const LoadLimits defaults;
    QCommandLineOption maxSpans = m_maxSpans;
    maxSpans.setDescription(LoadLimitOptionsText::tr("Refuse a file with more than N spans (default %1).").arg(defaults.maxSpans));
    QCommandLineOption maxSize = m_maxSize;
    maxSize.setDescription(LoadLimitOptionsText::tr("Refuse a file larger than SIZE after decompression, e.g. 500M or 8G (default %1).")
                               .arg(QLocale::c().formattedDataSize(defaults.maxDecompressedBytes, 0, QLocale::DataSizeTraditionalFormat)));
    parser.addOption(maxSpans);
    parser.addOption(maxSize);
}

std::optional<LoadLimits> LoadLimitOptions::read(const QCommandLineParser& parser, const QString& command) const
{
    LoadLimits limits;
    if (parser.isSet(m_maxSpans)) {
        bool ok = false;
        const qlonglong spans = parser.value(m_maxSpans).toLongLong(&ok);
        if (!ok || spans < 1) {
            printError(LoadLimitOptionsText::tr("%1: --max-spans needs a positive number, not \"%2\"").arg(command, parser.value(m_maxSpans)));
            return std::nullopt;
        }
        limits.maxSpans = spans;
    }
    if (parser.isSet(m_maxSize)) {
        const auto bytes = parseByteSize(parser.value(m_maxSize));
        if (!bytes) {
            printError(LoadLimitOptionsText::tr("%1: --max-size needs a size such as 500M or 8G, not \"%2\"").arg(command, parser.value(m_maxSize)));
            return std::nullopt;
        }
        limits.maxDecompressedBytes = *bytes;
    }
    return limits;
}

} // namespace tracedelta::cli
