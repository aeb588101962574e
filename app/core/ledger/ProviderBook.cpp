#include "ledger/ProviderBook.h"

#include "ledger/SqlSupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <tuple>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(ProviderBook)
};

QString dayText(QDate day)
{
    return day.toString(Qt::ISODate);
}

// A report may split a day's key and model further than asked (by workspace, tier, size): one row each here.
QVector<ProviderUsageRow> merged(const QVector<ProviderUsageRow>& rows)
{
    std::map<std::tuple<QDate, QString, QString>, ProviderUsageRow> byKey;
    for (const ProviderUsageRow& row : rows) {
        auto [at, added] = byKey.try_emplace({row.day, row.apiKeyId, row.model}, row);
        if (!added)
            at->second.add(row);
    }
    QVector<ProviderUsageRow> out;
    for (const auto& [key, row] : byKey)
        out << row;
    return out;
}

QVector<ProviderCostRow> merged(const QVector<ProviderCostRow>& rows)
{
    std::map<std::tuple<QDate, QString, QString, QString, QString>, ProviderCostRow> byKey;
    for (const ProviderCostRow& row : rows) {
        auto [at, added] = byKey.try_emplace({row.day, row.apiKeyId, row.model, row.kind, row.currency}, row);
        if (!added)
            at->second.micros += row.micros;
    }
    QVector<ProviderCostRow> out;
    for (const auto& [key, row] : byKey)
        out << row;
    return out;
}

// Binds `values` to the statement's placeholders in order and runs it.
Status execWith(QSqlQuery& q, const QVariantList& values, const QString& doing)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    return Sql::exec(q, doing);
}

QString json(const QJsonArray& rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

// Counts travel as JSON numbers, exact up to 2^53; a day's tokens on one key are far below that.
QJsonObject usageJson(const ProviderUsageRow& r)
{
    return {{QStringLiteral("day"), dayText(r.day)},
            {QStringLiteral("api_key_id"), r.apiKeyId},
            {QStringLiteral("model"), r.model},
            {QStringLiteral("uncached_input"), r.uncachedInput},
            {QStringLiteral("cache_write_5m"), r.cacheWrite5m},
            {QStringLiteral("cache_write_1h"), r.cacheWrite1h},
            {QStringLiteral("cache_read"), r.cacheRead},
            {QStringLiteral("output"), r.output},
            {QStringLiteral("images"), r.images},
            {QStringLiteral("requests"), r.requests ? QJsonValue(*r.requests) : QJsonValue()}};
}

QJsonObject costJson(const ProviderCostRow& r)
{
    return {{QStringLiteral("day"), dayText(r.day)},  {QStringLiteral("api_key_id"), r.apiKeyId},
            {QStringLiteral("model"), r.model},       {QStringLiteral("kind"), r.kind},
            {QStringLiteral("currency"), r.currency}, {QStringLiteral("micros"), r.micros}};
}

} // namespace

QString ProviderBook::kindId(SpendFinding::Kind kind)
{
    switch (kind) {
    case SpendFinding::Kind::OutsideUse:
        return QStringLiteral("outside_use");
    case SpendFinding::Kind::NotSeen:
        return QStringLiteral("not_seen");
    case SpendFinding::Kind::Differs:
        break;
    }
    return QStringLiteral("differs");
}

QString ProviderBook::auditLine(const SpendFinding& f)
{
    const QString key = (f.holder.isEmpty() ? QStringLiteral("install") : QStringLiteral("tenant ") + f.holder) +
                        QStringLiteral(" key") +
                        (f.fingerprint.isEmpty() ? QString() : QStringLiteral(" \u2026") + f.fingerprint);
    switch (f.kind) {
    case SpendFinding::Kind::OutsideUse:
        return QStringLiteral("%1 used on %2 with no BYOK run recorded").arg(key, dayText(f.day));
    case SpendFinding::Kind::NotSeen:
        return QStringLiteral("%1: %2 BYOK runs recorded on %3, none reported")
            .arg(key)
            .arg(f.recorded)
            .arg(dayText(f.day));
    case SpendFinding::Kind::Differs:
        break;
    }
    return QStringLiteral("%1: %2 BYOK runs recorded on %3, %4 requests reported")
        .arg(key)
        .arg(f.recorded)
        .arg(dayText(f.day))
        .arg(f.seen);
}

Status ProviderBook::store(const ProviderReportSet& set, const QVector<SpendFinding>& findings)
{
    const QVector<ProviderUsageRow> usage = merged(set.usage);
    const QVector<ProviderCostRow> costs = merged(set.costs);
    const QString doing = Words::tr("storing the provider's reports");
    return m_db.administer(Words::tr("Syncing the providers' reports"), [&]() -> Status {
        if (m_db.isPostgres()) {
            QJsonArray usageRows, costRows, keyRows, findingRows;
            for (const ProviderUsageRow& r : usage)
                usageRows << usageJson(r);
            for (const ProviderCostRow& r : costs)
                costRows << costJson(r);
            for (const ProviderKeyName& k : set.keys)
                keyRows << QJsonObject{{QStringLiteral("api_key_id"), k.apiKeyId},
                                       {QStringLiteral("hint"), k.hint},
                                       {QStringLiteral("name"), k.name}};
            for (const SpendFinding& f : findings)
                findingRows << QJsonObject{{QStringLiteral("day"), dayText(f.day)},
                                           {QStringLiteral("holder"), f.holder},
                                           {QStringLiteral("kind"), kindId(f.kind)},
                                           {QStringLiteral("line"), auditLine(f)}};
            QSqlQuery& q = m_db.query(QStringLiteral("SELECT ai_settings.put_provider_report(?, ?, ?, ?, ?, ?, ?, ?)"));
            const QVariantList values{set.provider,    dayText(set.first), dayText(set.last), set.syncedAt,
                                      json(usageRows), json(costRows),     json(keyRows),     json(findingRows)};
            return execWith(q, values, doing);
        }
        for (const char* table : {"provider_usage", "provider_costs"}) {
            QSqlQuery& del = m_db.query(
                QStringLiteral("DELETE FROM %1 WHERE provider = ? AND day BETWEEN ? AND ?").arg(QLatin1String(table)));
            if (Status s = execWith(del, {set.provider, dayText(set.first), dayText(set.last)}, doing); !s)
                return s;
        }
        QSqlQuery& addUsage =
            m_db.query(QStringLiteral("INSERT INTO provider_usage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const ProviderUsageRow& r : usage) {
            if (r.day < set.first || r.day > set.last)
                continue;
            const QVariantList values{set.provider,
                                      dayText(r.day),
                                      Sql::text(r.apiKeyId),
                                      Sql::text(r.model),
                                      r.uncachedInput,
                                      r.cacheWrite5m,
                                      r.cacheWrite1h,
                                      r.cacheRead,
                                      r.output,
                                      r.images,
                                      r.requests ? QVariant(*r.requests) : QVariant(QMetaType(QMetaType::LongLong))};
            if (Status s = execWith(addUsage, values, doing); !s)
                return s;
        }
        QSqlQuery& addCost = m_db.query(QStringLiteral("INSERT INTO provider_costs VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const ProviderCostRow& r : costs) {
            if (r.day < set.first || r.day > set.last)
                continue;
            const QVariantList values{
                set.provider,          dayText(r.day), Sql::text(r.apiKeyId), Sql::text(r.model), Sql::text(r.kind),
                Sql::text(r.currency), r.micros};
            if (Status s = execWith(addCost, values, doing); !s)
                return s;
        }
        QSqlQuery& dropKeys = m_db.query(QStringLiteral("DELETE FROM provider_keys WHERE provider = ?"));
        dropKeys.bindValue(0, set.provider);
        if (Status s = Sql::exec(dropKeys, doing); !s)
            return s;
        QSqlQuery& addKey = m_db.query(QStringLiteral("INSERT OR REPLACE INTO provider_keys VALUES (?, ?, ?, ?)"));
        for (const ProviderKeyName& k : set.keys) {
            addKey.bindValue(0, set.provider);
            addKey.bindValue(1, k.apiKeyId);
            addKey.bindValue(2, Sql::text(k.hint));
            addKey.bindValue(3, Sql::text(k.name));
            if (Status s = Sql::exec(addKey, doing); !s)
                return s;
        }
        const auto before = lastSync(set.provider);
        if (!before)
            return before.failure();
        QSqlQuery& mark = m_db.query(QStringLiteral("INSERT OR REPLACE INTO provider_syncs VALUES (?, ?, ?, ?)"));
        mark.bindValue(0, set.provider);
        mark.bindValue(1, set.syncedAt);
        mark.bindValue(
            2, dayText(before.value() && before.value()->first < set.first ? before.value()->first : set.first));
        mark.bindValue(3, dayText(set.last));
        if (Status s = Sql::exec(mark, doing); !s)
            return s;
        QSqlQuery& told = m_db.query(QStringLiteral("INSERT OR IGNORE INTO spend_findings VALUES (?, ?, ?, ?)"));
        for (const SpendFinding& f : findings) {
            told.bindValue(0, set.provider);
            told.bindValue(1, dayText(f.day));
            told.bindValue(2, Sql::text(f.holder));
            told.bindValue(3, kindId(f.kind));
            if (Status s = Sql::exec(told, doing); !s)
                return s;
            if (told.numRowsAffected() == 1)
                if (Status s = m_db.audit(QStringLiteral("spend.") + set.provider, auditLine(f)); !s)
                    return s;
        }
        return success();
    });
}

Result<std::optional<ProviderSyncMark>> ProviderBook::lastSync(const QString& provider)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QSqlQuery& q =
        m_db.query(QStringLiteral("SELECT synced_at, first_day, last_day FROM provider_syncs WHERE provider = ?"));
    q.bindValue(0, provider);
    if (Status s = Sql::exec(q, Words::tr("reading the last sync")); !s)
        return s.failure();
    std::optional<ProviderSyncMark> mark;
    if (q.next())
        mark = ProviderSyncMark{q.value(0).toLongLong(), QDate::fromString(q.value(1).toString(), Qt::ISODate),
                                QDate::fromString(q.value(2).toString(), Qt::ISODate)};
    q.finish();
    return mark;
}

Result<ProviderReportSet> ProviderBook::held(const QString& provider, QDate first, QDate last)
{
    const auto mark = lastSync(provider);
    if (!mark)
        return mark.failure();
    ProviderReportSet set;
    set.provider = provider;
    set.syncedAt = mark.value() ? mark.value()->syncedAt : 0;
    // The days asked for that a sync has read; none when it never ran or read other days.
    if (mark.value() && mark.value()->first <= last && mark.value()->last >= first) {
        set.first = std::max(first, mark.value()->first);
        set.last = std::min(last, mark.value()->last);
    }
    const QString doing = Words::tr("reading the provider's reports");
    QSqlQuery& u = m_db.query(
        QStringLiteral("SELECT day, api_key_id, model, uncached_input, cache_write_5m, cache_write_1h, cache_read, "
                       "output, images, requests FROM provider_usage WHERE provider = ? AND day BETWEEN ? AND ? "
                       "ORDER BY day, api_key_id, model"));
    if (Status s = execWith(u, {provider, dayText(first), dayText(last)}, doing); !s)
        return s.failure();
    while (u.next()) {
        ProviderUsageRow r;
        r.day = QDate::fromString(u.value(0).toString(), Qt::ISODate);
        r.apiKeyId = u.value(1).toString();
        r.model = u.value(2).toString();
        r.uncachedInput = u.value(3).toLongLong();
        r.cacheWrite5m = u.value(4).toLongLong();
        r.cacheWrite1h = u.value(5).toLongLong();
        r.cacheRead = u.value(6).toLongLong();
        r.output = u.value(7).toLongLong();
        r.images = u.value(8).toLongLong();
        if (!u.value(9).isNull())
            r.requests = u.value(9).toLongLong();
        set.usage << r;
    }
    u.finish();
    QSqlQuery& c =
        m_db.query(QStringLiteral("SELECT day, api_key_id, model, kind, currency, micros FROM provider_costs "
                                  "WHERE provider = ? AND day BETWEEN ? AND ? "
                                  "ORDER BY day, api_key_id, model, kind"));
    if (Status s = execWith(c, {provider, dayText(first), dayText(last)}, doing); !s)
        return s.failure();
    while (c.next())
        set.costs << ProviderCostRow{QDate::fromString(c.value(0).toString(), Qt::ISODate),
                                     c.value(1).toString(),
                                     c.value(2).toString(),
                                     c.value(3).toString(),
                                     c.value(5).toLongLong(),
                                     c.value(4).toString()};
    c.finish();
    QSqlQuery& k = m_db.query(
        QStringLiteral("SELECT api_key_id, hint, name FROM provider_keys WHERE provider = ? ORDER BY api_key_id"));
    k.bindValue(0, provider);
    if (Status s = Sql::exec(k, doing); !s)
        return s.failure();
    while (k.next())
        set.keys << ProviderKeyName{k.value(0).toString(), k.value(1).toString(), k.value(2).toString()};
    k.finish();
    return set;
}
