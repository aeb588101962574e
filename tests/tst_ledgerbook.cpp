#include "ledger/sqlite/DuringImport.h"
#include "ledger/sqlite/ImportNote.h"
#include "LedgerFixture.h"
#include "words/AuditSentences.h"
#include "words/UsageSentences.h"

#include "services/PageState.h"
#include "services/UsageTransfer.h"

#include <QDateTime>
#include <QMap>
#include <QTimeZone>

#include <algorithm>
#include <memory>

// The usage book over time: a new billing calendar, import all or nothing, several models at once, daily
// usage, costs and the rate limit now, past periods and their plans, the audit trail in pages, and totals that
// always match the events.
class TestLedgerBook : public LedgerFixture
{
    Q_OBJECT

private slots:
    // Like a plan downgrade, a new billing calendar waits for the running period's end: the running period keeps
    // its dates and what it counted; from the reset to the first new anchor day is one period; and recorded usage
    // never changes period, on either backend (PostgreSQL counts by its own functions).
    void aBillingPeriodChangeWaitsForTheNextReset()
    {
        QVERIFY(record("theme", "2026-11-10T10:00:00Z").ok());
        QVERIFY(record("content", "2026-11-20T10:00:00Z").ok());
        QCOMPARE(used("2026-11"), 6);
        const auto chosen = ledger().setBillingCalendar(15, QStringLiteral("Asia/Tokyo"));
        QVERIFY2(chosen.ok(), qPrintable(chosen.failure().message));
        QVERIFY(!chosen->atOnce);
        // Tokyo's midnight nearest the reset at 00:00Z on 1 December: 00:00 on 1 December there.
        QCOMPARE(IsoTime::formatUtc(chosen->startsAt.value()), QStringLiteral("2026-11-30T15:00:00Z"));
        QCOMPARE(used("2026-11"), 6);
        auto r = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(IsoTime::formatUtc(r->period.start), QStringLiteral("2026-11-01T00:00:00Z"));
        QCOMPARE(r->period.lastDay, QDate(2026, 11, 30));
        QCOMPARE(r->allocation, 100);
        QVERIFY(r->nextCalendar.has_value());
        QCOMPARE(r->nextCalendarPeriod->id(), QStringLiteral("2026-12-01")); // 1–14 Dec, then the month's own
        QCOMPARE(r->nextCalendarPeriod->lastDay, QDate(2026, 12, 14));
        QVERIFY2(UsageSentences::pendingCalendar(r.value()).startsWith(QStringLiteral("From 1 Dec 2026, credits "
                                                                                      "reset on day 15")),
                 qPrintable(UsageSentences::pendingCalendar(r.value())));

        // Choosing again while it waits replaces it; the trail dates it.
        ledger().setClock(Clock::fixedAt(at("2026-11-22T12:01:00Z")));
        QVERIFY(ledger().setBillingCalendar(16, QStringLiteral("Asia/Tokyo")).ok());
        auto trail = ledger().audit().page({}, 0, 1);
        QCOMPARE(trail->first().subject, QStringLiteral("anchor_day"));
        QCOMPARE(trail->first().change, QStringLiteral("15 -> 16 (from 2026-12-01)"));
        QCOMPARE(ledger().settings().current()->calendarChanges.size(), 1);
        QCOMPARE(AuditSentences::change(trail->first(), TestSupport::catalog()),
                 QStringLiteral("15 \u2192 16, from 1 Dec 2026"));

        // Usage on either side of the change lands in its own period, by its own days.
        QVERIFY(record("theme", "2026-11-30T14:00:00Z").ok());   // 23:00 on 30 Nov in Tokyo: November still
        QVERIFY(record("trigger", "2026-11-30T16:00:00Z").ok()); // 01:00 on 1 Dec in Tokyo
        ledger().setClock(Clock::fixedAt(at("2026-12-05T00:00:00Z")));
        QVERIFY(ledger()
                    .usage()
                    .importRows(rows("c1,2026-11-30T14:30:00Z,,theme,,credits,\n"
                                     "c2,2026-12-01T10:00:00Z,,theme,,credits,\n"),
                                false)
                    .ok());
        QCOMPARE(used("2026-11"), 8);
        QCOMPARE(used("2026-12-01"), 21);
        ledger().setClock(Clock::fixedAt(at("2026-12-05T00:00:00Z")));
        r = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(r->period.id(), QStringLiteral("2026-12-01"));
        QCOMPARE(IsoTime::formatUtc(r->period.end), QStringLiteral("2026-12-15T15:00:00Z"));
        QCOMPARE(r->allocation, 100); // one period with the plan's allocation
        const auto days = ledger().usage().dailyUsage(QStringLiteral("2026-12-01"), std::nullopt);
        QVERIFY(days.ok());
        QCOMPARE(days->size(), 15);
        QCOMPARE(days->first().day, QDate(2026, 12, 1));
        QCOMPARE(days->first().credits, 21); // the trigger at 01:00 and the theme at 19:00, Tokyo's 1 December
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(credits) FROM usage_daily")),
                 scalar(QStringLiteral("SELECT SUM(credits) FROM usage_events")));

        // Back to UTC while the short period holds usage: that waits for its end, a Tokyo midnight already.
        const auto back = ledger().setBillingCalendar(1, QStringLiteral("UTC"));
        QVERIFY2(back.ok(), qPrintable(back.failure().message));
        QCOMPARE(IsoTime::formatUtc(back->startsAt.value()), QStringLiteral("2026-12-16T00:00:00Z"));
        QVERIFY(record("analysis", "2026-12-20T03:00:00Z").ok()); // the period from 16 Dec, UTC
        QCOMPARE(used("2026-11"), 8);
        QCOMPARE(used("2026-12-01"), 21);
        QCOMPARE(used("2026-12"), 10);
        QCOMPARE(ledger().usage().report(QStringLiteral("2026-12"), std::nullopt)->period.firstDay,
                 QDate(2026, 12, 16));
        // Usage recorded after the reset (a clock ahead) would change period: refused, nothing changes.
        const auto moving = ledger().setBillingCalendar(20, QStringLiteral("UTC"));
        QCOMPARE(moving.failure().kind, Failure::Refused);
        QVERIFY2(moving.failure().message.contains(QStringLiteral("recorded after")),
                 qPrintable(moving.failure().message));
        QCOMPARE(ledger().setBillingCalendar(29, QStringLiteral("UTC")).failure().kind, Failure::BadInput);
        QCOMPARE(ledger().setBillingCalendar(1, QStringLiteral("Mars/Olympus")).failure().kind, Failure::BadInput);
    }

    // What the window shows is read as one moment: the selection's running period beside the whole install's, the
    // three periods of the plan's mix ending with the running one, the key in force per provider.
    void thePageStateIsOneMoment()
    {
        QVERIFY(ledger().directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme")).ok());
        QVERIFY(ledger().usage().importRows(rows("p1,2026-09-10T10:00:00Z,,theme,,credits,\n"), false).ok());
        QVERIFY(record("content", "2026-11-20T10:00:00Z", QStringLiteral("acme")).ok());
        QVERIFY(record("theme", "2026-11-21T10:00:00Z").ok());
        PageRequest asked;
        asked.tenant = QStringLiteral("acme");
        const auto state = PageState::read(ledger(), asked);
        QVERIFY2(state.ok(), qPrintable(state.failure().message));
        QCOMPARE(state->role, Role::Owner);
        QCOMPARE(state->running.used, 5);
        QCOMPARE(state->installRunning.used, 6);
        QCOMPARE(state->running.poolUsed, state->installRunning.used);
        QCOMPARE(state->recent.size(), 3);
        QCOMPARE(state->recent.last().period.start, state->installRunning.period.start);
        QCOMPARE(state->recent.first().period.id(), QStringLiteral("2026-09"));
        QCOMPARE(state->recent.first().used, 1);
        QCOMPARE(state->firstPeriodStart, state->recent.first().period.start);
        QCOMPARE(state->days.size(), 30);
        QCOMPARE(state->keys.size(), TestSupport::catalog().providers().size());
        QCOMPARE(state->timeZone, QStringLiteral("UTC"));
        QVERIFY(state->hasUsage);
        QVERIFY(!state->past);
        // The trail's newest lines come with it, and what a part asks beyond the running period: a past period,
        // the trail by kind and by days.
        const auto trail = ledger().audit().count({});
        QVERIFY(trail.ok() && trail.value() > 0);
        QCOMPARE(state->auditCount, trail.value());
        QCOMPARE(state->auditFirst.size(), qMin<qint64>(trail.value(), PageState::auditPageSize));
        asked.period = QStringLiteral("2026-09");
        asked.audit.kind = QStringLiteral("tenant");
        const auto past = PageState::read(ledger(), asked);
        QVERIFY2(past.ok(), qPrintable(past.failure().message));
        QVERIFY(past->past);
        QCOMPARE(past->past->period.id(), QStringLiteral("2026-09"));
        QCOMPARE(past->past->used, 0); // the September line is the install's, not Acme's
        QCOMPARE(past->pastDays.size(), 30);
        QCOMPARE(past->auditCount, 1);
        QCOMPARE(past->auditFirst.first().kind(), QStringLiteral("tenant"));
        asked.auditFrom = QDateTime::fromMSecsSinceEpoch(ledger().now(), QTimeZone::utc()).date().addDays(1);
        const auto later = PageState::read(ledger(), asked);
        QVERIFY2(later.ok(), qPrintable(later.failure().message));
        QCOMPARE(later->auditCount, 0);
        QVERIFY(later->audit.since);
        const auto gone = PageState::read(ledger(), PageRequest{QStringLiteral("ghost"), {}, {}, {}, {}, false, {}});
        QVERIFY(!gone.ok() || gone->running.used == 0);
    }

    // A period with nothing recorded yet takes the new calendar at once (from its start, a short period to the
    // first new anchor day); earlier periods keep theirs.
    void aBillingPeriodChangeInAnEmptyPeriodTakesEffectAtOnce()
    {
        QVERIFY(record("theme", "2026-10-10T10:00:00Z").ok());
        const auto chosen = ledger().setBillingCalendar(15, QStringLiteral("UTC"));
        QVERIFY(chosen.ok());
        QVERIFY(chosen->atOnce);
        const auto r = ledger().usage().report(std::nullopt, std::nullopt);
        QCOMPARE(IsoTime::formatUtc(r->period.start), QStringLiteral("2026-11-15T00:00:00Z"));
        QCOMPARE(IsoTime::formatUtc(r->period.end), QStringLiteral("2026-12-15T00:00:00Z"));
        QCOMPARE(r->period.id(), QStringLiteral("2026-11"));
        const auto between = ledger().usage().report(QStringLiteral("2026-11-01"), std::nullopt);
        QVERIFY2(between.ok(), qPrintable(between.failure().message));
        QCOMPARE(between->period.lastDay, QDate(2026, 11, 14));
        QCOMPARE(used("2026-10"), 1);
        const auto october = ledger().usage().report(QStringLiteral("2026-10"), std::nullopt);
        QCOMPARE(october->period.lastDay, QDate(2026, 10, 31));
        // Withdrawn the same way: the calendar in force before.
        const auto back = ledger().setBillingCalendar(1, QStringLiteral("UTC"));
        QVERIFY(back.ok() && back->changed && !back->startsAt);
        QVERIFY(ledger().settings().current()->calendarChanges.isEmpty());
    }

    // The system clock's instant, read once (under libfaketime the test command makes it one of the hard instants:
    // the last seconds of a month or a year, the first minutes of a period, 29 February, a DST night): the running
    // period holds it, starts and ends at the first instant of the anchor day in the zone, counts what happened in
    // it and nothing before, and the forecast, the days and the rate limit agree.
    void theRunningPeriodHoldsTheSystemClocksInstantInEveryZone_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<int>("anchor");
        QTest::newRow("UTC, 1") << "UTC" << 1;
        QTest::newRow("Berlin, 1") << "Europe/Berlin" << 1;
        QTest::newRow("Berlin, 28") << "Europe/Berlin" << 28;
        QTest::newRow("New York, 15") << "America/New_York" << 15;
        QTest::newRow("Auckland, 1") << "Pacific/Auckland" << 1;
        QTest::newRow("Kolkata, 1") << "Asia/Kolkata" << 1;
        QTest::newRow("Lord Howe, 1 (half-hour DST)") << "Australia/Lord_Howe" << 1;
        QTest::newRow("Havana, 14 (a DST change skips midnight)") << "America/Havana" << 14;
    }

    void theRunningPeriodHoldsTheSystemClocksInstantInEveryZone()
    {
        QFETCH(QString, zone);
        QFETCH(int, anchor);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 earlier = now - 90 * 60000;
        ledger().setClock(Clock::fixedAt(now));
        const auto chosen = ledger().setBillingCalendar(anchor, zone); // nothing recorded yet: at once
        QVERIFY2(chosen.ok(), qPrintable(chosen.failure().message));
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        QVERIFY(TestSupport::recordAsItHappened(ledger(), {QStringLiteral("theme"), {}, earlier, {}}).ok());
        QVERIFY(TestSupport::recordAsItHappened(ledger(), {QStringLiteral("content"), {}, now, {}}).ok());

        const auto r = ledger().usage().report(std::nullopt, std::nullopt);
        QVERIFY2(r.ok(), qPrintable(r.failure().message));
        const QString at = IsoTime::formatUtc(now);
        QVERIFY2(r->period.contains(now), qPrintable(at));
        QVERIFY(!r->finished && !r->upcoming);
        const QTimeZone tz(zone.toUtf8());
        const auto localDate = [&tz](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, tz).date(); };
        const QDate first = localDate(r->period.start), next = localDate(r->period.end);
        QCOMPARE(first.day(), anchor);
        QCOMPARE(next, first.addMonths(1));
        QVERIFY2(localDate(r->period.start - 1) < first && localDate(r->period.end - 1) < next, qPrintable(at));

        const bool bothInIt = r->period.contains(earlier);
        QCOMPARE(r->used, bothInIt ? 6 : 5);
        const BillingPeriod previous = BillingCalendar(anchor, tz).preceding(r->period);
        QCOMPARE(previous.end, r->period.start);
        const auto before = ledger().usage().report(previous.id(), std::nullopt);
        QCOMPARE(before->used, bothInIt ? 0 : 1);
        QVERIFY(before->finished);

        QVERIFY(r->forecast);
        QCOMPARE(r->forecast->tooEarly, now - r->period.start < CreditRules::forecastMinimumMs);
        if (r->forecast->runsOutAt)
            QVERIFY(*r->forecast->runsOutAt >= now && *r->forecast->runsOutAt < r->period.end);
        const QString forecast = UsageSentences::forecast(r.value());
        QVERIFY2(forecast.startsWith(r->forecast->tooEarly
                                         ? QStringLiteral("It is too early in the period for a forecast")
                                         : QStringLiteral("At this pace")),
                 qPrintable(at + QLatin1Char(' ') + forecast));

        const auto days = ledger().usage().dailyUsage(std::nullopt, std::nullopt);
        QCOMPARE(days->size(), first.daysTo(next));
        qint64 credits = 0;
        for (const DayUsage& d : days.value()) {
            credits += d.credits;
            if (d.day == localDate(now))
                QVERIFY2(d.credits >= 5, qPrintable(at));
        }
        QCOMPARE(credits, r->used);
        // The rolling hour holds the event of now, not the one of 90 minutes ago.
        QCOMPARE(ledger().usage().rateLimits({})->onCredits.used, 1);
    }

    void importIsAllOrNothingAndIdempotent()
    {
        QVERIFY(ledger().setSlotModel(QStringLiteral("analysis"), QStringLiteral("claude-opus-4-5")).ok());
        const QByteArray good = "i1,2026-11-02T09:00:00Z,acme,analysis,,credits,\n"             // slot model: opus, 20
                                "i2,2026-11-02T09:01:00Z,,content,claude-sonnet-4-5,credits,\n" // 5
                                "i3,2026-11-02T09:02:00Z,beta,image,,byok,\n"                   // 0
                                "i4,2026-10-02T09:00:00Z,,theme,,credits,3\n";                  // given: 3, in October
        const auto bad =
            ledger().usage().importRows(rows(good + "i5,2026-11-02T09:03:00Z,,poetry,,credits,\n"
                                                    "i6,2026-11-02T09:03:00Z,,image,claude-opus-4-6,credits,\n"
                                                    "i1,2026-11-02T09:03:00Z,,theme,,credits,\n"),
                                        false);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.failure().kind, Failure::BadInput);
        QCOMPARE(bad.failure().message,
                 QStringLiteral("Line 6: unknown action \"poetry\" (2 more lines are bad too); nothing was imported."));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tenants")), 0);
        const auto twice =
            ledger().usage().importRows(rows(good + "i2,2026-11-02T09:04:00Z,,theme,,credits,\n"), false);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.failure().message,
                 QStringLiteral("Line 6: id \"i2\" appears twice in the file; nothing was imported."));

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

    // An import adds up its events by the local days and periods of the ledger's zone, as the zone draws them:
    // where midnight falls inside a UTC hour (India, Nepal) or moves with daylight saving, on the nights around
    // a period's reset. (SQLite's import adds them up an hour at a time; PostgreSQL's functions by themselves.)
    void anImportAddsUpItsEventsByTheDaysAndPeriodsOfTheZone_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::newRow("Kolkata (+05:30)") << "Asia/Kolkata";
        QTest::newRow("Kathmandu (+05:45)") << "Asia/Kathmandu";
        QTest::newRow("Berlin (DST ends 25 Oct)") << "Europe/Berlin";
        QTest::newRow("New York (DST ends 1 Nov)") << "America/New_York";
        QTest::newRow("Chatham (+13:45)") << "Pacific/Chatham";
    }

    void anImportAddsUpItsEventsByTheDaysAndPeriodsOfTheZone()
    {
        QFETCH(QString, zone);
        QVERIFY(ledger().setBillingCalendar(1, zone).ok()); // nothing recorded yet: at once
        const QTimeZone tz(zone.toUtf8());
        // Every 10 minutes for ten days around the reset of 1 November; a few BYOK, credits given 1–5.
        QByteArray csv;
        QMap<QDate, DayUsage> expected;
        const qint64 from = at("2026-10-25T00:00:00Z");
        for (int i = 0; i < 10 * 144; ++i) {
            const qint64 when = from + qint64(i) * 10 * 60000;
            const bool byok = i % 7 == 0;
            const int credits = byok ? 0 : 1 + i % 5;
            csv += QStringLiteral("z%1,%2,%3,theme,,%4,%5\n")
                       .arg(i)
                       .arg(IsoTime::formatUtc(when), i % 2 ? QStringLiteral("acme") : QString(),
                            byok ? QStringLiteral("byok") : QStringLiteral("credits"),
                            byok ? QString() : QString::number(credits))
                       .toUtf8();
            DayUsage& day = expected[QDateTime::fromMSecsSinceEpoch(when, tz).date()];
            day.runs += 1;
            day.credits += credits;
            day.byokRuns += byok ? 1 : 0;
        }
        const auto imported = ledger().usage().importRows(rows(csv), false);
        QVERIFY2(imported.ok(), qPrintable(imported.failure().message));
        QCOMPARE(imported->added, 10 * 144);

        int daysSeen = 0;
        for (const char* period : {"2026-10", "2026-11"}) {
            const auto days = ledger().usage().dailyUsage(QString::fromLatin1(period), std::nullopt);
            QVERIFY2(days.ok(), qPrintable(days.failure().message));
            qint64 credits = 0;
            for (const DayUsage& d : days.value()) {
                const DayUsage want = expected.value(d.day);
                QVERIFY2(d.runs == want.runs && d.credits == want.credits && d.byokRuns == want.byokRuns,
                         qPrintable(QStringLiteral("%1 %2: %3 runs, %4 credits, %5 BYOK; expected %6, %7, %8")
                                        .arg(zone, d.day.toString(Qt::ISODate))
                                        .arg(d.runs)
                                        .arg(d.credits)
                                        .arg(d.byokRuns)
                                        .arg(want.runs)
                                        .arg(want.credits)
                                        .arg(want.byokRuns)));
                credits += d.credits;
                daysSeen += d.runs > 0 ? 1 : 0;
            }
            QCOMPARE(used(period), credits);
        }
        QCOMPARE(daysSeen, expected.size());
    }

    void anImportLargerThanTheLedgerSkipsStoredIdsAndKeepsTheIdIndex()
    {
        QVERIFY(ledger()
                    .usage()
                    .importRows(rows("k5,2026-11-02T09:00:00Z,,theme,,credits,\n"
                                     "k1,2026-11-02T09:00:00Z,,theme,,credits,\n"),
                                false)
                    .ok());
        // Six rows over two stored: the import loads first and indexes after (on PostgreSQL the id index too).
        // The ids come in no particular order; the stored ones are skipped and not counted again.
        const QByteArray six = "k9,2026-11-03T09:00:00Z,,theme,,credits,\n"
                               "k5,2026-11-03T09:00:00Z,,content,,credits,\n"
                               "a2,2026-10-03T09:00:00Z,acme,theme,,credits,\n"
                               "k1,2026-11-03T09:00:00Z,,content,,credits,\n"
                               "z0,2026-11-03T09:00:00Z,,theme,,byok,\n"
                               "k10,2026-11-03T09:00:00Z,,content,,credits,\n";
        const auto larger = ledger().usage().importRows(rows(six), false);
        QVERIFY2(larger.ok(), qPrintable(larger.failure().message));
        QCOMPARE(larger->added, 4);
        QCOMPARE(larger->alreadyPresent, 2);
        QCOMPARE(larger->credits, 1 + 1 + 5);
        QCOMPARE(used("2026-11"), 2 + 1 + 5);
        QCOMPARE(used("2026-10"), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 6);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events WHERE id = 'k5' AND action = 'theme'")), 1);
        QCOMPARE(rateLimitIndexes(), 1);
        // The id index is back: the same file again adds nothing, and a stored id cannot be inserted twice.
        const auto again = ledger().usage().importRows(rows(six), false);
        QVERIFY2(again.ok(), qPrintable(again.failure().message));
        QCOMPARE(again->added, 0);
        QCOMPARE(again->alreadyPresent, 6);
        withRawDatabase([](QSqlDatabase& db) {
            QVERIFY(!QSqlQuery(db).exec(
                QStringLiteral("INSERT INTO usage_events SELECT * FROM usage_events WHERE id = 'k9'")));
        });
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 6);
    }

    void cancelledImportLeavesNothing()
    {
        QByteArray csv;
        for (int i = 0; i < 10000; ++i)
            csv += QStringLiteral("c%1,2026-11-02T09:00:00Z,t,theme,,credits,\n").arg(i).toLatin1();
        int calls = 0;
        // Cancelled once the rows are in the events table, before they are indexed and counted.
        const auto cancelled = ledger().usage().importRows(rows(csv), false, [&](ImportProgress::Step step, int) {
            ++calls;
            return step != ImportProgress::Step::Indexing;
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

    // Whether another connection could take the ledger's write lock just now (and let it go at once).
    bool writeLockFree()
    {
        bool free = false;
        withRawDatabase([&](QSqlDatabase& db) {
            QSqlQuery q(db);
            if (TestBackend::postgres()) {
                free = q.exec(QStringLiteral("BEGIN")) && q.exec(QStringLiteral("SET LOCAL lock_timeout = 100")) &&
                       q.exec(QStringLiteral("SELECT 1 FROM ai_settings.ledger_lock FOR UPDATE"));
            } else {
                free = q.exec(QStringLiteral("PRAGMA busy_timeout = 100")) && q.exec(QStringLiteral("BEGIN IMMEDIATE"));
            }
            q.exec(QStringLiteral("ROLLBACK"));
        });
        return free;
    }

    // An import reads, checks and stages its file piece by piece without the ledger's write lock, so that
    // recorders go on meanwhile; it takes the lock for the move alone. Two pieces here, and an id that the second
    // repeats from the first is found all the same.
    void anImportTakesTheWriteLockOnlyToMoveItsRows()
    {
        QByteArray first, second;
        for (int i = 0; i < 3000; ++i) {
            first += QStringLiteral("w%1,2026-11-02T09:00:00Z,t,theme,,credits,\n").arg(i).toLatin1();
            second += QStringLiteral("w%1,2026-11-02T09:00:00Z,t,theme,,credits,\n").arg(i + 3000).toLatin1();
        }
        const auto source = [this](QVector<QVector<ImportRow>> pieces) {
            auto given = std::make_shared<int>(0);
            return UsageBook::ImportSource{[pieces, given]() -> Result<QVector<ImportRow>> {
                                               return *given < pieces.size() ? pieces[(*given)++]
                                                                             : QVector<ImportRow>();
                                           },
                                           [given, n = pieces.size()] { return int(1000 * *given / n); }, QString()};
        };
        using ImportProgress::Step;
        QMap<Step, QList<bool>> lockFree;
        const auto summary =
            ledger().usage().importFrom(source({rows(first), rows(second)}), false, [&](Step step, int) {
                lockFree[step] << writeLockFree();
                return true;
            });
        QVERIFY2(summary.ok(), qPrintable(summary.failure().message));
        QCOMPARE(summary->added, 6000);
        QVERIFY(lockFree[Step::Reading].size() >= 3); // the start, and after each piece
        QVERIFY(!lockFree[Step::Reading].contains(false));
        QVERIFY(!lockFree[Step::Checking].isEmpty() && !lockFree[Step::Checking].contains(false));
        // On PostgreSQL the rows go into the events without it too (it is taken for their totals); SQLite's one
        // lock is the file's, which the move holds.
        QVERIFY(!lockFree[Step::Indexing].isEmpty());
        QCOMPARE(!lockFree[Step::Indexing].contains(false), TestBackend::postgres());
        // Once moving, the import holds it (which shows that the look above can see a held lock).
        QVERIFY(!lockFree[Step::Totalling].isEmpty() && !lockFree[Step::Totalling].contains(true));
        QVERIFY(writeLockFree());

        // An id repeated across pieces: the line that repeats it is named, nothing is imported.
        QByteArray again = "r1,2026-11-02T09:00:00Z,t,theme,,credits,\n";
        QByteArray later = "r2,2026-11-02T09:00:00Z,t,theme,,credits,\nr1,2026-11-02T09:01:00Z,t,theme,,credits,\n";
        QVector<ImportRow> laterRows = rows(later);
        for (ImportRow& row : laterRows)
            row.line += 1; // the second piece's lines come after the first's
        const auto twice = ledger().usage().importFrom(source({rows(again), laterRows}), false);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.failure().message,
                 QStringLiteral("Line 4: id \"r1\" appears twice in the file; nothing was imported."));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 6000);
    }

    // SQLite's one lock is the file's, and an import holds it for about a minute at 10M events. A recorder that
    // finds an import holding it records beside the ledger (DuringImport) under the rules, counting what was
    // recorded there before it; the import takes those events into the ledger before it commits. Other writers
    // still wait, and one that gives up names the import.
    void aRecorderDuringAnImportRecordsBesideItAndTheImportTakesItsEvents()
    {
        if (TestBackend::postgres())
            QSKIP("PostgreSQL's recorders take row locks; an import holds the ledger's only for its totals");
        const QByteArray csv = importCsv(500);
        const QString note = ImportNote::pathFor(m_path);
        auto other = openAs(ledger().userName());
        const qint64 before = ledger().usage().report(std::nullopt, std::nullopt)->remaining;
        bool noted = false;
        QVector<Result<RecordOutcome>> beside;
        QString refused;
        using ImportProgress::Step;
        const auto summary = ledger().usage().importRows(rows(csv), false, [&](Step step, int) {
            if (step == Step::Totalling && beside.isEmpty()) {
                noted = QFile::exists(note);
                beside << other->usage().record({QStringLiteral("theme"), QString(), std::nullopt, QString(), false});
                beside << other->usage().record(
                    {QStringLiteral("content"), QString(), std::nullopt, QStringLiteral("live-1"), false});
                // A retry of an event recorded beside is answered as one, not charged again.
                beside << other->usage().record(
                    {QStringLiteral("content"), QString(), std::nullopt, QStringLiteral("live-1"), false});
                const auto r = other->setSlotModels({{QStringLiteral("content"), QStringLiteral("claude-opus-4-6")}});
                refused = r ? QStringLiteral("changed") : r.failure().message;
            }
            return true;
        });
        QVERIFY2(summary.ok(), qPrintable(summary.failure().message));
        QVERIFY(noted);
        QCOMPARE(beside.size(), 3);
        for (const auto& r : beside)
            QVERIFY2(r.ok(), qPrintable(r.failure().message));
        // Each decided on what was recorded beside before it: theme 1 credit, content 5.
        QCOMPARE(beside[0]->remaining, before - 1);
        QCOMPARE(beside[1]->remaining, before - 6);
        QVERIFY(beside[2]->alreadyRecorded);
        QCOMPARE(beside[2]->remaining, before - 6);
        QCOMPARE(refused, QStringLiteral("The ledger is busy: %1's import of 500 events (started "
                                         "2026-11-22T12:00:00Z) held its write lock for more than 10 seconds; "
                                         "nothing was written.")
                              .arg(ledger().userName()));
        QVERIFY(!QFile::exists(note));
        QCOMPARE(summary->added, 500);
        // The ledger holds both, and its totals agree with its events; nothing waits beside it.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 502);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events WHERE id = 'live-1'")), 1);
        QCOMPARE(ledger().usage().eventCount().value(), 502);
        QCOMPARE(ledger().usage().report(std::nullopt, std::nullopt)->remaining, before - 6);
        QCOMPARE(heldBeside(), 0);
        // Once the import has ended, the same recorder records in the ledger itself.
        const auto after = other->usage().record({QStringLiteral("theme"), QString(), std::nullopt, QString(), false});
        QVERIFY2(after.ok(), qPrintable(after.failure().message));
        QCOMPARE(after->remaining, before - 7);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 503);
    }

    // An event recorded beside an import under an id the file gives other details for was acknowledged to its
    // recorder: the import gives way, all of it, and the event stays. Run again, the import skips that id.
    // A dry run, which commits nothing, still leaves what was recorded beside it in the ledger.
    void anImportGivesWayToAnEventRecordedBesideIt()
    {
        if (TestBackend::postgres())
            QSKIP("SQLite's file lock only");
        const QByteArray csv = importCsv(50);
        auto other = openAs(ledger().userName());
        bool recorded = false;
        using ImportProgress::Step;
        const auto recordBeside = [&](const QString& id) {
            return [&, id](Step step, int) {
                if (step == Step::Totalling && !recorded)
                    recorded =
                        other->usage().record({QStringLiteral("theme"), QString(), std::nullopt, id, false}).ok();
                return true;
            };
        };
        const auto clash = ledger().usage().importRows(rows(csv), false, recordBeside(QStringLiteral("n7")));
        QVERIFY(recorded);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.failure().message,
                 QStringLiteral("Event id \"n7\" was recorded while the file was being imported, and the file gives "
                                "it other details; nothing was imported. Import the file again to add the rest."));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events WHERE id = 'n7' AND tenant = ''")), 1);
        QCOMPARE(ledger().usage().eventCount().value(), 1);
        QCOMPARE(heldBeside(), 0);
        const auto again = ledger().usage().importRows(rows(csv), false);
        QVERIFY2(again.ok(), qPrintable(again.failure().message));
        QCOMPARE(again->added, 49);
        QCOMPARE(again->alreadyPresent, 1);

        recorded = false;
        const auto dry = ledger().usage().importRows(rows(importCsv(60)), true, recordBeside(QStringLiteral("dry-1")));
        QVERIFY2(dry.ok(), qPrintable(dry.failure().message));
        QVERIFY(recorded);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events WHERE id = 'dry-1'")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 51);
        QCOMPARE(ledger().usage().eventCount().value(), 51);
        QCOMPARE(heldBeside(), 0);
    }

    // An import killed while it held the lock leaves what was recorded beside it in DuringImport's file: the
    // events were acknowledged, so the next opening of the ledger takes them in (the next recorder would too).
    void eventsLeftBesideByAKilledImportJoinTheLedgerWhenItIsOpened()
    {
        if (TestBackend::postgres())
            QSKIP("SQLite's file lock only");
        leaveBeside(QStringLiteral("left-1"), "2026-11-22T11:00:00Z");
        QCOMPARE(heldBeside(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")), 0);
        m_ledger.reset();
        m_ledger = openAs(QStringLiteral("owner"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events WHERE id = 'left-1' AND credits = 5")), 1);
        QCOMPARE(used("2026-11"), 5);
        QCOMPARE(heldBeside(), 0);
    }

    // A new billing calendar governs the running period at once only where that period holds no usage yet; usage
    // left beside the ledger by a killed import (with the ledger already open) is usage too.
    void aCalendarChangeCountsTheEventsLeftBesideTheLedger()
    {
        if (TestBackend::postgres())
            QSKIP("SQLite's file lock only");
        leaveBeside(QStringLiteral("left-2"), "2026-11-22T11:00:00Z");
        // The preview said before the change agrees with the change.
        const auto preview = ledger().previewBillingCalendar(15, QStringLiteral("UTC"));
        QVERIFY2(preview.ok(), qPrintable(preview.failure().message));
        QVERIFY(!preview->atOnce);
        const auto chosen = ledger().setBillingCalendar(15, QStringLiteral("UTC"));
        QVERIFY2(chosen.ok(), qPrintable(chosen.failure().message));
        QVERIFY(!chosen->atOnce);
        QCOMPARE(used("2026-11"), 5);
        QCOMPARE(heldBeside(), 0);
    }

    // The progress of an import covers all of it, step by named step, and reaches the end only once it is saved:
    // it no longer stood at 100 % from the end of the parse while the rows were still being written.
    void theProgressCoversTheWholeImportStepByStep()
    {
        QByteArray csv = "id,occurred_at,tenant,action,model,billing,credits\n";
        for (int i = 0; i < 20000; ++i)
            csv += QStringLiteral("p%1,2026-11-02T09:00:00Z,t,theme,,credits,\n").arg(i).toLatin1();
        const QString file = m_dir.filePath(QStringLiteral("progress.csv"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(csv);
        out.close();
        using ImportProgress::Step;
        QList<Step> steps;
        QList<int> marks;
        qint64 storedAtTheEnd = -1;
        const auto summary = UsageTransfer::importFile(ledger(), file, false, [&](Step step, int permille) {
            if (steps.isEmpty() || steps.last() != step)
                steps << step;
            if (permille == 1000)
                storedAtTheEnd = scalar(QStringLiteral("SELECT COUNT(*) FROM usage_events")); // another connection
            marks << permille;
            return true;
        });
        QVERIFY2(summary.ok(), qPrintable(summary.failure().message));
        QCOMPARE(steps, (QList<Step>{Step::Reading, Step::Checking, Step::Writing, Step::Indexing, Step::Totalling,
                                     Step::Saving}));
        QVERIFY(std::is_sorted(marks.begin(), marks.end()));
        QCOMPARE(marks.first(), 0);
        QCOMPARE(marks.last(), 1000);
        QCOMPARE(marks.count(1000), 1);
        // The rows move the bar in the middle, between the check and the index.
        QVERIFY(std::count_if(marks.begin(), marks.end(), [](int m) { return m > 250 && m < 800; }) >= 2);
        QCOMPARE(storedAtTheEnd, 20000); // the end is told once the events are saved
        QVERIFY(!ImportProgress::stepName(Step::Writing).isEmpty());
    }

    void severalSlotsChangeTogetherOrNotAtAll()
    {
        const auto refused = ledger().setSlotModels({{QStringLiteral("content"), QStringLiteral("claude-opus-4-6")},
                                                     {QStringLiteral("analysis"), QStringLiteral("gpt-4o")}});
        QCOMPARE(refused.failure().kind, Failure::BadInput);
        QCOMPARE(ledger().settings().current()->slotModels.value(QStringLiteral("content")),
                 QStringLiteral("claude-sonnet-4-6"));
        QVERIFY(ledger()
                    .setSlotModels({{QStringLiteral("content"), QStringLiteral("claude-opus-4-6")},
                                    {QStringLiteral("analysis"), QStringLiteral("claude-haiku-4-5")}})
                    .ok());
        const auto now = ledger().settings().current();
        QCOMPARE(now->slotModels.value(QStringLiteral("content")), QStringLiteral("claude-opus-4-6"));
        QCOMPARE(now->slotModels.value(QStringLiteral("analysis")), QStringLiteral("claude-haiku-4-5"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject LIKE 'model.%'")), 2);
        auto viewer = openAs(QStringLiteral("guest"));
        TestBackend::serverRole(QStringLiteral("guest"));
        QVERIFY(ledger().directory().setMember(QStringLiteral("guest"), Role::Viewer).ok());
        QCOMPARE(
            viewer->setSlotModels({{QStringLiteral("content"), QStringLiteral("claude-sonnet-4-5")}}).failure().kind,
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
        QVERIFY(record("theme", "2026-10-31T14:59:59Z").ok());                            // October period

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
        // When a slot frees up is told only while none is free.
        QCOMPARE(UsageSentences::rateStanding(limits->onCredits, false, QStringLiteral("UTC")),
                 QStringLiteral("On AI credits: 18 of 20 queries left in the rolling hour."));
        const RateStanding full{20, 20, at("2026-11-22T12:10:00Z")};
        QCOMPARE(UsageSentences::rateStanding(full, false, QStringLiteral("UTC")),
                 QStringLiteral(
                     "On AI credits: 0 of 20 queries left in the rolling hour; the next slot frees up at 12:10 UTC."));
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
        QVERIFY(ledger()
                    .usage()
                    .importRows(rows("o1,2026-10-05T09:00:00Z,,trigger,,credits,\n"
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
        QCOMPARE(UsageSentences::overPlan(october.value()),
                 QStringLiteral("Imported usage exceeded the plan by 30 credits."));
        QVERIFY(UsageSentences::used(october.value())
                    .startsWith(QStringLiteral("130 of 100 credits used in October 2026")));
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
        QVERIFY2(UsageSentences::pendingPlan(after.value())
                     .startsWith(QStringLiteral("The plan changes to Professional (500 credits a month) at the next "
                                                "period, on Tue 1 Dec 2026 at 00:00 UTC")),
                 qPrintable(UsageSentences::pendingPlan(after.value())));
        const auto december = ledger().usage().report(QStringLiteral("2026-12"), std::nullopt);
        QCOMPARE(december->allocation, 500);
        QVERIFY(december->upcoming);
        QCOMPARE(UsageSentences::remaining(december.value()),
                 QStringLiteral("500 credits become available on Tue 1 Dec 2026 at 00:00 UTC."));
        QVERIFY(UsageSentences::used(december.value())
                    .startsWith(QStringLiteral("0 of 500 credits used in December 2026")));
        QVERIFY(ledger().directory().addTenant(QStringLiteral("acme"), {}).ok());
        QCOMPARE(UsageSentences::tenantShare(
                     ledger().usage().report(QStringLiteral("2026-12"), QStringLiteral("acme")).value()),
                 QStringLiteral(
                     "Tenant acme used 0 credits of the install's credits in December 2026.")); // not "this month"
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
        QVERIFY(
            UsageSentences::pendingPlan(held.value()).startsWith(QStringLiteral("The plan changes to Professional")));
    }

    void theAuditTrailReadsInPagesNewestFirst()
    {
        for (int i = 0; i < 25; ++i)
            QVERIFY(ledger().directory().addTenant(QStringLiteral("t%1").arg(i, 2, 10, QLatin1Char('0')), {}).ok());
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        TestBackend::serverRole(QStringLiteral("guest"));
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
        QVERIFY(ledger().setBillingCalendar(1, QStringLiteral("America/New_York")).ok()); // nothing recorded: at once
        QVERIFY(ledger().settings().setPlan(QStringLiteral("enterprise")).ok());
        QVERIFY(ledger()
                    .usage()
                    .importRows(rows("x1,2026-11-02T09:00:00Z,acme,analysis,,credits,\n"
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
        QVERIFY(ledger().setBillingCalendar(1, QStringLiteral("Asia/Tokyo")).ok()); // waits: nothing moves
        QVERIFY(dailyMatch());
        const auto days = ledger().usage().dailyUsage(QStringLiteral("2026-11"), std::nullopt);
        QVERIFY(days.ok());
        QCOMPARE(days->at(1).day, QDate(2026, 11, 2));
        QCOMPARE(days->at(1).credits, 11); // analysis at 04:00 local and the theme at 22:30 local the day before
        QCOMPARE(days->at(2).credits, 20); // the trigger at 05:00 local
    }

    // On PostgreSQL an import's rows go in, and are summed for the totals, before it takes the write lock; should
    // the calendar change meanwhile, they are summed again by the new one under the lock.
    void anImportSumsAgainWhenTheCalendarChangesMeanwhile()
    {
        if (!TestBackend::postgres())
            QSKIP("SQLite's import holds the file's lock from its move on, so nothing changes meanwhile");
        auto other = openAs(QStringLiteral("owner"));
        bool changed = false;
        const auto imported = ledger().usage().importRows(
            rows("z1,2026-11-03T12:00:00Z,,theme,,credits,\n"), false, [&](ImportProgress::Step step, int) {
                if (step == ImportProgress::Step::Indexing && !changed)
                    changed = other->setBillingCalendar(1, QStringLiteral("America/New_York")).ok();
                return true;
            });
        QVERIFY2(imported.ok(), qPrintable(imported.failure().message));
        QVERIFY(changed);
        // 12:00Z on 3 November is 07:00 that day in New York (summed by UTC, the day would start at 19:00 on the
        // 2nd, New York's time).
        const auto days = ledger().usage().dailyUsage(QStringLiteral("2026-11"), std::nullopt);
        QVERIFY(days.ok());
        QCOMPARE(days->at(2).day, QDate(2026, 11, 3));
        QCOMPARE(days->at(2).credits, 1);
        QCOMPARE(days->at(1).credits, 0);
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(credits) FROM usage_daily")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(credits) FROM usage_totals")), 1);
    }

    void anImportWritesTheTotalsInKeyOrder()
    {
        // Newest first across days and tenants: the order of the file (and of a hash) is not the key order.
        QByteArray csv;
        for (int day = 28; day >= 1; --day)
            for (const char* tenant : {"zeta", "acme", "", "mid"})
                csv += QByteArray("d") + QByteArray::number(day) + tenant + ",2026-10-" +
                       QByteArray::number(day).rightJustified(2, '0') + "T12:00:00Z," + tenant + ",theme,,byok,\n";
        QVERIFY(ledger().usage().importRows(rows(csv), false).ok());
        // Stored one after another in key order, a day's or a period's rows share pages: the chart and the
        // report read a month from a few pages rather than one page per row.
        const QString physical = TestBackend::postgres() ? QStringLiteral("ctid") : QStringLiteral("rowid");
        for (const auto& [table, key] : {std::pair{"usage_daily", "day_start, tenant"},
                                         std::pair{"usage_totals", "period_start, tenant, action"}}) {
            QStringList stored, sorted;
            withRawDatabase([&](QSqlDatabase& db) {
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                                   .arg(QLatin1String(key), QLatin1String(table), physical)));
                while (q.next())
                    stored << q.value(0).toString().rightJustified(15, QLatin1Char('0')) + QLatin1Char('/') +
                                  q.value(1).toString();
            });
            sorted = stored;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(stored.size(), QLatin1String(table) == QLatin1String("usage_daily") ? 28 * 4 : 4);
            QCOMPARE(stored, sorted);
        }
    }

    // A sync's reports replace what was held for its days, on either backend (PostgreSQL stores them through its
    // function); a finding is told in the audit trail once; a Viewer reads them and cannot store them.
    void providerReportsReplaceTheirDaysAndFindingsAreToldOnce()
    {
        const QDate d17(2026, 11, 17), d18(2026, 11, 18), d19(2026, 11, 19);
        ProviderUsageRow early{
            d17, QStringLiteral("apikey_1"), QStringLiteral("claude-sonnet-4-6"), 100, 0, 0, 0, 10, 0, {}};
        ProviderUsageRow late{d18, QStringLiteral("apikey_1"), QStringLiteral("claude-sonnet-4-6"), 200, 0, 0, 0, 20, 0,
                              {}};
        ProviderUsageRow split = late; // a report that splits the day further than asked: one row here
        split.requests = 3;
        ProviderReportSet set{
            QStringLiteral("anthropic"),
            d17,
            d18,
            1000,
            {early, late, split},
            {{d17, {}, QStringLiteral("claude-sonnet-4-6"), QStringLiteral("input"), 1234, QStringLiteral("USD")}},
            {{QStringLiteral("apikey_1"), QStringLiteral("sk-ant-api03-abc...wxyz"), QStringLiteral("Install")}}};
        const SpendFinding outside{QStringLiteral("anthropic"), d18, {}, SpendFinding::Kind::OutsideUse,
                                   QStringLiteral("wxyz"),      0,   1};
        QVERIFY(ledger().providers().store(set, {outside}).ok());
        auto held = ledger().providers().held(QStringLiteral("anthropic"), QDate(2026, 11, 1), QDate(2026, 11, 30));
        QVERIFY2(held.ok(), qPrintable(held.failure().message));
        QCOMPARE(held->first, d17);
        QCOMPARE(held->last, d18);
        QCOMPARE(held->syncedAt, qint64(1000));
        QCOMPARE(held->usage.size(), 2);
        QCOMPARE(held->usage[1].uncachedInput, qint64(400));
        QCOMPARE(held->usage[1].requests, std::optional<qint64>(3));
        QVERIFY(!held->usage[0].requests);
        QCOMPARE(held->costs.size(), 1);
        QCOMPARE(held->costs[0].micros, qint64(1234));
        QVERIFY(held->costs[0].apiKeyId.isEmpty());
        QCOMPARE(held->keys.size(), 1);

        // The next sync reads the 18th and 19th: the 18th grows, the 17th stays, the finding is not told again.
        late.uncachedInput = 250;
        const ProviderUsageRow next{
            d19, QStringLiteral("apikey_1"), QStringLiteral("claude-sonnet-4-6"), 5, 0, 0, 0, 1, 0, {}};
        const ProviderReportSet again{QStringLiteral("anthropic"), d18, d19, 2000, {late, next}, {}, {}};
        const SpendFinding notSeen{QStringLiteral("anthropic"), d19, {}, SpendFinding::Kind::NotSeen,
                                   QStringLiteral("wxyz"),      2,   0};
        QVERIFY(ledger().providers().store(again, {outside, notSeen}).ok());
        held = ledger().providers().held(QStringLiteral("anthropic"), QDate(2026, 11, 1), QDate(2026, 11, 30));
        QCOMPARE(held->first, d17); // the days held run from the first sync's
        QCOMPARE(held->last, d19);
        QCOMPARE(held->usage.size(), 3);
        QCOMPARE(held->usage[1].uncachedInput, qint64(250));
        QCOMPARE(held->costs.size(), 1);
        QVERIFY(held->keys.isEmpty()); // the key list is replaced as a whole
        AuditFilter spend;
        spend.kind = QStringLiteral("spend");
        QCOMPARE(ledger().audit().count(spend).value(), 2);
        const auto lines = ledger().audit().page(spend, 0, 10);
        QStringList told;
        for (const AuditEntry& e : lines.value())
            told << e.change;
        told.sort();
        QCOMPARE(
            told,
            (QStringList{QStringLiteral("install key \u2026wxyz used on 2026-11-18 with no BYOK run recorded"),
                         QStringLiteral("install key \u2026wxyz: 2 BYOK runs recorded on 2026-11-19, none reported")}));

        TestBackend::serverRole(QStringLiteral("guest"));
        QVERIFY(ledger().directory().setMember(QStringLiteral("guest"), Role::Viewer).ok());
        auto viewer = openAs(QStringLiteral("guest"));
        QCOMPARE(viewer->providers().held(QStringLiteral("anthropic"), d17, d19)->usage.size(), 3);
        QCOMPARE(viewer->providers().store(again, {}).failure().kind, Failure::Refused);
    }

private:
    // `count` lines of October's usage for tenant t, ids n0, n1, …
    static QByteArray importCsv(int count)
    {
        QByteArray csv;
        for (int i = 0; i < count; ++i)
            csv += QStringLiteral("n%1,2026-10-02T09:00:00Z,t,theme,,credits,\n").arg(i).toLatin1();
        return csv;
    }

    // What an import killed while it held the lock leaves beside the ledger: a content event of 5 credits at `when`.
    void leaveBeside(const QString& id, const char* when)
    {
        QVERIFY(DuringImport::create(m_path).ok());
        auto file = DuringImport::open(m_path);
        QVERIFY2(file.ok(), qPrintable(file.failure().message));
        auto beside = file.value()->lock(1000);
        QVERIFY2(beside.ok(), qPrintable(beside.failure().message));
        UsageEvent e;
        e.id = id;
        e.occurredAt = at(when);
        e.action = QStringLiteral("content");
        e.model = QStringLiteral("claude-sonnet-4-6");
        e.credits = 5;
        QVERIFY(beside->add({e}, QStringLiteral("owner")).ok());
        QVERIFY(beside->commit().ok());
    }

    // The events waiting beside the ledger (DuringImport's file), -1 without the file.
    qint64 heldBeside()
    {
        const QString path = DuringImport::pathFor(m_path);
        if (!QFile::exists(path))
            return -1;
        qint64 count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("beside"));
            db.setDatabaseName(path);
            QSqlQuery q(db);
            if (db.open() && q.exec(QStringLiteral("SELECT COUNT(*) FROM usage_events")) && q.next())
                count = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("beside"));
        return count;
    }
};

QTEST_GUILESS_MAIN(TestLedgerBook)
#include "tst_ledgerbook.moc"
