#include "ledger/EventRow.h"

#include "ledger/SqlSupport.h"

namespace EventRow {

UsageEvent read(const QSqlQuery& q)
{
    UsageEvent e;
    e.id = q.value(0).toString();
    e.occurredAt = q.value(1).toLongLong();
    e.tenant = q.value(2).toString();
    e.action = q.value(3).toString();
    e.model = q.value(4).toString();
    e.billing = CreditRules::billingFromId(q.value(5).toString()).value_or(CreditRules::Billing::Credits);
    e.credits = q.value(6).toInt();
    return e;
}

QVariantList values(const UsageEvent& e, const QString& recordedBy)
{
    return {e.id,      e.occurredAt,       Sql::text(e.tenant),
            e.action,  Sql::text(e.model), CreditRules::billingId(e.billing),
            e.credits, recordedBy};
}

} // namespace EventRow
