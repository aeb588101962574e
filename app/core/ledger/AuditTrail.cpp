#include "ledger/AuditTrail.h"

#include "ledger/SqlSupport.h"
#include "support/Text.h"

#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(AuditTrail)
};
} // namespace

namespace {

// The kind's condition on the subject column, its values appended to `values`.
QString kindCondition(const AuditKind& k, QVariantList& values)
{
    if (k.prefix) {
        values << QString::fromLatin1(k.prefix);
        return QStringLiteral("substr(subject, 1, %1) = ?").arg(qstrlen(k.prefix));
    }
    QStringList marks;
    for (const char* s : k.subjects)
        if (s) {
            values << QString::fromLatin1(s);
            marks << QStringLiteral("?");
        }
    return QStringLiteral("subject IN (%1)").arg(marks.join(QStringLiteral(", ")));
}

// The WHERE clause and its values for a filter, in the order the values bind.
QString whereClause(const AuditFilter& f, QVariantList& values)
{
    QStringList parts;
    if (f.since) {
        parts << QStringLiteral("at >= ?");
        values << *f.since;
    }
    if (f.until) {
        parts << QStringLiteral("at < ?");
        values << *f.until;
    }
    if (const AuditKind* k = AuditKind::named(f.kind))
        parts << kindCondition(*k, values);
    if (!f.actor.isEmpty()) {
        parts << QStringLiteral("actor = ?");
        values << f.actor;
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace

QStringList AuditTrail::kinds()
{
    return AuditKind::ids();
}

Status AuditTrail::checkKind(const QString& kind)
{
    if (kind.isEmpty() || AuditKind::named(kind))
        return success();
    return badInput(
        Words::tr("Unknown kind %1; expected one of %2.").arg(Text::quoted(kind), kinds().join(QStringLiteral(", "))));
}

Result<qint64> AuditTrail::count(const AuditFilter& filter)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QVariantList values;
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT COUNT(*) FROM audit_log") + whereClause(filter, values));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    return Sql::number(q, Words::tr("reading the audit trail"));
}

Result<QVector<AuditEntry>> AuditTrail::page(const AuditFilter& filter, qint64 offset, int limit)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QVariantList values;
    // Lines of one millisecond come in a fixed order, so that pages neither repeat nor skip one.
    QSqlQuery& q =
        m_db.query(QStringLiteral("SELECT at, actor, subject, change FROM audit_log") + whereClause(filter, values) +
                   QStringLiteral(" ORDER BY at DESC, subject, change, actor LIMIT ? OFFSET ?"));
    values << limit << offset;
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (Status s = Sql::exec(q, Words::tr("reading the audit trail")); !s)
        return s.failure();
    QVector<AuditEntry> entries;
    while (q.next())
        entries.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    q.finish();
    return entries;
}

Status AuditTrail::forEach(const AuditFilter& filter, const std::function<void(const AuditEntry&)>& visit)
{
    constexpr int pageSize = 1000;
    for (qint64 offset = 0;; offset += pageSize) {
        const auto page = this->page(filter, offset, pageSize);
        if (!page)
            return page.failure();
        for (const AuditEntry& e : page.value())
            visit(e);
        if (page->size() < pageSize)
            return success();
    }
}

Result<QStringList> AuditTrail::actors()
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT DISTINCT actor FROM audit_log ORDER BY actor"));
    if (Status s = Sql::exec(q, Words::tr("reading the audit trail")); !s)
        return s.failure();
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    q.finish();
    return names;
}
