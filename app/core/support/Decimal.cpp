#include "support/Decimal.h"

#include <QString>

#include <limits>

namespace Decimal {

std::optional<qint64> scaled(QStringView text, int places)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    const bool negative = i < n && text[i] == QLatin1Char('-');
    if (negative)
        ++i;
    QString digits; // every digit, integer part then fraction
    qsizetype integerDigits = 0;
    for (; i < n && text[i].isDigit(); ++i, ++integerDigits)
        digits += text[i];
    if (integerDigits == 0)
        return std::nullopt;
    if (i < n && text[i] == QLatin1Char('.')) {
        ++i;
        const qsizetype start = digits.size();
        for (; i < n && text[i].isDigit(); ++i)
            digits += text[i];
        if (digits.size() == start)
            return std::nullopt;
    }
    qint64 exponent = 0;
    if (i < n && (text[i] == QLatin1Char('e') || text[i] == QLatin1Char('E'))) {
        ++i;
        bool minus = false;
        if (i < n && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')))
            minus = text[i++] == QLatin1Char('-');
        const qsizetype start = i;
        for (; i < n && text[i].isDigit() && i - start < 4; ++i)
            exponent = exponent * 10 + text[i].digitValue();
        if (i == start)
            return std::nullopt;
        exponent = minus ? -exponent : exponent;
    }
    if (i != n)
        return std::nullopt;
    // The point moves right by `places` and the exponent: the digits before it are the whole units.
    const qint64 point = integerDigits + exponent + places;
    qint64 whole = 0;
    for (qsizetype d = 0; d < qMax<qint64>(point, 0); ++d) {
        const int digit = d < digits.size() ? digits[d].digitValue() : 0;
        if (whole > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        whole = whole * 10 + digit;
    }
    // Half up: the first digit after the point decides.
    const qint64 next = point < 0 ? -1 : point;
    if (next >= 0 && next < digits.size() && digits[next].digitValue() >= 5) {
        if (whole == std::numeric_limits<qint64>::max())
            return std::nullopt;
        ++whole;
    }
    return negative ? -whole : whole;
}

} // namespace Decimal
