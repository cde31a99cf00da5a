// SPDX-License-Identifier: GPL-3.0-or-later
#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace tracedelta {

NoticeBar::NoticeBar(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_undo(new QPushButton(tr("Undo"), this))
{
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tint = palette();
    tint.setColor(QPalette::Window, tint.color(QPalette::ToolTipBase));
    tint.setColor(QPalette::WindowText, tint.color(QPalette::ToolTipText));
    setPalette(tint);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("noticeAction"));
    m_undo->setObjectName(QStringLiteral("noticeUndo"));
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Close this notice"));
    close->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 4, 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_undo);
    layout->addWidget(close);
    connect(m_action, &QPushButton::clicked, this, [this] {
        const auto act = m_onAction;
        clear();
        if (act)
            act();
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        const auto undo = m_onUndo;
        clear();
        if (undo)
            undo();
    });
    connect(close, &QToolButton::clicked, this, &NoticeBar::clear);
    hide();
}

void NoticeBar::showNotice(const QString& text, const QString& actionText, std::function<void()> action, std::function<void()> undo)
{
    if (text.isEmpty()) {
        clear();
        return;
    }
    m_label->setText(text);
    m_onAction = std::move(action);
    m_onUndo = std::move(undo);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty() && m_onAction);
    m_undo->setVisible(static_cast<bool>(m_onUndo));
    show();
}

void NoticeBar::clear()
{
    m_label->clear();
    m_onAction = {};
    m_onUndo = {};
    hide();
}

QString NoticeBar::text() const
{
    return m_label->text();
}

} // namespace tracedelta
