#include "TestBackend.h"
#include "TestSupport.h"
#include "UsageSentences.h"

#include "Schema.h"
#include "UsageFile.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using TestSupport::at;

// The ledger against a real SQLite file, and (run again with AI_SETTINGS_TEST_BACKEND=postgresql) against a
// real PostgreSQL database: schema, settings, roles, recording and import.
class TestLedger : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Ledger> m_ledger;
    int m_counter = 0;

    Ledger& ledger() { return *m_ledger; }

    std::unique_ptr<Ledger> openAs(const QString& user)
    {
        auto l = TestSupport::openLedger(TestBackend::as(m_path, user), user);
        l->setClock([] { return at("2026-11-22T12:00:00Z"); });
        return l;
    }

    Result<RecordOutcome> record(const char* action, const char* when, const QString& tenant = {})
    {
        return ledger().usage().record({QLatin1String(action), tenant, at(when), QString()});
    }

    qint64 used(const char* period = "2026-11")
    {
        const auto r = ledger().usage().report(QString::fromLatin1(period), std::nullopt);
        if (!r)
            qFatal("%s", qPrintable(r.failure().message));
        return r->used;
    }

    void setKey(const QString& tenant, const char* provider, KeyState state)
    {
        const Status s = ledger().keys().setKeyRecord({tenant, QLatin1String(provider), state, QStringLiteral("wxyz"), at("2026-11-20T00:00:00Z"), {}, {}, std::nullopt, {}, {}}, KeyChange::Set);
        QVERIFY2(s.ok(), qPrintable(s.failure().message));
    }

    // A second, raw connection to look at the tables themselves.
    template <typename F>
    void withRawDatabase(F f)
    {
        {
            QSqlDatabase db = TestBackend::raw(m_path, QStringLiteral("raw"));
            f(db);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    qint64 scalar(const QString& sql)
    {
        qint64 value = -1;
        withRawDatabase([&](QSqlDatabase& db) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toLongLong();
        });
        return value;
    }

    qint64 rateLimitIndexes()
    {
        return scalar(TestBackend::postgres()
                          ? QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'usage_events_by_tenant'")
                          : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'usage_events_by_tenant'"));
    }

    QVector<ImportRow> rows(const QByteArray& csv)
    {
        auto parsed = UsageFile::parse("id,occurred_at,tenant,action,model,billing,credits\n" + csv, UsageFile::Format::Csv);
        if (!parsed)
            qFatal("%s", qPrintable(parsed.failure().message));
        return parsed.value();
    }

private slots:
    void init()
    {
        TestSupport::failOnAnyWarning();
        QVERIFY(m_dir.isValid());
        m_path = TestBackend::newLocation(m_dir, QStringLiteral("ledger-%1").arg(++m_counter), QStringLiteral("owner"));
        m_ledger = openAs(QStringLiteral("owner"));
    }

    void cleanup() { m_ledger.reset(); }

    void newDatabaseStartsWithTheDocumentedDefaults()
    {
        const auto s = ledger().settings().current();
        QVERIFY(s.ok());
        QCOMPARE(s->plan->id, QStringLiteral("essentials"));
        QCOMPARE(s->slotModels.value(QStringLiteral("content")), QStringLiteral("claude-sonnet-4-6"));
        QCOMPARE(s->slotModels.value(QStringLiteral("analysis")), QStringLiteral("claude-sonnet-4-6"));
        QCOMPARE(s->anchorDay, 1);
        QCOMPARE(s->timeZone, QStringLiteral("UTC"));
        QVERIFY(ledger().directory().tenants()->isEmpty());
        QCOMPARE(ledger().directory().members()->size(), 1);
        QCOMPARE(ledger().directory().members()->first().role, Role::Owner);
        const auto r = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(r->allocation, 100);
        QCOMPARE(r->used, 0);
        QCOMPARE(r->byAction.size(), 6);
        QCOMPARE(r->period.id(), QStringLiteral("2026-11"));
        QCOMPARE(ledger().keys().keyRecord({}, QStringLiteral("anthropic"))->state, KeyState::NotSet);
        QCOMPARE(scalar(QStringLiteral("SELECT version FROM schema_version")), Schema::currentVersion);
        QVERIFY(!QUuid::fromString(s->installId).isNull());
        if (!TestBackend::postgres())
            withRawDatabase([](QSqlDatabase& db) {
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            });
        QCOMPARE(ledger().isShared(), TestBackend::postgres());
        QCOMPARE(ledger().userName(), QStringLiteral("owner"));
    }

    void migratesFromVersionOne()
    {
        m_ledger.reset();
        const QString path = TestBackend::newLocation(m_dir, QStringLiteral("v1"), QStringLiteral("owner"));
        {
            QSqlDatabase db = TestBackend::raw(path, QStringLiteral("v1"));
            QVERIFY(Schema::migrate(db, TestSupport::catalog(), QStringLiteral("owner"), 1).ok());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE settings SET value = 'professional' WHERE name = 'plan'")));
            const char* events[] = {
                "('e1', %1, '', 'content', 'claude-opus-4-6', 'credits', 10, 'owner')",
                "('e2', %2, 'acme', 'image', '', 'byok', 0, 'owner')",
                "('e3', %3, 'acme', 'trigger', 'claude-sonnet-4-6', 'credits', 20, 'owner')",
                "('e4', %4, '', 'theme', 'claude-sonnet-4-6', 'credits', 1, 'owner')",
            };
            const qint64 times[] = {at("2026-11-02T10:00:00Z"), at("2026-11-03T10:00:00Z"), at("2026-11-30T23:59:59Z"),
                                    at("2026-10-31T23:59:59Z")};
            for (int i = 0; i < 4; ++i)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO usage_events VALUES ") + QString::fromLatin1(events[i]).arg(times[i])));
            QCOMPARE(Schema::version(db).value(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        m_path = path;
        m_ledger = openAs(QStringLiteral("owner"));
        QCOMPARE(scalar(QStringLiteral("SELECT version FROM schema_version")), Schema::currentVersion);
        QVERIFY(!QUuid::fromString(ledger().settings().current()->installId).isNull());
        const auto november = ledger().usage().report(QStringLiteral("2026-11"), std::nullopt);
        QVERIFY(november.ok());
        QCOMPARE(november->plan->id, QStringLiteral("professional"));
        QCOMPARE(november->used, 30);
        QCOMPARE(november->byAction[3].byokRuns, 1); // image
        QCOMPARE(used("2026-10"), 1);
        QCOMPARE(ledger().usage().report(QStringLiteral("2026-11"), QStringLiteral("acme")).failure().kind, Failure::BadInput);
    }

    void refusesADatabaseFromANewerVersion()
    {
        m_ledger.reset();
        withRawDatabase([](QSqlDatabase& db) { QSqlQuery(db).exec(QStringLiteral("UPDATE schema_version SET version = 99")); });
        const auto opened = Ledger::open(m_path, TestSupport::catalog(), QStringLiteral("owner"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.failure().kind, Failure::Unavailable);
        QVERIFY(opened.failure().message.contains(QStringLiteral("newer AI Settings")));
    }

    void refusesAFileThatIsNotADatabase()
    {
        if (TestBackend::postgres())
            QSKIP("a file that is not a database is an SQLite matter");
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const auto opened = Ledger::open(path, TestSupport::catalog(), QStringLiteral("owner"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.failure().kind, Failure::Unavailable);
        QVERIFY2(opened.failure().message.contains(QStringLiteral("is not an AI Settings database: it is not an SQLite file")),
                 qPrintable(opened.failure().message));
    }

    void costFollowsTheSlotModel()
    {
        QVERIFY(ledger().settings().setPlan(QStringLiteral("Professional")).ok());
        QVERIFY(ledger().setSlotModel(QStringLiteral("content"), QStringLiteral("claude-opus-4-6")).ok());
        const auto content = record("content", "2026-11-10T10:00:00Z");
        QVERIFY2(content.ok(), qPrintable(content.failure().message));
        QCOMPARE(content->event.credits, 10);
        QCOMPARE(content->event.model, QStringLiteral("claude-opus-4-6"));
        QCOMPARE(record("image", "2026-11-10T10:01:00Z")->event.credits, 10);
        QVERIFY(ledger().setSlotModel(QStringLiteral("content"), QStringLiteral("claude-haiku-4-5")).ok());
        QCOMPARE(record("image", "2026-11-10T10:02:00Z")->event.credits, 10);
        QCOMPARE(record("content", "2026-11-10T10:03:00Z")->event.credits, 5);
        QCOMPARE(record("trigger", "2026-11-10T10:04:00Z")->event.credits, 20);
        QCOMPARE(used(), 55);
        QCOMPARE(ledger().setSlotModel(QStringLiteral("content"), QStringLiteral("gpt-4o")).failure().kind, Failure::BadInput);
        QCOMPARE(ledger().setSlotModel(QStringLiteral("images"), QStringLiteral("claude-opus-4-6")).failure().kind, Failure::BadInput);
    }

    void activeKeyMakesItsProvidersActionsFree()
    {
        setKey({}, "anthropic", KeyState::Active);
        const auto content = record("content", "2026-11-10T10:00:00Z");
        QVERIFY(content.ok());
        QCOMPARE(content->event.billing, CreditRules::Billing::Byok);
        QCOMPARE(content->event.credits, 0);
        QCOMPARE(content->source, KeySource::Install);
        const auto image = record("image", "2026-11-10T10:01:00Z");
        QCOMPARE(image->event.billing, CreditRules::Billing::Credits);
        QCOMPARE(image->event.credits, 10);
        const auto r = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(r->byAction[1].runs, 1);
        QCOMPARE(r->byAction[1].byokRuns, 1);
        QCOMPARE(r->byAction[1].credits, 0);
        QCOMPARE(r->used, 10);
    }

    void invalidKeyRefusesInsteadOfFallingBackToCredits()
    {
        setKey({}, "openai", KeyState::Invalid);
        const auto image = record("image", "2026-11-10T10:00:00Z");
        QVERIFY(!image.ok());
        QCOMPARE(image.failure().kind, Failure::Refused);
        QCOMPARE(image.failure().message, QStringLiteral("Your organisation's OpenAI API key is invalid. Update it in Settings → AI."));
        QVERIFY(record("theme", "2026-11-10T10:01:00Z").ok());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 1);
    }

    void tenantKeysOnlyCountOnPlansThatAllowThem()
    {
        QVERIFY(ledger().directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme Ltd")).ok());
        setKey(QStringLiteral("acme"), "anthropic", KeyState::Active);
        auto r = record("content", "2026-11-10T10:00:00Z", QStringLiteral("acme"));
        QCOMPARE(r->event.billing, CreditRules::Billing::Credits); // Essentials: stored but not used
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        r = record("content", "2026-11-10T10:01:00Z", QStringLiteral("acme"));
        QCOMPARE(r->event.billing, CreditRules::Billing::Byok);
        QCOMPARE(r->source, KeySource::Tenant);
        QCOMPARE(record("content", "2026-11-10T10:02:00Z")->event.billing, CreditRules::Billing::Credits); // install: no key
        // A downgrade takes effect at the next period: until then the tenant's key still counts.
        QVERIFY(ledger().settings().setPlan(QStringLiteral("essentials")).ok());
        QCOMPARE(record("content", "2026-11-10T10:03:00Z", QStringLiteral("acme"))->event.billing, CreditRules::Billing::Byok);
        QCOMPARE(ledger().keys().keyRecord(QStringLiteral("acme"), QStringLiteral("anthropic"))->state, KeyState::Active);
        const auto acme = ledger().usage().report(std::nullopt, QStringLiteral("acme"));
        QCOMPARE(acme->used, 5);
        QCOMPARE(acme->poolUsed, 10);
        QCOMPARE(acme->remaining, 1990);
    }

    void rateLimitIsPerTenantAndRolling()
    {
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        for (const char* t : {"a", "b"})
            QVERIFY(ledger().directory().addTenant(QLatin1String(t), {}).ok());
        for (int i = 0; i < 20; ++i)
            QVERIFY(ledger().usage().record({QStringLiteral("theme"), QStringLiteral("a"), at("2026-11-10T10:00:00Z") + i * 60000, {}}).ok());
        const auto refused = record("theme", "2026-11-10T10:30:00Z", QStringLiteral("a"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.failure().kind, Failure::Refused);
        QCOMPARE(refused.failure().message,
                 QStringLiteral("Rate limit reached (20/hour); the next query is allowed at 2026-11-10T11:00:00Z."));
        QVERIFY(record("theme", "2026-11-10T10:30:00Z", QStringLiteral("b")).ok());
        QVERIFY(record("theme", "2026-11-10T10:30:00Z").ok());
        QVERIFY(record("theme", "2026-11-10T11:00:00Z", QStringLiteral("a")).ok());
        // With a key the same tenant may go on: BYOK queries have their own, larger budget.
        setKey({}, "anthropic", KeyState::Active);
        QVERIFY(record("theme", "2026-11-10T11:00:01Z", QStringLiteral("a")).ok());
    }

    void anActionThatDoesNotFitIsRefusedWhole()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(ledger().usage().record({QStringLiteral("trigger"), {}, at("2026-10-10T10:00:00Z") + i * 600000, {}}).ok());
        QCOMPARE(used("2026-10"), 100);
        const auto refused = record("theme", "2026-10-31T23:59:59Z");
        QVERIFY(!refused.ok());
        QVERIFY(refused.failure().message.startsWith(QStringLiteral("Not enough AI credits: theme generation needs 1 and 0 remain "
                                                                    "until the reset at 2026-11-01T00:00:00Z")));
        QVERIFY(refused.failure().message.contains(QStringLiteral("Anthropic API key")));
        QCOMPARE(used("2026-10"), 100);
        // The next period has its own pool: nothing rolls over, nothing is owed.
        QVERIFY(record("trigger", "2026-11-01T00:00:00Z").ok());
        QCOMPARE(used("2026-11"), 20);
    }

    void recordingTheSameIdTwiceChargesOnce()
    {
        const RecordRequest request{QStringLiteral("content"), {}, at("2026-11-10T10:00:00Z"), QStringLiteral("job-42")};
        QVERIFY(!ledger().usage().record(request)->alreadyRecorded);
        const auto again = ledger().usage().record(request);
        QVERIFY(again->alreadyRecorded);
        QCOMPARE(again->remaining, 95);
        QCOMPARE(used(), 5);
        QCOMPARE(ledger().usage().record({QStringLiteral("image"), {}, std::nullopt, QStringLiteral("job-42")}).failure().kind,
                 Failure::BadInput);
    }

    void recordRejectsBadInput()
    {
        QCOMPARE(record("poetry", "2026-11-10T10:00:00Z").failure().kind, Failure::BadInput);
        QCOMPARE(record("theme", "2026-11-10T10:00:00Z", QStringLiteral("ghost")).failure().kind, Failure::BadInput);
        QCOMPARE(record("theme", "2026-11-22T12:06:00Z").failure().kind, Failure::BadInput); // in the future
        QCOMPARE(ledger().usage().record({QStringLiteral("theme"), {}, std::nullopt, QStringLiteral("has space")}).failure().kind,
                 Failure::BadInput);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 0);
    }

    void rolesGateChanges()
    {
        QVERIFY(ledger().directory().setMember(QStringLiteral("val"), Role::Viewer).ok());
        QVERIFY(ledger().directory().setMember(QStringLiteral("ada"), Role::Admin).ok());
        auto viewer = openAs(QStringLiteral("val"));
        QVERIFY(viewer->usage().report(std::nullopt, std::nullopt).ok());
        const Status planChange = viewer->settings().setPlan(QStringLiteral("enterprise"));
        QCOMPARE(planChange.failure().kind, Failure::Refused);
        QCOMPARE(planChange.failure().message, QStringLiteral("Changing the plan needs the Owner role, and val is a Viewer."));
        QCOMPARE(viewer->usage().record({QStringLiteral("theme"), {}, std::nullopt, {}}).failure().kind, Failure::Refused);
        QCOMPARE(viewer->directory().addTenant(QStringLiteral("x"), {}).failure().kind, Failure::Refused);
        QCOMPARE(viewer->usage().importRows(rows("i1,2026-11-02T09:00:00Z,,theme,,credits,\n"), false).failure().kind, Failure::Refused);

        auto admin = openAs(QStringLiteral("ada"));
        // The plan is billing: an Admin runs the install but leaves the plan to an Owner.
        const Status adminPlan = admin->settings().setPlan(QStringLiteral("enterprise"));
        QCOMPARE(adminPlan.failure().message, QStringLiteral("Changing the plan needs the Owner role, and ada is an Admin."));
        QVERIFY(admin->directory().addTenant(QStringLiteral("y"), {}).ok());
        QCOMPARE(admin->directory().setMember(QStringLiteral("ada"), Role::Owner).failure().kind, Failure::Refused);
        QCOMPARE(admin->directory().removeMember(QStringLiteral("owner")).failure().kind, Failure::Refused);

        auto stranger = openAs(QStringLiteral("mallory"));
        const auto report = stranger->usage().report(std::nullopt, std::nullopt);
        QCOMPARE(report.failure().kind, Failure::Refused);
        QVERIFY(report.failure().message.startsWith(QStringLiteral("mallory is not a member of this database")));

        const Status lastOwner = ledger().directory().setMember(QStringLiteral("owner"), Role::Admin);
        QCOMPARE(lastOwner.failure().kind, Failure::Refused);
        QVERIFY(lastOwner.failure().message.contains(QStringLiteral("last Owner")));
        QVERIFY(ledger().directory().setMember(QStringLiteral("ada"), Role::Owner).ok());
        QVERIFY(admin->settings().setPlan(QStringLiteral("enterprise")).ok()); // an Owner now
        QVERIFY(ledger().directory().removeMember(QStringLiteral("owner")).ok()); // now someone else owns it
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject = 'member'")), 4);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject = 'plan' AND actor = 'ada'")), 1);
    }

    void changingTheBillingCalendarRegroupsHistory()
    {
        QVERIFY(record("theme", "2026-11-10T10:00:00Z").ok());
        QVERIFY(record("content", "2026-11-20T10:00:00Z").ok());
        QCOMPARE(used("2026-11"), 6);
        QVERIFY(ledger().setBillingCalendar(15, QStringLiteral("Asia/Tokyo")).ok());
        QCOMPARE(used("2026-11"), 5); // 15 Nov – 15 Dec
        QCOMPARE(used("2026-10"), 1); // 15 Oct – 15 Nov
        const auto r = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(IsoTime::formatUtc(r->period.start), QStringLiteral("2026-11-14T15:00:00Z"));
        QCOMPARE(ledger().setBillingCalendar(29, QStringLiteral("UTC")).failure().kind, Failure::BadInput);
        QCOMPARE(ledger().setBillingCalendar(1, QStringLiteral("Mars/Olympus")).failure().kind, Failure::BadInput);
    }

    void importIsAllOrNothingAndIdempotent()
    {
        QVERIFY(ledger().setSlotModel(QStringLiteral("analysis"), QStringLiteral("claude-opus-4-5")).ok());
        const QByteArray good = "i1,2026-11-02T09:00:00Z,acme,analysis,,credits,\n"   // slot model: opus, 20
                                "i2,2026-11-02T09:01:00Z,,content,claude-sonnet-4-5,credits,\n" // 5
                                "i3,2026-11-02T09:02:00Z,beta,image,,byok,\n"          // 0
                                "i4,2026-10-02T09:00:00Z,,theme,,credits,3\n";         // given: 3, in October
        const auto bad = ledger().usage().importRows(rows(good + "i5,2026-11-02T09:03:00Z,,poetry,,credits,\n"
                                                         "i6,2026-11-02T09:03:00Z,,image,claude-opus-4-6,credits,\n"
                                                         "i1,2026-11-02T09:03:00Z,,theme,,credits,\n"),
                                             false);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.failure().kind, Failure::BadInput);
        QCOMPARE(bad.failure().message, QStringLiteral("Line 6: unknown action \"poetry\" (2 more lines are bad too); nothing was imported."));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tenants")), 0);

        const auto dry = ledger().usage().importRows(rows(good), true);
        QVERIFY(dry.ok());
        QCOMPARE(dry->added, 4);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 0);

        const auto first = ledger().usage().importRows(rows(good), false);
        QVERIFY2(first.ok(), qPrintable(first.failure().message));
        QCOMPARE(first->added, 4);
        QCOMPARE(first->credits, 28);
        QCOMPARE(first->tenantsCreated, QStringList({QStringLiteral("acme"), QStringLiteral("beta")}));
        QCOMPARE(used("2026-11"), 25);
        QCOMPARE(used("2026-10"), 3);

        const auto second = ledger().usage().importRows(rows(good), false);
        QCOMPARE(second->added, 0);
        QCOMPARE(second->alreadyPresent, 4);
        QCOMPARE(used("2026-11"), 25);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 4);
    }

    void cancelledImportLeavesNothing()
    {
        QByteArray csv;
        for (int i = 0; i < 10000; ++i)
            csv += QStringLiteral("c%1,2026-11-02T09:00:00Z,t,theme,,credits,\n").arg(i).toLatin1();
        int calls = 0;
        const auto cancelled = ledger().usage().importRows(rows(csv), false, [&](qint64 done, qint64 total) {
            ++calls;
            return done < total / 2;
        });
        QVERIFY(!cancelled.ok());
        QVERIFY(calls > 0);
        QVERIFY(cancelled.failure().message.contains(QStringLiteral("cancelled")));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_totals")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tenants")), 0);
        // The import was larger than the ledger, so it dropped the rate-limit index to build it after: the
        // cancel gave it back.
        QCOMPARE(rateLimitIndexes(), 1);
        QVERIFY(ledger().usage().importRows(rows(csv), false).ok());
        QCOMPARE(rateLimitIndexes(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 10000);
    }

    void severalSlotsChangeTogetherOrNotAtAll()
    {
        const auto refused = ledger().setSlotModels({{QStringLiteral("content"), QStringLiteral("claude-opus-4-6")},
                                                     {QStringLiteral("analysis"), QStringLiteral("gpt-4o")}});
        QCOMPARE(refused.failure().kind, Failure::BadInput);
        QCOMPARE(ledger().settings().current()->slotModels.value(QStringLiteral("content")), QStringLiteral("claude-sonnet-4-6"));
        QVERIFY(ledger().setSlotModels({{QStringLiteral("content"), QStringLiteral("claude-opus-4-6")},
                                        {QStringLiteral("analysis"), QStringLiteral("claude-haiku-4-5")}})
                    .ok());
        const auto now = ledger().settings().current();
        QCOMPARE(now->slotModels.value(QStringLiteral("content")), QStringLiteral("claude-opus-4-6"));
        QCOMPARE(now->slotModels.value(QStringLiteral("analysis")), QStringLiteral("claude-haiku-4-5"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject LIKE 'model.%'")), 2);
        auto viewer = openAs(QStringLiteral("guest"));
        QVERIFY(ledger().directory().setMember(QStringLiteral("guest"), Role::Viewer).ok());
        QCOMPARE(viewer->setSlotModels({{QStringLiteral("content"), QStringLiteral("claude-sonnet-4-5")}}).failure().kind,
                 Failure::Refused);
    }

    void dailyUsageBucketsEventsByLocalDay()
    {
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        QVERIFY(ledger().directory().addTenant(QStringLiteral("acme"), {}).ok());
        QVERIFY(ledger().setBillingCalendar(1, QStringLiteral("Asia/Tokyo")).ok());
        // 2026-11-01T00:00 in Tokyo is 2026-10-31T15:00Z: the first event is on the period's first local day.
        QVERIFY(record("theme", "2026-10-31T15:00:00Z").ok());
        QVERIFY(record("content", "2026-11-02T14:59:59Z", QStringLiteral("acme")).ok()); // 2 Nov, 23:59:59 local
        QVERIFY(record("trigger", "2026-11-02T15:00:00Z").ok());                         // 3 Nov local
        setKey({}, "anthropic", KeyState::Active);
        QVERIFY(record("analysis", "2026-11-03T01:00:00Z", QStringLiteral("acme")).ok()); // 3 Nov, BYOK
        QVERIFY(record("theme", "2026-10-31T14:59:59Z").ok());                             // October period

        const auto days = ledger().usage().dailyUsage(QStringLiteral("2026-11"), std::nullopt);
        QVERIFY2(days.ok(), qPrintable(days.failure().message));
        QCOMPARE(days->size(), 30);
        QCOMPARE(days->first().day, QDate(2026, 11, 1));
        QCOMPARE(days->last().day, QDate(2026, 11, 30));
        QCOMPARE(days->at(0).credits, 1);
        QCOMPARE(days->at(1).credits, 5);
        QCOMPARE(days->at(2).runs, 2);
        QCOMPARE(days->at(2).credits, 20);
        QCOMPARE(days->at(2).byokRuns, 1);
        qint64 runs = 0, credits = 0;
        for (const DayUsage& d : days.value()) {
            runs += d.runs;
            credits += d.credits;
        }
        const auto report = ledger().usage().report(QStringLiteral("2026-11"), std::nullopt);
        QCOMPARE(credits, report->used);
        QCOMPARE(runs, 4);

        const auto acme = ledger().usage().dailyUsage(QStringLiteral("2026-11"), QStringLiteral("acme"));
        QCOMPARE(acme->at(1).credits, 5);
        QCOMPARE(acme->at(2).runs, 1);
        QCOMPARE(acme->at(0).runs, 0);
    }

    void costsNowFollowModelsAndKeys()
    {
        QVERIFY(ledger().setSlotModel(QStringLiteral("analysis"), QStringLiteral("claude-opus-4-6")).ok());
        setKey({}, "openai", KeyState::Active);
        const auto costs = ledger().usage().costsNow({});
        QVERIFY2(costs.ok(), qPrintable(costs.failure().message));
        QCOMPARE(costs->size(), 6);
        QStringList seen;
        for (const ActionCost& c : costs.value())
            seen << QStringLiteral("%1=%2%3").arg(c.action->id).arg(c.credits).arg(c.coveredByKey ? "+key" : "");
        QCOMPARE(seen.join(QLatin1Char(' ')),
                 QStringLiteral("theme=1 content=5 inline_text=1 image=10+key analysis=20 trigger=40"));
        QCOMPARE(costs->at(4).model->id, QStringLiteral("claude-opus-4-6"));
        QCOMPARE(costs->at(3).model, nullptr);
        // An invalid key covers nothing: its actions are refused, not free.
        setKey({}, "anthropic", KeyState::Invalid);
        QVERIFY(!ledger().usage().costsNow({})->at(0).coveredByKey);
    }

    void rateLimitStandingCountsTheRollingHour()
    {
        QVERIFY(record("theme", "2026-11-22T10:59:00Z").ok()); // out of the window at 12:00
        QVERIFY(record("theme", "2026-11-22T11:10:00Z").ok());
        QVERIFY(record("theme", "2026-11-22T11:30:00Z").ok());
        setKey({}, "anthropic", KeyState::Active);
        QVERIFY(record("content", "2026-11-22T11:40:00Z").ok());
        const auto limits = ledger().usage().rateLimits({});
        QVERIFY2(limits.ok(), qPrintable(limits.failure().message));
        QCOMPARE(limits->onCredits.limit, 20);
        QCOMPARE(limits->onCredits.used, 2);
        QCOMPARE(limits->onCredits.nextFreeAt, at("2026-11-22T12:10:00Z"));
        QCOMPARE(limits->onByok.limit, 200);
        QCOMPARE(limits->onByok.used, 1);
        QCOMPARE(limits->onByok.nextFreeAt, at("2026-11-22T12:40:00Z"));
        QCOMPARE(ledger().usage().rateLimits(QStringLiteral("ghost"))->onCredits.used, 0);
    }

    void periodRangeRunsFromTheFirstUsageToNow()
    {
        QCOMPARE(ledger().usage().firstPeriodId().value(), QStringLiteral("2026-11")); // no usage: only the current one
        QCOMPARE(ledger().settings().currentPeriodId().value(), QStringLiteral("2026-11"));
        QVERIFY(record("theme", "2025-03-04T10:00:00Z").ok());
        QCOMPARE(ledger().usage().firstPeriodId().value(), QStringLiteral("2025-03"));
        QCOMPARE(ledger().settings().currentPeriodId().value(), QStringLiteral("2026-11"));
    }

    void pastPeriodsKeepThePlanInForceThen()
    {
        // A new ledger on Essentials with October's history imported (130 credits: over the 100 of the plan), then
        // an upgrade: October keeps its 100, November has Enterprise's 2,000 from the change on.
        QVERIFY(ledger().usage().importRows(rows("o1,2026-10-05T09:00:00Z,,trigger,,credits,\n"
                                                 "o2,2026-10-06T09:00:00Z,,trigger,,credits,\n"
                                                 "o3,2026-10-07T09:00:00Z,,analysis,claude-sonnet-4-5,credits,90\n"),
                                            false)
                    .ok());
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        const auto october = ledger().usage().report(QStringLiteral("2026-10"), std::nullopt);
        QVERIFY2(october.ok(), qPrintable(october.failure().message));
        QCOMPARE(october->allocation, 100);
        QCOMPARE(october->plan->id, QStringLiteral("essentials"));
        QVERIFY(october->finished);
        QCOMPARE(UsageSentences::overPlan(october.value()), QStringLiteral("Imported usage exceeded the plan by 30 credits."));
        QVERIFY(UsageSentences::used(october.value()).startsWith(QStringLiteral("130 of 100 credits used in October 2026")));
        QVERIFY(UsageSentences::warning(october.value()).isEmpty());
        const auto november = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(november->allocation, 2000);
        QVERIFY(!november->finished);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM plan_changes")), 1);

        // A downgrade waits for December; November keeps 2,000 and says what comes.
        QVERIFY(ledger().settings().setPlan(QStringLiteral("professional")).ok());
        const auto after = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(after->allocation, 2000);
        QCOMPARE(after->nextPlan->id, QStringLiteral("professional"));
        QVERIFY2(UsageSentences::pendingPlan(after.value()).startsWith(QStringLiteral("The plan changes to Professional (500 credits a month) at the next period, on Tue 1 Dec 2026 at 00:00 UTC")),
                 qPrintable(UsageSentences::pendingPlan(after.value())));
        const auto december = ledger().usage().report(QStringLiteral("2026-12"), std::nullopt);
        QCOMPARE(december->allocation, 500);
        QVERIFY(december->upcoming);
        QCOMPARE(UsageSentences::remaining(december.value()), QStringLiteral("500 credits become available on Tue 1 Dec 2026 at 00:00 UTC."));
        QVERIFY(UsageSentences::used(december.value()).startsWith(QStringLiteral("0 of 500 credits used in December 2026")));
        QVERIFY(ledger().directory().addTenant(QStringLiteral("acme"), {}).ok());
        QCOMPARE(UsageSentences::tenantShare(ledger().usage().report(QStringLiteral("2026-12"), QStringLiteral("acme")).value()),
                 QStringLiteral("Tenant acme used 0 credits of the install's credits in December 2026.")); // not "this month"
        QCOMPARE(ledger().usage().report(QStringLiteral("2026-10"), std::nullopt)->allocation, 100);

        // Down to Essentials, then up to Professional, while Enterprise still holds this period: the "upgrade" from
        // Essentials raises nothing now, and the sentence says only what changed.
        QVERIFY(ledger().settings().setPlan(QStringLiteral("essentials")).ok());
        QVERIFY(ledger().settings().setPlan(QStringLiteral("professional")).ok());
        const auto held = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(held->allocation, 2000);
        const Catalog& c = TestSupport::catalog();
        QCOMPARE(UsageSentences::planChanged(*c.plan(u"essentials"), *c.plan(u"professional"), held.value()),
                 QStringLiteral("Plan changed from Essentials to Professional."));
        QVERIFY(UsageSentences::pendingPlan(held.value()).startsWith(QStringLiteral("The plan changes to Professional")));
    }

    void theAuditTrailReadsInPagesNewestFirst()
    {
        for (int i = 0; i < 25; ++i)
            QVERIFY(ledger().directory().addTenant(QStringLiteral("t%1").arg(i, 2, 10, QLatin1Char('0')), {}).ok());
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        QVERIFY(ledger().directory().setMember(QStringLiteral("guest"), Role::Viewer).ok());
        AuditFilter all;
        QCOMPARE(ledger().audit().count(all).value(), 27);
        QStringList seen;
        for (qint64 offset = 0; offset < 27; offset += 10) {
            const auto page = ledger().audit().page(all, offset, 10);
            QVERIFY2(page.ok(), qPrintable(page.failure().message));
            QCOMPARE(page->size(), int(qMin<qint64>(10, 27 - offset)));
            for (const AuditEntry& e : page.value())
                seen << e.subject + QLatin1Char(' ') + e.change;
        }
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 27); // no line twice, none skipped
        AuditFilter tenants;
        tenants.kind = QStringLiteral("tenant");
        QCOMPARE(ledger().audit().count(tenants).value(), 25);
        AuditFilter plan;
        plan.kind = QStringLiteral("plan");
        QCOMPARE(ledger().audit().page(plan, 0, 10)->first().change, QStringLiteral("essentials -> enterprise"));
        AuditFilter later;
        later.since = ledger().now() + 1;
        QCOMPARE(ledger().audit().count(later).value(), 0);
        AuditFilter someone;
        someone.actor = QStringLiteral("someone");
        QCOMPARE(ledger().audit().count(someone).value(), 0);
        QCOMPARE(ledger().audit().actors().value(), QStringList{ledger().userName()});
        QCOMPARE(AuditTrail::checkKind(QStringLiteral("keys")).failure().kind, Failure::BadInput);
        // The filter's SQL and an entry's kind() agree, kind by kind.
        QVERIFY(ledger().setBillingCalendar(15, QStringLiteral("Europe/Berlin")).ok());
        QVERIFY(ledger().setSlotModel(QStringLiteral("content"), QStringLiteral("claude-opus-4-6")).ok());
        const auto everything = ledger().audit().page(all, 0, 1000);
        for (const QString& kind : AuditTrail::kinds()) {
            AuditFilter one;
            one.kind = kind;
            qint64 expected = 0;
            for (const AuditEntry& e : everything.value())
                expected += e.kind() == kind;
            QCOMPARE(ledger().audit().count(one).value(), expected);
        }
        AuditFilter period;
        period.kind = QStringLiteral("period");
        QCOMPARE(ledger().audit().count(period).value(), 2); // anchor day and time zone
    }

    void totalsAlwaysMatchTheEvents()
    {
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        QVERIFY(ledger().usage().importRows(rows("x1,2026-11-02T09:00:00Z,acme,analysis,,credits,\n"
                                         "x2,2026-09-02T09:00:00Z,,image,,byok,\n"),
                                    false)
                    .ok());
        QVERIFY(record("trigger", "2026-11-03T10:00:00Z").ok());
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(credits) FROM usage_events")),
                 scalar(QStringLiteral("SELECT SUM(credits) FROM usage_totals")));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")),
                 scalar(QStringLiteral("SELECT SUM(runs) FROM usage_totals")));
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(byok_runs) FROM usage_totals")), 1);
        const auto dailyMatch = [&] {
            for (const char* column : {"runs", "credits", "byok_runs"})
                if (scalar(QStringLiteral("SELECT SUM(%1) FROM usage_daily").arg(QLatin1String(column))) !=
                    scalar(QStringLiteral("SELECT SUM(%1) FROM usage_totals").arg(QLatin1String(column))))
                    return false;
            return true;
        };
        QVERIFY(dailyMatch());
        // Each event sits on its local day: in New York, 03:30Z on 3 November is still 2 November.
        QVERIFY(record("theme", "2026-11-03T03:30:00Z").ok());
        QVERIFY(ledger().setBillingCalendar(1, QStringLiteral("America/New_York")).ok());
        QVERIFY(dailyMatch());
        const auto days = ledger().usage().dailyUsage(QStringLiteral("2026-11"), std::nullopt);
        QVERIFY(days.ok());
        QCOMPARE(days->at(1).day, QDate(2026, 11, 2));
        QCOMPARE(days->at(1).credits, 11); // analysis at 04:00 local and the theme at 22:30 local the day before
        QCOMPARE(days->at(2).credits, 20); // the trigger at 05:00 local
    }
};

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
