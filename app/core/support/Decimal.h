#pragma once

#include <QStringView>
#include <QtGlobal>

#include <optional>

// Decimal numbers as text, read exactly: money is counted in whole micro-units, never through a double.
namespace Decimal {

// `text` (a JSON number's text: "-12.345", "0.5", "1.25e-3") times 10^`places`, rounded once, half away from zero;
// nullopt when it is not such a number or does not fit in 64 bits.
std::optional<qint64> scaled(QStringView text, int places);

} // namespace Decimal
