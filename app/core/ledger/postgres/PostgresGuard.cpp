#include "ledger/postgres/PostgresGuard.h"

#include "ledger/Database.h"
#include "ledger/DatabaseAddress.h"
#include "ledger/Schema.h"
#include "ledger/SqlSupport.h"
#include "support/Text.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDriver>

#include <utility>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(PostgresGuard)
};

// Role names are at most 63 bytes on PostgreSQL; the longest suffix is 9.
constexpr int maxDatabaseName = 63 - 9;

QString quoted(const QSqlDatabase& db, const QString& name)
{
    return db.driver()->escapeIdentifier(name, QSqlDriver::FieldName);
}

Status exec(const QSqlDatabase& db, const QString& sql)
{
    return Sql::execText(db, sql, Words::tr("creating the shared ledger"));
}

Result<bool> answers(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec())
        return Sql::storageFailure(q.lastError(), Words::tr("reading the server's roles"));
    return q.next() && q.value(0).toBool();
}

Status createRoles(const QSqlDatabase& db, const PostgresGuard::RoleNames& names)
{
    for (const QString& role : {names.ledger, names.owner, names.admin, names.recorder, names.viewer}) {
        const auto exists = PostgresGuard::roleExists(db, role);
        if (!exists)
            return exists.failure();
        // Left over from an earlier ledger of the same name: taken back to what a group role may do.
        const QString sql =
            exists.value() ? QStringLiteral("ALTER ROLE %1 NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS")
                           : QStringLiteral("CREATE ROLE %1 NOLOGIN");
        if (Status s = exec(db, sql.arg(quoted(db, role))); !s)
            return s;
    }
    return success();
}

// The rules' numbers, from the program's catalog (the one source), for the functions that check what members
// record.
Status writeCatalog(const QSqlDatabase& db, const Catalog& catalog)
{
    for (const char* sql : {"CREATE TABLE catalog_actions (id TEXT PRIMARY KEY, base_credits INTEGER NOT NULL, "
                            "has_slot BOOLEAN NOT NULL, "
                            "provider TEXT NOT NULL)",
                            "CREATE TABLE catalog_models (id TEXT PRIMARY KEY, multiplier INTEGER NOT NULL)",
                            "CREATE TABLE catalog_plans (id TEXT PRIMARY KEY, monthly_credits BIGINT NOT NULL, "
                            "tenant_keys BOOLEAN NOT NULL)",
                            "CREATE TABLE catalog_rate (window_ms BIGINT NOT NULL, on_credits INTEGER NOT NULL, "
                            "on_byok INTEGER NOT NULL)"})
        if (Status s = exec(db, QString::fromLatin1(sql)); !s)
            return s;
    const auto insert = [&](const QString& sql, const QVariantList& values) {
        QSqlQuery q(db);
        q.prepare(sql);
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values[i]);
        return Sql::exec(q, Words::tr("creating the shared ledger"));
    };
    for (const Action& a : catalog.actions())
        if (Status s = insert(QStringLiteral("INSERT INTO catalog_actions VALUES (?, ?, ?, ?)"),
                              {a.id, a.baseCredits, !a.slot.isEmpty(), a.provider});
            !s)
            return s;
    for (const Model& m : catalog.models())
        if (Status s = insert(QStringLiteral("INSERT INTO catalog_models VALUES (?, ?)"), {m.id, m.multiplier}); !s)
            return s;
    for (const Plan& p : catalog.plans())
        if (Status s = insert(QStringLiteral("INSERT INTO catalog_plans VALUES (?, ?, ?)"),
                              {p.id, p.monthlyCredits, p.tenantKeys});
            !s)
            return s;
    const RateLimitRule& rate = catalog.rateLimit();
    return insert(QStringLiteral("INSERT INTO catalog_rate VALUES (?, ?, ?)"),
                  {qint64(rate.windowMinutes) * 60000, rate.onCredits, rate.onByok});
}

} // namespace

namespace PostgresGuard {

QString RoleNames::group(const QString& role) const
{
    if (role == QLatin1String("owner"))
        return owner;
    if (role == QLatin1String("admin"))
        return admin;
    if (role == QLatin1String("recorder"))
        return recorder;
    return viewer;
}

RoleNames roleNamesFor(const QString& database)
{
    return {database + QStringLiteral("_ledger"), database + QStringLiteral("_owner"),
            database + QStringLiteral("_admin"), database + QStringLiteral("_recorder"),
            database + QStringLiteral("_viewer")};
}

namespace {

// One of the ledger's SQL resources, its placeholders replaced by the quoted role names, run as it stands.
Status runWall(const QSqlDatabase& db, const RoleNames& names, const QString& part)
{
    QFile file(QStringLiteral(":/ai-settings/sql/") + part);
    if (!file.open(QIODevice::ReadOnly))
        return unavailable(
            Words::tr("The program's PostgreSQL functions are missing from its resources; reinstall it."));
    QString sql = QString::fromUtf8(file.readAll());
    sql.replace(QLatin1String("@ledger@"), quoted(db, names.ledger))
        .replace(QLatin1String("@owner@"), quoted(db, names.owner))
        .replace(QLatin1String("@admin@"), quoted(db, names.admin))
        .replace(QLatin1String("@recorder@"), quoted(db, names.recorder))
        .replace(QLatin1String("@viewer@"), quoted(db, names.viewer));
    return exec(db, sql);
}

// db init on a database that holds a guarded ledger already: one of an older schema version gets this version's
// functions in place of its own (its tables, roles and members stay), one of this version is left as it is.
Result<InitOutcome> upgrade(const QSqlDatabase& db, const QString& database)
{
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("SELECT version FROM ai_settings.schema_version")) || !version.next())
        return Sql::storageFailure(version.lastError(), Words::tr("reading the schema version"));
    const int from = version.value(0).toInt();
    version.finish();
    if (from >= Schema::currentVersion)
        return refused(Words::tr("The database %1 already holds a shared ledger; nothing was changed.")
                           .arg(Text::quoted(database, 80)));
    // The names the ledger was made with, whatever the database is called now.
    RoleNames names;
    QSqlQuery rows(db);
    if (!rows.exec(QStringLiteral("SELECT role, pg_role FROM ai_settings.ledger_roles")))
        return Sql::storageFailure(rows.lastError(), Words::tr("reading the ledger's roles"));
    while (rows.next()) {
        const QString role = rows.value(0).toString();
        for (auto [id, name] : {std::pair{"ledger", &names.ledger},
                                {"owner", &names.owner},
                                {"admin", &names.admin},
                                {"recorder", &names.recorder},
                                {"viewer", &names.viewer}})
            if (role == QLatin1String(id))
                *name = rows.value(1).toString();
    }
    rows.finish();
    if (names.ledger.isEmpty())
        return unavailable(Words::tr("The ledger's roles are not recorded (ai_settings.ledger_roles is empty)."));
    for (const QString& sql : {QStringLiteral("SET LOCAL ROLE %1").arg(quoted(db, names.ledger)),
                               QStringLiteral("SET LOCAL search_path = ai_settings, pg_catalog, pg_temp")})
        if (Status s = exec(db, sql); !s)
            return s.failure();
    if (from < 12)
        if (Status s = exec(db, QString::fromLatin1(Schema::createCalendarChanges)); !s)
            return s.failure();
    if (from < 13)
        if (Status s = exec(db, QString::fromLatin1(Schema::createUsageKeys)); !s)
            return s.failure();
    if (from < 14)
        for (const char* sql : Schema::createProviderReports)
            if (Status s = exec(db, QString::fromLatin1(sql)); !s)
                return s.failure();
    if (Status s = runWall(db, names, QStringLiteral("postgres-functions.sql")); !s)
        return s.failure();
    if (from < 11)
        if (Status s = Schema::storeVerdictsAsFacts(db); !s)
            return s.failure();
    if (Status s =
            exec(db, QStringLiteral("UPDATE ai_settings.schema_version SET version = %1").arg(Schema::currentVersion));
        !s)
        return s.failure();
    return InitOutcome{from};
}

} // namespace

Result<InitOutcome> init(const QSqlDatabase& db, const Catalog& catalog, const QString& owner)
{
    QSqlQuery who(db);
    if (!who.exec(QStringLiteral(
            "SELECT current_database(), rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")) ||
        !who.next())
        return Sql::storageFailure(who.lastError(), Words::tr("asking the server who is connected"));
    const QString database = who.value(0).toString();
    const bool superuser = who.value(1).toBool();
    who.finish();
    if (!superuser)
        return refused(Words::tr("Creating a shared ledger needs a superuser of the server, who creates its roles; "
                                 "connect as one (for example postgres) for db init."));
    if (database.toUtf8().size() > maxDatabaseName)
        return badInput(
            Words::tr(
                "The database name %1 is too long to name the ledger's roles after it; use at most %2 characters.")
                .arg(Text::quoted(database, 80))
                .arg(maxDatabaseName));
    const auto ownerExists =
        answers(db, QStringLiteral("SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = ?"), {owner});
    if (!ownerExists)
        return ownerExists.failure();
    if (!ownerExists.value())
        return badInput(Words::tr("There is no login role %1 on the server to make the ledger's Owner; create it first "
                                  "(createuser %1).")
                            .arg(Text::escaped(owner, 64)));

    Sql::WriteTransaction tx(db, Sql::WriteTransaction::Lock::Schema);
    if (Status s = tx.begin(); !s)
        return s.failure();
    const auto hasLedger =
        answers(db, QStringLiteral("SELECT true FROM pg_catalog.pg_namespace WHERE nspname = 'ai_settings'"));
    const auto hasOldLedger =
        answers(db, QStringLiteral("SELECT pg_catalog.to_regclass('public.schema_version') IS NOT NULL"));
    if (!hasLedger || !hasOldLedger)
        return (!hasLedger ? hasLedger : hasOldLedger).failure();
    if (hasLedger.value()) {
        auto upgraded = upgrade(db, database);
        if (upgraded)
            if (Status s = tx.commit(); !s)
                return s.failure();
        return upgraded;
    }
    if (hasOldLedger.value())
        return refused(
            Words::tr("The database %1 holds a ledger of an older AI Settings in the schema public, which every "
                      "role may write; copy it to a new database with db copy instead.")
                .arg(Text::quoted(database, 80)));

    const RoleNames names = roleNamesFor(database);
    if (Status s = createRoles(db, names); !s)
        return s.failure();
    const QString ledger = quoted(db, names.ledger);
    const QStringList groups{quoted(db, names.owner), quoted(db, names.admin), quoted(db, names.recorder),
                             quoted(db, names.viewer)};
    for (const QString& sql :
         {QStringLiteral("CREATE SCHEMA ai_settings AUTHORIZATION %1").arg(ledger),
          // The owning role grants the group roles to members, through put_member.
          QStringLiteral("GRANT %1 TO %2 WITH ADMIN OPTION").arg(groups.join(QStringLiteral(", ")), ledger),
          // Whatever this database allowed before: nobody but its owner creates in public.
          QStringLiteral("REVOKE CREATE ON SCHEMA public FROM PUBLIC"), QStringLiteral("SET LOCAL ROLE %1").arg(ledger),
          // Creating: unqualified names land in the ledger's schema.
          QStringLiteral("SET LOCAL search_path = ai_settings, pg_catalog, pg_temp"),
          QStringLiteral(
              "CREATE TABLE ledger_roles (role TEXT PRIMARY KEY, pg_role TEXT NOT NULL, rank INTEGER NOT NULL)")})
        if (Status s = exec(db, sql); !s)
            return s.failure();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO ledger_roles (role, pg_role, rank) VALUES (?, ?, ?)"));
    int rank = 0;
    for (const auto& [role, name] : {QPair<QString, QString>{QStringLiteral("owner"), names.owner},
                                     {QStringLiteral("admin"), names.admin},
                                     {QStringLiteral("recorder"), names.recorder},
                                     {QStringLiteral("viewer"), names.viewer},
                                     {QStringLiteral("ledger"), names.ledger}}) {
        insert.bindValue(0, role);
        insert.bindValue(1, name);
        insert.bindValue(2, rank++);
        if (Status s = Sql::exec(insert, Words::tr("creating the shared ledger")); !s)
            return s.failure();
    }
    if (Status s = Schema::upgrade(db, catalog, owner, 0, Schema::currentVersion); !s)
        return s.failure();
    if (Status s = writeCatalog(db, catalog); !s)
        return s.failure();
    for (const char* part : {"postgres-guard.sql", "postgres-functions.sql"})
        if (Status s = runWall(db, names, QLatin1String(part)); !s)
            return s.failure();
    if (Status s = exec(db, QStringLiteral("GRANT %1 TO %2").arg(groups[0], quoted(db, owner))); !s)
        return s.failure();
    if (Status s = tx.commit(); !s)
        return s.failure();
    return InitOutcome{0};
}

Result<bool> roleExists(const QSqlDatabase& db, const QString& name)
{
    return answers(db, QStringLiteral("SELECT true FROM pg_catalog.pg_roles WHERE rolname = ?"), {name});
}

Result<QString> ledgerRole(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT pg_role FROM ai_settings.ledger_roles WHERE role = 'ledger'")))
        return Sql::storageFailure(q.lastError(), Words::tr("reading the ledger's roles"));
    if (!q.next())
        return unavailable(Words::tr("The ledger's roles are not recorded (ai_settings.ledger_roles is empty)."));
    return q.value(0).toString();
}

Result<QStringList> check(const QSqlDatabase& db)
{
    // Each query answers one sentence per row; the catalogs it reads are readable by every role.
    const QList<QPair<const char*, const char*>> checks = {
        {"SELECT r.pg_role FROM ai_settings.ledger_roles r WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles p WHERE "
         "p.rolname = r.pg_role)",
         QT_TRANSLATE_NOOP("PostgresGuard", "The role %1 is missing; members of it lost their access.")},
        {"SELECT p.rolname FROM pg_catalog.pg_roles p JOIN ai_settings.ledger_roles r ON r.pg_role = p.rolname "
         "WHERE r.role = 'ledger' AND (p.rolcanlogin OR p.rolsuper)",
         QT_TRANSLATE_NOOP("PostgresGuard", "The ledger's owning role %1 can log in; nobody should act as it.")},
        {"SELECT n.nspowner::regrole::text FROM pg_catalog.pg_namespace n JOIN ai_settings.ledger_roles r ON r.role = "
         "'ledger' "
         "WHERE n.nspname = 'ai_settings' AND n.nspowner::regrole::text <> r.pg_role",
         QT_TRANSLATE_NOOP("PostgresGuard",
                           "The schema ai_settings belongs to %1 instead of the ledger's owning role.")},
        {"SELECT DISTINCT c.relname || ' (' || COALESCE(NULLIF(a.grantee::regrole::text, '-'), 'PUBLIC') || ')' "
         "FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a "
         "WHERE c.relnamespace = 'ai_settings'::regnamespace AND a.grantee <> c.relowner AND a.privilege_type <> "
         "'SELECT'",
         QT_TRANSLATE_NOOP("PostgresGuard",
                           "A role may change the table %1 directly instead of through the ledger's functions.")},
        {"SELECT c.relname || ' (' || c.relowner::regrole::text || ')' FROM pg_catalog.pg_class c JOIN "
         "ai_settings.ledger_roles r "
         "ON r.role = 'ledger' WHERE c.relnamespace = 'ai_settings'::regnamespace AND c.relowner::regrole::text <> "
         "r.pg_role",
         QT_TRANSLATE_NOOP("PostgresGuard", "The table %1 belongs to another role than the ledger's.")},
        {"SELECT COALESCE(NULLIF(a.grantee::regrole::text, '-'), 'PUBLIC') || ' in ' || n.nspname "
         "FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a "
         "WHERE n.nspname IN ('public', 'ai_settings') AND a.privilege_type = 'CREATE' AND a.grantee <> n.nspowner",
         QT_TRANSLATE_NOOP("PostgresGuard", "A role may create objects on the program's path: %1.")},
        {"SELECT m.user_name FROM ai_settings.members m JOIN pg_catalog.pg_roles p ON p.rolname = m.user_name WHERE "
         "p.rolsuper",
         QT_TRANSLATE_NOOP("PostgresGuard", "The member %1 is a superuser, whom the server's privileges do not bind.")},
        {"SELECT u.rolname || ' (' || g.rolname || ')' FROM pg_catalog.pg_auth_members am "
         "JOIN pg_catalog.pg_roles g ON g.oid = am.roleid JOIN pg_catalog.pg_roles u ON u.oid = am.member "
         "JOIN ai_settings.ledger_roles r ON r.pg_role = g.rolname "
         "WHERE am.admin_option AND u.rolname <> (SELECT pg_role FROM ai_settings.ledger_roles WHERE role = 'ledger')",
         QT_TRANSLATE_NOOP("PostgresGuard", "The role %1 may grant a ledger role to anyone.")},
        {"SELECT m.user_name FROM ai_settings.members m JOIN ai_settings.ledger_roles r ON r.role = 'ledger' "
         "WHERE pg_catalog.pg_has_role(m.user_name, r.pg_role, 'MEMBER')",
         QT_TRANSLATE_NOOP("PostgresGuard", "The member %1 may act as the ledger's owning role.")},
        {"SELECT p.proname FROM pg_catalog.pg_proc p WHERE p.pronamespace = 'ai_settings'::regnamespace "
         "AND p.prosecdef AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE "
         "'search\\_path=pg\\_catalog%')",
         QT_TRANSLATE_NOOP("PostgresGuard",
                           "The function %1 runs as the ledger's role without fixing its search_path.")},
        {"SELECT 'audit_log' WHERE (SELECT count(*) FROM pg_catalog.pg_trigger t WHERE t.tgrelid = "
         "'ai_settings.audit_log'::regclass "
         "AND t.tgname IN ('audit_log_append_only', 'audit_log_no_truncate') AND t.tgenabled <> 'D') < 2",
         QT_TRANSLATE_NOOP("PostgresGuard",
                           "The audit trail (%1) can be changed: its append-only triggers are missing or disabled.")},
    };
    QStringList problems;
    for (const auto& [sql, sentence] : checks) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(sql)))
            return Sql::storageFailure(q.lastError(), Words::tr("checking the ledger's privileges"));
        while (q.next())
            problems << QCoreApplication::translate("PostgresGuard", sentence)
                            .arg(Text::escaped(q.value(0).toString(), 200));
    }
    return problems;
}

namespace {

// Runs `work` on a connection of its own to the PostgreSQL ledger at `location`.
template <typename Work> auto onConnection(const QString& location, Work work) -> decltype(work(QSqlDatabase()))
{
    const auto address = DatabaseAddress::parse(location);
    if (!address)
        return address.failure();
    if (!address->postgres)
        return badInput(Words::tr("Only a shared ledger on PostgreSQL has roles of the server to create or check; "
                                  "%1 is an SQLite file.")
                            .arg(Text::quoted(location, 200)));
    static QAtomicInt counter;
    const QString name = QStringLiteral("ai-settings-guard-%1").arg(counter.fetchAndAddRelaxed(1));
    auto result = [&]() -> decltype(work(QSqlDatabase())) {
        const auto connected = Database::connect(address.value(), name, Sql::writeWaitMs);
        if (!connected)
            return connected.failure();
        return work(connected.value());
    }();
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

Result<InitOutcome> initAt(const QString& location, const Catalog& catalog, const QString& owner)
{
    return onConnection(location, [&](const QSqlDatabase& db) { return init(db, catalog, owner); });
}

Result<QStringList> checkAt(const QString& location)
{
    return onConnection(location, [&](const QSqlDatabase& db) -> Result<QStringList> {
        const auto version = Schema::version(db);
        if (!version)
            return version.failure();
        if (version.value() != Schema::currentVersion)
            return Schema::notAnOpenableSharedLedger(db, version.value(), location);
        return check(db);
    });
}

} // namespace PostgresGuard
