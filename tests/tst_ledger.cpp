#include "LedgerFixture.h"

#include "ledger/SqlSupport.h"

// The ledger's schema and its rules: defaults, migrations, refusals of foreign files, costs, keys, the rate
// limit, ids and roles.
class TestLedger : public LedgerFixture
{
    Q_OBJECT

private slots:
    // A database's failure is one line, whatever the driver said, and never an empty reason.
    void aStorageFailureIsOneLine()
    {
        const QSqlError lost(
            QStringLiteral("could not receive data"),
            QStringLiteral(
                "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally.\n"),
            QSqlError::ConnectionError);
        QCOMPARE(
            Sql::storageFailure(lost, QStringLiteral("recording usage")).message,
            QStringLiteral(
                "The database failed while recording usage: server closed the connection unexpectedly This probably "
                "means the server terminated abnormally."));
        QCOMPARE(
            Sql::storageFailure(QSqlError({}, {}, QSqlError::TransactionError),
                                QStringLiteral("starting a transaction"))
                .message,
            QStringLiteral(
                "The database failed while starting a transaction and gave no reason; the connection may be lost."));
    }
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

    // Version 10 kept a key check's verdict as an English sentence; version 11 keeps the facts it tells, so that
    // the window can word them in the user's language. A sentence no pattern reads is kept as it was.
    void migratesStoredVerdictsToFacts()
    {
        if (TestBackend::postgres())
            QSKIP("db init upgrades a shared ledger (tst_ledgerguard).");
        m_ledger.reset();
        const QString path = TestBackend::newLocation(m_dir, QStringLiteral("v10"), QStringLiteral("owner"));
        {
            QSqlDatabase db = TestBackend::raw(path, QStringLiteral("v10"));
            QVERIFY(Schema::migrate(db, TestSupport::catalog(), QStringLiteral("owner"), 10).ok());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO key_state (tenant, provider, state, fingerprint, checked_at, message) VALUES "
                "('', 'anthropic', 'invalid', 'wxyz', 1, 'Anthropic rejected the key (401, request req_7): bad key.'), "
                "('', 'openai', 'not_verified', 'abcd', 1, 'Something only an older version said.')")));
            QCOMPARE(Schema::version(db).value(), 10);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v10"));
        m_path = path;
        m_ledger = openAs(QStringLiteral("owner"));
        QCOMPARE(scalar(QStringLiteral("SELECT version FROM schema_version")), Schema::currentVersion);
        const auto rejected = ledger().keys().keyRecord(QString(), QStringLiteral("anthropic"));
        QVERIFY(rejected.ok());
        QCOMPARE(rejected->verdict.code, KeyVerdict::Code::Rejected);
        QCOMPARE(rejected->verdict.status, 401);
        QCOMPARE(rejected->verdict.requestId, QStringLiteral("req_7"));
        QCOMPARE(rejected->verdict.said, QStringLiteral("bad key"));
        const auto other = ledger().keys().keyRecord(QString(), QStringLiteral("openai"));
        QVERIFY(other.ok());
        QCOMPARE(other->verdict.code, KeyVerdict::Code::Worded);
        QCOMPARE(other->verdict.text, QStringLiteral("Something only an older version said."));
        // The table holds the facts now, not the sentence.
        QString stored;
        withRawDatabase([&](QSqlDatabase& db) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT message FROM key_state WHERE provider = 'anthropic'")) && q.next())
                stored = q.value(0).toString();
        });
        QVERIFY2(stored.startsWith(QLatin1String("{\"code\":\"rejected\"")), qPrintable(stored));
    }

    void migratesFromVersionOne()
    {
        if (TestBackend::postgres())
            QSKIP("A shared ledger starts at the current version (db init); an older one is moved with db copy.");
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
                QVERIFY(q.exec(QStringLiteral("INSERT INTO usage_events VALUES ") +
                               QString::fromLatin1(events[i]).arg(times[i])));
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
        QCOMPARE(ledger().usage().report(QStringLiteral("2026-11"), QStringLiteral("acme")).failure().kind,
                 Failure::BadInput);
    }

    void refusesADatabaseFromANewerVersion()
    {
        m_ledger.reset();
        withRawDatabase(
            [](QSqlDatabase& db) { QSqlQuery(db).exec(QStringLiteral("UPDATE schema_version SET version = 99")); });
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
        QVERIFY2(opened.failure().message.contains(
                     QStringLiteral("is not an AI Settings database: it is not an SQLite file")),
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
        QCOMPARE(ledger().setSlotModel(QStringLiteral("content"), QStringLiteral("gpt-4o")).failure().kind,
                 Failure::BadInput);
        QCOMPARE(ledger().setSlotModel(QStringLiteral("images"), QStringLiteral("claude-opus-4-6")).failure().kind,
                 Failure::BadInput);
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
        QCOMPARE(image.failure().message,
                 QStringLiteral("Your organisation's OpenAI API key is invalid. Update it in Settings → AI."));
        QVERIFY(record("theme", "2026-11-10T10:01:00Z").ok());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 1);
    }

    void tenantKeysOnlyCountOnPlansThatAllowThem()
    {
        QVERIFY(ledger().directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme Ltd")).ok());
        setKey(QStringLiteral("acme"), "anthropic", KeyState::Active);
        // The plan changes at the fixture's clock, 12:00; each event is recorded as it happens.
        auto r = record("content", "2026-11-22T11:59:00Z", QStringLiteral("acme"));
        QCOMPARE(r->event.billing, CreditRules::Billing::Credits); // Essentials: stored but not used
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        r = record("content", "2026-11-22T12:01:00Z", QStringLiteral("acme"));
        QCOMPARE(r->event.billing, CreditRules::Billing::Byok);
        QCOMPARE(r->source, KeySource::Tenant);
        QCOMPARE(record("content", "2026-11-22T12:02:00Z")->event.billing,
                 CreditRules::Billing::Credits); // install: no key
        // A downgrade takes effect at the next period: until then the tenant's key still counts.
        QVERIFY(ledger().settings().setPlan(QStringLiteral("essentials")).ok());
        QCOMPARE(record("content", "2026-11-22T12:03:00Z", QStringLiteral("acme"))->event.billing,
                 CreditRules::Billing::Byok);
        QCOMPARE(ledger().keys().keyRecord(QStringLiteral("acme"), QStringLiteral("anthropic"))->state,
                 KeyState::Active);
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
            QVERIFY(TestSupport::recordAsItHappened(
                        ledger(),
                        {QStringLiteral("theme"), QStringLiteral("a"), at("2026-11-10T10:00:00Z") + i * 60000, {}})
                        .ok());
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

    // A batch reads each rolling window once and keeps it in step as it records: its answers are those the events
    // would get one by one, also when a later event of the batch is older than an earlier one.
    void aBatchKeepsTheRateLimitInStepAsItRecords()
    {
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        for (const char* t : {"a", "b"})
            QVERIFY(ledger().directory().addTenant(QLatin1String(t), {}).ok());
        ledger().setClock(Clock::fixedAt(at("2026-11-10T11:00:00Z")));
        QVector<RecordRequest> batch;
        for (int i = 0; i < 19; ++i)
            batch.append({QStringLiteral("theme"), QStringLiteral("a"), at("2026-11-10T10:30:00Z") + i * 60000, {}});
        const auto add = [&](const char* tenant, const char* when) {
            batch.append({QStringLiteral("theme"), QLatin1String(tenant), at(when), {}});
        };
        add("a", "2026-11-10T10:10:00Z"); // older than the window read so far: read again from further back
        add("a", "2026-11-10T10:50:00Z"); // the 21st in its hour: refused
        add("b", "2026-11-10T10:50:00Z"); // another tenant's hour
        add("a", "2026-11-10T10:05:00Z"); // its hour (09:05 to 10:05) holds none of the others
        add("a", "2026-11-10T10:55:00Z"); // 19 + 10:10 + 10:05 in its hour: refused
        const auto answers = ledger().usage().recordAll(batch);
        QCOMPARE(answers.size(), 24);
        for (int i = 0; i < 20; ++i)
            QVERIFY2(answers[i].ok(), qPrintable(answers[i].failure().message));
        QVERIFY(!answers[20].ok());
        QVERIFY(answers[20].failure().message.startsWith(QStringLiteral("Rate limit reached (20/hour)")));
        QVERIFY(answers[21].ok());
        QVERIFY2(answers[22].ok(), qPrintable(answers[22].failure().message));
        QVERIFY(!answers[23].ok());
        QVERIFY(answers[23].failure().message.startsWith(QStringLiteral("Rate limit reached (20/hour)")));
        // What the batch wrote is what the next event meets.
        const auto next = ledger().usage().recordAll(
            {{QStringLiteral("theme"), QStringLiteral("a"), at("2026-11-10T10:59:00Z"), {}}});
        QVERIFY(!next.first().ok());
    }

    void anActionThatDoesNotFitIsRefusedWhole()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(TestSupport::recordAsItHappened(
                        ledger(), {QStringLiteral("trigger"), {}, at("2026-10-10T10:00:00Z") + i * 600000, {}})
                        .ok());
        QCOMPARE(used("2026-10"), 100);
        const auto refused = record("theme", "2026-10-31T23:59:59Z");
        QVERIFY(!refused.ok());
        QVERIFY(refused.failure().message.startsWith(
            QStringLiteral("Not enough AI credits: theme generation needs 1 and 0 remain "
                           "until the reset at 2026-11-01T00:00:00Z")));
        QVERIFY(refused.failure().message.contains(QStringLiteral("Anthropic API key")));
        QCOMPARE(used("2026-10"), 100);
        // The next period has its own pool: nothing rolls over, nothing is owed.
        QVERIFY(record("trigger", "2026-11-01T00:00:00Z").ok());
        QCOMPARE(used("2026-11"), 20);
    }

    void recordingTheSameIdTwiceChargesOnce()
    {
        const RecordRequest request{
            QStringLiteral("content"), {}, at("2026-11-10T10:00:00Z"), QStringLiteral("job-42")};
        QVERIFY(!TestSupport::recordAsItHappened(ledger(), request)->alreadyRecorded);
        // The retry comes twelve days later, long after record would take a new event of that time: it is answered.
        const auto again = ledger().usage().record(request);
        QVERIFY(again->alreadyRecorded);
        QCOMPARE(again->remaining, 95);
        QCOMPARE(used(), 5);
        QCOMPARE(ledger()
                     .usage()
                     .record({QStringLiteral("image"), {}, std::nullopt, QStringLiteral("job-42")})
                     .failure()
                     .kind,
                 Failure::BadInput);
    }

    // Record authorises usage as it happens: the rate limit's hour of the running period, not history.
    void recordTakesOnlyTheLastHourOfTheRunningPeriod()
    {
        const auto recordAt = [&](const char* when) {
            return ledger().usage().record({QStringLiteral("theme"), {}, at(when), {}});
        };
        QVERIFY(recordAt("2026-11-22T11:00:01Z").ok()); // the clock reads 12:00
        const auto hourAgo = recordAt("2026-11-22T11:00:00Z");
        QCOMPARE(hourAgo.failure().kind, Failure::BadInput);
        QCOMPARE(
            hourAgo.failure().message,
            QStringLiteral("The time 2026-11-22T11:00:00Z lies before the rate limit's window of the last 60 minutes; "
                           "record authorises usage as it happens, and usage recorded later is history, which an Owner "
                           "or Admin brings in with `ai-settings import`."));
        QCOMPARE(recordAt("2026-11-20T12:00:00Z").failure().kind, Failure::BadInput);
        // Twenty queries fill the hour; back-dating the next ones does not get round the limit.
        for (int i = 1; i < 20; ++i)
            QVERIFY(ledger().usage().record({QStringLiteral("theme"), {}, at("2026-11-22T11:30:00Z") + i, {}}).ok());
        QCOMPARE(recordAt("2026-11-22T11:40:00Z").failure().kind, Failure::Refused);
        QCOMPARE(recordAt("2026-11-22T10:40:00Z").failure().kind, Failure::BadInput);
        QCOMPARE(used(), 20);
        // Ten minutes into December, November's pool is closed to record, even within the hour.
        ledger().setClock(Clock::fixedAt(at("2026-12-01T00:10:00Z")));
        const auto closed = recordAt("2026-11-30T23:59:00Z");
        QCOMPARE(closed.failure().kind, Failure::BadInput);
        QVERIFY(closed.failure().message.startsWith(
            QStringLiteral("The time 2026-11-30T23:59:00Z is before the running period began at 2026-12-01T00:00:00Z; "
                           "record authorises")));
        QVERIFY(recordAt("2026-12-01T00:00:00Z").ok());
        QCOMPARE(used(), 20);
        QCOMPARE(used("2026-12"), 1);
    }

    void aReadScopeShowsOneMoment()
    {
        // A page's reads share one snapshot: what another program records meanwhile shows at the next refresh,
        // never in one part of the page and not another.
        const auto other = openAs(QStringLiteral("owner"));
        QVERIFY(other->directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme")).ok());
        {
            const auto scope = ledger().readScope();
            QCOMPARE(used(), 0);
            QCOMPARE(ledger().directory().tenants()->size(), 1);
            QCOMPARE(ledger().keys().keyRecord({}, QStringLiteral("anthropic"))->state, KeyState::NotSet);
            QVERIFY(
                TestSupport::recordAsItHappened(*other, {QStringLiteral("content"), {}, at("2026-11-22T11:30:00Z"), {}})
                    .ok());
            QVERIFY(other->directory().addTenant(QStringLiteral("bolt"), QStringLiteral("Bolt")).ok());
            QVERIFY(other->keys()
                        .setKeyRecord({{},
                                       QStringLiteral("anthropic"),
                                       KeyState::Active,
                                       QStringLiteral("wxyz"),
                                       at("2026-11-22T11:00:00Z"),
                                       {},
                                       {},
                                       std::nullopt,
                                       {},
                                       {}},
                                      KeyChange::Set)
                        .ok());
            QCOMPARE(used(), 0);
            QCOMPARE(ledger().directory().tenants()->size(), 1);
            QVERIFY(ledger().directory().requireTenant(QStringLiteral("bolt")).failure().kind == Failure::BadInput);
            QCOMPARE(ledger().keys().keyRecord({}, QStringLiteral("anthropic"))->state, KeyState::NotSet);
            QCOMPARE(ledger().usage().rateLimits({})->onCredits.used, 0);
        }
        QCOMPARE(used(), 5);
        QCOMPARE(ledger().directory().tenants()->size(), 2);
        QVERIFY(ledger().directory().requireTenant(QStringLiteral("bolt")).ok());
        QCOMPARE(ledger().keys().keyRecord({}, QStringLiteral("anthropic"))->state, KeyState::Active);
        QCOMPARE(ledger().usage().rateLimits({})->onCredits.used, 1);
        // The next scope reads afresh too.
        const auto scope = ledger().readScope();
        QCOMPARE(ledger().keys().keyRecord({}, QStringLiteral("anthropic"))->state, KeyState::Active);
        QCOMPARE(used(), 5);
    }

    void aChangeInsideAReadScopeIsRefusedAndTheScopeGoesOn()
    {
        const auto other = openAs(QStringLiteral("owner"));
        {
            const auto scope = ledger().readScope();
            QCOMPARE(used(), 0);
            QVERIFY(
                TestSupport::recordAsItHappened(*other, {QStringLiteral("content"), {}, at("2026-11-22T11:30:00Z"), {}})
                    .ok());
            // Each way in to a change says the same, and nothing is written.
            const QString refusal =
                QStringLiteral("Nothing can be changed while the ledger is being read as one moment; "
                               "try again once the reading is done.");
            const auto recorded = record("theme", "2026-11-22T11:40:00Z");
            QCOMPARE(recorded.failure().kind, Failure::Unavailable);
            QCOMPARE(recorded.failure().message, refusal);
            QCOMPARE(ledger().directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme")).failure().message,
                     refusal);
            QCOMPARE(ledger().usage().importRows({}, false).failure().message, refusal);
            // The scope still shows its moment (on PostgreSQL a write's rollback would have ended it).
            QCOMPARE(used(), 0);
            QCOMPARE(ledger().directory().tenants()->size(), 0);
        }
        QCOMPARE(used(), 5);
        QVERIFY(record("theme", "2026-11-22T11:40:00Z").ok());
        QCOMPARE(used(), 6);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tenants")), 0);
    }

    void recordRejectsBadInput()
    {
        QCOMPARE(record("poetry", "2026-11-10T10:00:00Z").failure().kind, Failure::BadInput);
        QCOMPARE(record("theme", "2026-11-10T10:00:00Z", QStringLiteral("ghost")).failure().kind, Failure::BadInput);
        QCOMPARE(ledger().usage().record({QStringLiteral("theme"), {}, at("2026-11-22T12:06:00Z"), {}}).failure().kind,
                 Failure::BadInput); // in the future
        QCOMPARE(ledger()
                     .usage()
                     .record({QStringLiteral("theme"), {}, std::nullopt, QStringLiteral("has space")})
                     .failure()
                     .kind,
                 Failure::BadInput);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 0);
    }

    void rolesGateChanges()
    {
        for (const char* name : {"val", "ada"})
            TestBackend::serverRole(QLatin1String(name));
        QVERIFY(ledger().directory().setMember(QStringLiteral("val"), Role::Viewer).ok());
        QVERIFY(ledger().directory().setMember(QStringLiteral("ada"), Role::Admin).ok());
        auto viewer = openAs(QStringLiteral("val"));
        QVERIFY(viewer->usage().report(std::nullopt, std::nullopt).ok());
        const Status planChange = viewer->settings().setPlan(QStringLiteral("enterprise"));
        QCOMPARE(planChange.failure().kind, Failure::Refused);
        QCOMPARE(planChange.failure().message,
                 QStringLiteral("Changing the plan needs the Owner role, and val is a Viewer."));
        QCOMPARE(viewer->usage().record({QStringLiteral("theme"), {}, std::nullopt, {}}).failure().kind,
                 Failure::Refused);
        QCOMPARE(viewer->directory().addTenant(QStringLiteral("x"), {}).failure().kind, Failure::Refused);
        QCOMPARE(viewer->usage().importRows(rows("i1,2026-11-02T09:00:00Z,,theme,,credits,\n"), false).failure().kind,
                 Failure::Refused);

        auto admin = openAs(QStringLiteral("ada"));
        // The plan is billing: an Admin runs the install but leaves the plan to an Owner.
        const Status adminPlan = admin->settings().setPlan(QStringLiteral("enterprise"));
        QCOMPARE(adminPlan.failure().message,
                 QStringLiteral("Changing the plan needs the Owner role, and ada is an Admin."));
        // Written directly, the plan's declaration asks for its Owner too.
        const Status direct = admin->settings().write({{Settings::plan(), QStringLiteral("enterprise")}});
        QCOMPARE(direct.failure().kind, Failure::Refused);
        QCOMPARE(direct.failure().message, QStringLiteral("Changing Plan needs the Owner role."));
        QCOMPARE(ledger().settings().current()->plan->id, QStringLiteral("essentials"));
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
        QVERIFY(admin->settings().setPlan(QStringLiteral("enterprise")).ok());    // an Owner now
        QVERIFY(ledger().directory().removeMember(QStringLiteral("owner")).ok()); // now someone else owns it
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject = 'member'")), 4);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject = 'plan' AND actor = 'ada'")), 1);
    }
};

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
