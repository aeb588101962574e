#include "widgets/AlertStyle.h"

#include <QLabel>
#include <QProgressBar>

namespace Ui::AlertStyle {

namespace {

QString levelName(int alertLevel)
{
    switch (alertLevel) {
    case 100:
        return QStringLiteral("full");
    case 90:
        return QStringLiteral("serious");
    case 80:
        return QStringLiteral("warning");
    default:
        return QStringLiteral("normal");
    }
}

// The bar carries no text (its words are in the label above it), so its colour only needs to stand out from the
// trough.
QString barStyle(int alertLevel)
{
    const char* chunk = alertLevel >= 100  ? "#b91c1c"
                        : alertLevel >= 90 ? "#c2410c"
                        : alertLevel >= 80 ? "#d97706"
                                           : nullptr;
    if (!chunk)
        return {};
    return QStringLiteral("QProgressBar { border: 1px solid palette(mid); border-radius: 3px; }"
                          "QProgressBar::chunk { background: %1; }")
        .arg(QLatin1String(chunk));
}

QString bannerStyle(int alertLevel)
{
    const bool full = alertLevel >= 100;
    return QStringLiteral(
               "QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 4px; padding: 6px; }")
        .arg(QLatin1String(full ? "#fee2e2" : "#fef3c7"), QLatin1String(full ? "#7f1d1d" : "#78350f"),
             QLatin1String(full ? "#b91c1c" : "#d97706"));
}

} // namespace

void showOnBar(QProgressBar* bar, int alertLevel)
{
    bar->setProperty("level", levelName(alertLevel));
    bar->setStyleSheet(barStyle(alertLevel));
}

void showOnBanner(QLabel* banner, int alertLevel, const QString& warning)
{
    banner->setText(QStringLiteral("⚠ ") + warning);
    banner->setStyleSheet(bannerStyle(alertLevel));
    banner->setProperty("level", alertLevel);
    banner->setVisible(!warning.isEmpty());
}

} // namespace Ui::AlertStyle
