// The attack suite: a Viewer, a Recorder, a role that is no member and the Owner herself, each with psql's powers
// on a shared ledger set up by the README's recipe, try to rewrite the books. Every attempt fails, and the
// reports still equal the events.
#include "CliFixture.h"

#include "support/IsoTime.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

class TestLedgerGuard : public CliFixture
{
    Q_OBJECT

    QString m_suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
    QString m_database = QStringLiteral("guard_") + m_suffix;

    QString role(const char* name) const { return QLatin1String(name) + QLatin1Char('_') + m_suffix; }
    QString as(const QString& role) const
    {
        return QStringLiteral("postgresql:///%1?host=%2&user=%3").arg(m_database, TestBackend::clusterHost(), role);
    }
    // A connection as psql makes it: the server's default search_path, nothing of the program's.
    QSqlDatabase connectAs(const QString& role) const { return TestBackend::connectAs(m_database, role, role); }
    // The first value of each statement, read by the superuser with the program's path.
    QStringList superuserValues(const QStringList& statements)
    {
        QStringList values;
        {
            QSqlDatabase db =
                TestBackend::raw(as(qEnvironmentVariable("AI_SETTINGS_TEST_PG_USER")), QStringLiteral("books"));
            for (const QString& sql : statements) {
                QSqlQuery q(db);
                if (!q.exec(sql) || !q.next())
                    qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
                values << q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("books"));
        return values;
    }
    qint64 superuserNumber(const QString& sql) { return superuserValues({sql}).first().toLongLong(); }
    // What the books say: events, totals, audit lines, plan and calendar, members.
    QString books()
    {
        // A ledger of an older version has no calendar history: it has none to say.
        const bool dated =
            superuserValues({QStringLiteral("SELECT to_regclass('calendar_changes') IS NOT NULL")}).first() ==
            QLatin1String("true");
        return superuserValues(
                   {QStringLiteral("SELECT string_agg(id || ':' || credits || ':' || recorded_by, ',' ORDER BY id) "
                                   "FROM usage_events"),
                    QStringLiteral(
                        "SELECT string_agg(period_start || ':' || tenant || ':' || action || ':' || credits, ',' "
                        "ORDER BY period_start, tenant, action) FROM usage_totals"),
                    QStringLiteral("SELECT count(*) || ':' || COALESCE(max(at), 0) FROM audit_log"),
                    QStringLiteral(
                        "SELECT string_agg(name || ':' || value, ',' ORDER BY name) FROM settings WHERE name "
                        "IN ('plan', 'anchor_day', 'time_zone')"),
                    dated ? QStringLiteral("SELECT count(*) FROM calendar_changes") : QStringLiteral("SELECT 0"),
                    QStringLiteral("SELECT string_agg(user_name || ':' || role, ',' ORDER BY user_name) FROM members")})
            .join(QLatin1Char('|'));
    }

private slots:
    void initTestCase()
    {
        if (!TestBackend::postgres())
            QSKIP("the server's privileges are PostgreSQL's");
        // The server judges a Recorder's events by its own clock, which is the kernel's: so do the programs here.
        m_onKernelTime = true;
        startClockAt(TestSupport::kernelNow());
        for (const char* name : {"alice", "vera", "rita", "mallory"})
            TestBackend::admin(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role(name)));
        TestBackend::admin(QStringLiteral("CREATE DATABASE %1").arg(m_database));
        const auto made = cli({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--owner"), role("alice")},
                              as(qEnvironmentVariable("AI_SETTINGS_TEST_PG_USER")));
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QString alice = as(role("alice"));
        for (const QStringList& step :
             {QStringList{"tenants", "add", "acme"}, QStringList{"members", "add", role("vera"), "--role", "viewer"},
              QStringList{"members", "add", role("rita"), "--role", "recorder"},
              QStringList{"record", "--action", "trigger"},
              QStringList{"record", "--action", "content", "--tenant", "acme"}}) {
            const auto r = cli(step, alice);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const auto recorded =
            cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("theme")}, as(role("rita")));
        QVERIFY2(recorded.exitCode == 0, recorded.err.constData());
        QVERIFY(recorded.out.contains("Recorded Theme generation"));
        // A Recorder records and reads nothing else.
        const auto report = cli({QStringLiteral("report")}, as(role("rita")));
        QCOMPARE(report.exitCode, 1);
        QVERIFY2(report.err.contains("is a Recorder, who may record usage and nothing else"), report.err.constData());
    }

    void everyAttemptFails_data()
    {
        QTest::addColumn<QString>("attacker");
        QTest::addColumn<QString>("statement");
        const QString at = QString::number(now());
        const QString owner = m_database + QStringLiteral("_owner");
        const QStringList statements = {
            "UPDATE ai_settings.settings SET value = 'enterprise' WHERE name = 'plan'",
            "SELECT ai_settings.put_setting('plan', 'enterprise')",
            "SELECT ai_settings.record_plan_change(0, 'essentials', 'enterprise')",
            "INSERT INTO ai_settings.usage_events VALUES ('forged', " + at +
                ", '', 'trigger', 'claude-sonnet-4-6', 'credits', 1500, 'alice')",
            "SELECT ai_settings.record_event('forged', " + at +
                ", '', 'trigger', 'claude-sonnet-4-6', 'credits', 1500, 'alice')",
            "SELECT ai_settings.record_event('free', " + at +
                ", '', 'trigger', 'claude-sonnet-4-6', 'credits', 0, 'alice')",
            "SELECT ai_settings.record_event('ghost', " + at +
                ", 'ghost', 'trigger', 'claude-sonnet-4-6', 'credits', 20, 'alice')",
            "SELECT ai_settings.record_event('keyless', " + at +
                ", '', 'trigger', 'claude-sonnet-4-6', 'byok', 0, 'alice')",
            "UPDATE ai_settings.usage_events SET credits = 0",
            "DELETE FROM ai_settings.usage_events",
            "UPDATE ai_settings.usage_totals SET credits = 0",
            "SELECT ai_settings.set_calendar(15, 'UTC', '[]')",
            "SELECT ai_settings.put_member(current_user, 'owner')",
            "SELECT ai_settings.remove_member('" + role("alice") + "')",
            "GRANT " + owner + " TO CURRENT_USER",
            "DELETE FROM ai_settings.audit_log",
            "UPDATE ai_settings.audit_log SET actor = 'nobody'",
            "TRUNCATE ai_settings.audit_log",
            "SELECT ai_settings.append_audit(0, 'alice', 'plan', 'enterprise -> essentials')",
            "SELECT ai_settings.prepare_import()",
            "SELECT ai_settings.staged_duplicates()",
            "SELECT ai_settings.import_staged()",
            "SELECT ai_settings.import_totals()",
            "SELECT ai_settings.add_summed_to_totals()",
            "SELECT ai_settings.count_per_day('ai_settings.usage_events'::regclass)",
            "SELECT ai_settings.put_key_state('', 'anthropic', 'active', 'abcd', 0, '', '', NULL, '')",
            // A usage key can manage the provider organisation: the Owner sets it, through the function alone.
            "SELECT ai_settings.put_usage_key('anthropic', 'active', 'abcd', 0, '', NULL, '')",
            "INSERT INTO ai_settings.usage_keys VALUES ('anthropic', 'active', 'abcd', 0, '', NULL, '')",
            // The providers' reports are an Owner's or Admin's sync, through the function alone.
            "SELECT ai_settings.put_provider_report('anthropic', '2026-11-01', '2026-11-02', 0, '[]', '[]', '[]', "
            "'[]')",
            "INSERT INTO ai_settings.provider_usage VALUES ('anthropic', '2026-11-01', 'k', 'm', 1, 0, 0, 0, 0, 0, "
            "NULL)",
            "DELETE FROM ai_settings.spend_findings",
            "DELETE FROM ai_settings.ledger_lock",
            // A batch is held to the same checks, and one forged event refuses the whole of it: the honest
            // event before it is not recorded either.
            "SELECT ai_settings.record_events('[{\"id\": \"honest\", \"occurred_at\": " + at +
                ", \"tenant\": \"\", \"action\": \"theme\", \"model\": \"claude-sonnet-4-6\", "
                "\"billing\": \"credits\", \"credits\": 1}, {\"id\": \"forged\", \"occurred_at\": " +
                at +
                ", \"tenant\": \"\", \"action\": \"trigger\", \"model\": \"claude-sonnet-4-6\", "
                "\"billing\": \"credits\", \"credits\": 1500}]')",
            "CREATE FUNCTION public.pg_advisory_xact_lock(integer) RETURNS void LANGUAGE sql AS 'SELECT'",
            "CREATE FUNCTION ai_settings.take_write_lock(integer) RETURNS boolean LANGUAGE sql AS 'SELECT true'",
            "CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = pg_catalog.texteq)",
            "CREATE SCHEMA mine",
            "ALTER FUNCTION ai_settings.record_event(text, bigint, text, text, text, text, integer, text) SECURITY "
            "INVOKER",
            "ALTER TABLE ai_settings.audit_log DISABLE TRIGGER audit_log_append_only",
            // The windows' change notifications are the ledger's: nobody calls, drops or silences them.
            "SELECT ai_settings.notify_change()",
            "DROP TRIGGER notify_change ON ai_settings.usage_events",
            "ALTER TABLE ai_settings.settings DISABLE TRIGGER notify_change",
            "CREATE OR REPLACE FUNCTION ai_settings.notify_change() RETURNS trigger LANGUAGE plpgsql AS "
            "'BEGIN RETURN NULL; END'",
            // The billing calendar's history moves no recorded usage: not written around set_calendar, not set
            // directly, not redrawn under what is recorded.
            "INSERT INTO ai_settings.calendar_changes VALUES (1, 0, 1, 'UTC', 15, 'UTC')",
            "SELECT ai_settings.put_setting('anchor_day', '15')",
            "SELECT ai_settings.put_setting('time_zone', 'Asia/Tokyo')",
            "SELECT ai_settings.set_calendar(1, 'UTC', '[{\"at\": \"0\", \"anchor\": 15, \"zone\": \"UTC\"}]')",
        };
        for (const char* attacker : {"vera", "rita", "mallory"})
            for (const QString& statement : statements)
                QTest::addRow("%s: %s", attacker, qPrintable(statement.left(60))) << role(attacker) << statement;
        // A Recorder records usage as it happens, by the server's clock: not three hours back (past the rate limit's
        // hour), not forty days back (a closed period's pool), not an hour ahead.
        for (const qint64 shift : {-3 * 3600000LL, -40 * 86400000LL, 3600000LL})
            QTest::addRow("rita: record at %+lld ms", shift)
                << role("rita")
                << QStringLiteral(
                       "SELECT ai_settings.record_event('dated', (extract(epoch FROM clock_timestamp()) * 1000)"
                       "::bigint + %1, '', 'theme', 'claude-sonnet-4-6', 'credits', 1, '%2')")
                       .arg(shift)
                       .arg(role("rita"));
        // Holding the write lock is a writer's: a Viewer and a stranger cannot take it.
        for (const char* attacker : {"vera", "mallory"})
            QTest::addRow("%s: hold the write lock", attacker)
                << role(attacker) << QStringLiteral("SELECT ai_settings.take_write_lock()");
        // The Owner herself cannot rewrite the trail or the events behind the functions' back.
        for (const QString& statement :
             {statements[3], statements[8], statements[9], statements[15], statements[16], statements[17],
              QStringLiteral("SELECT ai_settings.set_calendar(15, 'UTC', '[]')"), statements.at(statements.size() - 4),
              statements.at(statements.size() - 3), statements.at(statements.size() - 2),
              statements.at(statements.size() - 1)})
            QTest::addRow("alice: %s", qPrintable(statement.left(60))) << role("alice") << statement;
        QTest::addRow("alice: write the providers' usage directly")
            << role("alice")
            << QStringLiteral("INSERT INTO ai_settings.provider_costs VALUES ('openai', '2026-11-01', 'k', 'm', "
                              "'input', 'USD', 1)");
        QTest::addRow("alice: tell no finding")
            << role("alice")
            << QStringLiteral("INSERT INTO ai_settings.spend_findings VALUES ('openai', '2026-11-01', "
                              "'', 'outside_use')");
        QTest::addRow("alice: write a usage key directly")
            << role("alice")
            << QStringLiteral(
                   "INSERT INTO ai_settings.usage_keys VALUES ('openai', 'active', 'abcd', 0, '', NULL, '')");
    }

    void everyAttemptFails()
    {
        QFETCH(QString, attacker);
        QFETCH(QString, statement);
        const QString before = books();
        {
            QSqlDatabase db = connectAs(attacker);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            const bool done = q.exec(statement);
            QVERIFY2(!done, qPrintable(attacker + QStringLiteral(" was allowed: ") + statement));
            q.exec(QStringLiteral("ROLLBACK"));
        }
        QSqlDatabase::removeDatabase(attacker);
        QCOMPARE(books(), before);
    }

    // A superuser who left CREATE on public to everyone: db check says so, and what a member plants there under
    // the names the program calls never runs in its place.
    void plantedFunctionsDoNotRunAndTheCheckSaysWhy()
    {
        TestBackend::admin(QStringLiteral("GRANT CREATE ON SCHEMA public TO PUBLIC"), m_database);
        const auto check = cli({QStringLiteral("db"), QStringLiteral("check")}, as(role("alice")));
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains("A role may create objects on the program's path: PUBLIC in public."),
                 check.out.constData());
        {
            QSqlDatabase db = connectAs(role("vera"));
            QSqlQuery q(db);
            for (const char* sql :
                 {"CREATE FUNCTION public.pg_advisory_xact_lock(bigint) RETURNS void LANGUAGE plpgsql AS "
                  "$$ BEGIN RAISE EXCEPTION 'planted'; END $$",
                  "CREATE FUNCTION public.take_write_lock() RETURNS boolean LANGUAGE plpgsql AS "
                  "$$ BEGIN RAISE EXCEPTION 'planted'; END $$",
                  "CREATE FUNCTION public.session_user_is(text, text) RETURNS boolean LANGUAGE plpgsql AS "
                  "$$ BEGIN RAISE EXCEPTION 'planted'; END $$",
                  "CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.session_user_is)",
                  "CREATE TABLE public.settings (name TEXT, value TEXT)",
                  "INSERT INTO public.settings VALUES ('plan', 'enterprise')"})
                QVERIFY2(q.exec(QLatin1String(sql)), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(role("vera"));
        const qint64 before = superuserNumber(QStringLiteral("SELECT count(*) FROM usage_events"));
        for (const char* who : {"alice", "rita"}) {
            const auto r = cli({QStringLiteral("record"), QStringLiteral("--action"), QStringLiteral("inline_text")},
                               as(role(who)));
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        QCOMPARE(superuserNumber(QStringLiteral("SELECT count(*) FROM usage_events")), before + 2);
        QCOMPARE(reportJson(as(role("alice")))[QStringLiteral("plan")].toString(), QStringLiteral("Essentials"));
        TestBackend::admin(
            QStringLiteral("DROP TABLE public.settings; DROP OPERATOR public.= (text, text); "
                           "DROP FUNCTION public.session_user_is(text, text), public.take_write_lock(), "
                           "public.pg_advisory_xact_lock(bigint); REVOKE CREATE ON SCHEMA public FROM PUBLIC"),
            m_database);
        const auto clean = cli({QStringLiteral("db"), QStringLiteral("check")}, as(role("alice")));
        QVERIFY2(clean.exitCode == 0, clean.out.constData());
    }

    // A ledger made by an older version (schema 9: an import's staging without line numbers, no check for ids
    // given twice) is refused to its members in one sentence until a superuser runs db init on it again, which
    // gives it this version's functions and keeps everything else.
    void dbInitUpgradesALedgerOfAnOlderVersionInPlace()
    {
        TestBackend::admin(
            QStringLiteral(
                "UPDATE ai_settings.schema_version SET version = 9; DROP FUNCTION ai_settings.staged_duplicates(); "
                "DROP TABLE ai_settings.calendar_changes; DROP TABLE ai_settings.usage_keys; "
                "DROP TABLE ai_settings.provider_usage, ai_settings.provider_costs, ai_settings.provider_keys, "
                "ai_settings.provider_syncs, ai_settings.spend_findings; "
                "CREATE OR REPLACE FUNCTION ai_settings.prepare_import() RETURNS void LANGUAGE plpgsql SECURITY "
                "DEFINER "
                "SET search_path = pg_catalog, ai_settings, pg_temp AS $$ BEGIN "
                "PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Importing usage'); "
                "CREATE TEMP TABLE import_staging (LIKE ai_settings.usage_events) ON COMMIT DROP; "
                "EXECUTE format('GRANT INSERT ON pg_temp.import_staging TO %I', session_user); END $$"),
            m_database);
        // Version 10 kept a key's verdict as an English sentence.
        TestBackend::admin(QStringLiteral("INSERT INTO ai_settings.key_state (tenant, provider, state, fingerprint, "
                                          "checked_at, message) VALUES ('', 'anthropic', 'invalid', 'wxyz', 1, "
                                          "'Anthropic rejected the key (401): invalid x-api-key.')"),
                           m_database);
        const QString before = books();
        const auto refused = cli({QStringLiteral("report")}, as(role("alice")));
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(
                     "holds a ledger of schema version 9; a superuser of the server upgrades it with db init"),
                 refused.err.constData());
        const QString superuser = as(qEnvironmentVariable("AI_SETTINGS_TEST_PG_USER"));
        const QStringList init{QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--owner"), role("alice")};
        const auto upgraded = cli(init, superuser);
        QVERIFY2(upgraded.exitCode == 0, upgraded.err.constData());
        QVERIFY2(upgraded.out.contains("from schema version 9 to 15"), upgraded.out.constData());
        QCOMPARE(books(), before);
        // The sentence is facts now, and `keys status` tells them again.
        const auto keys =
            cli({QStringLiteral("keys"), QStringLiteral("status"), QStringLiteral("--json")}, as(role("alice")));
        QVERIFY2(keys.exitCode == 0, keys.err.constData());
        QJsonObject anthropic;
        for (const QJsonValue& row : QJsonDocument::fromJson(keys.out).array())
            if (row[QStringLiteral("provider")] == QStringLiteral("anthropic"))
                anthropic = row.toObject();
        QCOMPARE(anthropic[QStringLiteral("message")].toString(),
                 QStringLiteral("Anthropic rejected the key (401): invalid x-api-key."));
        QCOMPARE(anthropic[QStringLiteral("verdict")][QStringLiteral("code")].toString(), QStringLiteral("rejected"));
        QCOMPARE(anthropic[QStringLiteral("verdict")][QStringLiteral("status")].toInt(), 401);
        const auto clean = cli({QStringLiteral("db"), QStringLiteral("check")}, as(role("alice")));
        QVERIFY2(clean.exitCode == 0, clean.out.constData());
        // The import works again, and finds an id given twice.
        // (A second ago: the reports below count the running period.)
        const QByteArray at = IsoTime::formatUtc(TestSupport::kernelNow() - 1000).toLatin1();
        const QString twice = newPath(".csv");
        writeFile(twice, "id,occurred_at,tenant,action,model,billing,credits\nup-1," + at + ",,theme,,credits,\nup-1," +
                             at + ",,theme,,credits,\n");
        const auto repeated = cli({QStringLiteral("import"), twice}, as(role("alice")));
        QCOMPARE(repeated.exitCode, 2);
        QVERIFY2(repeated.err.contains("Line 3: id \"up-1\" appears twice in the file; nothing was imported."),
                 repeated.err.constData());
        const QString once = newPath(".csv");
        writeFile(once, "id,occurred_at,tenant,action,model,billing,credits\nup-1," + at + ",,theme,,credits,\n");
        const auto imported = cli({QStringLiteral("import"), once}, as(role("alice")));
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY(imported.out.startsWith("Imported 1 of 1 event"));
        // Once up to date, db init changes nothing.
        const auto again = cli(init, superuser);
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains("already holds a shared ledger; nothing was changed."), again.err.constData());
    }

    // Whatever was tried, the reports equal the events.
    void theReportsEqualTheEvents()
    {
        const qint64 events = superuserNumber(QStringLiteral("SELECT COALESCE(sum(credits), 0) FROM usage_events"));
        QVERIFY(events > 0);
        QCOMPARE(qint64(reportJson(as(role("alice")))[QStringLiteral("used")].toInt()), events);
        QCOMPARE(superuserNumber(QStringLiteral("SELECT count(*) FROM usage_events WHERE recorded_by NOT IN ('") +
                                 role("alice") + QStringLiteral("', '") + role("rita") + QStringLiteral("')")),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestLedgerGuard)
#include "tst_ledgerguard.moc"
