#include "Ledger.h"

#include "CreditRules.h"
#include "DatabaseAddress.h"
#include "Environment.h"
#include "Schema.h"
#include "SqlSupport.h"
#include "Text.h"
#include "UsageTotals.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QUrl>

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("ai-settings-ledger-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Ledger::Ledger(const Catalog& catalog, QString userName, QString connectionName)
    : m_catalog(catalog), m_userName(std::move(userName)), m_connectionName(std::move(connectionName)),
      m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

Ledger::~Ledger()
{
    m_queries.clear();
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<QSqlDatabase> Ledger::connect(const DatabaseAddress& address, const QString& connectionName, int openWaitMs)
{
    if (address.postgres) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        if (!db.isValid())
            return unavailable(QStringLiteral("Qt's PostgreSQL driver is not installed (Debian package libqt6sql6-psql)."));
        db.setHostName(address.host);
        if (address.port > 0)
            db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(address.user);
        db.setConnectOptions(address.options);
        if (!db.open())
            return unavailable(QStringLiteral("Cannot connect to %1: %2.")
                                   .arg(Text::escaped(address.text, 200),
                                        Text::escaped(db.lastError().databaseText().simplified(), 300)));
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!db.isValid())
        return unavailable(QStringLiteral("Qt's SQLite driver is not installed (Debian package libqt6sql6-sqlite)."));
    // Usage, members and the audit trail are the organisation's business: a new ledger is readable by its owner
    // only, and SQLite gives its -wal and -shm files the same mode.
    if (Status s = Environment::createPrivateFile(address.path); !s)
        return s.failure();
    db.setDatabaseName(address.path);
    // Opening waits for the write lock only when the schema must be created or upgraded, and at most openWaitMs.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(openWaitMs));
    if (!db.open())
        return unavailable(QStringLiteral("Cannot open the database at %1: %2.")
                               .arg(Text::escaped(address.path, 200), db.lastError().databaseText()));
    return db;
}

Result<std::unique_ptr<Ledger>> Ledger::open(const QString& location, const Catalog& catalog, const QString& userName,
                                             int openWaitMs)
{
    const auto address = DatabaseAddress::parse(location);
    if (!address)
        return address.failure();
    std::unique_ptr<Ledger> ledger(new Ledger(catalog, userName, nextConnectionName()));
    ledger->m_location = location; // never holds a password: parse() refuses one
    const auto connected = connect(address.value(), ledger->m_connectionName, openWaitMs);
    if (!connected)
        return connected.failure();
    QSqlDatabase db = connected.value();
    if (address->postgres) {
        // On a shared ledger the member is the role the server authenticated, not this desktop's user name,
        // which proves nothing to the other machines.
        QSqlQuery who(db);
        if (!who.exec(QStringLiteral("SELECT current_user")) || !who.next())
            return Sql::storageFailure(who.lastError(), QStringLiteral("asking the server who is connected"));
        ledger->m_userName = who.value(0).toString();
    }
    // Before anything writes: another program's database is left exactly as it was.
    if (const Result<int> version = Schema::version(db); !version)
        return version.failure();
    if (!address->postgres) {
        // WAL lets readers (the window, reports) go on while a writer records; NORMAL sync is safe with WAL
        // against program crashes and keeps a commit off the disk's flush path.
        for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536"})
            if (Status s = Sql::execText(db, QString::fromLatin1(pragma), QStringLiteral("opening %1").arg(Text::escaped(location, 200))); !s)
                return s.failure();
    }
    if (Status s = Schema::migrate(db, catalog, ledger->m_userName); !s)
        return s.failure();
    // From now on SQLite writers queue for the lock instead of failing at once; a longer wait is reported.
    if (!address->postgres)
        if (Status s = Sql::execText(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(writeWaitMs), QStringLiteral("opening the database")); !s)
            return s.failure();
    return ledger;
}

QSqlDatabase Ledger::db() const { return QSqlDatabase::database(m_connectionName, false); }

QString Ledger::path() const { return m_location; }

bool Ledger::isShared() const { return Sql::isPostgres(db()); }

QSqlQuery& Ledger::query(const QString& sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        q.prepare(sql);
        it = m_queries.insert(sql, q);
    }
    return it.value();
}

namespace {

// The whole string must match (\A…\z): a pattern ending in "$" also matches before a final newline, which let
// "acme\n" pass as a second tenant that lists exactly like "acme".
QRegularExpression wholeString(const char* pattern)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern)));
}

} // namespace

bool Ledger::isValidTenantId(const QString& id)
{
    static const QRegularExpression pattern = wholeString("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    return pattern.match(id).hasMatch();
}

bool Ledger::isValidUserName(const QString& name)
{
    static const QRegularExpression pattern = wholeString("[A-Za-z0-9._][A-Za-z0-9._@\\\\$-]{0,127}");
    return pattern.match(name).hasMatch();
}

bool Ledger::isValidEventId(const QString& id)
{
    static const QRegularExpression pattern = wholeString("[A-Za-z0-9._:@/+=-]{1,128}");
    return pattern.match(id).hasMatch();
}

Result<std::optional<Role>> Ledger::roleOf(const QString& userName)
{
    QSqlQuery& q = query(QStringLiteral("SELECT role FROM members WHERE user_name = ?"));
    q.bindValue(0, userName);
    if (Status s = Sql::exec(q, QStringLiteral("reading members")); !s)
        return s.failure();
    std::optional<Role> role = q.next() ? roleFromId(q.value(0).toString()) : std::nullopt;
    q.finish();
    return role;
}

Status Ledger::requireMember()
{
    const auto role = roleOf(m_userName);
    if (!role)
        return role.failure();
    if (!role.value())
        return refused(QStringLiteral("%1 is not a member of this database; an Owner or Admin can add them with "
                                      "\"ai-settings members add %1 --role viewer\".")
                           .arg(m_userName));
    return success();
}

Status Ledger::requireAdministrator(const QString& doing)
{
    const auto role = roleOf(m_userName);
    if (!role)
        return role.failure();
    if (!role.value())
        return requireMember();
    if (!canAdminister(*role.value()))
        return refused(QStringLiteral("%1 needs the Owner or Admin role, and %2 is a %3.")
                           .arg(doing, m_userName, roleLabel(*role.value())));
    return success();
}

Status Ledger::administer(const QString& doing, const std::function<Status()>& change)
{
    Sql::WriteTransaction tx(db());
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = requireAdministrator(doing); !s)
        return s;
    if (Status s = change(); !s)
        return s;
    return tx.commit();
}

Status Ledger::audit(const QString& subject, const QString& change)
{
    QSqlQuery& q = query(QStringLiteral("INSERT INTO audit_log (at, actor, subject, change) VALUES (?, ?, ?, ?)"));
    q.bindValue(0, now());
    q.bindValue(1, m_userName);
    q.bindValue(2, subject);
    q.bindValue(3, change);
    return Sql::exec(q, QStringLiteral("writing the audit trail"));
}

Result<LedgerSettings> Ledger::loadSettings()
{
    QSqlQuery& q = query(QStringLiteral("SELECT name, value FROM settings"));
    if (Status s = Sql::exec(q, QStringLiteral("reading settings")); !s)
        return s.failure();
    LedgerSettings settings;
    QString planId;
    while (q.next()) {
        const QString name = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (name == QLatin1String("plan"))
            planId = value;
        else if (name == QLatin1String("anchor_day"))
            settings.anchorDay = value.toInt();
        else if (name == QLatin1String("time_zone"))
            settings.timeZone = value;
        else if (name == QLatin1String("install_id"))
            settings.installId = value;
        else if (name.startsWith(QLatin1String("model.")))
            settings.slotModels.insert(name.mid(6), value);
        else if (name.startsWith(QLatin1String("base_url.")))
            settings.providerBaseUrls.insert(name.mid(9), value);
    }
    q.finish();
    settings.plan = m_catalog.plan(planId);
    if (!settings.plan)
        return unavailable(QStringLiteral("The database names plan %1, which this version does not know.").arg(Text::quoted(planId)));
    for (const Slot& slot : m_catalog.modelSlots()) {
        const QString model = settings.slotModels.value(slot.id);
        if (!m_catalog.model(model))
            settings.slotModels.insert(slot.id, slot.defaultModel); // a model retired from the catalog
    }
    return settings;
}

Result<LedgerSettings> Ledger::settings()
{
    if (Status s = requireMember(); !s)
        return s.failure();
    return loadSettings();
}

Result<const BillingCalendar*> Ledger::calendar(const LedgerSettings& settings)
{
    if (!m_calendar || m_calendar->anchorDay() != settings.anchorDay ||
        m_calendar->zone().id() != settings.timeZone.toUtf8()) {
        const QTimeZone zone(settings.timeZone.toUtf8());
        if (!zone.isValid() || !BillingCalendar::isValidAnchorDay(settings.anchorDay))
            return unavailable(QStringLiteral("The database's billing period (day %1, zone %2) is not valid.")
                                   .arg(settings.anchorDay)
                                   .arg(Text::escaped(settings.timeZone)));
        m_calendar = std::make_unique<BillingCalendar>(settings.anchorDay, zone);
    }
    return m_calendar.get();
}

Status Ledger::setSetting(const QString& name, const QString& value)
{
    QSqlQuery& q = query(QStringLiteral("UPDATE settings SET value = ? WHERE name = ?"));
    q.bindValue(0, value);
    q.bindValue(1, name);
    if (Status s = Sql::exec(q, QStringLiteral("saving settings")); !s)
        return s;
    if (q.numRowsAffected() == 1)
        return success();
    QSqlQuery& insert = query(QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?)"));
    insert.bindValue(0, name);
    insert.bindValue(1, value);
    return Sql::exec(insert, QStringLiteral("saving settings"));
}

Status Ledger::setPlan(const QString& planIdOrName)
{
    const Plan* plan = m_catalog.plan(planIdOrName);
    if (!plan)
        return badInput(QStringLiteral("Unknown plan %1; expected one of %2.").arg(Text::quoted(planIdOrName), m_catalog.planIds()));
    return administer(QStringLiteral("Changing the plan"), [&]() -> Status {
        const auto old = loadSettings();
        if (!old)
            return old.failure();
        if (Status s = setSetting(QStringLiteral("plan"), plan->id); !s)
            return s;
        return audit(QStringLiteral("plan"), QStringLiteral("%1 -> %2").arg(old->plan->id, plan->id));
    });
}

Status Ledger::setSlotModel(const QString& slot, const QString& model, bool force)
{
    return setSlotModels({{slot, model}}, force);
}

Status Ledger::setSlotModels(const QHash<QString, QString>& models, bool force)
{
    for (auto it = models.cbegin(); it != models.cend(); ++it) {
        if (!m_catalog.modelSlot(it.key()))
            return badInput(QStringLiteral("Unknown model slot %1; expected content or analysis.").arg(Text::quoted(it.key())));
        if (!m_catalog.model(it.value()))
            return badInput(QStringLiteral("Unknown model %1; expected one of %2.").arg(Text::quoted(it.value()), m_catalog.modelIds()));
    }
    return administer(QStringLiteral("Changing models"), [&]() -> Status {
        const auto old = loadSettings();
        if (!old)
            return old.failure();
        // In catalog order, so that the audit trail reads the same way every time.
        for (const Slot& slot : m_catalog.modelSlots()) {
            const auto model = models.constFind(slot.id);
            if (model == models.cend())
                continue;
            const Provider* provider = m_catalog.slotProvider(slot.id);
            const auto allowed = modelsAllowedByKey(provider->id);
            if (!allowed)
                return allowed.failure();
            const bool unlisted = allowed.value() && !allowed.value()->contains(*model);
            if (unlisted && !force) {
                Failure f = refused(QStringLiteral("The %1 key in force cannot use %2: it is not in the key's model list.")
                                        .arg(provider->name, m_catalog.model(*model)->name));
                f.needsConfirmation = true; // forcing it is the administrator's call
                return f;
            }
            if (Status s = setSetting(QStringLiteral("model.") + slot.id, *model); !s)
                return s;
            QString change = QStringLiteral("%1 -> %2").arg(old->slotModels.value(slot.id), *model);
            if (unlisted)
                change += QStringLiteral(" (forced: not in the %1 key's model list)").arg(provider->name);
            if (Status s = audit(QStringLiteral("model.") + slot.id, change); !s)
                return s;
        }
        return success();
    });
}

Status Ledger::setBillingCalendar(int anchorDay, const QString& timeZone)
{
    if (!BillingCalendar::isValidAnchorDay(anchorDay))
        return badInput(QStringLiteral("The anchor day must be between 1 and 28, not %1.").arg(anchorDay));
    if (!QTimeZone(timeZone.toUtf8()).isValid())
        return badInput(QStringLiteral("Unknown time zone %1; use an IANA name such as Europe/London.").arg(Text::quoted(timeZone)));
    return administer(QStringLiteral("Changing the billing period"), [&]() -> Status {
        const auto old = loadSettings();
        if (!old)
            return old.failure();
        LedgerSettings updated = old.value();
        updated.anchorDay = anchorDay;
        updated.timeZone = timeZone;
        const auto cal = calendar(updated);
        if (!cal)
            return cal.failure();
        for (const auto& [name, value] : {std::pair{QStringLiteral("anchor_day"), QString::number(anchorDay)},
                                          std::pair{QStringLiteral("time_zone"), timeZone}})
            if (Status s = setSetting(name, value); !s)
                return s;
        // The totals are keyed by period start, so a new calendar means new keys.
        if (Status s = UsageTotals::rebuild(db(), *cal.value()); !s)
            return s;
        return audit(QStringLiteral("billing_period"), QStringLiteral("day %1 %2 -> day %3 %4")
                                                          .arg(old->anchorDay)
                                                          .arg(old->timeZone)
                                                          .arg(anchorDay)
                                                          .arg(timeZone));
    });
}

Result<bool> Ledger::tenantExists(const QString& id)
{
    QSqlQuery& q = query(QStringLiteral("SELECT 1 FROM tenants WHERE id = ?"));
    q.bindValue(0, id);
    if (Status s = Sql::exec(q, QStringLiteral("reading tenants")); !s)
        return s.failure();
    const bool found = q.next();
    q.finish();
    return found;
}

Status Ledger::requireTenant(const QString& id)
{
    const auto exists = tenantExists(id);
    if (!exists)
        return exists.failure();
    if (!exists.value())
        return badInput(QStringLiteral("There is no tenant %1; add it with \"ai-settings tenants add %2\".")
                            .arg(Text::quoted(id), Text::escaped(id)));
    return success();
}

Result<QVector<Tenant>> Ledger::tenants()
{
    if (Status s = requireMember(); !s)
        return s.failure();
    QSqlQuery& q = query(QStringLiteral("SELECT id, name FROM tenants ORDER BY id"));
    if (Status s = Sql::exec(q, QStringLiteral("reading tenants")); !s)
        return s.failure();
    QVector<Tenant> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString()});
    q.finish();
    return list;
}

Status Ledger::checkDisplayName(const QString& name)
{
    if (Text::hasControlCharacters(name))
        return badInput(QStringLiteral("The name %1 holds a control character; use plain text.").arg(Text::quoted(name)));
    if (name.trimmed().size() > Text::maxDisplayNameLength)
        return badInput(QStringLiteral("The name is %1 characters long; use at most %2.")
                            .arg(name.trimmed().size())
                            .arg(Text::maxDisplayNameLength));
    return success();
}

Status Ledger::addTenant(const QString& id, const QString& name)
{
    if (!isValidTenantId(id))
        return badInput(QStringLiteral("Tenant id %1 is not valid; use up to 64 letters, digits, dots, dashes or "
                                       "underscores, starting with a letter or digit.")
                            .arg(Text::quoted(id)));
    if (Status s = checkDisplayName(name); !s)
        return s;
    return administer(QStringLiteral("Adding a tenant"), [&]() -> Status {
        const auto exists = tenantExists(id);
        if (!exists)
            return exists.failure();
        if (exists.value())
            return badInput(QStringLiteral("Tenant %1 already exists.").arg(Text::quoted(id)));
        QSqlQuery& q = query(QStringLiteral("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)"));
        q.bindValue(0, id);
        q.bindValue(1, name.trimmed().isEmpty() ? id : name.trimmed());
        q.bindValue(2, now());
        if (Status s = Sql::exec(q, QStringLiteral("adding a tenant")); !s)
            return s;
        return audit(QStringLiteral("tenant"), QStringLiteral("added %1").arg(id));
    });
}

Status Ledger::removeTenant(const QString& id)
{
    return administer(QStringLiteral("Removing a tenant"), [&]() -> Status {
        if (Status s = requireTenant(id); !s)
            return s;
        // Its usage stays in the ledger: past periods must still add up.
        for (const char* sql : {"DELETE FROM tenants WHERE id = ?", "DELETE FROM key_state WHERE tenant = ?"}) {
            QSqlQuery& q = query(QString::fromLatin1(sql));
            q.bindValue(0, id);
            if (Status s = Sql::exec(q, QStringLiteral("removing a tenant")); !s)
                return s;
        }
        return audit(QStringLiteral("tenant"), QStringLiteral("removed %1").arg(id));
    });
}

Result<QVector<Member>> Ledger::members()
{
    if (Status s = requireMember(); !s)
        return s.failure();
    QSqlQuery& q = query(QStringLiteral("SELECT user_name, role FROM members ORDER BY user_name"));
    if (Status s = Sql::exec(q, QStringLiteral("reading members")); !s)
        return s.failure();
    QVector<Member> list;
    while (q.next())
        list.append({q.value(0).toString(), roleFromId(q.value(1).toString()).value_or(Role::Viewer)});
    q.finish();
    return list;
}

namespace {

Result<int> countOwners(QSqlQuery& q)
{
    if (Status s = Sql::exec(q, QStringLiteral("reading members")); !s)
        return s.failure();
    const int owners = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return owners;
}

} // namespace

Status Ledger::setMember(const QString& userName, Role role)
{
    if (!isValidUserName(userName))
        return badInput(QStringLiteral("%1 is not a valid user name; use up to 128 letters, digits or ._@$- characters.")
                            .arg(Text::quoted(userName)));
    return administer(QStringLiteral("Changing members"), [&]() -> Status {
        const auto mine = roleOf(m_userName);
        const auto theirs = roleOf(userName);
        if (!mine || !theirs)
            return (!mine ? mine : theirs).failure();
        if ((role == Role::Owner || theirs.value() == Role::Owner) && mine.value() != Role::Owner)
            return refused(QStringLiteral("Only an Owner can grant or take away the Owner role."));
        if (theirs.value() == Role::Owner && role != Role::Owner) {
            const auto owners = countOwners(query(QStringLiteral("SELECT COUNT(*) FROM members WHERE role = 'owner'")));
            if (!owners)
                return owners.failure();
            if (owners.value() <= 1)
                return refused(QStringLiteral("%1 is the last Owner; make someone else Owner first.").arg(userName));
        }
        QSqlQuery& q = query(QStringLiteral("INSERT INTO members (user_name, role) VALUES (?, ?) "
                                            "ON CONFLICT (user_name) DO UPDATE SET role = excluded.role"));
        q.bindValue(0, userName);
        q.bindValue(1, roleId(role));
        if (Status s = Sql::exec(q, QStringLiteral("saving a member")); !s)
            return s;
        return audit(QStringLiteral("member"), QStringLiteral("%1 is %2").arg(userName, roleId(role)));
    });
}

Status Ledger::removeMember(const QString& userName)
{
    return administer(QStringLiteral("Changing members"), [&]() -> Status {
        const auto mine = roleOf(m_userName);
        const auto theirs = roleOf(userName);
        if (!mine || !theirs)
            return (!mine ? mine : theirs).failure();
        if (!theirs.value())
            return badInput(QStringLiteral("%1 is not a member.").arg(Text::quoted(userName)));
        if (theirs.value() == Role::Owner) {
            if (mine.value() != Role::Owner)
                return refused(QStringLiteral("Only an Owner can remove an Owner."));
            const auto owners = countOwners(query(QStringLiteral("SELECT COUNT(*) FROM members WHERE role = 'owner'")));
            if (!owners)
                return owners.failure();
            if (owners.value() <= 1)
                return refused(QStringLiteral("%1 is the last Owner; make someone else Owner first.").arg(userName));
        }
        QSqlQuery& q = query(QStringLiteral("DELETE FROM members WHERE user_name = ?"));
        q.bindValue(0, userName);
        if (Status s = Sql::exec(q, QStringLiteral("removing a member")); !s)
            return s;
        return audit(QStringLiteral("member"), QStringLiteral("removed %1").arg(userName));
    });
}

Result<KeyState> Ledger::keyState(const QString& tenant, const QString& provider)
{
    QSqlQuery& q = query(QStringLiteral("SELECT state FROM key_state WHERE tenant = ? AND provider = ?"));
    q.bindValue(0, Sql::text(tenant));
    q.bindValue(1, provider);
    if (Status s = Sql::exec(q, QStringLiteral("reading key states")); !s)
        return s.failure();
    const KeyState state = q.next() ? keyStateFromId(q.value(0).toString()).value_or(KeyState::NotSet) : KeyState::NotSet;
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
    record.message = q.value(5).toString();
    record.models = q.value(6).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!q.value(7).isNull())
        record.retryAt = q.value(7).toLongLong();
    record.holder = q.value(8).toString();
    return record;
}

} // namespace

Result<KeyRecord> Ledger::keyRecord(const QString& tenant, const QString& provider)
{
    if (Status s = requireMember(); !s)
        return s.failure();
    QSqlQuery& q = query(QStringLiteral("SELECT %1 FROM key_state WHERE tenant = ? AND provider = ?")
                             .arg(QLatin1String(keyColumns)));
    q.bindValue(0, Sql::text(tenant));
    q.bindValue(1, provider);
    if (Status s = Sql::exec(q, QStringLiteral("reading key states")); !s)
        return s.failure();
    KeyRecord record{tenant, provider, KeyState::NotSet, {}, std::nullopt, {}, {}, std::nullopt, {}, {}};
    if (q.next())
        record = keyRecordFrom(q);
    q.finish();
    return record;
}

Result<QVector<KeyRecord>> Ledger::storedKeys()
{
    if (Status s = requireMember(); !s)
        return s.failure();
    QSqlQuery& q = query(QStringLiteral("SELECT %1 FROM key_state ORDER BY tenant, provider").arg(QLatin1String(keyColumns)));
    if (Status s = Sql::exec(q, QStringLiteral("reading key states")); !s)
        return s.failure();
    QVector<KeyRecord> keys;
    while (q.next())
        keys.append(keyRecordFrom(q));
    q.finish();
    return keys;
}

Result<KeyStatus> Ledger::keyStatus(const QString& tenant, const QString& provider)
{
    const auto current = settings();
    if (!current)
        return current.failure();
    if (!tenant.isEmpty())
        if (Status s = requireTenant(tenant); !s)
            return s.failure();
    const auto own = keyRecord(tenant, provider);
    const auto install = tenant.isEmpty() ? own : keyRecord(QString(), provider);
    if (!own || !install)
        return (!own ? own : install).failure();
    const auto choice = CreditRules::chooseKey(current->plan->tenantKeys, !tenant.isEmpty(), own->state,
                                               install->state);
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
        status.unused->message = QStringLiteral("Not used: the %1 plan does not allow tenant keys; the key is kept until "
                                                "it is removed or the plan allows tenant keys again.")
                                     .arg(current->plan->name);
    }
    return status;
}

Result<std::optional<QStringList>> Ledger::modelsAllowedByKey(const QString& provider)
{
    const auto status = keyStatus(QString(), provider);
    if (!status)
        return status.failure();
    // A key whose list was never read (checked before lists were kept) restricts nothing until its next check.
    if (!status->inForce() || status->record.state != KeyState::Active || status->record.models.isEmpty())
        return std::optional<QStringList>();
    return std::optional<QStringList>(m_catalog.modelsListed(status->record.models));
}

Status Ledger::mayChangeKey(const QString& tenant, const QString& provider, bool setting)
{
    if (!m_catalog.provider(provider))
        return badInput(QStringLiteral("Unknown provider %1; expected anthropic or openai.").arg(Text::quoted(provider)));
    if (Status s = requireAdministrator(QStringLiteral("Changing API keys")); !s)
        return s;
    if (tenant.isEmpty())
        return success();
    if (Status s = requireTenant(tenant); !s)
        return s;
    const auto current = loadSettings();
    if (!current)
        return current.failure();
    // Removing stays possible after a downgrade: stored tenant keys are kept until someone removes them.
    if (setting && !current->plan->tenantKeys)
        return refused(QStringLiteral("Per-tenant keys need the Professional or Enterprise plan; the install is on %1.")
                           .arg(current->plan->name));
    return success();
}

namespace {

QString keyScope(const QString& tenant)
{
    return tenant.isEmpty() ? QStringLiteral("install") : QStringLiteral("tenant ") + tenant;
}

// " (request req_…)" for the audit trail, when the provider named its request.
QString requestPart(const KeyRecord& r)
{
    return r.requestId.isEmpty() ? QString() : QStringLiteral(" (request %1)").arg(r.requestId);
}

} // namespace

Status Ledger::setKeyRecord(const KeyRecord& r, KeyChange change, const QString& replacedFingerprint)
{
    if (!m_catalog.provider(r.provider))
        return badInput(QStringLiteral("Unknown provider %1; expected anthropic or openai.").arg(Text::quoted(r.provider)));
    if (r.fingerprint.size() > 4 || replacedFingerprint.size() > 4)
        return badInput(QStringLiteral("A key fingerprint is at most its last four characters."));
    if (r.state == KeyState::Unused)
        return badInput(QStringLiteral("\"Unused\" describes a stored key; it is not a check's verdict."));
    return administer(QStringLiteral("Changing API keys"), [&]() -> Status {
        if (!r.tenant.isEmpty())
            if (Status s = requireTenant(r.tenant); !s)
                return s;
        QSqlQuery& del = query(QStringLiteral("DELETE FROM key_state WHERE tenant = ? AND provider = ?"));
        del.bindValue(0, Sql::text(r.tenant));
        del.bindValue(1, r.provider);
        if (Status s = Sql::exec(del, QStringLiteral("saving a key state")); !s)
            return s;
        if (r.state != KeyState::NotSet) {
            QSqlQuery& q = query(QStringLiteral("INSERT INTO key_state (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                     .arg(QLatin1String(keyColumns)));
            const QVariant noTime(QMetaType(QMetaType::LongLong));
            q.bindValue(0, Sql::text(r.tenant));
            q.bindValue(1, r.provider);
            q.bindValue(2, keyStateId(r.state));
            q.bindValue(3, Sql::text(r.fingerprint));
            q.bindValue(4, r.checkedAt ? QVariant(*r.checkedAt) : noTime);
            q.bindValue(5, Sql::text(r.message));
            q.bindValue(6, Sql::text(r.models.join(QLatin1Char(' '))));
            q.bindValue(7, r.retryAt ? QVariant(*r.retryAt) : noTime);
            q.bindValue(8, Sql::text(r.holder));
            if (Status s = Sql::exec(q, QStringLiteral("saving a key state")); !s)
                return s;
        }
        QString line;
        switch (change) {
        case KeyChange::Set: line = QStringLiteral("set %1 key").arg(keyScope(r.tenant)); break;
        case KeyChange::Replaced:
            line = QStringLiteral("replaced %1 key \u2026%2 \u2192").arg(keyScope(r.tenant), replacedFingerprint);
            break;
        case KeyChange::Checked: line = QStringLiteral("checked %1 key").arg(keyScope(r.tenant)); break;
        case KeyChange::Removed: line = QStringLiteral("removed %1 key").arg(keyScope(r.tenant)); break;
        }
        if (!r.fingerprint.isEmpty())
            line += QStringLiteral(" \u2026") + r.fingerprint;
        if (change != KeyChange::Removed)
            line += QStringLiteral(": ") + keyStateId(r.state) + requestPart(r);
        return audit(QStringLiteral("key.") + r.provider, line);
    });
}

Status Ledger::auditKeptKey(const KeyRecord& candidate, const QString& keptFingerprint)
{
    return administer(QStringLiteral("Changing API keys"), [&]() -> Status {
        return audit(QStringLiteral("key.") + candidate.provider,
                     QStringLiteral("kept %1 key \u2026%2; new key \u2026%3 not stored: %4%5")
                         .arg(keyScope(candidate.tenant), keptFingerprint, candidate.fingerprint,
                              keyStateId(candidate.state), requestPart(candidate)));
    });
}

Status Ledger::setProviderBaseUrl(const QString& provider, const QString& url)
{
    if (!m_catalog.provider(provider))
        return badInput(QStringLiteral("Unknown provider %1; expected anthropic or openai.").arg(Text::quoted(provider)));
    const QUrl parsed(url, QUrl::StrictMode);
    if (!url.isEmpty() && (!parsed.isValid() || !QStringList{"http", "https"}.contains(parsed.scheme()) ||
                           parsed.host().isEmpty() || !parsed.userInfo().isEmpty()))
        return badInput(QStringLiteral("%1 is not an http or https address.").arg(Text::quoted(url)));
    return administer(QStringLiteral("Changing provider addresses"), [&]() -> Status {
        const QString name = QStringLiteral("base_url.") + provider;
        if (url.isEmpty()) {
            QSqlQuery& q = query(QStringLiteral("DELETE FROM settings WHERE name = ?"));
            q.bindValue(0, name);
            if (Status s = Sql::exec(q, QStringLiteral("saving a provider address")); !s)
                return s;
        } else if (Status s = setSetting(name, url); !s) {
            return s;
        }
        return audit(name, url.isEmpty() ? QStringLiteral("default") : url);
    });
}
