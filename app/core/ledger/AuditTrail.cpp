#include "AuditTrail.h"

#include "Settings.h"
#include "SqlSupport.h"
#include "Text.h"

namespace {

struct Kind
{
    const char* id;
    const char* condition; // on the subject column
};

// The kinds and the subjects the stores write for them (Settings names the settings' subjects).
const Kind kindList[] = {
    {"key", "subject LIKE 'key.%'"},
    {"plan", "subject = 'plan'"},
    {"model", "subject LIKE 'model.%'"},
    {"period", "subject IN ('anchor_day', 'time_zone')"},
    {"tenant", "subject = 'tenant'"},
    {"member", "subject = 'member'"},
    {"import", "subject = 'usage'"},
    {"provider", "substr(subject, 1, 9) = 'base_url.'"},
};

const Kind* kindNamed(const QString& id)
{
    for (const Kind& k : kindList)
        if (id == QLatin1String(k.id))
            return &k;
    return nullptr;
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
    if (const Kind* k = kindNamed(f.kind))
        parts << QLatin1String(k->condition);
    if (!f.actor.isEmpty()) {
        parts << QStringLiteral("actor = ?");
        values << f.actor;
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace

QString AuditEntry::kind() const
{
    if (subject.startsWith(QLatin1String("key.")))
        return QStringLiteral("key");
    if (subject == Settings::plan())
        return QStringLiteral("plan");
    if (subject.startsWith(QLatin1String("model.")))
        return QStringLiteral("model");
    if (subject == Settings::anchorDay() || subject == Settings::timeZone())
        return QStringLiteral("period");
    if (subject == QLatin1String("usage"))
        return QStringLiteral("import");
    if (subject.startsWith(QLatin1String("base_url.")))
        return QStringLiteral("provider");
    return subject; // tenant, member
}

QStringList AuditTrail::kinds()
{
    QStringList ids;
    for (const Kind& k : kindList)
        ids << QLatin1String(k.id);
    return ids;
}

Status AuditTrail::checkKind(const QString& kind)
{
    if (kind.isEmpty() || kindNamed(kind))
        return success();
    return badInput(QStringLiteral("Unknown kind %1; expected one of %2.")
                        .arg(Text::quoted(kind), kinds().join(QStringLiteral(", "))));
}

Result<qint64> AuditTrail::count(const AuditFilter& filter)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QVariantList values;
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT COUNT(*) FROM audit_log") + whereClause(filter, values));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    return Sql::number(q, QStringLiteral("reading the audit trail"));
}

Result<QVector<AuditEntry>> AuditTrail::page(const AuditFilter& filter, qint64 offset, int limit)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QVariantList values;
    // Lines of one millisecond come in a fixed order, so that pages neither repeat nor skip one.
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT at, actor, subject, change FROM audit_log") + whereClause(filter, values) +
                              QStringLiteral(" ORDER BY at DESC, subject, change, actor LIMIT ? OFFSET ?"));
    values << limit << offset;
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (Status s = Sql::exec(q, QStringLiteral("reading the audit trail")); !s)
        return s.failure();
    QVector<AuditEntry> entries;
    while (q.next())
        entries.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    q.finish();
    return entries;
}

Result<QStringList> AuditTrail::actors()
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT DISTINCT actor FROM audit_log ORDER BY actor"));
    if (Status s = Sql::exec(q, QStringLiteral("reading the audit trail")); !s)
        return s.failure();
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    q.finish();
    return names;
}
