#include "widgets/StatusBadge.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace Ui {

namespace {

// Fixed pairs, readable on light and dark palettes alike.
StatusBadge::Look pill(const char* fill)
{
    return {QColor(QLatin1String(fill)), QColor(Qt::white), false};
}

// States without a working key in them: no fill, so that they never read as a verdict.
StatusBadge::Look outlined()
{
    return {QColor(), QColor(), true};
}

constexpr int padding = 9; // on each side of the words

} // namespace

StatusBadge::StatusBadge(QWidget* parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignCenter);
    // A badge keeps its shape in a row of any height: it neither stretches nor shrinks below its text.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setState(KeyState::NotSet);
}

void StatusBadge::setState(KeyState state, const QString& label)
{
    const QString words = label.isEmpty() ? keyStateLabel(state) : label;
    switch (state) {
    case KeyState::Active:
        present(keyStateId(state), QStringLiteral("✓ ") + words, pill("#1a7f37"));
        return;
    case KeyState::Invalid:
        present(keyStateId(state), QStringLiteral("✕ ") + words, pill("#c62828"));
        return;
    case KeyState::OutOfBudget:
        present(keyStateId(state), QStringLiteral("$ ") + words, pill("#9a3412"));
        return;
    case KeyState::Throttled:
        present(keyStateId(state), QStringLiteral("‖ ") + words, pill("#6f42c1"));
        return;
    case KeyState::NoPermission:
        present(keyStateId(state), QStringLiteral("⊘ ") + words, pill("#9a3412"));
        return;
    case KeyState::NotVerified:
        present(keyStateId(state), QStringLiteral("? ") + words, pill("#5f6368"));
        return;
    case KeyState::Unused:
        present(keyStateId(state), QStringLiteral("○ ") + words, outlined());
        return;
    case KeyState::NotSet:
        break;
    }
    present(keyStateId(KeyState::NotSet), QStringLiteral("– ") + keyStateLabel(KeyState::NotSet), outlined());
}

void StatusBadge::setChecking()
{
    // The palette's selection colours: the badge is busy, not a verdict.
    present(QStringLiteral("checking"), tr("⟳ Checking…"),
            {palette().color(QPalette::Highlight), palette().color(QPalette::HighlightedText), false});
}

void StatusBadge::present(const QString& id, const QString& text, const Look& look)
{
    setProperty("state", id);
    m_look = look;
    QFont words = font();
    words.setWeight(look.outline ? QFont::Normal : QFont::DemiBold); // a verdict in bold
    setFont(words);
    setText(text);
    setAccessibleDescription(text.mid(2));
    updateGeometry();
    update();
}

QSize StatusBadge::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(text()) + 2 * padding + 2, metrics.height() + 4};
}

QSize StatusBadge::minimumSizeHint() const
{
    return sizeHint();
}

// Drawn here rather than by a style sheet: a style sheet on a widget restyles it through the style sheet engine,
// parsed again on every change of state, which was a tenth of the Overview's start.
void StatusBadge::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = box.height() / 2; // round ends at any font size
    QPainterPath shape;
    shape.addRoundedRect(box, radius, radius);
    if (m_look.outline) {
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
        painter.setBrush(Qt::NoBrush);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_look.fill);
    }
    painter.drawPath(shape);
    painter.setPen(m_look.outline
                       ? palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::WindowText)
                       : m_look.text);
    painter.setFont(font());
    painter.drawText(rect(), Qt::AlignCenter, text());
}

} // namespace Ui
