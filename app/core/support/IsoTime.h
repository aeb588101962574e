#pragma once

#include <QString>
#include <QTimeZone>

#include <optional>

// Instants are milliseconds since the Unix epoch (UTC) everywhere in the core and the database.
namespace IsoTime {

// Parses "YYYY-MM-DDThh:mm[:ss[.fraction]]" followed by "Z" or "±hh:mm". Strict: anything else is rejected.
// Hand-written because import parses a timestamp per line and QDateTime::fromString is several times slower.
std::optional<qint64> parse(const char* text, qsizetype length);
std::optional<qint64> parse(QStringView text);

// "2026-11-22T10:00:00Z", with milliseconds only when they are not zero.
QString formatUtc(qint64 msecs);
// The same instant as local time in the zone, with its offset ("2026-11-22T11:00:00+01:00"; "Z" for UTC).
QString format(qint64 msecs, const QTimeZone& zone);

qint64 daysFromCivil(int year, int month, int day);

} // namespace IsoTime
