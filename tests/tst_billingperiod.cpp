#include "TestSupport.h"

#include "rules/BillingPeriod.h"
#include "support/IsoTime.h"

#include <limits>

class TestBillingPeriod : public QObject
{
    Q_OBJECT

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void periodContaining_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<int>("anchor");
        QTest::addColumn<QString>("instant");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("id");
        QTest::newRow("utc mid month") << "UTC" << 1 << "2026-11-22T10:00:00Z"
                                       << "2026-11-01T00:00:00Z"
                                       << "2026-12-01T00:00:00Z"
                                       << "2026-11";
        QTest::newRow("utc first instant") << "UTC" << 1 << "2026-12-01T00:00:00Z"
                                           << "2026-12-01T00:00:00Z"
                                           << "2027-01-01T00:00:00Z"
                                           << "2026-12";
        QTest::newRow("utc last instant") << "UTC" << 1 << "2026-11-30T23:59:59.999Z"
                                          << "2026-11-01T00:00:00Z"
                                          << "2026-12-01T00:00:00Z"
                                          << "2026-11";
        QTest::newRow("anchor 15, day before") << "UTC" << 15 << "2026-01-14T23:59:00Z"
                                               << "2025-12-15T00:00:00Z"
                                               << "2026-01-15T00:00:00Z"
                                               << "2025-12";
        QTest::newRow("anchor 10 across new year") << "UTC" << 10 << "2026-01-05T08:00:00Z"
                                                   << "2025-12-10T00:00:00Z"
                                                   << "2026-01-10T00:00:00Z"
                                                   << "2025-12";
        QTest::newRow("anchor 28 in february") << "UTC" << 28 << "2026-02-28T00:00:00Z"
                                               << "2026-02-28T00:00:00Z"
                                               << "2026-03-28T00:00:00Z"
                                               << "2026-02";
        QTest::newRow("anchor 28 before it") << "UTC" << 28 << "2026-02-27T12:00:00Z"
                                             << "2026-01-28T00:00:00Z"
                                             << "2026-02-28T00:00:00Z"
                                             << "2026-01";
        QTest::newRow("leap day, anchor 1") << "UTC" << 1 << "2028-02-29T12:00:00Z"
                                            << "2028-02-01T00:00:00Z"
                                            << "2028-03-01T00:00:00Z"
                                            << "2028-02";
        QTest::newRow("leap day, anchor 28") << "UTC" << 28 << "2028-02-29T12:00:00Z"
                                             << "2028-02-28T00:00:00Z"
                                             << "2028-03-28T00:00:00Z"
                                             << "2028-02";
        QTest::newRow("offset given in the instant") << "UTC" << 1 << "2026-12-01T00:30:00+01:00"
                                                     << "2026-11-01T00:00:00Z"
                                                     << "2026-12-01T00:00:00Z"
                                                     << "2026-11";
        // London: GMT until 29 March 2026, then BST (+01:00).
        QTest::newRow("london, dst starts inside") << "Europe/London" << 1 << "2026-03-15T12:00:00Z"
                                                   << "2026-03-01T00:00:00Z"
                                                   << "2026-03-31T23:00:00Z"
                                                   << "2026-03";
        QTest::newRow("london, summer") << "Europe/London" << 1 << "2026-04-10T12:00:00Z"
                                        << "2026-03-31T23:00:00Z"
                                        << "2026-04-30T23:00:00Z"
                                        << "2026-04";
        QTest::newRow("london, local midnight already") << "Europe/London" << 1 << "2026-03-31T23:30:00Z"
                                                        << "2026-03-31T23:00:00Z"
                                                        << "2026-04-30T23:00:00Z"
                                                        << "2026-04";
        // New York leaves DST on 1 November 2026 at 02:00, after the period's midnight.
        QTest::newRow("new york, dst ends inside") << "America/New_York" << 1 << "2026-11-15T12:00:00Z"
                                                   << "2026-11-01T04:00:00Z"
                                                   << "2026-12-01T05:00:00Z"
                                                   << "2026-11";
        QTest::newRow("tokyo, ahead of utc") << "Asia/Tokyo" << 1 << "2026-10-31T16:00:00Z"
                                             << "2026-10-31T15:00:00Z"
                                             << "2026-11-30T15:00:00Z"
                                             << "2026-11";
        // Santiago skipped midnight on 8 September 2024 (00:00 -> 01:00) and repeated 23:00-24:00 on 6 April 2024.
        QTest::newRow("santiago, midnight skipped") << "America/Santiago" << 8 << "2024-09-20T12:00:00Z"
                                                    << "2024-09-08T04:00:00Z"
                                                    << "2024-10-08T03:00:00Z"
                                                    << "2024-09";
        QTest::newRow("santiago, hour repeated") << "America/Santiago" << 7 << "2024-04-10T12:00:00Z"
                                                 << "2024-04-07T04:00:00Z"
                                                 << "2024-05-07T04:00:00Z"
                                                 << "2024-04";
    }

    void periodContaining()
    {
        QFETCH(QString, zone);
        QFETCH(int, anchor);
        QFETCH(QString, instant);
        const QTimeZone tz(zone.toUtf8());
        QVERIFY2(tz.isValid(), "time-zone data is missing (Debian package tzdata)");
        const BillingCalendar calendar(anchor, tz);
        const BillingPeriod p = calendar.containing(*IsoTime::parse(instant));
        QTEST(IsoTime::formatUtc(p.start), "start");
        QTEST(IsoTime::formatUtc(p.end), "end");
        QTEST(p.id(), "id");
        // The same answer from the remembered periods, and neighbours that meet without a gap.
        QCOMPARE(calendar.containing(*IsoTime::parse(instant)).start, p.start);
        QCOMPARE(calendar.following(p).start, p.end);
        QCOMPARE(calendar.preceding(p).end, p.start);
        QCOMPARE(calendar.startingIn(p.firstDay.year(), p.firstDay.month()).start, p.start);
    }

    void lastDayIsTheDayBeforeTheReset()
    {
        const BillingCalendar calendar(15, QTimeZone("UTC"));
        const BillingPeriod p = calendar.startingIn(2026, 2);
        QCOMPARE(p.firstDay, QDate(2026, 2, 15));
        QCOMPARE(p.lastDay, QDate(2026, 3, 14));
    }

    // A calendar through its changes: every instant lies in exactly one period, periods tile time without a gap,
    // each period's days tile it, and the change's boundaries are the ones the history says, for a new anchor day
    // and for new zones either side of UTC (the old period's last day longer or shorter by the difference).
    void aCalendarWithChangesTilesTime_data()
    {
        QTest::addColumn<int>("fromDay");
        QTest::addColumn<QString>("fromZone");
        QTest::addColumn<int>("toDay");
        QTest::addColumn<QString>("toZone");
        QTest::addColumn<QString>("reset");    // the old reset where the change takes effect
        QTest::addColumn<QString>("start");    // where the change starts (changeStart)
        QTest::addColumn<QString>("shortEnd"); // the end of the first period under the change
        QTest::addColumn<QString>("shortId");
        QTest::newRow("1 to 15, UTC") << 1 << "UTC" << 15 << "UTC"
                                      << "2026-12-01T00:00:00Z"
                                      << "2026-12-01T00:00:00Z"
                                      << "2026-12-15T00:00:00Z"
                                      << "2026-12-01";
        QTest::newRow("15 to 1, UTC") << 15 << "UTC" << 1 << "UTC"
                                      << "2026-12-15T00:00:00Z"
                                      << "2026-12-15T00:00:00Z"
                                      << "2027-01-01T00:00:00Z"
                                      << "2026-12";
        QTest::newRow("UTC to Berlin") << 1 << "UTC" << 1 << "Europe/Berlin"
                                       << "2026-12-01T00:00:00Z"
                                       << "2026-11-30T23:00:00Z"
                                       << "2026-12-31T23:00:00Z"
                                       << "2026-12";
        QTest::newRow("Berlin to UTC") << 1 << "Europe/Berlin" << 1 << "UTC"
                                       << "2026-11-30T23:00:00Z"
                                       << "2026-12-01T00:00:00Z"
                                       << "2027-01-01T00:00:00Z"
                                       << "2026-12";
        QTest::newRow("Tokyo to New York, 28 to 2 over new year") << 28 << "Asia/Tokyo" << 2 << "America/New_York"
                                                                  << "2026-12-27T15:00:00Z"
                                                                  << "2026-12-28T05:00:00Z"
                                                                  << "2027-01-02T05:00:00Z"
                                                                  << "2026-12";
        QTest::newRow("Kiritimati to Baker Island") << 1 << "Pacific/Kiritimati" << 1 << "Etc/GMT+12"
                                                    << "2026-11-30T10:00:00Z"
                                                    << "2026-12-01T12:00:00Z"
                                                    << "2027-01-01T12:00:00Z"
                                                    << "2026-12";
    }

    void aCalendarWithChangesTilesTime()
    {
        QFETCH(int, fromDay);
        QFETCH(QString, fromZone);
        QFETCH(int, toDay);
        QFETCH(QString, toZone);
        QFETCH(QString, reset);
        QFETCH(QString, start);
        QFETCH(QString, shortEnd);
        QFETCH(QString, shortId);
        const qint64 at = BillingCalendar::changeStart(*IsoTime::parse(reset), QTimeZone(fromZone.toUtf8()),
                                                       QTimeZone(toZone.toUtf8()));
        QCOMPARE(IsoTime::formatUtc(at), start);
        const BillingCalendar calendar(fromDay, QTimeZone(fromZone.toUtf8()), {{at, toDay, toZone}});
        const BillingPeriod before = calendar.containing(at - 1);
        const BillingPeriod first = calendar.containing(at);
        QCOMPARE(before.end, at);
        QCOMPARE(first.start, at);
        QCOMPARE(IsoTime::formatUtc(first.end), shortEnd);
        QCOMPARE(first.id(), shortId);
        QCOMPARE(before.lastDay.addDays(1), first.firstDay);
        QCOMPARE(calendar.following(before).start, first.start);
        QCOMPARE(calendar.preceding(first).start, before.start);
        QCOMPARE(calendar.startingOn(first.firstDay)->start, first.start);
        // Three months each side, hour by hour: one period holds each instant, and one of its days.
        BillingPeriod p = calendar.containing(at - 90 * 86400000LL);
        for (qint64 t = p.start; t < at + 90 * 86400000LL; t += 3600000) {
            if (t >= p.end) {
                const BillingPeriod next = calendar.containing(t);
                QCOMPARE(next.start, p.end);
                QCOMPARE(next.firstDay, p.lastDay.addDays(1));
                p = next;
            }
            QVERIFY(p.contains(t));
            const std::vector<qint64>& days = calendar.dayStarts(p);
            QCOMPARE(qint64(days.size()), p.firstDay.daysTo(p.lastDay) + 1);
            QCOMPARE(days.front(), p.start);
            const qint64 day = calendar.dayStartContaining(t);
            QVERIFY(day <= t && day >= p.start);
            // The whole day: it ends where the next begins (or the period ends), in the period that holds t.
            const BillingCalendar::Day whole = calendar.dayContaining(t);
            QCOMPARE(whole.start, day);
            QVERIFY(whole.end > t && whole.end <= p.end);
            if (whole.end < p.end)
                QCOMPARE(calendar.dayStartContaining(whole.end), whole.end);
            QCOMPARE(whole.periodStart, p.start);
            if (p.id().size() == 7)
                QCOMPARE(calendar.startingIn(p.firstDay.year(), p.firstDay.month()).start, p.start);
            else
                QCOMPARE(calendar.startingOn(p.firstDay)->start, p.start);
        }
    }

    // What choosing a calendar does (chooseCalendar): at the running period's end when it holds usage, at its
    // start when it does not, plainly on a ledger with none; choosing again replaces a waiting change, choosing
    // the calendar in force withdraws it; usage after the reset is found.
    void choosingACalendar()
    {
        const qint64 now = *IsoTime::parse(QStringLiteral("2026-11-22T12:00:00Z"));
        const CalendarHistory utc1;
        std::optional<qint64> lastUsage = now - 3600000;
        const auto usageSince = [&](qint64 t) { return lastUsage && *lastUsage >= t; };

        CalendarChoice c = chooseCalendar(utc1, 15, QStringLiteral("UTC"), now, usageSince);
        QVERIFY(c.changed && !c.atOnce && !c.movesUsage);
        QCOMPARE(IsoTime::formatUtc(*c.startsAt), QStringLiteral("2026-12-01T00:00:00Z"));
        QCOMPARE(c.history.anchorDay(), 15);
        QCOMPARE(c.history.calendar().containing(now).id(), QStringLiteral("2026-11"));

        const CalendarChoice again = chooseCalendar(c.history, 20, QStringLiteral("UTC"), now, usageSince);
        QCOMPARE(again.history.changes.size(), 1);
        QCOMPARE(again.history.changes.front().anchorDay, 20);
        const CalendarChoice withdrawn = chooseCalendar(c.history, 1, QStringLiteral("UTC"), now, usageSince);
        QVERIFY(withdrawn.changed && !withdrawn.startsAt);
        QVERIFY(withdrawn.history == utc1);
        QVERIFY(!chooseCalendar(utc1, 1, QStringLiteral("UTC"), now, usageSince).changed);

        lastUsage = *IsoTime::parse(QStringLiteral("2026-10-30T00:00:00Z")); // nothing this period
        c = chooseCalendar(utc1, 15, QStringLiteral("UTC"), now, usageSince);
        QVERIFY(c.atOnce);
        QCOMPARE(IsoTime::formatUtc(*c.startsAt), QStringLiteral("2026-11-01T00:00:00Z"));
        QCOMPARE(c.history.calendar().containing(now).start, *IsoTime::parse(QStringLiteral("2026-11-15T00:00:00Z")));
        QCOMPARE(c.history.calendar().containing(*lastUsage).id(), QStringLiteral("2026-10"));

        lastUsage.reset(); // no usage at all
        c = chooseCalendar(utc1, 15, QStringLiteral("Asia/Tokyo"), now, usageSince);
        QVERIFY(c.atOnce && !c.startsAt && c.history.changes.isEmpty());
        QCOMPARE(c.history.firstAnchorDay, 15);

        lastUsage = *IsoTime::parse(QStringLiteral("2026-12-03T00:00:00Z")); // a clock ahead
        QVERIFY(chooseCalendar(utc1, 15, QStringLiteral("UTC"), now, usageSince).movesUsage);
    }

    void isoParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: rejected
        QTest::newRow("zulu") << "2026-11-22T10:30:00Z"
                              << "2026-11-22T10:30:00Z";
        QTest::newRow("no seconds") << "2026-11-22T10:30Z"
                                    << "2026-11-22T10:30:00Z";
        QTest::newRow("millis") << "2026-11-22T10:30:00.250Z"
                                << "2026-11-22T10:30:00.250Z";
        QTest::newRow("micros truncated") << "2026-11-22T10:30:00.123456Z"
                                          << "2026-11-22T10:30:00.123Z";
        QTest::newRow("plus offset") << "2026-11-22T10:30:00+02:00"
                                     << "2026-11-22T08:30:00Z";
        QTest::newRow("minus offset across midnight") << "2026-11-22T22:30:00-05:30"
                                                      << "2026-11-23T04:00:00Z";
        QTest::newRow("leap day") << "2028-02-29T00:00:00Z"
                                  << "2028-02-29T00:00:00Z";
        QTest::newRow("before 1970") << "1969-12-31T23:59:59Z"
                                     << "1969-12-31T23:59:59Z";
        QTest::newRow("no zone") << "2026-11-22T10:30:00"
                                 << "";
        QTest::newRow("date only") << "2026-11-22"
                                   << "";
        QTest::newRow("month 13") << "2026-13-01T00:00:00Z"
                                  << "";
        QTest::newRow("30 february") << "2026-02-30T00:00:00Z"
                                     << "";
        QTest::newRow("29 february, not leap") << "2026-02-29T00:00:00Z"
                                               << "";
        QTest::newRow("hour 24") << "2026-11-22T24:00:00Z"
                                 << "";
        QTest::newRow("trailing text") << "2026-11-22T10:30:00Zs"
                                       << "";
        QTest::newRow("space") << "2026-11-22 10:30:00Z"
                               << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void isoParsing()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto parsed = IsoTime::parse(text);
        QCOMPARE(parsed.has_value(), !expected.isEmpty());
        if (parsed)
            QCOMPARE(IsoTime::formatUtc(*parsed), expected);
    }

    void formatInZone()
    {
        const qint64 t = *IsoTime::parse(u"2026-07-01T12:00:00Z");
        QCOMPARE(IsoTime::format(t, QTimeZone("Europe/Paris")), QStringLiteral("2026-07-01T14:00:00+02:00"));
        QCOMPARE(IsoTime::format(t, QTimeZone("UTC")), QStringLiteral("2026-07-01T12:00:00Z"));
    }
};

QTEST_APPLESS_MAIN(TestBillingPeriod)
#include "tst_billingperiod.moc"
