#pragma once

#include <QString>

class QLabel;
class QProgressBar;

namespace Ui {

// How the warning steps of CreditRules::alertLevel look (0, 80, 90, 100), the same on every section that shows
// the credits: the bar amber from 80 %, deep orange from 90 %, red when used up; the banner dark on light, so
// that it reads the same in light and dark palettes (contrast above 7:1). Each widget also carries its step as
// the property "level" ("normal", "warning", "serious", "full" on the bar; 0/80/90/100 on the banner).
namespace AlertStyle {

void showOnBar(QProgressBar* bar, int alertLevel);
// Shows `warning` (hidden when empty) in the step's colours.
void showOnBanner(QLabel* banner, int alertLevel, const QString& warning);

} // namespace AlertStyle

} // namespace Ui
