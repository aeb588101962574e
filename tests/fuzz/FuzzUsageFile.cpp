// Fuzz target for the usage-file readers: any bytes, read as CSV and as JSON Lines. Beyond "no crash, no
// sanitizer report", whatever a reader accepts must be clean (no control character in any text field, times
// within the calendar the writer can express) and must read back the same after the program writes it.
#include "formats/UsageFile.h"
#include "support/IsoTime.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition, const char* what)
{
    if (!condition) {
        qCritical("fuzz invariant broken: %s", what);
        std::abort();
    }
}

bool clean(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    return true;
}

void roundTrip(const QVector<ImportRow>& rows, UsageFile::Format format)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    UsageFile::Writer writer(buffer, format);
    for (const ImportRow& row : rows) {
        check(!row.event.id.isEmpty(), "an accepted row has an id");
        for (const QString* field : {&row.event.id, &row.event.tenant, &row.event.action, &row.event.model})
            check(clean(*field), "accepted text fields hold no control character");
        writer.write(row.event);
    }
    const auto again = UsageFile::parse(buffer.data(), format);
    check(again.ok(), "what the writer writes, the reader reads");
    check(again->size() == rows.size(), "the same number of rows reads back");
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const UsageEvent& a = rows[i].event;
        const UsageEvent& b = again->at(i).event;
        check(a.id == b.id && a.occurredAt == b.occurredAt && a.tenant == b.tenant && a.action == b.action &&
                  a.model == b.model && a.billing == b.billing,
              "every field reads back the same");
        check(!rows[i].creditsGiven || a.credits == b.credits, "given credits read back the same");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    for (const auto format : {UsageFile::Format::Csv, UsageFile::Format::JsonLines}) {
        const auto rows = UsageFile::parse(bytes, format);
        if (!rows) {
            check(!rows.failure().message.isEmpty(), "a refusal says why");
            check(!rows.failure().message.contains(QLatin1Char('\n')), "a refusal is one line");
            check(rows.failure().message.size() < 1000, "a refusal is short");
            continue;
        }
        roundTrip(rows.value(), format);
    }
    return 0;
}
