// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadlimitsdialog.h"

#include <QPushButton>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

#include <algorithm>

namespace tracedelta {

namespace {
constexpr const char* MaxBytesKey = "limits/maxFileBytes";
constexpr const char* MaxSpansKey = "limits/maxSpans";
constexpr std::int64_t MiB = std::int64_t(1) << 20;
} // namespace

LoadLimits LoadLimitsDialog::savedLoadLimits()
{
    LoadLimits limits;
    const QSettings settings;
    limits.maxDecompressedBytes = std::max<std::int64_t>(
        MiB, settings.value(QLatin1String(MaxBytesKey), QVariant::fromValue(limits.maxDecompressedBytes)).toLongLong());
    limits.maxSpans = std::max<std::int64_t>(1, settings.value(QLatin1String(MaxSpansKey), QVariant::fromValue(limits.maxSpans)).toLongLong());
    return limits;
}

void LoadLimitsDialog::saveLoadLimits(const LoadLimits& limits)
{
    QSettings settings;
    settings.setValue(QLatin1String(MaxBytesKey), QVariant::fromValue(limits.maxDecompressedBytes));
    settings.setValue(QLatin1String(MaxSpansKey), QVariant::fromValue(limits.maxSpans));
}

LoadLimitsDialog::LoadLimitsDialog(QWidget* parent)
    : QDialog(parent)
    , m_maxSizeMiB(new QSpinBox(this))
    , m_maxMillionSpans(new QSpinBox(this))
{
    setWindowTitle(tr("Load Limits"));
    const LoadLimits limits = savedLoadLimits();
    m_maxSizeMiB->setRange(1, 1024 * 1024);
    m_maxSizeMiB->setSuffix(tr(" MiB"));
    m_maxSizeMiB->setValue(static_cast<int>(std::min<std::int64_t>(limits.maxDecompressedBytes / MiB, 1024 * 1024)));
    m_maxMillionSpans->setRange(1, 1000);
    m_maxMillionSpans->setSuffix(tr(" million"));
    m_maxMillionSpans->setValue(static_cast<int>(std::clamp<std::int64_t>(limits.maxSpans / 1'000'000, 1, 1000)));

    auto* explanation = new QLabel(tr("Trace files are checked against these limits while they load, so a huge or "
                                      "hostile file is refused with a message instead of exhausting memory."),
                                   this);
    explanation->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QAbstractButton::clicked, this, [this] {
        const LoadLimits defaults;
        m_maxSizeMiB->setValue(static_cast<int>(defaults.maxDecompressedBytes / MiB));
        m_maxMillionSpans->setValue(static_cast<int>(defaults.maxSpans / 1'000'000));
    });
    auto* form = new QFormLayout(this);
    form->addRow(explanation);
    form->addRow(tr("Largest file (after decompression):"), m_maxSizeMiB);
    form->addRow(tr("Most spans in one file:"), m_maxMillionSpans);
    form->addRow(buttons);
}

void LoadLimitsDialog::accept()
{
    LoadLimits limits = savedLoadLimits();
    limits.maxDecompressedBytes = m_maxSizeMiB->value() * MiB;
    limits.maxSpans = std::int64_t(m_maxMillionSpans->value()) * 1'000'000;
    saveLoadLimits(limits);
    QDialog::accept();
}

} // namespace tracedelta
