#include "ledger/KeyStore.h"

#include "ledger/SqlSupport.h"
#include "rules/CreditRules.h"
#include "support/Text.h"

#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(KeyStore)
};
} // namespace

Result<KeyState> KeyStore::keyState(const QString& tenant, const QString& provider)
{
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT state FROM key_state WHERE tenant = ? AND provider = ?"));
    q.bindValue(0, Sql::text(tenant));
    q.bindValue(1, provider);
    if (Status s = Sql::exec(q, Words::tr("reading key states")); !s)
        return s.failure();
    const KeyState state =
        q.next() ? keyStateFromId(q.value(0).toString()).value_or(KeyState::NotSet) : KeyState::NotSet;
    q.finish();
    return state;
}

namespace {

const char* const keyColumns = "tenant, provider, state, fingerprint, checked_at, message, models, retry_at, holder";

// A key_state row read with keyColumns, in order.
KeyRecord keyRecordFrom(const QSqlQuery& q)
{
    KeyRecord record;
    record.tenant = q.value(0).toString();
    record.provider = q.value(1).toString();
    record.state = keyStateFromId(q.value(2).toString()).value_or(KeyState::NotVerified);
    if (record.state == KeyState::NotSet || record.state == KeyState::Unused)
        record.state = KeyState::NotVerified; // a row means a stored key; these two are never stored
    record.fingerprint = q.value(3).toString();
    if (!q.value(4).isNull())
        record.checkedAt = q.value(4).toLongLong();
    record.verdict = KeyVerdict::fromStored(q.value(5).toString());
    record.models = q.value(6).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!q.value(7).isNull())
        record.retryAt = q.value(7).toLongLong();
    record.holder = q.value(8).toString();
    return record;
}

} // namespace

Result<KeyRecord> KeyStore::keyRecord(const QString& tenant, const QString& provider)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    const KeyRecord none{tenant, provider, KeyState::NotSet, {}, std::nullopt, {}, {}, std::nullopt, {}, {}};
    if (m_db.readScope() != 0) {
        // A page asks for the same few records many times: inside a read scope one query reads them all.
        const auto all = storedKeys();
        if (!all)
            return all.failure();
        for (const KeyRecord& record : all.value())
            if (record.tenant == tenant && record.provider == provider)
                return record;
        return none;
    }
    QSqlQuery& q = m_db.query(
        QStringLiteral("SELECT %1 FROM key_state WHERE tenant = ? AND provider = ?").arg(QLatin1String(keyColumns)));
    q.bindValue(0, Sql::text(tenant));
    q.bindValue(1, provider);
    if (Status s = Sql::exec(q, Words::tr("reading key states")); !s)
        return s.failure();
    KeyRecord record = none;
    if (q.next())
        record = keyRecordFrom(q);
    q.finish();
    return record;
}

Result<QVector<KeyRecord>> KeyStore::storedKeys()
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    if (const QVector<KeyRecord>* known = m_inScope.find(m_db, 0))
        return *known;
    QSqlQuery& q =
        m_db.query(QStringLiteral("SELECT %1 FROM key_state ORDER BY tenant, provider").arg(QLatin1String(keyColumns)));
    if (Status s = Sql::exec(q, Words::tr("reading key states")); !s)
        return s.failure();
    QVector<KeyRecord> keys;
    while (q.next())
        keys.append(keyRecordFrom(q));
    q.finish();
    m_inScope.keep(m_db, 0, keys);
    return keys;
}

namespace {

// A usage_keys row in keyColumns' order, so that keyRecordFrom reads it: no tenant, no model list.
const char* const usageKeyColumns = "provider, state, fingerprint, checked_at, message, retry_at, holder";
const char* const usageKeyAsKeyColumns =
    "'' AS tenant, provider, state, fingerprint, checked_at, message, '' AS models, retry_at, holder";

} // namespace

Result<KeyRecord> KeyStore::usageKey(const QString& provider)
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QSqlQuery& q = m_db.query(
        QStringLiteral("SELECT %1 FROM usage_keys WHERE provider = ?").arg(QLatin1String(usageKeyAsKeyColumns)));
    q.bindValue(0, provider);
    if (Status s = Sql::exec(q, Words::tr("reading key states")); !s)
        return s.failure();
    KeyRecord record = q.next() ? keyRecordFrom(q) : KeyRecord{{}, provider, KeyState::NotSet, {}, std::nullopt,
                                                               {}, {},       std::nullopt,     {}, {}};
    q.finish();
    record.purpose = KeyPurpose::Usage;
    return record;
}

Result<KeyRecord> KeyStore::keyRecord(const QString& tenant, const QString& provider, KeyPurpose purpose)
{
    return purpose == KeyPurpose::Usage ? usageKey(provider) : keyRecord(tenant, provider);
}

Result<KeyStatus> KeyStore::keyStatus(const QString& tenant, const QString& provider)
{
    const auto current = m_settings.current();
    if (!current)
        return current.failure();
    if (!tenant.isEmpty())
        if (Status s = m_directory.requireTenant(tenant); !s)
            return s.failure();
    const auto own = keyRecord(tenant, provider);
    const auto install = tenant.isEmpty() ? own : keyRecord(QString(), provider);
    if (!own || !install)
        return (!own ? own : install).failure();
    const auto choice =
        CreditRules::chooseKey(current->planNow->tenantKeys, !tenant.isEmpty(), own->state, install->state);
    KeyStatus status;
    status.source = choice.source;
    if (choice.source == KeySource::Tenant)
        status.record = own.value();
    else if (choice.source == KeySource::Install)
        status.record = install.value();
    else
        status.record = KeyRecord{tenant, provider, KeyState::NotSet, {}, std::nullopt, {}, {}, std::nullopt, {}, {}};
    if (choice.tenantKeyIgnored) {
        // Its last verdict no longer matters while it is not used; why it is not used does.
        status.unused = own.value();
        status.unused->state = KeyState::Unused;
        status.unused->verdict = KeyVerdict::of(KeyVerdict::Code::UnusedByPlan);
        status.unused->verdict.plan = current->planNow->name;
    }
    return status;
}

Result<std::optional<QStringList>> KeyStore::modelsAllowedByKey(const QString& provider)
{
    const auto status = keyStatus(QString(), provider);
    if (!status)
        return status.failure();
    // A key whose list was never read (checked before lists were kept) restricts nothing until its next check.
    if (!status->inForce() || status->record.state != KeyState::Active || status->record.models.isEmpty())
        return std::optional<QStringList>();
    return std::optional<QStringList>(m_db.catalog().modelsListed(status->record.models));
}

Status KeyStore::mayChangeKey(const QString& tenant, const QString& provider, bool setting, KeyPurpose purpose)
{
    if (!m_db.catalog().provider(provider))
        return m_db.catalog().unknownProvider(provider);
    if (purpose == KeyPurpose::Usage)
        return m_db.requireRole(QStringLiteral("Changing usage keys"), true);
    if (Status s = m_db.requireAdministrator(QStringLiteral("Changing API keys")); !s)
        return s;
    if (tenant.isEmpty())
        return success();
    if (Status s = m_directory.requireTenant(tenant); !s)
        return s;
    const auto current = m_settings.load();
    if (!current)
        return current.failure();
    // Removing stays possible after a downgrade: stored tenant keys are kept until someone removes them.
    if (setting && !current->planNow->tenantKeys)
        return refused(Words::tr("Per-tenant keys need the Professional or Enterprise plan; the install is on %1.")
                           .arg(current->planNow->name));
    return success();
}

namespace {

QString keyScope(const KeyRecord& r)
{
    if (r.purpose == KeyPurpose::Usage)
        return QStringLiteral("usage");
    return r.tenant.isEmpty() ? QStringLiteral("install") : QStringLiteral("tenant ") + r.tenant;
}

// " (request req_…)" for the audit trail, when the provider named its request.
QString requestPart(const KeyRecord& r)
{
    return r.requestId.isEmpty() ? QString() : QStringLiteral(" (request %1)").arg(r.requestId);
}

} // namespace

Status KeyStore::setKeyRecord(const KeyRecord& r, KeyChange change, const QString& replacedFingerprint)
{
    if (!m_db.catalog().provider(r.provider))
        return m_db.catalog().unknownProvider(r.provider);
    if (r.fingerprint.size() > 4 || replacedFingerprint.size() > 4)
        return badInput(Words::tr("A key fingerprint is at most its last four characters."));
    if (r.state == KeyState::Unused)
        return badInput(Words::tr("\"Unused\" describes a stored key; it is not a check's verdict."));
    if (r.purpose == KeyPurpose::Usage)
        return m_db.administer(
            QStringLiteral("Changing usage keys"),
            [&]() -> Status {
                if (Status s = putUsageKey(r); !s)
                    return s;
                return m_db.audit(QStringLiteral("key.") + r.provider, auditLine(r, change, replacedFingerprint));
            },
            true);
    return m_db.administer(QStringLiteral("Changing API keys"), [&]() -> Status {
        if (!r.tenant.isEmpty())
            if (Status s = m_directory.requireTenant(r.tenant); !s)
                return s;
        // On a shared ledger one function replaces the row (PostgresGuard).
        if (!m_db.isPostgres()) {
            QSqlQuery& del = m_db.query(QStringLiteral("DELETE FROM key_state WHERE tenant = ? AND provider = ?"));
            del.bindValue(0, Sql::text(r.tenant));
            del.bindValue(1, r.provider);
            if (Status s = Sql::exec(del, Words::tr("saving a key state")); !s)
                return s;
        }
        if (r.state != KeyState::NotSet || m_db.isPostgres()) {
            QSqlQuery& q = m_db.query(
                m_db.isPostgres() ? QStringLiteral("SELECT ai_settings.put_key_state(?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                  : QStringLiteral("INSERT INTO key_state (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                        .arg(QLatin1String(keyColumns)));
            const QVariant noTime(QMetaType(QMetaType::LongLong));
            q.bindValue(0, Sql::text(r.tenant));
            q.bindValue(1, r.provider);
            q.bindValue(2, keyStateId(r.state));
            q.bindValue(3, Sql::text(r.fingerprint));
            q.bindValue(4, r.checkedAt ? QVariant(*r.checkedAt) : noTime);
            q.bindValue(5, Sql::text(r.verdict.toStored()));
            q.bindValue(6, Sql::text(r.models.join(QLatin1Char(' '))));
            q.bindValue(7, r.retryAt ? QVariant(*r.retryAt) : noTime);
            q.bindValue(8, Sql::text(r.holder));
            if (Status s = Sql::exec(q, Words::tr("saving a key state")); !s)
                return s;
        }
        return m_db.audit(QStringLiteral("key.") + r.provider, auditLine(r, change, replacedFingerprint));
    });
}

QString KeyStore::auditLine(const KeyRecord& r, KeyChange change, const QString& replacedFingerprint)
{
    QString line;
    switch (change) {
    case KeyChange::Set:
        line = QStringLiteral("set %1 key").arg(keyScope(r));
        break;
    case KeyChange::Replaced:
        line = QStringLiteral("replaced %1 key \u2026%2 \u2192").arg(keyScope(r), replacedFingerprint);
        break;
    case KeyChange::Checked:
        line = QStringLiteral("checked %1 key").arg(keyScope(r));
        break;
    case KeyChange::Removed:
        line = QStringLiteral("removed %1 key").arg(keyScope(r));
        break;
    }
    if (!r.fingerprint.isEmpty())
        line += QStringLiteral(" \u2026") + r.fingerprint;
    if (change != KeyChange::Removed)
        line += QStringLiteral(": ") + keyStateId(r.state) + requestPart(r);
    return line;
}

Status KeyStore::putUsageKey(const KeyRecord& r)
{
    if (!m_db.isPostgres()) {
        QSqlQuery& del = m_db.query(QStringLiteral("DELETE FROM usage_keys WHERE provider = ?"));
        del.bindValue(0, r.provider);
        if (Status s = Sql::exec(del, Words::tr("saving a key state")); !s)
            return s;
        if (r.state == KeyState::NotSet)
            return success();
    }
    QSqlQuery& q =
        m_db.query(m_db.isPostgres() ? QStringLiteral("SELECT ai_settings.put_usage_key(?, ?, ?, ?, ?, ?, ?)")
                                     : QStringLiteral("INSERT INTO usage_keys (%1) VALUES (?, ?, ?, ?, ?, ?, ?)")
                                           .arg(QLatin1String(usageKeyColumns)));
    const QVariant noTime(QMetaType(QMetaType::LongLong));
    q.bindValue(0, r.provider);
    q.bindValue(1, keyStateId(r.state));
    q.bindValue(2, Sql::text(r.fingerprint));
    q.bindValue(3, r.checkedAt ? QVariant(*r.checkedAt) : noTime);
    q.bindValue(4, Sql::text(r.verdict.toStored()));
    q.bindValue(5, r.retryAt ? QVariant(*r.retryAt) : noTime);
    q.bindValue(6, Sql::text(r.holder));
    return Sql::exec(q, Words::tr("saving a key state"));
}

Status KeyStore::auditKeptKey(const KeyRecord& candidate, const QString& keptFingerprint)
{
    const bool usage = candidate.purpose == KeyPurpose::Usage;
    return m_db.administer(
        usage ? QStringLiteral("Changing usage keys") : QStringLiteral("Changing API keys"),
        [&]() -> Status {
            return m_db.audit(QStringLiteral("key.") + candidate.provider,
                              QStringLiteral("kept %1 key \u2026%2; new key \u2026%3 not stored: %4%5")
                                  .arg(keyScope(candidate), keptFingerprint, candidate.fingerprint,
                                       keyStateId(candidate.state), requestPart(candidate)));
        },
        usage);
}

Status KeyStore::deleteTenantKeys(const QString& tenant)
{
    QSqlQuery& q = m_db.query(m_db.isPostgres() ? QStringLiteral("SELECT ai_settings.forget_tenant_keys(?)")
                                                : QStringLiteral("DELETE FROM key_state WHERE tenant = ?"));
    q.bindValue(0, tenant);
    return Sql::exec(q, Words::tr("removing a tenant's keys"));
}
