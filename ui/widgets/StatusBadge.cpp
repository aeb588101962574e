#include "widgets/StatusBadge.h"

#include <QFontMetrics>

namespace Ui {

namespace {

// %1 in each style is the corner radius, half the badge's height, so that the ends are round at any font size.
QString pill(const char* background, const char* foreground)
{
    return QStringLiteral(
               "QLabel { background: %2; color: %3; border-radius: %1px; padding: 0px 9px; font-weight: 600; }")
        .arg(QStringLiteral("%1"), QLatin1String(background), QLatin1String(foreground));
}

// States without a working key in them: no fill, so that they never read as a verdict.
QString outlined()
{
    return QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: %1px; padding: 0px 8px; }");
}

} // namespace

StatusBadge::StatusBadge(QWidget* parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    // A badge keeps its shape in a row of any height: it neither stretches nor shrinks below its text.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setState(KeyState::NotSet);
}

void StatusBadge::setState(KeyState state)
{
    switch (state) {
    case KeyState::Active:
        present(keyStateId(state), QStringLiteral("✓ ") + keyStateLabel(state), pill("#1a7f37", "#ffffff"));
        return;
    case KeyState::Invalid:
        present(keyStateId(state), QStringLiteral("✕ ") + keyStateLabel(state), pill("#c62828", "#ffffff"));
        return;
    case KeyState::OutOfBudget:
        present(keyStateId(state), QStringLiteral("$ ") + keyStateLabel(state), pill("#9a3412", "#ffffff"));
        return;
    case KeyState::Throttled:
        present(keyStateId(state), QStringLiteral("‖ ") + keyStateLabel(state), pill("#6f42c1", "#ffffff"));
        return;
    case KeyState::NotVerified:
        present(keyStateId(state), QStringLiteral("? ") + keyStateLabel(state), pill("#5f6368", "#ffffff"));
        return;
    case KeyState::Unused:
        present(keyStateId(state), QStringLiteral("○ ") + keyStateLabel(state), outlined());
        return;
    case KeyState::NotSet:
        break;
    }
    present(keyStateId(KeyState::NotSet), QStringLiteral("– ") + keyStateLabel(KeyState::NotSet), outlined());
}

void StatusBadge::setChecking()
{
    present(QStringLiteral("checking"), tr("⟳ Checking…"),
            QStringLiteral(
                "QLabel { background: palette(highlight); color: palette(highlighted-text); border-radius: %1px; "
                "padding: 0px 9px; }"));
}

void StatusBadge::present(const QString& id, const QString& text, const QString& style)
{
    setProperty("state", id);
    setText(text);
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    const int height = QFontMetrics(bold).height() + 4;
    setFixedHeight(height);
    setStyleSheet(style.arg(height / 2));
    setAccessibleDescription(text.mid(2));
}

} // namespace Ui
