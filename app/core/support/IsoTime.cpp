#include "support/IsoTime.h"

#include <QDateTime>

#include <cstdio>

namespace IsoTime {

namespace {

bool digits(const char* p, int count, int& out)
{
    out = 0;
    for (int i = 0; i < count; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        out = out * 10 + (p[i] - '0');
    }
    return true;
}

int daysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

} // namespace

// Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

std::optional<qint64> parse(const char* p, qsizetype n)
{
    int year, month, day, hour, minute, second = 0, millis = 0;
    if (n < 17 || !digits(p, 4, year) || p[4] != '-' || !digits(p + 5, 2, month) || p[7] != '-' ||
        !digits(p + 8, 2, day) || (p[10] != 'T' && p[10] != 't') || !digits(p + 11, 2, hour) || p[13] != ':' ||
        !digits(p + 14, 2, minute))
        return std::nullopt;
    qsizetype i = 16;
    if (i < n && p[i] == ':') {
        if (i + 3 > n || !digits(p + i + 1, 2, second))
            return std::nullopt;
        i += 3;
        if (i < n && (p[i] == '.' || p[i] == ',')) {
            ++i;
            int count = 0;
            while (i < n && p[i] >= '0' && p[i] <= '9') {
                if (count < 3)
                    millis = millis * 10 + (p[i] - '0');
                ++count;
                ++i;
            }
            if (count == 0 || count > 9)
                return std::nullopt;
            for (; count < 3; ++count)
                millis *= 10;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    int offsetMinutes = 0;
    if (i < n && (p[i] == 'Z' || p[i] == 'z')) {
        ++i;
    } else if (i < n && (p[i] == '+' || p[i] == '-')) {
        int oh, om;
        if (i + 6 > n || !digits(p + i + 1, 2, oh) || p[i + 3] != ':' || !digits(p + i + 4, 2, om) || oh > 23 ||
            om > 59)
            return std::nullopt;
        offsetMinutes = (p[i] == '-' ? -1 : 1) * (oh * 60 + om);
        i += 6;
    } else {
        return std::nullopt; // a time without a zone is ambiguous, so it is refused
    }
    if (i != n)
        return std::nullopt;
    const qint64 seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                           static_cast<qint64>(offsetMinutes) * 60;
    return seconds * 1000 + millis;
}

std::optional<qint64> parse(QStringView text)
{
    const QByteArray latin = text.toLatin1();
    return parse(latin.constData(), latin.size());
}

QString formatUtc(qint64 msecs)
{
    qint64 days = msecs / 86400000;
    qint64 rest = msecs % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    // Hinnant's civil_from_days, the inverse of daysFromCivil.
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = static_cast<qint64>(yoe) + era * 400 + (month <= 2);
    char buffer[32];
    const int ms = static_cast<int>(rest % 1000);
    const int secs = static_cast<int>(rest / 1000);
    int n = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02d:%02d:%02d", static_cast<long long>(year), month,
                          day, secs / 3600, secs / 60 % 60, secs % 60);
    if (ms)
        n += std::snprintf(buffer + n, sizeof buffer - n, ".%03d", ms);
    buffer[n++] = 'Z';
    return QString::fromLatin1(buffer, n);
}

QString format(qint64 msecs, const QTimeZone& zone)
{
    if (zone == QTimeZone::utc() || zone.id() == "UTC")
        return formatUtc(msecs);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msecs, zone);
    return t.toString(msecs % 1000 ? Qt::ISODateWithMs : Qt::ISODate);
}

} // namespace IsoTime
