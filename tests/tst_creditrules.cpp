#include "TestSupport.h"

#include "rules/CreditRules.h"
#include "rules/PlanHistory.h"

using namespace CreditRules;

Q_DECLARE_METATYPE(KeyState)
Q_DECLARE_METATYPE(KeySource)

class TestCreditRules : public QObject
{
    Q_OBJECT

private:
    const Catalog& c = TestSupport::catalog();

    Request request(const char* action, const char* model, KeyChoice key, int allocation, qint64 used)
    {
        Request r;
        r.action = c.action(QString::fromLatin1(action));
        r.slotModel = model ? c.model(QString::fromLatin1(model)) : nullptr;
        r.provider = c.provider(r.action->provider);
        r.key = key;
        r.allocation = allocation;
        r.poolUsed = used;
        r.resetsAt = TestSupport::at("2026-12-01T00:00:00Z");
        r.at = TestSupport::at("2026-11-20T12:00:00Z");
        return r;
    }

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void costByActionAndModel_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("expected");
        const struct
        {
            const char* action;
            int base;
        } actions[] = {{"theme", 1}, {"content", 5}, {"inline_text", 1}, {"analysis", 10}, {"trigger", 20}};
        const struct
        {
            const char* model;
            int factor;
        } models[] = {{"claude-sonnet-4-6", 1},
                      {"claude-opus-4-6", 2},
                      {"claude-sonnet-4-5", 1},
                      {"claude-opus-4-5", 2},
                      {"claude-haiku-4-5", 1}};
        for (const auto& a : actions)
            for (const auto& m : models)
                QTest::addRow("%s on %s", a.action, m.model) << a.action << m.model << a.base * m.factor;
        // Image generation has no model slot: 10 whatever the text models are.
        QTest::newRow("image, no model") << "image"
                                         << "" << 10;
        QTest::newRow("image, opus chosen elsewhere") << "image"
                                                      << "claude-opus-4-6" << 10;
    }

    void costByActionAndModel()
    {
        QFETCH(QString, action);
        QFETCH(QString, model);
        QFETCH(int, expected);
        QCOMPARE(cost(*c.action(action), c.model(model)), expected);
    }

    void keyChoice_data()
    {
        QTest::addColumn<bool>("planAllowsTenantKeys");
        QTest::addColumn<bool>("forTenant");
        QTest::addColumn<KeyState>("tenantKey");
        QTest::addColumn<KeyState>("installKey");
        QTest::addColumn<KeySource>("source");
        QTest::addColumn<KeyState>("state");
        QTest::addColumn<bool>("tenantKeyIgnored");
        using S = KeyState;
        using K = KeySource;
        QTest::newRow("nothing set") << true << true << S::NotSet << S::NotSet << K::Credits << S::NotSet << false;
        QTest::newRow("install key only") << true << true << S::NotSet << S::Active << K::Install << S::Active << false;
        QTest::newRow("tenant key wins") << true << true << S::Active << S::Active << K::Tenant << S::Active << false;
        QTest::newRow("invalid tenant key is not replaced")
            << true << true << S::Invalid << S::Active << K::Tenant << S::Invalid << false;
        QTest::newRow("unverified tenant key still used")
            << true << true << S::NotVerified << S::NotSet << K::Tenant << S::NotVerified << false;
        QTest::newRow("essentials ignores tenant key, uses install")
            << false << true << S::Active << S::Active << K::Install << S::Active << true;
        QTest::newRow("essentials ignores tenant key, credits")
            << false << true << S::Active << S::NotSet << K::Credits << S::NotSet << true;
        QTest::newRow("install-level action")
            << true << false << S::NotSet << S::Invalid << K::Install << S::Invalid << false;
    }

    void keyChoice()
    {
        QFETCH(bool, planAllowsTenantKeys);
        QFETCH(bool, forTenant);
        QFETCH(KeyState, tenantKey);
        QFETCH(KeyState, installKey);
        const KeyChoice k = chooseKey(planAllowsTenantKeys, forTenant, tenantKey, installKey);
        QTEST(k.source, "source");
        QTEST(k.state, "state");
        QTEST(k.tenantKeyIgnored, "tenantKeyIgnored");
    }

    void rollingRateLimit_data()
    {
        QTest::addColumn<int>("inWindow"); // queries 15 seconds apart, the last 15 seconds before `at`
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<int>("nextAllowedSeconds"); // after `at`, when refused
        QTest::newRow("empty") << 0 << 20 << true << 0;
        QTest::newRow("one below") << 19 << 20 << true << 0;
        // The oldest of the 20 is 300 s old, so it leaves the window in 3,300 s.
        QTest::newRow("at the limit") << 20 << 20 << false << 3300;
        // 25 in the window: the 5 oldest must not count, the 6th oldest (300 s old) decides.
        QTest::newRow("over the limit") << 25 << 20 << false << 3300;
        QTest::newRow("byok below") << 199 << 200 << true << 0;
        QTest::newRow("byok at the limit") << 200 << 200 << false << 600;
    }

    void rollingRateLimit()
    {
        QFETCH(int, inWindow);
        QFETCH(int, limit);
        const qint64 at = TestSupport::at("2026-11-20T12:00:00Z");
        QVector<qint64> recent;
        for (int i = inWindow; i >= 1; --i)
            recent.append(at - i * 15000LL);
        const RateVerdict v = rateLimit(recent, at, limit, 60);
        QTEST(v.allowed, "allowed");
        QCOMPARE(v.used, inWindow);
        if (!v.allowed) {
            QFETCH(int, nextAllowedSeconds);
            QCOMPARE(v.nextAllowedAt, at + nextAllowedSeconds * 1000LL);
        }
    }

    void windowIsRolling()
    {
        const qint64 at = TestSupport::at("2026-11-20T12:00:00Z");
        // Exactly 60 minutes old has left the window; one millisecond younger has not.
        QVERIFY(rateLimit({at - 3600000}, at, 1, 60).allowed);
        QVERIFY(!rateLimit({at - 3599999}, at, 1, 60).allowed);
    }

    // Periods of November 2026 (UTC); changes are written "when from->to".
    void planInForce_data()
    {
        QTest::addColumn<QStringList>("changes");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("asOf");
        QTest::addColumn<QString>("allocatedBy");
        QTest::addColumn<QString>("startedOn");
        QTest::addColumn<QString>("next");
        QTest::newRow("never changed") << QStringList{} << "professional"
                                       << "2026-11-20T00:00:00Z"
                                       << "professional"
                                       << "professional"
                                       << "";
        QTest::newRow("before the first change: the plan it left")
            << QStringList{"2026-11-25T00:00:00Z essentials->enterprise"} << "enterprise"
            << "2026-11-20T00:00:00Z"
            << "essentials"
            << "essentials"
            << "";
        QTest::newRow("upgrade raises the period from then on")
            << QStringList{"2026-11-10T00:00:00Z essentials->enterprise"} << "enterprise"
            << "2026-11-20T00:00:00Z"
            << "enterprise"
            << "essentials"
            << "";
        QTest::newRow("downgrade waits for the next period")
            << QStringList{"2026-11-10T00:00:00Z enterprise->essentials"} << "essentials"
            << "2026-11-20T00:00:00Z"
            << "enterprise"
            << "enterprise"
            << "essentials";
        QTest::newRow("downgrade last period holds from this period's start")
            << QStringList{"2026-10-10T00:00:00Z enterprise->essentials"} << "essentials"
            << "2026-11-20T00:00:00Z"
            << "essentials"
            << "essentials"
            << "";
        QTest::newRow("upgrade then downgrade keeps the upgrade this period")
            << QStringList{"2026-11-05T00:00:00Z essentials->enterprise",
                           "2026-11-06T00:00:00Z enterprise->professional"}
            << "professional"
            << "2026-11-20T00:00:00Z"
            << "enterprise"
            << "essentials"
            << "professional";
        QTest::newRow("a change after asOf does not count yet")
            << QStringList{"2026-10-01T00:00:00Z essentials->professional",
                           "2026-11-25T00:00:00Z professional->enterprise"}
            << "enterprise"
            << "2026-11-20T00:00:00Z"
            << "professional"
            << "professional"
            << "";
    }

    void planInForce()
    {
        QFETCH(QStringList, changes);
        QFETCH(QString, current);
        QFETCH(QString, asOf);
        QFETCH(QString, allocatedBy);
        QFETCH(QString, startedOn);
        QFETCH(QString, next);
        QVector<PlanHistory::Change> history;
        for (const QString& c : changes) {
            const QStringList when = c.split(QLatin1Char(' '));
            const QStringList plans = when[1].split(QStringLiteral("->"));
            history.append({TestSupport::at(when[0].toLatin1().constData()), plans[0], plans[1]});
        }
        const PlanHistory::InForce f =
            PlanHistory::inForce(c, history, c.plan(current), TestSupport::at("2026-11-01T00:00:00Z"),
                                 TestSupport::at(asOf.toLatin1().constData()));
        QCOMPARE(f.plan->id, allocatedBy);
        QCOMPARE(f.atStart->id, startedOn);
        QCOMPARE(f.next ? f.next->id : QString(), next);
    }

    void decisions_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("source"); // KeySource
        QTest::addColumn<int>("state");  // KeyState
        QTest::addColumn<int>("allocation");
        QTest::addColumn<int>("used");
        QTest::addColumn<int>("recent"); // queries in the last hour
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("billing");
        QTest::addColumn<int>("credits");
        QTest::addColumn<QString>("message");
        const int credits = int(KeySource::Credits), install = int(KeySource::Install), tenant = int(KeySource::Tenant);
        const int none = int(KeyState::NotSet), active = int(KeyState::Active), invalid = int(KeyState::Invalid),
                  unverified = int(KeyState::NotVerified), broke = int(KeyState::OutOfBudget),
                  throttled = int(KeyState::Throttled);
        QTest::newRow("on credits") << "content"
                                    << "claude-sonnet-4-6" << credits << none << 100 << 0 << 0 << true << "credits" << 5
                                    << "";
        QTest::newRow("opus doubles") << "content"
                                      << "claude-opus-4-6" << credits << none << 500 << 0 << 0 << true << "credits"
                                      << 10 << "";
        QTest::newRow("exactly enough") << "trigger"
                                        << "claude-sonnet-4-6" << credits << none << 100 << 80 << 0 << true << "credits"
                                        << 20 << "";
        QTest::newRow("one short") << "trigger"
                                   << "claude-sonnet-4-6" << credits << none << 100 << 81 << 0 << false << "" << 0
                                   << "Not enough AI credits: trigger generation needs 20 and 19 remain until the "
                                      "reset at 2026-12-01T00:00:00Z";
        QTest::newRow("overdrawn pool") << "theme"
                                        << "claude-sonnet-4-6" << credits << none << 100 << 130 << 0 << false << "" << 0
                                        << "needs 1 and 0 remain";
        QTest::newRow("byok is free") << "trigger"
                                      << "claude-opus-4-6" << install << active << 100 << 100 << 0 << true << "byok"
                                      << 0 << "";
        QTest::newRow("unverified key is used")
            << "content"
            << "claude-sonnet-4-6" << tenant << unverified << 100 << 100 << 0 << true << "byok" << 0 << "";
        QTest::newRow("invalid claude key")
            << "content"
            << "claude-sonnet-4-6" << install << invalid << 100 << 0 << 0 << false << "" << 0
            << "Your organisation's Claude API key is invalid. Update it in Settings → AI.";
        QTest::newRow("invalid openai key")
            << "image"
            << "" << tenant << invalid << 100 << 0 << 0 << false << "" << 0
            << "Your organisation's OpenAI API key is invalid. Update it in Settings → AI.";
        QTest::newRow("out-of-budget claude key")
            << "analysis"
            << "claude-sonnet-4-6" << install << broke << 100 << 0 << 0 << false << "" << 0
            << "Your organisation's Claude API key is out of budget: raise its spend limit at "
               "console.anthropic.com, or update the key in Settings → AI.";
        QTest::newRow("out-of-budget openai key")
            << "image"
            << "" << install << broke << 100 << 0 << 0 << false << "" << 0
            << "OpenAI API key is out of budget: raise its spend limit at platform.openai.com";
        QTest::newRow("throttled key is used")
            << "content"
            << "claude-sonnet-4-6" << install << throttled << 100 << 100 << 0 << true << "byok" << 0 << "";
        QTest::newRow("credit rate limit") << "theme"
                                           << "claude-sonnet-4-6" << credits << none << 2000 << 0 << 20 << false << ""
                                           << 0 << "Rate limit reached (20/hour)";
        QTest::newRow("byok allows more")
            << "theme"
            << "claude-sonnet-4-6" << install << active << 100 << 0 << 150 << true << "byok" << 0 << "";
        QTest::newRow("byok rate limit") << "theme"
                                         << "claude-sonnet-4-6" << install << active << 100 << 0 << 200 << false << ""
                                         << 0 << "Rate limit reached (200/hour)";
        QTest::newRow("rate limit before credits")
            << "theme"
            << "claude-sonnet-4-6" << credits << none << 100 << 100 << 20 << false << "" << 0 << "Rate limit reached";
    }

    void alertLevels_data()
    {
        QTest::addColumn<int>("used");
        QTest::addColumn<int>("allocation");
        QTest::addColumn<int>("level");
        QTest::newRow("none") << 0 << 100 << 0;
        QTest::newRow("just under 80") << 399 << 500 << 0;
        QTest::newRow("80") << 400 << 500 << 80;
        QTest::newRow("90") << 1800 << 2000 << 90;
        QTest::newRow("99") << 99 << 100 << 90;
        QTest::newRow("full") << 100 << 100 << 100;
        QTest::newRow("overdrawn by import") << 361 << 100 << 100;
    }

    void alertLevels()
    {
        QFETCH(int, used);
        QFETCH(int, allocation);
        QTEST(alertLevel(used, allocation), "level");
    }

    void forecastCarriesTheRecentPaceForward()
    {
        const qint64 day = 86400000;
        const qint64 now = TestSupport::at("2026-11-18T00:00:00Z");
        const qint64 reset = TestSupport::at("2026-12-01T00:00:00Z");
        // 140 credits in the last 7 days: 20 a day; 120 left run out in 6 days, 7 days before the reset.
        Forecast f = forecast(120, 140, now - 7 * day, now, reset);
        QCOMPARE(f.dailyRate, 20.0);
        QCOMPARE(f.runsOutAt, std::optional<qint64>(now + 6 * day));
        // 500 left at 20 a day would last 25 days: past the reset, so they last.
        QVERIFY(!forecast(500, 140, now - 7 * day, now, reset).runsOutAt);
        // Nothing used lately: they last.
        f = forecast(50, 0, now - 7 * day, now, reset);
        QCOMPARE(f.dailyRate, 0.0);
        QVERIFY(!f.runsOutAt);
        // A period two days old: its own two days set the pace (30 a day; 45 left, a day and a half).
        f = forecast(45, 60, now - 2 * day, now, reset);
        QCOMPARE(f.dailyRate, 30.0);
        QCOMPARE(f.runsOutAt, std::optional<qint64>(now + day + day / 2));
        // Nothing left: out now.
        QCOMPARE(forecast(0, 10, now - day, now, reset).runsOutAt, std::optional<qint64>(now));
        QVERIFY(!forecast(45, 60, now - 2 * day, now, reset).tooEarly);
    }

    // A slot's recent runs at the new model's multiplier, and the pace they would give.
    void aModelChangeReckonsTheSlotsRunsAgain()
    {
        const Catalog& c = TestSupport::catalog();
        const Action* analysis = c.action(u"analysis"); // 10 credits a run at ×1
        const Action* trigger = c.action(u"trigger");   // 20
        const Model& sonnet = *c.model(u"claude-sonnet-4-6");
        const Model& opus = *c.model(u"claude-opus-4-6");
        const qint64 now = TestSupport::at("2026-11-10T00:00:00Z");
        const qint64 reset = TestSupport::at("2026-12-01T00:00:00Z");
        // 3 analysis runs on credits (charged 40, one of them at Opus), 2 trigger runs, 1 trigger run on a key.
        const QVector<RecentRuns> runs{{analysis, 3, 40, 0}, {trigger, 2, 40, 1}};
        Forecast pace;
        pace.dailyRate = 10;
        // 100 left at 10 a day: out in 10 days, before the reset. At Opus the slot's 70 credits in 30 days would
        // have been 140: 70 more, 7/3 a day, so 100 last 100 / (37/3) = 300/37 days.
        ModelChange m = modelChange(runs, sonnet, opus, 30, pace, 100, now, reset);
        QCOMPARE(m.creditRuns, 5);
        QCOMPARE(m.creditsCharged, 80);
        QCOMPARE(m.creditsAtCurrent, 70);
        QCOMPARE(m.creditsAtNext, 140);
        QCOMPARE(m.byokRuns, 1);
        QCOMPARE(m.runsOutAt, std::optional<qint64>(now + qint64(100 / (10 + 70.0 / 30) * 86400000.0)));
        // Back from Opus to Sonnet: 70 less, 10 − 7/3 a day; 200 left last 26 days, past the reset.
        m = modelChange(runs, opus, sonnet, 30, pace, 200, now, reset);
        QCOMPARE(m.creditsAtCurrent, 140);
        QCOMPARE(m.creditsAtNext, 70);
        QVERIFY(!m.runsOutAt);
        // Nothing left: out now, whatever the model. Too early for a pace: nothing said.
        QCOMPARE(modelChange(runs, opus, sonnet, 30, pace, 0, now, reset).runsOutAt, std::optional<qint64>(now));
        pace.tooEarly = true;
        m = modelChange(runs, sonnet, opus, 30, pace, 100, now, reset);
        QVERIFY(m.tooEarly && !m.runsOutAt);
    }

    // Tokens priced exactly: each kind at its price, the products summed in micro-dollars, rounded once.
    void tokensArePricedExactly()
    {
        const ModelPrice sonnet = *TestSupport::catalog().model(u"claude-sonnet-4-6")->priceOn(QDate(2026, 11, 20));
        TokenCounts t;
        t.input = 1234567;                                                          // × $3 / M      = $3.703701
        t.cacheWrite5m = 10000;                                                     // × $3.75 / M  = $0.0375
        t.cacheWrite1h = 2000;                                                      // × $6 / M     = $0.012
        t.cacheRead = 500001;                                                       // × $0.30 / M  = $0.1500003
        t.output = 98765;                                                           // × $15 / M    = $1.481475
        QCOMPARE(tokenCost(t, sonnet), 3703701 + 37500 + 12000 + 150000 + 1481475); // $0.1500003 → $0.150000
        // Rounded once, at the end: three cache reads at $0.30 / M are 0.9 micro-dollars, one.
        QCOMPARE(tokenCost({0, 0, 0, 1, 0}, sonnet), 0);
        QCOMPARE(tokenCost({0, 0, 0, 3, 0}, sonnet), 1);
        QCOMPARE(tokenCost({0, 0, 0, 0, 0}, sonnet), 0);
        // A year of a busy install's tokens does not overflow.
        QCOMPARE(tokenCost({0, 0, 0, 0, 1000000000000LL}, sonnet), 15000000000000LL);
    }

    // Two minutes into a period say nothing about a day: neither "they last" nor a date; an hour does.
    void theFirstHourOfAPeriodIsTooEarlyForAForecast()
    {
        const qint64 start = TestSupport::at("2026-12-01T00:00:00Z");
        const qint64 reset = TestSupport::at("2027-01-01T00:00:00Z");
        for (qint64 credits : {0, 10, 90}) {
            const Forecast f = forecast(100 - credits, credits, start, start + 2 * 60000, reset);
            QVERIFY(f.tooEarly);
            QVERIFY(!f.runsOutAt);
        }
        QVERIFY(forecast(100, 0, start, start + forecastMinimumMs - 1, reset).tooEarly);
        const Forecast hour = forecast(90, 10, start, start + forecastMinimumMs, reset);
        QVERIFY(!hour.tooEarly);
        QCOMPARE(hour.dailyRate, 240.0);
        QCOMPARE(hour.runsOutAt, std::optional<qint64>(start + forecastMinimumMs + 9 * 3600000));
        // All used within the first minutes: they did run out, now.
        const Forecast spent = forecast(0, 100, start, start + 60000, reset);
        QVERIFY(spent.tooEarly);
        QCOMPARE(spent.runsOutAt, std::optional<qint64>(start + 60000));
    }

    void decisions()
    {
        QFETCH(QString, action);
        QFETCH(QString, model);
        QFETCH(int, source);
        QFETCH(int, state);
        QFETCH(int, allocation);
        QFETCH(int, used);
        QFETCH(int, recent);
        QFETCH(bool, allowed);
        Request r = request(action.toLatin1().constData(), model.isEmpty() ? nullptr : model.toLatin1().constData(),
                            KeyChoice{KeySource(source), KeyState(state), false}, allocation, used);
        for (int i = 0; i < recent; ++i)
            r.recent.append(r.at - 1000 * (i + 1));
        const auto d = decide(r, c.rateLimit());
        QCOMPARE(d.ok(), allowed);
        if (allowed) {
            QTEST(billingId(d->billing), "billing");
            QTEST(d->credits, "credits");
        } else {
            QFETCH(QString, message);
            QCOMPARE(d.failure().kind, Failure::Refused);
            QVERIFY2(d.failure().message.contains(message), qPrintable(d.failure().message));
        }
    }
};

QTEST_APPLESS_MAIN(TestCreditRules)
#include "tst_creditrules.moc"
