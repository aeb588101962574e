#include "model/AuditEntry.h"

namespace {

const AuditKind kindList[] = {
    {"key", "key.", {}},
    {"plan", nullptr, {"plan"}},
    {"model", "model.", {}},
    {"period", nullptr, {"anchor_day", "time_zone"}},
    {"tenant", nullptr, {"tenant"}},
    {"member", nullptr, {"member"}},
    {"import", nullptr, {"usage"}},
    {"provider", "base_url.", {}},
    {"spend", "spend.", {}},
};

} // namespace

QStringList AuditKind::ids()
{
    QStringList ids;
    for (const AuditKind& k : kindList)
        ids << QLatin1String(k.id);
    return ids;
}

const AuditKind* AuditKind::named(const QString& id)
{
    for (const AuditKind& k : kindList)
        if (id == QLatin1String(k.id))
            return &k;
    return nullptr;
}

bool AuditKind::covers(const QString& subject) const
{
    if (prefix)
        return subject.startsWith(QLatin1String(prefix));
    for (const char* s : subjects)
        if (s && subject == QLatin1String(s))
            return true;
    return false;
}

QString AuditEntry::kind() const
{
    for (const AuditKind& k : kindList)
        if (k.covers(subject))
            return QLatin1String(k.id);
    return subject;
}
